"""Report data in, file bytes out: one exporter per format.

    from tracker.reports import export, export_urge_letter
    content = export(data, "docx", style="party", letterhead=letterhead, lang="vi")

Reports import only ``tracker.domain`` and ``tracker.i18n`` (plus python-docx and openpyxl).
"""

from __future__ import annotations

from dataclasses import replace

from tracker.domain.errors import InputError
from tracker.domain.report import Letterhead, ReportData, UrgeLetterData
from tracker.i18n import current_language

FORMATS = ("docx", "xlsx", "csv", "md", "json")
STYLES = ("state", "party")
EXTENSIONS = {"docx": ".docx", "xlsx": ".xlsx", "csv": ".csv", "md": ".md", "json": ".json"}


def export(data: ReportData, fmt: str, style: str | None = None, letterhead: Letterhead | None = None,
           lang: str | None = None) -> bytes:
    """The report in ``fmt`` (docx, xlsx, csv, md, json) with labels in ``lang`` (default: current).

    ``style`` ("state" or "party") overrides ``letterhead.style``; it only changes the DOCX.
    """
    lang = lang or current_language()
    head = _letterhead(letterhead, style)
    if fmt == "md":
        from tracker.reports.markdown import render_markdown

        return render_markdown(data, lang).encode("utf-8")
    if fmt == "csv":
        from tracker.reports.csv_export import render_csv

        return render_csv(data, lang).encode("utf-8")
    if fmt == "json":
        from tracker.reports.json_export import render_json_bytes

        return render_json_bytes(data)
    if fmt == "xlsx":
        from tracker.reports.xlsx import render_xlsx

        return render_xlsx(data, lang)
    if fmt == "docx":
        from tracker.reports.docx_report import render_docx

        return render_docx(data, lang, head)
    raise InputError("rpt.bad_format", format=fmt, choices=", ".join(FORMATS))


def export_urge_letter(data: UrgeLetterData, style: str | None = None, letterhead: Letterhead | None = None,
                       lang: str | None = None) -> bytes:
    """The công văn đôn đốc as DOCX bytes."""
    from tracker.reports.urge_letter import render_urge_letter

    return render_urge_letter(data, lang or current_language(), _letterhead(letterhead, style))


def _letterhead(letterhead: Letterhead | None, style: str | None) -> Letterhead:
    head = letterhead or Letterhead()
    if style is None:
        style = head.style
    if style not in STYLES:
        raise InputError("rpt.bad_style", style=style)
    return head if style == head.style else replace(head, style=style)
