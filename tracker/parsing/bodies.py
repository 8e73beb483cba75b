"""Responsible bodies: who must act on an item.

A body is read where Vietnamese directives put it: as the subject at the start of a clause
("Ban Tuyên giáo Tỉnh ủy, Sở Thông tin và Truyền thông tập trung ..."), after an assigning word
("Giao Sở Y tế chủ trì, phối hợp với ..."), and as the bodies a named body is told to *lãnh đạo*.
Groups a body is told to *chỉ đạo / định hướng*, report recipients and authors of cited documents
are never in those places, so they are not read; phrases meaning everyone are dropped.

Lists are split with their shared head and tail words ("Các Đảng uỷ: Công an, Quân sự" ->
"Đảng ủy Công an", "Đảng ủy Quân sự"; "Bí thư các huyện ủy, thành ủy" -> "Bí thư huyện ủy",
"Bí thư thành ủy"); set phrases ("sở, ban, ngành") stay whole; abbreviations are expanded; each
name is matched against the body directory (``rules/directory.py``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from tracker.domain.enums import TaskRole
from tracker.domain.parsed import ResponsibleBody
from tracker.domain.text import match_key, modern_tones
from tracker.parsing.directory_lookup import ends_known_name as _ends_known_name
from tracker.parsing.directory_lookup import known_names as _known_names
from tracker.parsing.directory_lookup import resolve
from tracker.parsing.name_text import WORD_RUN as _WORD_RUN
from tracker.parsing.name_text import expand_abbreviations
from tracker.parsing.name_text import text_key as _key
from tracker.parsing.rules.phrases import (
    ASSIGNING_OPENERS,
    BARE_UNITS,
    BODY_HEADS,
    CAPITAL_ONLY_HEADS,
    DECIDING_VERBS,
    DETERMINED_HEADS,
    DETERMINERS,
    EVERYONE,
    FRONTED,
    GENERIC,
    HEAD_DISTRIBUTORS,
    NAME_CONTINUATIONS,
    NAME_PARTS,
    NOUN_AFTER,
    PREDICATES,
    SCOPE_TAILS,
    SET_PHRASES,
    SHARED_TAILS,
    TOPIC_OPENERS,
)


def _sorted(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({_key(w) for w in words}, key=len, reverse=True))


_WORD_END = re.compile(r"[^\w&/'’-]")

# A phrase list looked up by the first word of the text (``_starts_with``): first word -> the
# phrases starting with it, longest first.
_Table = dict[str, tuple[str, ...]]


def _by_first_word(phrases: tuple[str, ...]) -> _Table:
    """Phrases grouped by their first word, longest first (a look-up instead of a scan)."""
    table: dict[str, list[str]] = {}
    for phrase in phrases:
        first = _WORD_END.split(phrase, 1)[0]
        table.setdefault(first, []).append(phrase)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in table.items()}


_HEADS = _by_first_word(_sorted(BODY_HEADS.words))
_PREDICATES = _by_first_word(_sorted(PREDICATES.words))
_CAPITAL_ONLY = frozenset(_key(w) for w in CAPITAL_ONLY_HEADS.words)
_DETERMINED_ONLY = frozenset(_key(w) for w in DETERMINED_HEADS.words)
_DETERMINERS = _by_first_word(_sorted(DETERMINERS.words))
_EVERYONE = _sorted(EVERYONE.words)
_GENERIC = frozenset(_key(w) for w in GENERIC.words)
_SCOPE_TAILS = _sorted(SCOPE_TAILS.words)
_SHARED_TAILS = _sorted(SHARED_TAILS.words)
# each after a space (one str.endswith / startswith call for the whole list), and as a set
_SCOPE_TAILS_SPACED = tuple(" " + t for t in _SCOPE_TAILS)
_SHARED_TAILS_SPACED = tuple(" " + t for t in _SHARED_TAILS)
_EVERYONE_SET = frozenset(_EVERYONE)
_EVERYONE_SPACED = tuple(p + " " for p in _EVERYONE)
_DISTRIBUTORS = _by_first_word(_sorted(HEAD_DISTRIBUTORS.words))
_BARE_UNITS = frozenset(_key(w) for w in BARE_UNITS.words)
_OPENERS = _by_first_word(_sorted(ASSIGNING_OPENERS.words))
_FRONTED = _by_first_word(_sorted(FRONTED.words))
_TOPICS = _by_first_word(_sorted(TOPIC_OPENERS.words))
_DECIDING = _by_first_word(_sorted(DECIDING_VERBS.words))
_GIAO_THONG = _by_first_word(("giao thông",))
_SET_PHRASES = _sorted(w for w in SET_PHRASES.words if "," in w or " và " in w or " - " in w)
_UNIT_WORDS = ("thành phố", "thị xã", "thị trấn", "đặc khu", "huyện", "quận", "xã", "phường", "tỉnh")
_UNIT_ENDINGS = tuple(f" {unit}" for unit in _UNIT_WORDS)  # a head ending in a kind of unit ("... các xã")
_UNITS_WITH_TAILS = frozenset(f"{unit} {tail}" for unit in _UNIT_WORDS for tail in _SHARED_TAILS)  # "thị trấn ven biển"
_NAME_PARTS = {_key(k): tuple(_key(w) for w in v) for k, v in NAME_PARTS.items()}
_NOUN_AFTER = {_key(k): tuple(" " + _key(w) for w in v) for k, v in NOUN_AFTER.items()}
_CONTINUATIONS = _by_first_word(_sorted(NAME_CONTINUATIONS.words))




def _starts_with(key: str, pos: int, phrases: _Table, first: str | None = None) -> str | None:
    """The longest phrase of ``phrases`` at ``pos`` as whole words; ``first`` is the word at
    ``pos`` when the caller has read it already."""
    if first is None:
        first = _word_at(key, pos)
    candidates = phrases.get(first)
    if not candidates:
        return None
    for phrase in candidates:
        if key.startswith(phrase, pos):
            end = pos + len(phrase)
            if end == len(key) or not key[end].isalnum():
                return phrase
    return None


def _skip_space(key: str, pos: int, end: int) -> int:
    while pos < end and (key[pos].isspace() or key[pos] in ",-–:*\"“”'(){}"):
        pos += 1
    return pos


def _word_at(key: str, pos: int) -> str:
    return _WORD_RUN.match(key, pos).group()  # type: ignore[union-attr]  # matches empty


def _skip_determiners(key: str, pos: int, end: int) -> int:
    return _past_determiners(key, pos, end)[0]


def _past_determiners(key: str, pos: int, end: int, word: str | None = None) -> tuple[int, str]:
    """The position past the determiners and spaces at ``pos``, and the word there; ``word`` is the
    word at ``pos`` when the caller has read it there already (past the spaces)."""
    if word is None:
        pos = _skip_space(key, pos, end)
        word = _word_at(key, pos)
    while True:
        found = _starts_with(key, pos, _DETERMINERS, word) if word in _DETERMINERS else None
        if not found:
            return pos, word
        pos = _skip_space(key, pos + len(found), end)
        word = _word_at(key, pos)


# A word start as ``\S+`` splits a range, and the word there (its characters up to a _WORD_END)
_TOKEN = re.compile(r"(?=\S)([\w&/'’-]*)\S*")


def _word_starts(key: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    """(position, first word) of each word in ``key[start:end]``; the first word is read in the
    whole key, as ``_starts_with`` reads it."""
    for m in _TOKEN.finditer(key, start, end):
        if m.end(1) == end:  # the range may cut the word short
            yield m.start(), _word_at(key, m.start())
        else:
            yield m.start(), m.group(1)


def _is_predicate_at(text: str, key: str, pos: int, subject_start: int, word: str) -> str | None:
    if text[pos].isupper():  # names are capitalised: "Ban Chỉ đạo", "Sở Xây dựng"
        return None
    found = _starts_with(key, pos, _PREDICATES, word)
    if not found:
        return None
    before = key[max(subject_start, pos - 24):pos].rstrip()
    for head in _NAME_PARTS.get(found, ()):
        if before.endswith(head):
            return None
    for tail in _NOUN_AFTER.get(found, ()):
        if key.startswith(tail, pos + len(found)):
            return None
    return found


# --- one clause -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Mention:
    name: str  # full form, abbreviations expanded
    written: str
    role: TaskRole


@dataclass(frozen=True)
class _Subject:
    start: int
    end: int  # where the predicate starts (or the clause ends)
    predicate: str | None


_COOPERATION = re.compile(r"(?:chủ trì,?\s*)?phối hợp (?:chặt chẽ )?(?:với|cùng(?: với)?)\s+")


def _find_subject(text: str, key: str, start: int, end: int, *, assigned: bool = False) -> _Subject | None:
    # each look-up at a position is given the word there, read once (and made only when a phrase of
    # its list starts with that word: most words start none)
    pos = _skip_space(key, start, end)
    word = _word_at(key, pos)
    for _ in range(3):
        fronted = _starts_with(key, pos, _FRONTED, word) if word in _FRONTED else None
        if not fronted:
            break  # nothing moved: the next look finds nothing either
        pos = _skip_space(key, pos + len(fronted), end)
        word = _word_at(key, pos)
    cooperation = _COOPERATION.match(key, pos, end)
    if cooperation:
        return _Subject(pos, pos, "phối hợp")
    opener = _starts_with(key, pos, _OPENERS, word) if word in _OPENERS else None
    before = pos
    if opener and not _starts_with(key, pos, _GIAO_THONG, word):
        before = pos + len(opener)
        pos, word = _past_determiners(key, before, end)
    else:
        pos, word = _past_determiners(key, pos, end, word)
    first = _starts_with(key, pos, _HEADS, word) if pos < end and word in _HEADS else None
    if first:
        verb = _starts_with(key, pos, _PREDICATES, word) if word in _PREDICATES else None
        if verb and len(verb) > len(first):
            first = None  # "Báo cáo kết quả ...", "Ban hành ...": a verb that starts like a head
    if not first and not assigned:
        # "Đồng chí Nguyễn Thị Hạnh, Phó Giám đốc Sở Y tế trực tiếp ...": the office the person holds
        person = _PERSON_OPENER.match(text, before)
        named = _PERSON_THEN_TITLE.match(text, person.end(), end) if person else None
        if named:
            return _find_subject(text, key, named.end(), end, assigned=True)
        # a fronted phrase ending in a comma ("Trong thời gian tới, Sở Y tế tiếp tục ...")
        comma = key.find(", ", pos, min(end, pos + 60))
        fronted = text[pos + 1:comma]
        if comma != -1 and text[comma + 2:comma + 3].isupper() and not any(ch.isupper() for ch in fronted) \
                and "," not in fronted:
            return _find_subject(text, key, comma + 2, end, assigned=True)
        if word in _TOPICS and _starts_with(key, pos, _TOPICS, word):
            return _after_topic(text, key, pos, end)
        return None
    if not first:
        return None
    if first in _CAPITAL_ONLY and not text[pos].isupper() and pos == before:
        return None  # "báo cáo kết quả", "ban hành kế hoạch": a verb, not a body
    if first in _DETERMINED_ONLY and pos == before:
        return None  # "Doanh nghiệp còn gặp khó khăn": a finding, not "Các doanh nghiệp ..."
    subject_start = pos
    colon = key.find(":", subject_start, end)
    colon_ends = colon != -1 and not _colon_head(key, subject_start, colon)
    last_words = _known_names()[2]
    previous = first[first.rfind(" ") + 1:]
    for words, m in enumerate(_TOKEN.finditer(key, pos + len(first), end), 1):  # _word_starts, inline: hot
        p = m.start()
        word = m.group(1) if m.end(1) != end else _word_at(key, p)
        if colon_ends and colon < p:
            return _Subject(subject_start, colon, None)
        predicate = _is_predicate_at(text, key, p, subject_start, word) if word in _PREDICATES else None
        if predicate:
            return _Subject(subject_start, p, predicate)
        if previous in last_words and _known_name_ends_at(text, key, subject_start, p, word):
            return _Subject(subject_start, p, None)  # "Sở Tài chính thẩm tra ...": a verb the list lacks
        if words > _MAX_SUBJECT_WORDS:
            return None
        previous = word
    colon = key.find(":", subject_start, end)
    if colon != -1 and not _colon_head(key, subject_start, colon):
        return _Subject(subject_start, colon, None)
    return _Subject(subject_start, end, None)


_PERSON_OPENER = re.compile(r"(?:[Đđ]ồng chí|[Đđ]/c|Ông|Bà)\s+")
_PERSON_THEN_TITLE = re.compile(r"(?:[A-ZĐÀ-Ỹ][\w'’]*\s+){1,4}[A-ZĐÀ-Ỹ][\w'’]*\s*[,-]\s+")
_TOPIC_REACH = 240  # characters a topic may take before its clause


def _after_topic(text: str, key: str, pos: int, end: int) -> _Subject | None:
    """The subject of the clause after a topic ("Về đề xuất của Sở Xây dựng: giao Sở Tư pháp ...",
    "Trường hợp dịch lan rộng, vượt quá khả năng, UBND các huyện ..."): after its colon, else after
    the first comma followed by a capital or by "giao / đề nghị / yêu cầu"; a heading "Đối với <bodies>:"
    names those bodies."""
    colon = key.find(": ", pos, min(end, pos + _TOPIC_REACH))
    if colon != -1:
        return _find_subject(text, key, colon + 2, end, assigned=True)
    for_whom = _heading_for_whom(text, key, pos, end)
    if for_whom is not None:
        return for_whom
    comma = key.find(", ", pos, min(end, pos + _TOPIC_REACH))
    while comma != -1:
        after = comma + 2
        if text[after:after + 1].isupper() or _starts_with(key, after, _OPENERS):
            found = _find_subject(text, key, after, end, assigned=True)
            if found is not None:
                return found
        comma = key.find(", ", after, min(end, pos + _TOPIC_REACH))
    return None


def _heading_for_whom(text: str, key: str, pos: int, end: int) -> _Subject | None:
    """"1. Đối với cấp ủy cơ sở:", "3. Đối với chi bộ:", "2. Đối với UBND các xã, phường": a heading naming
    whom its sub-items are for, bodies and nothing they are told to do ("Đối với các xã biên giới, tăng
    cường tuần tra" is a topic, then a task)."""
    if not key.startswith(_FOR_WHOM, pos) or not (key.startswith(":", end) or not key[end:].strip()):
        return None
    whom, word = _past_determiners(key, pos + len(_FOR_WHOM), end)
    if not (word in _HEADS and _starts_with(key, whom, _HEADS, word)):
        return None
    named = _find_subject(text, key, whom, end, assigned=True) if "," in key[whom:end] else None
    return _Subject(whom, end, None) if named is None or (named.predicate is None and named.end == end) else None


_FOR_WHOM = "đối với"


def _known_name_ends_at(text: str, key: str, start: int, pos: int, word: str) -> bool:
    """The name from ``start`` ends before the lower-case ``word`` at ``pos``: what comes before it is
    a whole directory name and ``word`` neither makes it longer nor continues it ("tỉnh", "các")."""
    # the cheap look-up first: a third of the words tried here continue a name ("tỉnh", "và")
    return bool(word) and text[pos].islower() and not _starts_with(key, pos, _CONTINUATIONS, word) \
        and _ends_known_name(key, start, pos, word)


_MAX_SUBJECT_WORDS = 80  # a longer run without a verb is not a list of bodies


_PLURAL_WORDS = frozenset({"các", "từng", "những"})
_PLURALS = tuple(f"{word} " for word in _PLURAL_WORDS)


def _colon_head(key: str, start: int, colon: int) -> bool:
    """"Các Đảng uỷ: Công an, Quân sự" - a short head before a colon that opens a list."""
    words = [w for w in key[start:colon].split() if w not in _PLURAL_WORDS]
    short = 0 < len(words) <= 4 or (len(words) <= 8 and _GROUP_END.search(key, start, colon) is not None)
    if not (short and _starts_with(key, start, _HEADS)):
        return False
    # "Các Sở: Xây dựng, ...", "UBND các huyện: A, B": members follow, whatever word they start with
    # ("các" may have been skipped as a determiner before ``start``)
    word_before = key[max(0, start - 8):start].split()[-1:]
    if key.startswith(_PLURALS, start) or (word_before and word_before[0] in _PLURAL_WORDS) \
            or _GROUP_END.search(key, start, colon) is not None:
        return True
    # "- Công an phường: Tăng cường tuần tra ...": one body, then its task
    after = _skip_space(key, colon + 1, len(key))
    return not (_starts_with(key, after, _PREDICATES) or _starts_with(key, after, _FRONTED))


# "Ủy ban nhân dân các huyện", "Chủ tịch UBND các xã, thị trấn": a head ending in a group of units
_GROUP_END = re.compile(r"\bcác\s+\S+(?:\s+\S+)?\s*$")


# A clause ends at ";", a line break, a full stop before a capital or at the end, or a final ":".
# Each pattern opens with the class of the character it stops at, then checks what that character is
# with a look-behind: the engine skips straight to those characters, where an alternation of
# branches ("[;\n]|\.(?=...)|...") is tried at every position (twice as slow on a directive).
# tests/parsing/test_clause_patterns.py holds both patterns to their plain alternations.
_CLAUSE_END_TESTS = r"(?<=[;\n])|(?<=\.)(?=\s+[A-ZĐÀ-Ỹ\"“(])|(?<=\.)$|(?<=:)(?=\s*$)"
_CLAUSE_END = re.compile(rf"[;\n.:](?:{_CLAUSE_END_TESTS})")
# "..., giao Sở Văn hóa, Thể thao và Du lịch thực hiện", "(giao Văn phòng ...)": a clause of its own,
# whoever the words before it name (tried only on a text holding "giao")
_GIAO_CLAUSE = (r"(?<=[,(])\s*(?=[Gg]iao\s+(?!thông|dịch|lưu|ban\b|nhận|đất|rừng|khoán|kết|tiếp|thừa|hữu|nộp"
                r"|hàng)\S)")
_CLAUSE_END_OR_GIAO = re.compile(rf"[;\n.:,(](?:{_CLAUSE_END_TESTS}|{_GIAO_CLAUSE})")


def _clauses(text: str) -> list[tuple[int, int]]:
    out = []
    start = 0
    for m in (_CLAUSE_END_OR_GIAO if "iao " in text else _CLAUSE_END).finditer(text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def _protect(text: str, key: str) -> str:
    """Hide the commas and "và" inside set phrases so a list split keeps them whole."""
    found = []
    m = _SET_PHRASE.search(key)
    while m is not None:  # every start, overlaps included ("sở, ban, ngành" and "ban, ngành")
        found.append((m.start(), m.end()))
        m = _SET_PHRASE.search(key, m.start() + 1)
    if not found:
        return text
    chars = list(text)
    for start, end in found:
        for i in range(start, end):
            if chars[i] == ",":
                chars[i] = "\x01"
        for m in _VA.finditer(key, start, end):
            chars[m.start()] = "\x02"
            chars[m.start() + 1] = "\x03"
    return "".join(chars)


# a set phrase, the longest at its place (one scan for them all)
_SET_PHRASE = re.compile("|".join(re.escape(p) for p in _SET_PHRASES))
_VA = re.compile(r"\bvà\b")


def _unprotect(text: str) -> str:
    return text.replace("\x01", ",").replace("\x02\x03", "và").replace("\x02", "v").replace("\x03", "à")


_LIST_SEPARATOR = re.compile(r"\s*[,;]\s*")
_JOINER = re.compile(r"\s+(?:và|cùng|với)\s+")
# After "và" a new member starts with a capital ("và Công an tỉnh") or one of these words ("và các
# đoàn thể", "và ngành Y tế"); otherwise "và" is inside a name ("Ban Chỉ huy phòng, chống thiên
# tai và tìm kiếm cứu nạn tỉnh").
_MEMBER_OPENERS = ("các ", "từng ", "những ", "ngành ", "đoàn thể", "tổ chức", "cơ quan", "đơn vị", "hội ",
                   "ban ", "sở ", "ủy ban", "uỷ ban", "mặt trận", "lực lượng", "chính quyền", "người đứng đầu",
                   "bí thư", "cấp ủy", "cấp uỷ", "địa phương", "công an", "ubnd", "đảng ủy", "đảng uỷ", "chi nhánh")


# A unit word before a place name ("thành phố Tân An", "huyện Cư Jút"): after "và" it opens a member
_NAMED_UNIT = re.compile("(?i:" + "|".join(u for u in _UNIT_WORDS if u != "tỉnh") + r")\s+(?=[A-ZĐÀ-Ỹ])")


def _opens_member(before: str, after: str) -> bool:
    """What follows "và" starts a member of its own: a word that opens members ("và các đoàn thể"), a
    capitalised body head ("và Công an tỉnh"), a known name, a head and a proper name ("và Hạt Kiểm
    lâm"), a proper name ("và Than Uyên"), or anything capitalised after a whole known name ("Sở Y tế và
    Bảo tàng tỉnh"). Any other capitalised words go on with the name before them ("Phòng Khảo thí và
    Kiểm định chất lượng giáo dục")."""
    if after.lower().startswith(_MEMBER_OPENERS) or _NAMED_UNIT.match(after):
        return True
    if not after[:1].isupper():
        return False
    words = after.split()
    return (len(words) < 2 or words[1][:1].isupper() or bool(_starts_with(_key(after), 0, _HEADS))
            or resolve(after)[1] or resolve(before.strip())[1])


def _split_members(text: str) -> list[str]:
    members: list[str] = []
    for part in _LIST_SEPARATOR.split(text):
        last = 0
        for joiner in _JOINER.finditer(part):
            after = part[joiner.end():]
            if _opens_member(part[last:joiner.start()], after):
                members.append(part[last:joiner.start()])
                last = joiner.end()
        members.append(part[last:])
    return members
_PAREN = re.compile(r"\([^)]*\)?")
_INNER_DET = re.compile(r"(?<=\s)(?:các|từng|những)\s+", re.IGNORECASE)


def _clean_member(member: str) -> str:
    member = member.strip(" .,;:-–*\"“”'")
    if member.endswith(")") and "(" not in member:
        member = member[:-1].rstrip(" .,;")  # "(giao Văn phòng ...)": the bracket closes around the clause
    key = _key(member)
    pos = _skip_determiners(key, 0, len(key))
    member = member[pos:]
    key = _key(member)
    changed = key.endswith(_SCOPE_TAILS_SPACED)  # most members end in no scope tail
    while changed:
        changed = False
        for tail in _SCOPE_TAILS:
            if key.endswith(" " + tail) and len(key) > len(tail) + 2:
                member = member[: len(member) - len(tail) - 1].rstrip(" ,")
                key = _key(member)
                changed = True
    member = _INNER_DET.sub("", member)
    return " ".join(member.split())


def _is_everyone(key: str) -> bool:
    """The key is, or starts with the words of, a phrase meaning everyone."""
    return key in _EVERYONE_SET or key.startswith(_EVERYONE_SPACED)


def _head_of(key: str) -> str | None:
    return _starts_with(key, 0, _DISTRIBUTORS)


def _capitalised_name(member: str) -> bool:
    words = member.split()
    return bool(words) and all(w[:1].isupper() for w in words) and not _starts_with(_key(member), 0, _HEADS)


def split_list(phrase: str) -> list[str]:
    """A written list of bodies -> one full name per body (heads and tails shared)."""
    return list(_split_list(phrase))


@functools.lru_cache(maxsize=8192)
def _split_list(phrase: str) -> tuple[str, ...]:
    if ";" not in phrase:
        return _split_group(phrase)
    names: list[str] = []
    head = ""
    for group in phrase.split(";"):
        if ":" in group:
            head = group[:group.find(":")]
            if not _key(head.strip()).endswith(_UNIT_ENDINGS):
                head = ""  # only a head over a kind of unit ("... các xã:") goes on to other units
        elif head and _NAMED_UNIT.match(group.strip()):
            # "Ủy ban nhân dân các xã: Nghi Lộc, Diễn Châu; phường Hoàng Mai": the head goes on after ";"
            group = f"{head}: {group.strip()}"
        else:
            head = ""
        names.extend(_split_group(group))
    return tuple(names)


def _split_group(phrase: str) -> tuple[str, ...]:
    phrase = _PAREN.sub(" ", phrase)
    phrase = modern_tones(expand_abbreviations(phrase))
    head = ""
    colon = phrase.find(":")
    if colon != -1:
        head = _clean_member(phrase[:colon])
        phrase = phrase[colon + 1:]
    key = _key(phrase)
    protected = _protect(phrase, key)
    raw_members = [_unprotect(m) for m in _split_members(protected)]
    members = [_clean_member(m) for m in raw_members]
    members = [m for m in members if m and any(ch.isalpha() for ch in m)]
    if not members:
        return ()
    if head:
        tail = _shared_tail(members[-1])
        out = []
        unit = next((u for u in _UNIT_WORDS if _key(head).endswith(" " + u)), None)
        for m in members:
            if _key(m).startswith(_key(head)):
                name = m
            elif unit and _NAMED_UNIT.match(m):  # "UBND các huyện: A, B và thị xã C" -> "UBND thị xã C"
                name = f"{head[: len(head) - len(unit)].rstrip()} {m}"
            else:
                name = f"{head} {m}"
            if tail and not _key(name).endswith(tail):
                name = f"{name} {tail}"
            out.append(name)
        members = out
    else:
        members = _share_heads(members)
        members = _share_tails(members)
    result = []
    for m in members:
        k = _key(m)
        if _is_everyone(k) or len(k) < 3:
            continue
        result.append(m[0].upper() + m[1:])
    return tuple(result)


def _shared_tail(member: str) -> str | None:
    key = _key(member)
    if not key.endswith(_SHARED_TAILS_SPACED):
        return None
    for tail in _SHARED_TAILS:
        if key.endswith(" " + tail):
            return tail
    return None  # pragma: no cover - one of them ends the key


def _unit_prefix(member: str) -> str | None:
    """"Trung tâm Y tế huyện" -> "Trung tâm Y tế": the words before the member's unit word."""
    key = _key(member)
    for unit in _UNIT_WORDS:
        at = key.find(" " + unit)
        if at > 0 and (at + len(unit) + 1 == len(key) or key[at + len(unit) + 1] == " "):
            return member[:at]
    return None


def _share_heads(members: list[str]) -> list[str]:
    out: list[str] = []
    source: str | None = None  # the head of the last member that had one ("Bí thư")
    unit_head: str | None = None  # "Ủy ban nhân dân huyện" for place names after it
    for i, m in enumerate(members):
        key = _key(m)
        if key in ("huyện", "thị", "thành", "quận") and any(_key(x).endswith("ủy") for x in members[i + 1:]):
            m = f"{m} ủy"
            key = _key(m)
        head = _head_of(key) if not (source and key in _BARE_UNITS) else None  # "Bí thư ..., đảng ủy trực thuộc"
        if head:
            source = m[: len(head)]
            rest = _key(m[len(head):]).strip()
            unit = next((u for u in _UNIT_WORDS if rest.startswith(u + " ")), None)
            unit_head = f"{source} {unit}" if unit else None
            out.append(m)
            continue
        if out and (key in _UNIT_WORDS or key in _UNITS_WITH_TAILS):  # "xã", "thị trấn ven biển"
            prefix = _unit_prefix(out[-1])
            if prefix:
                out.append(f"{prefix} {m}")
                continue
        if source and (key in _BARE_UNITS or _NAMED_UNIT.match(m)):  # "thị xã Kiến Tường" after "UBND các huyện"
            out.append(m if key.startswith(_key(source) + " ") else f"{source} {m}")  # no "Đảng ủy đảng ủy ..."
            continue
        if unit_head and _capitalised_name(m):
            out.append(f"{unit_head} {m}")
            continue
        if _starts_with(key, 0, _HEADS):
            source = None
            unit_head = None
        out.append(m)
    return out


def _is_generic_member(key: str) -> bool:
    return key in _GENERIC or key in _BARE_UNITS or "," in key or key in ("hội", "đoàn thể", "ban chỉ đạo")


def _share_tails(members: list[str]) -> list[str]:
    """A tail ("cấp tỉnh", "của địa phương") on a member also belongs to the bare generic members
    just before it: "Sở, Ban, ngành, hội, đoàn thể cấp tỉnh" -> each "cấp tỉnh"."""
    out = list(members)
    tail: str | None = None
    for i in range(len(out) - 1, -1, -1):
        own = _shared_tail(out[i])
        if own:
            tail = own
            continue
        key = _key(out[i])
        if tail and _is_generic_member(key):
            out[i] = f"{out[i]} {tail}"
        else:
            tail = None
    return out


# a resolved name's key: the same few hundred names come back in every directive
_name_key = functools.lru_cache(maxsize=8192)(match_key)


def to_bodies(mentions: Iterable[Mention]) -> tuple[ResponsibleBody, ...]:
    seen: set[str] = set()
    out = []
    for m in mentions:
        name, known = resolve(m.name)
        key = _name_key(name)
        if key in seen:
            continue
        seen.add(key)
        out.append(ResponsibleBody(name=name, role=m.role, written=m.written, known=known))
    return tuple(out)


# --- public readers ---------------------------------------------------------------------------

def mentions_in(phrase: str, role: TaskRole, *, heads_only: bool = False) -> list[Mention]:
    """The bodies a list phrase names ("Sở Y tế, Sở Tài chính"), each in ``role``."""
    names = split_list(phrase)
    if heads_only:
        names = [n for n in names if _starts_with(_key(n), 0, _HEADS)]
    return [Mention(name, phrase.strip(), role) for name in names]


def _object_list(text: str, key: str, start: int, end: int) -> tuple[str, int] | None:
    """The bodies right after "lãnh đạo" / "phối hợp với", up to the next predicate."""
    pos, word = _past_determiners(key, start, end)
    first = _starts_with(key, pos, _HEADS, word)
    if not first:
        return None
    stop = end
    last_words = _known_names()[2]
    previous = first[first.rfind(" ") + 1:]
    for p, word in _word_starts(key, pos + len(first), end):
        if word in _PREDICATES and _is_predicate_at(text, key, p, pos, word):
            stop = p
            break
        if previous in last_words and _known_name_ends_at(text, key, pos, p, word):
            stop = p  # "phối hợp với Sở Tài chính, Kho bạc Nhà nước tỉnh rút ngắn ..."
            break
        previous = word
    colon = key.find(":", pos, stop)
    if colon != -1 and not _colon_head(key, pos, colon):  # "... với UBND các huyện: A, B" goes on
        stop = colon
    return text[pos:stop], stop


_DEMAND_VERBS = ("yêu cầu", "đề nghị", "giao")
_COOPERATING_WITH = re.compile(r"phối (?:kết )?hợp (?:chặt chẽ )?(?:với\s+|cùng(?:\s+với)?\s+)?")
# Partners named apart from the predicate: "Sở Y tế, với sự phối hợp của Sở Xây dựng, kiểm tra ...", and a
# bracket after the task: "... (phối hợp với Sở Xây dựng, Sở Tài chính)", "(cùng với ...)", "(phối hợp: ...)"
_WITH_HELP_OF = re.compile(r"với sự (?:phối hợp|tham gia|hỗ trợ) của\s+")
_PARTNERS_IN_BRACKETS = re.compile(r"\((?:phối (?:kết )?hợp|cùng)(?:\s+với)?\s*:?\s*([^()]+)\)")
_AND_DIRECTING = re.compile(r"\s*(?:,|và)\s*chỉ đạo\s+")
# A group a body directs: "các trường mầm non, tiểu học", "UBND cấp xã", "bộ phận chuyên môn", "ngành điện"
_GROUP_DIRECTED = re.compile(r"^\s*(?:các|những|mọi|toàn bộ|bộ phận|lực lượng|ngành)\s|\bcấp (?:xã|huyện|tỉnh|cơ sở)\b")


def _is_group(phrase_key: str) -> bool:
    return _GROUP_DIRECTED.search(phrase_key) is not None


_CAPS_SENTENCE = 60  # characters: a shorter line in capitals is a heading or a name


def clause_bodies(text: str) -> list[Mention]:
    """Bodies named as actors in ``text`` (an item, a continuation paragraph, a closing sentence)."""
    text = modern_tones(text)
    if text.isupper() and len(text) > _CAPS_SENTENCE:
        # "SỞ CÔNG THƯƠNG CHỦ TRÌ, PHỐI HỢP VỚI ...": a sentence typed in capitals, where every verb
        # would look like part of a name; read in lower case (the directory gives names their capitals)
        text = text[:1] + text[1:].lower()
    key = _key(text)
    out: list[Mention] = []
    bracketed = "(" in text
    for start, end in _clauses(text):
        out.extend(_clause_mentions(text, key, start, end))
        if bracketed:  # "... (phối hợp với Sở Xây dựng)": partners in a bracket, whoever the clause names
            for bracket in _PARTNERS_IN_BRACKETS.finditer(key, start, end):
                out.extend(_partners(text[bracket.start(1):bracket.end(1)]))
    return out


def _clause_mentions(text: str, key: str, start: int, end: int) -> list[Mention]:
    """The bodies one clause names as actors: its subject, those it leads, its partners."""
    out: list[Mention] = []
    subject = _find_subject(text, key, start, end)
    if subject is None:
        return out
    if subject.predicate in _DEMAND_VERBS:
        # "Thường trực Tỉnh ủy yêu cầu Ban cán sự đảng ...": the issuer asks, the named bodies act
        subject = _find_subject(text, key, subject.end + len(subject.predicate), end)
        if subject is None:
            return out
    if subject.end < end and _starts_with(key, _skip_space(key, subject.end, end), _DECIDING):
        return out  # "Thường trực Tỉnh ủy thống nhất chủ trương ...": the author decides, others act
    phrase = text[subject.start:subject.end].rstrip()
    if phrase.strip():
        out.extend(mentions_in(phrase, TaskRole.LEAD))
    if subject.predicate in ("lãnh đạo", "chỉ đạo"):
        after = subject.end + len(subject.predicate)
        also_directing = _AND_DIRECTING.match(key, after, min(end, after + 16)) \
            if subject.predicate == "lãnh đạo" else None
        object_at = also_directing.end() if also_directing else after
        found = _object_list(text, key, object_at, end)
        if found and not (subject.predicate == "chỉ đạo" and _is_group(key[object_at:object_at + 60])):
            named = mentions_in(found[0], TaskRole.LEAD, heads_only=True)
            # the bodies led are in charge; those directed ("chỉ đạo Sở Y tế, Sở Tài chính ...", "lãnh
            # đạo, chỉ đạo HĐND tỉnh") when they are specific, not "các địa phương, đơn vị"
            directed = subject.predicate == "chỉ đạo" or also_directing is not None
            out.extend([m for m in named if is_specific([m])] if directed else named)
    predicate, predicate_at = subject.predicate, subject.end
    if predicate is None and key.startswith(":", subject.end):
        # "- Phòng Kinh tế: Chủ trì, phối hợp với Công an phường ...": the task after the colon
        predicate_at = _skip_space(key, subject.end + 1, end)
        predicate = _starts_with(key, predicate_at, _PREDICATES)
    if predicate == "cùng với":  # "Công an tỉnh cùng với Bộ Chỉ huy Bộ đội Biên phòng tỉnh tập trung ...": jointly
        found = _object_list(text, key, subject.end + len(predicate), end)
        if found:
            out.extend(mentions_in(found[0], TaskRole.LEAD, heads_only=True))
    partners_at = None
    if predicate in ("chủ trì", "phối hợp", "phối kết hợp"):
        # "phối hợp với Sở Y tế", "phối hợp chặt chẽ với ...", "phối hợp cùng ...", "phối hợp Sở Y tế" (a
        # head must follow)
        m = _COOPERATING_WITH.search(key, predicate_at, end)
        partners_at = m.end() if m else None
    if partners_at is None and key.find("sự", start, end) != -1:
        m = _WITH_HELP_OF.search(key, start, end)
        partners_at = m.end() if m else None
    if partners_at is not None:
        found = _object_list(text, key, partners_at, end)
        if found:
            out.extend(_partners(found[0]))
    return out


def _partners(phrase: str) -> list[Mention]:
    """The cooperating bodies a phrase names, but groups and bare "cơ quan ..." ("cơ quan liên quan")."""
    return [x for x in mentions_in(phrase, TaskRole.COOPERATING, heads_only=True)
            if _key(x.name) not in _GENERIC and not _key(x.name).startswith("cơ quan")]


_DEMAND = re.compile(r"\b(?:yêu cầu|đề nghị|giao)\b", re.IGNORECASE)


def intro_bodies(intro: str) -> list[Mention]:
    """Bodies the sentence introducing the items names ("... yêu cầu Sở X, Sở Y thực hiện ...:")."""
    if not intro:
        return []
    text = modern_tones(intro)
    last = None
    for m in _DEMAND.finditer(text):
        last = m
    if last is None:
        return []
    key = _key(text)
    rest_end = len(text)
    subject = _find_subject(text, key, last.end(), rest_end, assigned=True)
    if subject is None or subject.end - subject.start > 400:
        return []
    return mentions_in(text[subject.start:subject.end], TaskRole.LEAD)


def is_specific(mentions: Iterable[Mention]) -> bool:
    """True when at least one body is more than a generic group ("cấp ủy", "cơ quan, đơn vị")."""
    for m in mentions:
        key = _key(m.name)
        if key in _GENERIC:  # "cơ quan, đơn vị, địa phương" before its tail is cut off
            continue
        for tail in _SHARED_TAILS:
            if key.endswith(" " + tail):
                key = key[: -len(tail) - 1].rstrip(" ,;")
                break
        if key not in _GENERIC:
            return True
    return False


def recipient_bodies(recipients: Iterable[str]) -> list[Mention]:
    """The "Kính gửi" addressees, split and normalised like any list of bodies."""
    out: list[Mention] = []
    for line in recipients:
        line = re.sub(r"\((?:để )?(?:b/c|báo cáo|thực hiện|t/h|biết)[^)]*\)", "", line, flags=re.IGNORECASE)
        out.extend(mentions_in(line, TaskRole.LEAD))
    return out


def monitor_body(text: str) -> str | None:
    """The body a closing sentence tells to follow up ("Văn phòng Tỉnh ủy ... nắm tình hình ...")."""
    found = [mention for mention in clause_bodies(text) if is_specific([mention])]  # not "Các cơ quan ..."
    if not found:
        return None
    name, _known = resolve(found[0].name)
    return name
