"""The urging letter (công văn đôn đốc) to one body about its overdue tasks, as a DOCX.

Header with the number ("Số:      /VPTU"; party style "Số      -CV/VPTU") and under it the
subject "V/v đôn đốc thực hiện nhiệm vụ quá hạn"; "Kính gửi: <body>."; the opening sentence with
the count as of the cut-off; the table of tasks (source directive and item, action, deadline,
days overdue, latest progress); the request and the reply date; "Nơi nhận:" (the body first,
"- Như trên;") and the signature.
"""

from __future__ import annotations

import io

from tracker.domain.report import Letterhead, UrgeLetterData
from tracker.domain.text import fold, name_in_sentence
from tracker.reports.docx_layout import (
    BODY_PT,
    data_table,
    header_block,
    new_document,
    paragraph,
    signature_block,
)
from tracker.reports.outline import Column, Table
from tracker.reports.text import directive_ref, fmt_date, labeler


def render_urge_letter(data: UrgeLetterData, lang: str, letterhead: Letterhead) -> bytes:
    L = labeler(lang)
    document = new_document()
    header_block(document, letterhead, lang, data.issued_on, kind="CV", subject=L("rpt.urge.subject"))
    paragraph(document, "", space_after=0)
    paragraph(document, L("rpt.urge.to", body=data.body), size=BODY_PT, align="center", space_after=12)
    cutoff = fmt_date(data.cutoff, lang)
    if not data.tasks:
        paragraph(document, L("rpt.urge.none", body=data.body, cutoff=cutoff), align="justify", indent_first=True)
    else:
        paragraph(document, L("rpt.urge.opening", cutoff=cutoff, body=data.body, count=len(data.tasks)),
                  align="justify", indent_first=True)
        data_table(document, _tasks_table(data, lang), lang)
        paragraph(document, L("rpt.urge.request", body=data.body), align="justify", indent_first=True)
    office = _office_in_sentence(letterhead) or L("rpt.urge.office_blank")
    if data.reply_by is not None:
        paragraph(document, L("rpt.urge.reply_by", office=office, date=fmt_date(data.reply_by, lang)),
                  align="justify", indent_first=True)
    else:
        paragraph(document, L("rpt.urge.reply", office=office), align="justify", indent_first=True)
    signature_block(document, letterhead, lang,
                    first_recipients=(L("rpt.as_above").strip("- ;"), *data.copy_to))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _office_in_sentence(letterhead: Letterhead) -> str:
    """The issuing office as a sentence names it: "VĂN PHÒNG" under "TỈNH ỦY TÂY NINH" is
    "Văn phòng Tỉnh ủy Tây Ninh"; "VĂN PHÒNG UBND TỈNH" is "Văn phòng UBND tỉnh"."""
    office, parent = letterhead.issuing_body.strip(), letterhead.parent_body.strip()
    if office and parent and fold(office) == "van phong":
        return f"{name_in_sentence(office)} {name_in_sentence(parent)}"
    return name_in_sentence(office)


def _tasks_table(data: UrgeLetterData, lang: str) -> Table:
    L = labeler(lang)
    columns = [Column(L("rpt.col.no"), 1.0, "center"), Column(L("rpt.col.directive"), 3.2),
               Column(L("rpt.col.action"), 5.6), Column(L("rpt.col.deadline"), 2.1, "center"),
               Column(L("rpt.col.days_overdue"), 1.7, "right"), Column(L("rpt.col.latest_note"), 2.9)]
    rows = [[str(i), directive_ref(line, lang), line.action, fmt_date(line.deadline, lang), str(line.days_overdue),
             line.latest_note] for i, line in enumerate(data.tasks, 1)]
    return Table(columns, rows)
