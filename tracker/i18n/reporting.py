"""Messages of the report service and the ``tracker report`` command (tracker.services.reporting,
tracker.cli.report). The labels inside the report files live in ``tracker.i18n.reports``."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # the service
    "reporting.bad_range": {
        "vi": "Khoảng thời gian không hợp lệ: ngày bắt đầu {start} sau ngày kết thúc {end}.",
        "en": "Invalid period: the start {start} is after the end {end}.",
    },
    "reporting.bad_date": {
        "vi": "Ngày không hợp lệ: {value} (viết YYYY-MM-DD hoặc DD/MM/YYYY).",
        "en": "Invalid date: {value} (write YYYY-MM-DD or DD/MM/YYYY).",
    },
    "reporting.future_period": {
        "vi": "Kỳ báo cáo bắt đầu ngày {start}, sau ngày hôm nay ({today}): chưa có số liệu.",
        "en": "The period starts on {start}, after today ({today}): there are no figures yet.",
    },
    "reporting.no_directives": {
        "vi": "Cơ sở dữ liệu chưa có văn bản chỉ đạo nào; hãy nhập văn bản trước (tracker import).",
        "en": "The database holds no directive yet; import some first (tracker import).",
    },
    "reporting.before_first_directive": {
        "vi": "Không có số liệu tính đến ngày {cutoff}: văn bản chỉ đạo đầu tiên được nhập ngày {first}.",
        "en": "No figures as of {cutoff}: the first directive was imported on {first}.",
    },
    "reporting.body_not_found": {
        "vi": "Không tìm thấy cơ quan, đơn vị: {body} (xem tracker bodies list).",
        "en": "No such body: {body} (see tracker bodies list).",
    },
    "reporting.directive_not_found": {
        "vi": "Không tìm thấy văn bản số {number}.",
        "en": "No directive numbered {number}.",
    },
    "reporting.urge_nothing_overdue": {
        "vi": "{body} không có nhiệm vụ quá hạn tính đến ngày {cutoff}: không cần văn bản đôn đốc.",
        "en": "{body} has no overdue task as of {cutoff}: no urging letter is needed.",
    },
    # the command
    "cli.report.help": {
        "vi": "Lập báo cáo tình hình thực hiện nhiệm vụ (mặc định: tuần chứa ngày hôm nay, Markdown).",
        "en": "Produce the status report (default: the week containing today, Markdown).",
    },
    "cli.report.opt.week": {"vi": "Tuần ISO, ví dụ 2021-W30.", "en": "ISO week, e.g. 2021-W30."},
    "cli.report.opt.from": {"vi": "Từ ngày (thay cho --week).", "en": "From this day (instead of --week)."},
    "cli.report.opt.to": {"vi": "Đến ngày (mặc định hôm nay).", "en": "To this day (default today)."},
    "cli.report.opt.format": {
        "vi": "Định dạng: docx, xlsx, csv, md, json (mặc định md; theo đuôi tệp của --out nếu có).",
        "en": "Format: docx, xlsx, csv, md, json (default md; taken from the --out file name when given).",
    },
    "cli.report.opt.out": {
        "vi": "Ghi ra tệp này (không có: in ra màn hình, trừ docx/xlsx).",
        "en": "Write to this file (without it: print, except docx/xlsx).",
    },
    "cli.report.opt.force": {"vi": "Ghi đè tệp đã có.", "en": "Overwrite an existing file."},
    "cli.report.opt.body": {
        "vi": "Chỉ các nhiệm vụ của cơ quan này (lặp lại được).",
        "en": "Only the tasks of this body (repeatable).",
    },
    "cli.report.opt.directive": {
        "vi": "Chỉ các nhiệm vụ của văn bản số này (lặp lại được).",
        "en": "Only the tasks of this directive number (repeatable).",
    },
    "cli.report.opt.style": {
        "vi": "Thể thức DOCX: state (NĐ 30/2020/NĐ-CP) hoặc party (HD 36-HD/VPTW).",
        "en": "DOCX layout: state (Decree 30/2020/ND-CP) or party (Guide 36-HD/VPTW).",
    },
    "cli.report.urge.help": {
        "vi": "Soạn công văn đôn đốc (DOCX) gửi một cơ quan về các nhiệm vụ quá hạn.",
        "en": "Draft an urging letter (DOCX) to a body about its overdue tasks.",
    },
    "cli.report.urge.opt.body": {"vi": "Cơ quan được đôn đốc.", "en": "The body to urge."},
    "cli.report.urge.opt.as_of": {
        "vi": "Tính quá hạn đến ngày này (mặc định hôm nay).",
        "en": "Overdue as of this day (default today).",
    },
    "cli.report.urge.opt.reply_by": {
        "vi": "Hạn báo cáo lại (mặc định 7 ngày sau hôm nay).",
        "en": "Reply by this day (default a week after today).",
    },
    "cli.report.urge.opt.out": {
        "vi": "Tệp DOCX (mặc định: don-doc-<cơ quan>-<ngày>.docx).",
        "en": "The DOCX file (default: don-doc-<body>-<date>.docx).",
    },
    "cli.report.exists": {
        "vi": "Tệp {path} đã có; dùng --force để ghi đè.",
        "en": "{path} already exists; use --force to overwrite it.",
    },
    "cli.report.binary_needs_out": {
        "vi": "Định dạng {format} cần --out TỆP.",
        "en": "The {format} format needs --out FILE.",
    },
    "cli.report.week_and_range": {
        "vi": "Dùng --week hoặc --from/--to, không dùng cả hai.",
        "en": "Use --week or --from/--to, not both.",
    },
    "cli.report.written": {
        "vi": "Đã ghi {path} ({format}, số liệu tính đến ngày {cutoff}).",
        "en": "Wrote {path} ({format}, figures as of {cutoff}).",
    },
    "cli.report.urge_written": {
        "vi": "Đã ghi {path}: công văn đôn đốc {body} về {count} nhiệm vụ quá hạn.",
        "en": "Wrote {path}: urging letter to {body} about {count} overdue task(s).",
    },
}
