"""Messages of ``tracker extract``."""

MESSAGES: dict[str, dict[str, str]] = {
    "cli.extract.help": {
        "vi": "Đọc văn bản chỉ đạo và in những gì tìm thấy (văn bản, mục, cơ quan, thời hạn). Không lưu gì.",
        "en": "Read directive files and print what was found (documents, items, bodies, deadlines). Stores nothing.",
    },
    "cli.extract.opt.json": {"vi": "In kết quả dạng JSON", "en": "Print the result as JSON"},
    "extract.no_items": {
        "vi": "Không tìm thấy mục nhiệm vụ đánh số nào trong tệp {name}: có thể đây không phải văn bản chỉ đạo",
        "en": "No numbered task items found in {name}: it may not be a directive",
    },
    "extract.tree.file": {"vi": "Tệp {name}: {count} văn bản", "en": "File {name}: {count} document(s)"},
    "extract.tree.document": {"vi": "Văn bản {index}: {kind} số {number} ngày {date} — {issuer}",
                              "en": "Document {index}: {kind} no. {number} of {date} — {issuer}"},
    "extract.tree.subject": {"vi": "Trích yếu: {subject}", "en": "Subject: {subject}"},
    "extract.tree.signer": {"vi": "Người ký: {signer} · Theo dõi: {monitor}",
                            "en": "Signed by: {signer} · Monitoring: {monitor}"},
    "extract.tree.bodies": {"vi": "Cơ quan: {bodies}", "en": "Bodies: {bodies}"},
    "extract.tree.nobody": {"vi": "(chưa xác định)", "en": "(none found)"},
    "extract.tree.new": {"vi": "mới", "en": "new"},
    "extract.tree.deadline": {"vi": "Thời hạn: {due} «{raw}»", "en": "Deadline: {due} «{raw}»"},
    "extract.tree.issue": {"vi": "dòng {line}: {message}", "en": "line {line}: {message}"},
}
