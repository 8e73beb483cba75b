"""How the report writes dates, rates, periods and references in each language."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import cache, lru_cache
from typing import Any

from tracker.domain.report import Letterhead, ReportFilters, ReportPeriod, TaskLine
from tracker.i18n import catalogue, t

Labeler = Callable[..., str]


def labeler(lang: str) -> Labeler:
    """``t`` bound to one language: ``L("rpt.title")``."""

    plain: dict[str, str] = {}  # labels without parameters, looked up once (a report asks 100,000 times)

    def label(key: str, **params: Any) -> str:
        if params:
            return t(key, lang, **params)
        found = plain.get(key)
        if found is None:
            found = plain[key] = t(key, lang)
        return found

    return label


@lru_cache(maxsize=8192)  # a report shows a few hundred distinct days, tens of thousands of times
def fmt_date(day: date | None, lang: str) -> str:
    """dd/mm/yyyy in Vietnamese, ISO in English (unambiguous for foreign readers); "" for none."""
    if day is None:
        return ""
    return f"{day.day:02d}/{day.month:02d}/{day.year}" if lang == "vi" else day.isoformat()


def fmt_datetime(moment: datetime, lang: str) -> str:
    return f"{moment:%H:%M} {fmt_date(moment.date(), lang)}" if lang == "vi" else f"{moment:%Y-%m-%d %H:%M}"


def fmt_rate(value: float | None, lang: str) -> str:
    """"66,7%" in Vietnamese (decimal comma), "66.7%" in English, "-" when nothing was judged."""
    if value is None:
        return "-"
    text = f"{value * 100:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return (text.replace(".", ",") if lang == "vi" else text) + "%"


def fmt_int(value: int | None) -> str:
    return "" if value is None else str(value)


def period_label(period: ReportPeriod, lang: str) -> str:
    """"Tuần 30 năm 2021 (từ ngày 26/07/2021 đến ngày 01/08/2021)" or "Từ ngày ... đến ngày ..."."""
    start, end = fmt_date(period.start, lang), fmt_date(period.end, lang)
    if period.iso_week:
        year, _, week = period.iso_week.partition("-W")
        return t("rpt.period_week", lang, week=int(week), year=year, start=start, end=end)
    return t("rpt.period_range", lang, start=start, end=end)


def place_date_line(place: str, day: date, lang: str) -> str:
    """The place-and-date line; days below 10 and the months 1 and 2 take a leading zero (NĐ 30)."""
    where = place.strip() or t("rpt.place_blank", lang)
    day_text = f"{day.day:02d}" if lang == "vi" else str(day.day)
    return t("rpt.place_date", lang, place=where, day=day_text, month=t(f"rpt.month.{day.month}", lang),
             year=day.year)


def number_line(letterhead: Letterhead, lang: str, *, kind: str = "BC") -> str:
    """"Số:        /BC-VPTU" (state) or "Số        -BC/VPTU" (party), the number left blank.

    ``kind`` "CV" drops the document-type part of ``number_symbol`` for a công văn: state letters
    carry only the office's abbreviation ("Số:      /VPTU"), party letters use "CV" ("-CV/VPTU").
    """
    symbol = letterhead.number_symbol.strip() or "..."
    if letterhead.style == "party":
        if "/" not in symbol and "-" in symbol:
            symbol = symbol.replace("-", "/", 1)  # "BC-VPTU" -> "BC/VPTU"
        if kind != "BC" and "/" in symbol:
            symbol = f"{kind}/{symbol.split('/', 1)[1]}"
        return t("rpt.number_party", lang, symbol=symbol)
    if kind != "BC":
        head, sep, rest = symbol.partition("-")
        if sep and head.upper() in ("BC", "CV"):
            symbol = rest
    return t("rpt.number_state", lang, symbol=symbol)


def directive_ref(line: TaskLine, lang: str, *, with_item: bool = True) -> str:
    """"230-CV/TU ngày 04/07/2021, mục 3.2"."""
    text = _directive_label(line.directive_number, line.directive_date, lang)
    if with_item and line.item_ref:
        text = f"{text}, {template('rpt.item_ref', lang).format(ref=line.item_ref)}"
    return text


@lru_cache(maxsize=8192)  # a report's lines come from a few thousand directives
def _directive_label(number: str, issued: date | None, lang: str) -> str:
    if issued is None:
        return number
    return template("rpt.directive_ref", lang).format(number=number, date=fmt_date(issued, lang))


@cache
def template(key: str, lang: str) -> str:
    """A message template as it stands (for formatting thousands of rows without the lookup)."""
    texts = catalogue()[key]
    return texts.get(lang) or texts["vi"]


def filters_text(filters: ReportFilters, lang: str) -> str:
    parts = []
    if filters.bodies:
        parts.append(t("rpt.filter_bodies", lang, names=", ".join(filters.bodies)))
    if filters.directives:
        parts.append(t("rpt.filter_directives", lang, names=", ".join(filters.directives)))
    return "; ".join(parts) if parts else t("rpt.fig.scope_all", lang)


def recurrence_label(value: str, lang: str) -> str:
    key = f"recurrence.{value}"
    label = t(key, lang)
    return value if label == key else label

