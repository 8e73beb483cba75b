"""Deadline, recurrence and urgency of a directive item: ``analyse_timing``.

Pure: no I/O. The phrases are the rules in ``tracker.parsing.rules.deadlines``; this module finds them,
applies the precision guards (cited documents, conditions, situations, quarantine periods...) and
resolves them against the directive's issue date with python-dateutil and the Vietnamese working-day
calendar (``tracker.parsing.workdays``).

Decisions (see docs/deadlines.md):
- the deadline is the first time-limit phrase in the item (anywhere in it) that gives a date on or
  after the issue date; a date that only names or cites something has no trigger word and is skipped;
- recurrence needs a repeated action or report nearby (or "định kỳ"); "đời sống hằng ngày" is not one;
- urgency is the strongest cue in the item's first directive clause (to the first ";" or sentence end,
  cut at a condition "khi" / "nếu" / "trường hợp") or in the demand part of the intro sentence.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateutil.relativedelta import relativedelta
from dateutil.rrule import rrulestr

from tracker.domain.enums import RecurrenceFreq, Urgency
from tracker.domain.parsed import DeadlineHint
from tracker.domain.text import collapse_spaces, modern_tones, modern_tones_lower, nfc
from tracker.parsing.rules import deadlines as rules
from tracker.parsing.rules.deadlines import TimingRule
from tracker.parsing.workdays import add_working_days, last_working_day_before_tet, lunar_new_year

__all__ = [
    "add_working_days",
    "analyse_time_cell",
    "analyse_timing",
    "occurrences",
    "TimingMatch",
    "find_deadline",
    "find_recurrence",
    "find_urgency",
]

# A deadline this far before the issue date belongs to the next year ("trước ngày 15/1" in December).
_ROLLOVER = timedelta(days=183)
# A time limit this close before the issue date, said with a cue ("trước ngày", "chậm nhất"), is one a
# follow-up letter repeats; an older one is a reference ("các dự án giao đất trước ngày 01/7/2014").
_PAST_DUE = timedelta(days=45)
# A resolved deadline further than this after the issue date is not believed.
_MAX_AHEAD = timedelta(days=6 * 366)


def match_spelling(text: str) -> str:
    """Lower case with the modern tone placement: ``modern_tones(text).lower()``, same length."""
    return modern_tones_lower(text)


def _k(text: str) -> str:
    """A literal in the matching key's spelling (the key has the modern tone placement)."""
    return modern_tones(text)


def _kk(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_k(w) for w in words)


_URGENCY_ORDER = {Urgency.ONGOING: 1, Urgency.URGENT: 2, Urgency.IMMEDIATE: 3}
_WEEKDAYS = {
    _k(word): code
    for word, code in {
        "hai": "MO",
        "2": "MO",
        "ba": "TU",
        "3": "TU",
        "tư": "WE",
        "4": "WE",
        "năm": "TH",
        "5": "TH",
        "sáu": "FR",
        "6": "FR",
        "bảy": "SA",
        "7": "SA",
    }.items()
}
_UNIT_FREQ = {
    _k("ngày"): RecurrenceFreq.DAILY,
    _k("tuần"): RecurrenceFreq.WEEKLY,
    _k("tháng"): RecurrenceFreq.MONTHLY,
    _k("quý"): RecurrenceFreq.QUARTERLY,
    _k("năm"): RecurrenceFreq.YEARLY,
}
_FREQ_RRULE = {
    RecurrenceFreq.DAILY: "FREQ=DAILY",
    RecurrenceFreq.WEEKLY: "FREQ=WEEKLY",
    RecurrenceFreq.MONTHLY: "FREQ=MONTHLY",
    RecurrenceFreq.QUARTERLY: "FREQ=MONTHLY;INTERVAL=3",
    RecurrenceFreq.YEARLY: "FREQ=YEARLY",
}
_NUMBER_WORDS = {
    _k(word): value
    for word, value in {
        "một": 1,
        "hai": 2,
        "ba": 3,
        "bốn": 4,
        "năm": 5,
        "sáu": 6,
        "bảy": 7,
        "tám": 8,
        "chín": 9,
        "mười": 10,
        "mười hai": 12,
        "mười ba": 13,
        "mười bốn": 14,
        "mười lăm": 15,
        "mười năm": 15,
        "hai mươi": 20,
        "hai mươi mốt": 21,
        "hai mươi lăm": 25,
        "ba mươi": 30,
    }.items()
}
_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_CAN = _kk(("canh", "tân", "nhâm", "quý", "giáp", "ất", "bính", "đinh", "mậu", "kỷ"))  # year % 10
_CHI = _kk(("thân", "dậu", "tuất", "hợi", "tý", "sửu", "dần", "mão", "thìn", "tỵ", "ngọ", "mùi"))  # year % 12
_CONDITION_RE = re.compile(_k(rules.CONDITION_MARKERS))
# a word every condition marker holds (speed only; a test checks each is in the pattern)
_CONDITION_WORDS = ("khi", "nếu", "giả", "trường")
_DEMAND_RE = re.compile(_k(rules.DEMAND_VERBS))
_KE_TU_RE = re.compile(_k(r"\s*,?\s*(?:kể\s+từ|tính\s+từ)\s+"))
_REPEAT_LEAD_RE = re.compile(_k(rules.REPEAT_LEAD))
_NEGATORS = _kk(rules.NEGATORS)
_ABBREVIATIONS = frozenset(_kk(rules.ABBREVIATIONS))
_SITUATION_NOUNS = _kk(rules.SITUATION_NOUNS)
_SITUATION_FILLERS = _kk(rules.SITUATION_FILLERS)
_RELATIVE_BLOCKERS = _kk(rules.RELATIVE_BLOCKERS)
_COMPLETION_CUES = _kk(rules.COMPLETION_CUES)
_ISSUE_ANCHORS = _kk(rules.ISSUE_ANCHORS)
_PAST_DUE_CUES = _kk(rules.PAST_DUE_CUES)
_UNTIL_BLOCKERS = _kk(rules.UNTIL_BLOCKERS)
_DEADLINE_BLOCKERS = _kk(rules.DEADLINE_BLOCKERS)
_SEASON_WORDS = _kk(rules.SEASON_WORDS)
_YEAR_END_EVENTS = _kk(rules.YEAR_END_EVENTS)
_REPEAT_ACTIONS = _kk(rules.REPEAT_ACTIONS)
_REPEAT_DESCRIBED = _kk(rules.REPEAT_DESCRIBED)

_WORD_RE = re.compile(r"\w+(?:\s*[/&]\s*\w+)?")
# ";" or a sentence end; a line break only after ":" (a line broken mid-sentence is not a clause end):
# ``;|[.!?](?=\s|$)|:[^\S\n]*\n``, opened by the class of its first character and told apart with
# look-behinds, so the engine skips to those characters instead of trying every position (1.8x faster
# on a directive; tests/parsing/test_clause_patterns.py holds it to the plain pattern)
_CLAUSE_END_RE = re.compile(r"[;.!?:](?:(?<=;)|(?<=[.!?])(?=\s|$)|(?<=:)[^\S\n]*\n)")
_SENTENCE_END_RE = re.compile(r"(?<=[.!?:;])[^\S\n]*\n|[.!?](?=\s)")


def _compiled(
    rule_set: tuple[TimingRule, ...],
) -> tuple[tuple[TimingRule, re.Pattern[str], tuple[str, ...]], ...]:
    return tuple((rule, re.compile(_k(rule.pattern)), _kk(rule.needles)) for rule in rule_set)


def _matches(
    rule_set: tuple[tuple[TimingRule, re.Pattern[str], tuple[str, ...]], ...], text: _Text, start: int = 0
) -> Iterator[tuple[TimingRule, re.Match[str]]]:
    """(rule, match) for every rule of the set whose needles occur in the text, in rule order."""
    key = text.key
    present = text.needles
    cache = _RUNNABLE[id(rule_set)]  # one of the three sets below
    runnable = cache.get(present)
    if runnable is None:
        # the rules to run for this combination of needles (the combinations are few)
        runnable = tuple((rule, pattern) for rule, pattern, needles in rule_set
                         if not needles or not present.isdisjoint(needles))
        if len(cache) >= _RUNNABLE_MAX:
            cache.clear()
        cache[present] = runnable
    for rule, pattern in runnable:
        for m in pattern.finditer(key, start):
            yield rule, m


_RUNNABLE_MAX = 1024


_DEADLINES = _compiled(rules.DEADLINE_RULES)
_RECURRENCES = _compiled(rules.RECURRENCE_RULES)
_URGENCIES = _compiled(rules.URGENCY_RULES)
# id(rule set) -> needles present -> rules to run; at most _RUNNABLE_MAX combinations a set
_RUNNABLE: dict[int, dict[frozenset[str], tuple[tuple[TimingRule, re.Pattern[str]], ...]]] = {
    id(rule_set): {} for rule_set in (_DEADLINES, _RECURRENCES, _URGENCIES)
}
_ALL_NEEDLES = tuple(sorted({n for _, _, needles in _DEADLINES + _RECURRENCES + _URGENCIES for n in needles}))


def _with_parents(needles: tuple[str, ...]) -> tuple[tuple[str, str | None], ...]:
    """Each needle with the shortest other needle inside it ("hằng" in "hằng tháng"), shortest first:
    a needle whose parent is absent is absent too, and is not looked for."""
    ordered = sorted(needles, key=lambda n: (len(n), n))
    return tuple((needle, min((p for p in ordered if p != needle and p in needle), key=len, default=None))
                 for needle in ordered)


_NEEDLES_WITH_PARENTS = _with_parents(_ALL_NEEDLES)


@lru_cache(maxsize=4096)
def _needles_in(key: str) -> frozenset[str]:
    """The rules' needles that occur in ``key`` (cached: typical item texts recur)."""
    flat = collapse_spaces(key)
    found: set[str] = set()
    for needle, parent in _NEEDLES_WITH_PARENTS:
        if (parent is None or parent in found) and needle in flat:
            found.add(needle)
    return frozenset(found)


def _gate(rule_set: tuple[tuple[TimingRule, re.Pattern[str], tuple[str, ...]], ...]) -> frozenset[str] | None:
    """Every needle of the set's rules: a text holding none of them matches no rule of the set (None
    when a rule has no needles and must always run)."""
    if any(not needles for _, _, needles in rule_set):
        return None
    return frozenset(n for _, _, needles in rule_set for n in needles)


_DEADLINE_GATE = _gate(_DEADLINES)
_RECURRENCE_GATE = _gate(_RECURRENCES)
_URGENCY_GATE = _gate(_URGENCIES)


def _may_match(gate: frozenset[str] | None, text: _Text) -> bool:
    """False when no rule of the set can match: the whole scan is skipped (most items)."""
    return gate is None or not text.needles.isdisjoint(gate)


@dataclass(frozen=True)
class TimingMatch:
    """One phrase found: the rule, where it is, what it says as written, and what it resolved to."""

    rule_id: str
    start: int
    end: int
    raw: str
    due: date | None = None
    recurrence: RecurrenceFreq | None = None
    rrule: str | None = None
    urgency: Urgency | None = None


# ---------------------------------------------------------------- text preparation


@dataclass(frozen=True)
class _Text:
    """The text as written (NFC, for raw phrases), its matching key of the same length, and the rules'
    needles that occur in the key (every text is matched, so they are read at once)."""

    shown: str
    key: str
    needles: frozenset[str]

    @staticmethod
    def of(text: str) -> _Text:
        shown = nfc(text)
        key = match_spelling(shown)
        if len(key) != len(shown):  # a character whose lower case is longer: keep it as is
            key = match_spelling("".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in shown))
        return _Text(shown, key, _needles_in(key))

    def raw(self, start: int, end: int) -> str:
        return " ".join(self.shown[start:end].split()).strip(" ,:(")

    def slice(self, start: int, end: int) -> _Text:
        key = self.key[start:end]
        return _Text(self.shown[start:end], key, _needles_in(key))


def _words_before(key: str, pos: int, count: int) -> list[str]:
    return _WORD_RE.findall(key[max(0, pos - 12 * count) : pos])[-count:]


def _ends_with_phrase(words: list[str], phrases: tuple[str, ...]) -> bool:
    tail = " ".join(words)
    exact, spaced = _endings(phrases)
    return tail in exact or tail.endswith(spaced)


@lru_cache(maxsize=32)
def _endings(phrases: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    """The phrases themselves, and each after a space (one ``str.endswith`` call for all)."""
    return frozenset(phrases), tuple(" " + p for p in phrases)


def _contains_phrase(text: str, phrases: tuple[str, ...]) -> bool:
    padded = f" {' '.join(_WORD_RE.findall(text))} "
    return any(f" {p} " in padded for p in phrases)


def _clause_bounds(key: str, pos: int) -> tuple[int, int]:
    start = 0
    for m in _CLAUSE_END_RE.finditer(key, 0, pos):
        start = m.end()
    following = _CLAUSE_END_RE.search(key, pos)
    return start, following.start() if following else len(key)


# ---------------------------------------------------------------- date arithmetic


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _year(group: str | None) -> int | None:
    if not group:
        return None
    value = int(group)
    return value + 2000 if value < 100 else value


def _in_issue_year(build: Callable[[int], date], year: int | None, issue: date | None) -> date | None:
    """``build(year)`` for the written year, else the issue year (or the next one when far behind)."""
    if year is not None:
        return build(year)
    if issue is None:
        return None
    found = build(issue.year)
    if found < issue - _ROLLOVER:
        found = build(issue.year + 1)
    return found


def _number(text: str) -> int:
    text = " ".join(text.split())
    return int(text) if text.isdigit() else _NUMBER_WORDS[text]


def _canchi_year(name: str, issue: date | None) -> int | None:
    can, chi = name.split()[0], name.split()[-1]
    chi = _k("mão") if chi == _k("mẹo") else chi
    base = issue.year - 1 if issue else 2000
    for year in range(base, base + 60):
        if _CAN[year % 10] == can and _CHI[year % 12] == chi:
            return year
    return None  # pragma: no cover - every can/chi pair names a year within 60


def _resolve(rule: TimingRule, m: re.Match[str], issue: date | None) -> date | None:
    """The date a deadline phrase gives; None when it needs the issue date and has none.

    Raises ValueError for a date that does not exist ("31/6").
    """
    g = m.groupdict()
    kind = rule.kind
    if kind == "date":
        day_text, month_text = (g["d"], g["m"]) if g.get("d") else (g["d2"], g["m2"])
        written_year = _year(g.get("y") or g.get("y2"))
        return _in_issue_year(lambda y: date(y, int(month_text), int(day_text)), written_year, issue)
    if kind == "month_end":
        month_number = int(g["mo"])
        return _in_issue_year(lambda y: _month_end(y, month_number), _year(g.get("y")), issue)
    if kind == "quarter_end":
        quarter = _QUARTERS[g["q"]]
        return _in_issue_year(lambda y: _month_end(y, quarter * 3), _year(g.get("y")), issue)
    if kind == "half_end":
        month = 6 if g["half"] == _k("đầu") else 12
        return _in_issue_year(lambda y: _month_end(y, month), _year(g.get("y")), issue)
    if kind in ("year_end", "year_within"):
        written = _year(g.get("y"))
        if written is not None:
            return date(written, 12, 31)
        return date(issue.year, 12, 31) if issue else None
    if kind == "tet_solar":
        written = _year(g.get("y"))
        if written is not None:
            return date(written, 1, 1)
        return date(issue.year + 1, 1, 1) if issue else None
    if issue is None:
        return None
    if kind == "month_this":
        return _month_end(issue.year, issue.month)
    if kind == "relative":
        n = _number(g["n"])
        unit = g["unit"]
        if unit == _k("ngày"):
            return add_working_days(issue, n) if g.get("work") else issue + timedelta(days=n)
        if unit == _k("tuần"):
            return issue + timedelta(weeks=n)
        return issue + relativedelta(months=n)
    if kind == "tet":
        year = _canchi_year(g["canchi"], issue) if g.get("canchi") else _year(g.get("y"))
        if year is None:
            year = issue.year if lunar_new_year(issue.year) > issue else issue.year + 1
        return last_working_day_before_tet(year)
    raise ValueError(f"unknown deadline kind {kind!r}")  # pragma: no cover - rules are checked by tests


# ---------------------------------------------------------------- deadlines


def _relative_counts_from_issue(key: str, m: re.Match[str]) -> bool:
    clause_start, _ = _clause_bounds(key, m.start())
    if key[clause_start : m.start()].lstrip().startswith(_k("sau ")):
        return False  # "Sau đại hội, báo cáo kết quả trong 03 ngày làm việc": from the event
    before = key[max(clause_start, m.start() - 80) : m.start()]
    finishing = _ends_with_phrase(_words_before(key, m.start(), 3), _COMPLETION_CUES)
    if not finishing and _contains_phrase(before, _RELATIVE_BLOCKERS):
        return False
    after = _KE_TU_RE.match(key, m.end())
    if after:
        if _BARE_RECEIPT.match(key, after.end()):  # "kể từ ngày nhận." / "kể từ khi nhận được,"
            return True
        anchor = " ".join(_WORD_RE.findall(key[after.end() : after.end() + 40]))
        return anchor.startswith(_ISSUE_ANCHORS)
    return True


_BARE_RECEIPT = re.compile(_k(r"(?:ngày|khi)\s+nhận(?:\s+được)?\s*(?:[,.;)]|$)"))


def _deadline_candidates(text: _Text, issue: date | None, skip: list[tuple[int, int]]) -> list[TimingMatch]:
    found: list[TimingMatch] = []
    past_due: list[TimingMatch] = []
    for rule, m in _matches(_DEADLINES, text):
        if any(m.start() < end and start < m.end() for start, end in skip):
            continue
        before = _words_before(text.key, m.start(), 3)
        if _ends_with_phrase(before, _DEADLINE_BLOCKERS):
            continue
        if rule.kind == "year_end" and (_ends_with_phrase(before, _SEASON_WORDS) or _contains_phrase(
                " ".join(_words_before(text.key, m.start(), 8)), _YEAR_END_EVENTS)):
            continue
        if rule.kind == "relative" and not _relative_counts_from_issue(text.key, m):
            continue
        if rule.id == "date.until" and _contains_phrase(
                text.key[_clause_bounds(text.key, m.start())[0]:m.start()], _UNTIL_BLOCKERS):
            continue  # "tạm dừng hoạt động đến hết ngày 15/8": a measure's end
        raw = text.raw(m.start(), m.end())
        try:
            due = _resolve(rule, m, issue)
        except (ValueError, KeyError, OverflowError):
            found.append(TimingMatch(rule.id, m.start(), m.end(), raw))  # unreadable date
            continue
        if due is not None and issue is not None and not (issue <= due <= issue + _MAX_AHEAD):
            if issue - _PAST_DUE <= due < issue and _states_a_time_limit(rule, text.key, m):
                # a follow-up letter repeats a time limit just passed ("báo cáo trước ngày 15/3" on 20/3):
                # the item's deadline when it has no other
                past_due.append(TimingMatch(rule.id, m.start(), m.end(), raw, due=due))
            continue  # a date long before the directive is a reference, not a time limit
        found.append(TimingMatch(rule.id, m.start(), m.end(), raw, due=due))
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    return found + past_due


def _states_a_time_limit(rule: TimingRule, key: str, m: re.Match[str]) -> bool:
    """"chậm nhất ngày", "hạn ...", "hoàn thành trước ngày", "báo cáo / gửi ... trước ngày": a time
    limit even when just passed; "người về địa phương trước ngày 01/7" describes whom, not when."""
    if rule.kind != "date":
        return False
    if rule.id != "date.before":
        return True
    return _contains_phrase(" ".join(_words_before(key, m.start(), 4)), _PAST_DUE_CUES)


def find_deadline(item_text: str, issue_date: date | None) -> TimingMatch | None:
    """The item's deadline phrase; ``due`` is None when it cannot be resolved (kept for the clerk)."""
    text = _Text.of(item_text)
    return _pick_deadline(text, issue_date, _scan_recurrence(text)[1])


def _pick_deadline(text: _Text, issue: date | None, skip: list[tuple[int, int]]) -> TimingMatch | None:
    candidates = _deadline_candidates(text, issue, skip)
    for n, candidate in enumerate(candidates):
        if candidate.due is not None:
            if candidate.rule_id == "year.within":
                # "trong năm 2026" often says which year a thing belongs to ("đảng viên bị kỷ luật trong
                # năm 2026"): a day named later in the item is its time limit
                dated = next((c for c in candidates[n + 1:] if c.due is not None and c.rule_id.startswith("date.")),
                             None)
                return dated or candidate
            return candidate
    return candidates[0] if candidates else None


# ---------------------------------------------------------------- recurrence


def _asks_for_repetition(key: str, m: re.Match[str], periodic: bool) -> bool:
    before = [w for w in _words_before(key, m.start(), 2)]
    if _ends_with_phrase(before, _REPEAT_DESCRIBED):
        return False
    if periodic:
        return True
    clause_start, clause_end = _clause_bounds(key, m.start())
    # twenty words back: "báo cáo thiệt hại (nếu có) về Sở Nông nghiệp và Môi trường trước 15 giờ hằng ngày"
    words_before = _WORD_RE.findall(key[clause_start : m.start()])[-20:]
    words_after = _WORD_RE.findall(key[m.end() : clause_end])[:6]
    return _contains_phrase(" ".join(words_before + words_after), _REPEAT_ACTIONS)


def _rrule_for(rule: TimingRule, m: re.Match[str]) -> tuple[RecurrenceFreq, str] | None:
    g = m.groupdict()
    if rule.id == "recurrence.day_of_month":
        day = int(g["md"])
        return (RecurrenceFreq.MONTHLY, f"FREQ=MONTHLY;BYMONTHDAY={day}") if 1 <= day <= 31 else None
    if rule.id == "recurrence.day_of_quarter":
        day = int(g["md"])
        return (
            (RecurrenceFreq.QUARTERLY, f"FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY={day}")
            if 1 <= day <= 31
            else None
        )
    if rule.id == "recurrence.date_of_year":
        day, month = (int(g["d"]), int(g["m"])) if g.get("d") else (int(g["d2"]), int(g["m2"]))
        try:
            date(2000, month, day)
        except ValueError:
            return None
        return RecurrenceFreq.YEARLY, f"FREQ=YEARLY;BYMONTH={month};BYMONTHDAY={day}"
    if rule.id in ("recurrence.weekday", "recurrence.weekly_on"):
        weekday = (g.get("wd") or "").split()
        code = (
            "SU" if weekday and weekday[0] == _k("chủ") else _WEEKDAYS.get(weekday[-1] if weekday else "", "")
        )
        return (RecurrenceFreq.WEEKLY, f"FREQ=WEEKLY;BYDAY={code}") if code else None
    freq = RecurrenceFreq(rule.freq) if rule.freq else _UNIT_FREQ[g["unit"]]
    return freq, _FREQ_RRULE[freq]


def find_recurrence(item_text: str) -> TimingMatch | None:
    """The first repeated action or report the item asks for, as a frequency and an RRULE."""
    return _scan_recurrence(_Text.of(item_text))[0]


def _scan_recurrence(text: _Text) -> tuple[TimingMatch | None, list[tuple[int, int]]]:
    """The first repetition asked for, and the spans of every repeat phrase (a deadline can't overlap them)."""
    found: list[TimingMatch] = []
    spans: list[tuple[int, int]] = []
    for rule, m in _matches(_RECURRENCES, text):
        spans.append(m.span())
        generic = rule.id in ("recurrence.every", "recurrence.times_per")
        periodic = _words_before(text.key, m.start(), 2) == [_k("định"), _k("kỳ")]
        if generic and not _asks_for_repetition(text.key, m, periodic):
            continue
        resolved = _rrule_for(rule, m)
        if resolved is None:
            continue
        freq, rrule = resolved
        window = max(0, m.start() - 40)
        lead = _REPEAT_LEAD_RE.search(text.key, window, m.start())
        start = lead.start() if lead else m.start()
        found.append(
            TimingMatch(rule.id, start, m.end(), text.raw(start, m.end()), recurrence=freq, rrule=rrule)
        )
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    return (found[0] if found else None), spans


# ---------------------------------------------------------------- urgency


def _first_clause(key: str) -> tuple[int, int]:
    """Span of the first directive clause: to the first ";" or sentence end (past a leading "X:")."""
    end = len(key)
    for m in _CLAUSE_END_RE.finditer(key):
        if m.group().startswith(":") or (m.group() == "." and _is_abbreviation_dot(key, m.start())):
            continue
        if key[: m.start()].strip():
            end = m.start()
            break
    return 0, end


def _is_abbreviation_dot(key: str, pos: int) -> bool:
    word = re.search(r"(?:^|\s)(\w+(?:/\w+)?)$", key[:pos])
    return word is not None and word.group(1) in _ABBREVIATIONS


def _without_condition(key: str, start: int, end: int) -> int:
    if not any(key.find(word, start, end) != -1 for word in _CONDITION_WORDS):
        return end  # the pattern opens with a look-behind, so a search tries every position
    condition = _CONDITION_RE.search(key, start, end)
    return condition.start() if condition else end


def _cue_counts(rule: TimingRule, key: str, m: re.Match[str]) -> bool:
    if rule.id in ("urgency.ngay", "urgency.at_once"):
        return True
    before = _words_before(key, m.start(), 4)
    if before and _ends_with_phrase(before[-2:], _NEGATORS):
        return False
    while before and _ends_with_phrase(before, _SITUATION_FILLERS):
        filler = next(f for f in _SITUATION_FILLERS if " ".join(before).endswith(f))
        before = before[: len(before) - len(filler.split())]
    if before and _ends_with_phrase(before[-2:], _SITUATION_NOUNS):
        return False
    return not (rule.id == "urgency.cap_bach" and _noun_with_modifier_before(key, m.start()))


def _noun_with_modifier_before(key: str, pos: int) -> bool:
    """"công trình thủy lợi cấp bách": a situation noun one or two words before the adjective,
    within the phrase (no punctuation mark between)."""
    phrase = key[max(0, pos - 48):pos]
    phrase = phrase[max(phrase.rfind(mark) for mark in ",;:()") + 1:]
    words = _WORD_RE.findall(phrase)[-4:]
    return any(_ends_with_phrase(words[:cut], _SITUATION_NOUNS) for cut in (len(words) - 1, len(words) - 2) if cut > 0)


def _urgency_in(text: _Text, start: int, end: int) -> TimingMatch | None:
    best: TimingMatch | None = None
    for rule, m in _matches(_URGENCIES, text, start):
        if m.start() >= end or not _cue_counts(rule, text.key, m):
            continue
        level = Urgency(rule.expect)
        if best is None or _URGENCY_ORDER[level] > _URGENCY_ORDER[best.urgency or Urgency.ONGOING]:
            best = TimingMatch(rule.id, m.start(), m.end(), text.raw(m.start(), m.end()), urgency=level)
    return best


def find_urgency(item_text: str) -> TimingMatch | None:
    """The strongest urgency cue governing the item's first directive clause."""
    text = _Text.of(item_text)
    start, end = _first_clause(text.key)
    return _urgency_in(text, start, _without_condition(text.key, start, end))


def _intro_demands(intro_text: str) -> list[_Text]:
    """The parts of the intro that put demands on the items: after the demand verb of each sentence
    that introduces a list (ends with ":"), or of the last sentence when none does."""
    text = _Text.of(intro_text)
    pieces: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END_RE.finditer(text.key):
        pieces.append((start, m.start()))
        start = m.end()
    pieces.append((start, len(text.key)))
    pieces = [(s, e) for s, e in pieces if text.key[s:e].strip()]
    introducing = [(s, e) for s, e in pieces if text.key[s:e].rstrip().endswith(":")] or pieces[-1:]
    demands: list[_Text] = []
    for s, e in introducing:
        verbs = list(_DEMAND_RE.finditer(text.key, s, e))
        tail_start = verbs[-1].end() if verbs else s
        tail_end = _without_condition(text.key, tail_start, e)
        demands.append(text.slice(tail_start, tail_end))
    return demands


# ---------------------------------------------------------------- the public function


def _stronger(a: Urgency | None, b: Urgency | None) -> Urgency | None:
    if a is None or b is None:
        return a or b
    return a if _URGENCY_ORDER[a] >= _URGENCY_ORDER[b] else b


@lru_cache(maxsize=4096)
def _intro_timing(
    intro_text: str, issue_date: date | None
) -> tuple[TimingMatch | None, TimingMatch | None, Urgency | None]:
    deadline: TimingMatch | None = None
    recurrence: TimingMatch | None = None
    urgency: Urgency | None = None
    for part in _intro_demands(intro_text):
        cue = _urgency_in(part, 0, len(part.key))
        urgency = _stronger(urgency, cue.urgency if cue else None)
        repeated, spans = _scan_recurrence(part)
        found = _pick_deadline(part, issue_date, spans)
        if deadline is None and found is not None and found.due is not None:
            deadline = found
        recurrence = recurrence or repeated
    return deadline, recurrence, urgency


def analyse_timing(item_text: str, issue_date: date | None, intro_text: str | None = None) -> DeadlineHint:
    """Deadline, recurrence and urgency of one directive item.

    ``issue_date`` resolves relative and year-less phrases; ``intro_text`` is the sentence that
    introduces the items ("... yêu cầu các sở, ngành thực hiện ngay một số nội dung sau:") and, for a
    sub-item, its parent heading (join them with a line break): a cue there governs every item.
    """
    text = _Text.of(item_text or "")
    recurrence: TimingMatch | None = None
    repeat_spans: list[tuple[int, int]] = []
    if _may_match(_RECURRENCE_GATE, text):
        recurrence, repeat_spans = _scan_recurrence(text)
    deadline = _pick_deadline(text, issue_date, repeat_spans) if _may_match(_DEADLINE_GATE, text) else None
    urgency: Urgency | None = None
    if _may_match(_URGENCY_GATE, text):
        start, end = _first_clause(text.key)
        cue = _urgency_in(text, start, _without_condition(text.key, start, end))
        urgency = cue.urgency if cue else None
    if intro_text and intro_text.strip():
        intro_deadline, intro_recurrence, intro_urgency = _intro_timing(intro_text, issue_date)
        urgency = _stronger(urgency, intro_urgency)
        if deadline is None or deadline.due is None:
            deadline = intro_deadline or deadline
        recurrence = recurrence or intro_recurrence
    raw = deadline.raw if deadline else (recurrence.raw if recurrence else None)
    return DeadlineHint(
        raw=raw,
        due=deadline.due if deadline else None,
        recurrence=recurrence.recurrence if recurrence else None,
        rrule=recurrence.rrule if recurrence else None,
        urgency=urgency,
    )



# A task table's time cell alone ("Quý IV/2023") reads as a time limit after this cue.
_TIME_CELL_CUE = "thời gian hoàn thành: "
# The recurrence rules want a repeated action before "hằng quý"; a time cell's action is its row's task.
_TIME_CELL_ACTION = "báo cáo "


def analyse_time_cell(cell: str, issue_date: date | None) -> DeadlineHint:
    """Deadline and recurrence of a task table's time cell ("Quý IV/2023", "Trước ngày 30/11/2023",
    "Hằng quý"); the raw phrase is the cell as written when the cell is the time limit itself."""
    hint = analyse_timing(_TIME_CELL_CUE + cell, issue_date)
    if hint.recurrence is None:  # "Hằng quý" in the time column repeats the row's task itself
        repeated = analyse_timing(_TIME_CELL_ACTION + cell, issue_date)
        if repeated.recurrence is not None:
            return replace(hint, raw=cell, recurrence=repeated.recurrence, rrule=repeated.rrule)
    if hint.raw and hint.raw.startswith(_TIME_CELL_CUE.strip()):
        return replace(hint, raw=cell)
    return hint

def occurrences(rrule: str, dtstart: date, start: date, end: date) -> list[date]:
    """The days a recurring task falls due between ``start`` and ``end`` (both included)."""
    if end < start:
        return []
    rule = rrulestr(rrule, dtstart=datetime.combine(dtstart, datetime.min.time()), ignoretz=True)
    after = datetime.combine(start, datetime.min.time())
    before = datetime.combine(end, datetime.min.time())
    return [moment.date() for moment in rule.between(after, before, inc=True)]  # type: ignore[union-attr]
