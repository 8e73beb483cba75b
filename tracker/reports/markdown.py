"""The report as Markdown (GitHub tables), every row listed."""

from __future__ import annotations

import re

from tracker.domain.report import ReportData
from tracker.reports.outline import Block, Bullets, Outline, Paragraph, Section, Table, build_outline
from tracker.reports.text import labeler


def render_markdown(data: ReportData, lang: str) -> str:
    return outline_markdown(build_outline(data, lang), lang)


def outline_markdown(outline: Outline, lang: str) -> str:
    out: list[str] = [f"# {outline.title}", "", f"**{outline.subtitle}**", "", f"*{outline.period}*", ""]
    for paragraph in outline.intro:
        out += [_paragraph(paragraph), ""]
    for section in outline.sections:
        _section(out, section, level=2, lang=lang)
    return "\n".join(out).rstrip("\n") + "\n"


def _section(out: list[str], section: Section, *, level: int, lang: str) -> None:
    out += [f"{'#' * level} {section.number}. {section.title}", ""]
    for block in section.blocks:
        _block(out, block, lang)
    for sub in section.subsections:
        _section(out, sub, level=level + 1, lang=lang)
    for block in section.closing:
        _block(out, block, lang)


def _block(out: list[str], block: Block, lang: str) -> None:
    if isinstance(block, Paragraph):
        out += [_paragraph(block), ""]
    elif isinstance(block, Bullets):
        out += [f"- {_escape(item)}" for item in block.items] + [""]
    else:
        out += _table(block, lang) + [""]


def _paragraph(paragraph: Paragraph) -> str:
    text = _escape(paragraph.text)
    return f"*{text}*" if paragraph.italic else text


def _table(table: Table, lang: str) -> list[str]:
    rule = {"left": "---", "right": "---:", "center": ":---:"}
    lines = ["| " + " | ".join(_cell(c.label) for c in table.columns) + " |",
             "|" + "|".join(rule[c.align] for c in table.columns) + "|"]
    last = len(table.rows) - 1
    for index, row in enumerate(table.rows):
        if table.bold_last and index == last:
            text = " | ".join(f"**{value}**" if value else value for value in map(_cell, row))
        elif _SPECIAL.search("".join(row)):  # rare: a cell to mend (looked for in the whole row at once)
            text = " | ".join(map(_cell, row))
        else:
            text = " | ".join(row)
        lines.append(f"| {text} |")
    if table.more:
        lines += ["", labeler(lang)("rpt.more_rows", count=table.more)]
    return lines


_SPECIAL = re.compile(r"[|\n\r\t]")


def _cell(value: str) -> str:
    if "\n" in value or "\r" in value or "\t" in value:
        value = " ".join(value.split())
    return value.replace("|", "\\|") if "|" in value else value


def _escape(text: str) -> str:
    """Keep a leading "1." or "-" of a sentence from turning into a list, and stars literal."""
    return text.replace("*", "\\*")
