"""Normalisation: raw directive text -> clean lines that remember where they came from.

Steps, in order (each one is small and pure):

1. NFC, unify line ends and odd spaces; two columns side by side (a wide gap inside the lines of
   the header or the signature) become the left column's lines, then the right column's.
2. Remove OCR and markdown marks: ``~~3953~~`` -> ``3953``, ``^{*}`` / ``^{Th.H}`` -> nothing,
   ``**bold**`` / ``*italic*`` -> the text, a line that is only ``*`` -> blank.
3. Drop page numbers (a line that is only a number) and e-signature stamps
   ("Người ký: ... Email: ... Cơ quan: ... Thời gian ký: ... +07:00").
4. Drop repeated paragraphs (a scanner's duplicate page): a long line already seen adds nothing.
5. Rejoin paragraphs broken across a line or page end: a paragraph ending in a letter (no
   punctuation) followed, after blank lines, by one starting in lower case ("đặc" / "biệt là").

The result keeps blank lines (they separate blocks) and, for each line, the 1-based number of the
line of the original text where it starts (``origin``), so every item can point back to its source.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from tracker.domain.text import collapse_spaces
from tracker.parsing.rules.marks import (
    COPY_STAMP,
    FOOTNOTE,
    FOOTNOTE_RULE,
    MARK_RULES,
    PAGE_FOOTER,
    PAGE_NUMBER,
    RULE_LINE,
    STAMP_END,
    STAMP_FIELDS,
    STAMP_START,
)
from tracker.parsing.rules.numbering import find_label
from tracker.parsing.rules.structure import AUTHORITY, ISSUER_LINE, PERSON_NAME
from tracker.parsing.task_table import unflatten_tables


@dataclass(frozen=True)
class Line:
    text: str
    origin: int  # 1-based line in the original text


@dataclass(frozen=True)
class NormalizedText:
    lines: tuple[Line, ...]

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


# the spaces that are not the plain one (a tab, a no-break space, the typographic spaces ...)
_ODD_SPACE_CHARS = ("\t", "\u00a0", *map(chr, range(0x2000, 0x200C)), "\u202f", "\u205f", "\u3000", "\ufeff")
_SPACE_CHARS = " " + "".join(_ODD_SPACE_CHARS)  # inside a character class
_SPACES = re.compile(rf"[{_SPACE_CHARS}]+")  # every run of spaces -> one plain space
# the same result, touching only the runs that change (a space and more, or an odd space first):
# replacing each of the thousands of single plain spaces by itself was a tenth of normalisation.
# `` [SPACES]+|[ODD][SPACES]*``, opened by one class and told apart with look-behinds: the engine
# skips to a space (an alternation of branches is tried at every position: 1.3x slower on a directive)
_ODD_SPACES = re.compile(rf"[{_SPACE_CHARS}](?:(?<= )[{_SPACE_CHARS}]+|(?<! )[{_SPACE_CHARS}]*)")
_FINAL_PUNCT = ".;:!?…)\"”»"
_MIN_DUPLICATE = 60  # shorter lines may legitimately repeat ("- Như trên,")


_MARK_CHARS = frozenset("~^*|\\#>")
_MARK_CHAR = re.compile("[" + re.escape("".join(sorted(_MARK_CHARS))) + "]")  # a scan in C, not a set look-up a character


def strip_marks(line: str) -> str:
    """Remove OCR and markdown marks from one line."""
    if _MARK_CHAR.search(line) is None:
        return line
    for rule in MARK_RULES:
        line = rule.regex.sub(rule.replacement, line)
    return line


def clean_line(line: str) -> str:
    line = unicodedata.normalize("NFC", line)
    return _clean(line)


def _clean(line: str) -> str:
    """``clean_line`` for text already in NFC with its odd spaces made plain."""
    return _clean_unmarked(strip_marks(line))


def _clean_unmarked(line: str) -> str:
    """``_clean`` for a line of a file that holds no mark character."""
    if "  " in line:
        line = " ".join(line.split())
    return line.strip()


def _is_stamp_line(text: str) -> bool:
    return bool(STAMP_FIELDS.match(text)) or bool(STAMP_END.search(text))


def _drop_stamps(lines: list[Line]) -> list[Line]:
    out: list[Line] = []
    i = 0
    n = len(lines)
    while i < n:
        if STAMP_START.match(lines[i].text):
            # the stamp runs to the line holding the time zone ("10:45:30 +07:00"), at most 10 lines
            j = i
            end = None
            while j < n and j < i + 10:
                if STAMP_END.search(lines[j].text):
                    end = j
                    break
                j += 1
            if end is None:
                # no time line: drop the field lines and their wrapped continuations
                end = i
                k = i + 1
                while k < n and k < i + 8 and lines[k].text and (
                    STAMP_FIELDS.match(lines[k].text) or len(lines[k].text) < 30
                ):
                    end = k
                    k += 1
            i = end + 1
            continue
        out.append(lines[i])
        i += 1
    return out


_COPY_STAMP_LINES = 20  # a copy's stamp is a dozen lines; its signer's name ends it


def _drop_copy_stamps(lines: list[Line]) -> list[Line]:
    """A copy's stamp ("SAO Y BẢN CHÍNH" ... "TL. CHỦ TỊCH" / name) becomes blank lines: it is no directive
    of its own, and its number and signer belong to nobody's header."""
    out = list(lines)
    for i, line in enumerate(lines):
        if not COPY_STAMP.match(line.text):
            continue
        end = i
        signed = False
        for k in range(i + 1, min(len(lines), i + _COPY_STAMP_LINES)):
            text = lines[k].text
            if AUTHORITY.match(text):
                signed = True
            elif signed and text and PERSON_NAME.match(text):
                end = k
                break
        for k in range(i, end + 1):
            out[k] = Line("", lines[k].origin)
    return out


def _drop_duplicates(lines: list[Line]) -> list[Line]:
    """Drop a scanner's repeated page: runs of two or more long paragraphs already seen. A single
    sentence said twice ("- Tăng cường công tác tuyên truyền ..." under two items) stays."""
    seen: set[str] = set()
    repeated: list[bool] = []
    any_repeat = False
    for line in lines:
        is_repeat = False
        if len(line.text) >= _MIN_DUPLICATE:
            key = collapse_spaces(line.text.lower())
            is_repeat = key in seen
            any_repeat = any_repeat or is_repeat
            seen.add(key)
        repeated.append(is_repeat)
    if not any_repeat:
        return lines
    text_positions = [i for i, line in enumerate(lines) if line.text.strip()]
    drop: set[int] = set()
    for n, i in enumerate(text_positions):
        if not repeated[i]:
            continue
        before = n > 0 and repeated[text_positions[n - 1]]
        after = n + 1 < len(text_positions) and repeated[text_positions[n + 1]]
        if before or after:
            drop.add(i)
    return [line for i, line in enumerate(lines) if i not in drop]


def _starts_lower(text: str) -> bool:
    for ch in text:
        if ch.isalpha():
            return ch.islower()
        if not ch.isspace():
            return False
    return False


def _ends_open(text: str) -> bool:
    """Ends in a letter or digit: the sentence goes on after the break."""
    stripped = text.rstrip()
    return bool(stripped) and stripped[-1] not in _FINAL_PUNCT and (stripped[-1].isalnum())


_HYPHEN_BREAK = re.compile(r"[^\W\d_]-$")


def _opens_with_vowel(text: str) -> bool:
    first = unicodedata.normalize("NFD", text.lstrip()[:1].lower())[:1]
    return first in "aeiouy"  # ă â ê ô ơ ư and their tones decompose to these


def _labelled(text: str) -> bool:
    label = find_label(text)
    return label is not None and bool(label.rest)


def _rejoin(lines: list[Line]) -> list[Line]:
    out: list[Line] = []
    for line in lines:
        if line.text and _starts_lower(line.text) and not line.text.lstrip().startswith(("-", "+", "•")):
            # find the previous non-blank line across at most a few blanks (a page break)
            k = len(out) - 1
            blanks = 0
            while k >= 0 and not out[k].text and blanks < 6:
                k -= 1
                blanks += 1
            if k >= 0 and not blanks and out[k].text.endswith("-") and _HYPHEN_BREAK.search(out[k].text[-2:]) \
                    and not _labelled(line.text):
                # "Sở Nông nghiệp và Môi trư-" / "ờng chủ trì ...": a syllable broken by a hyphen (the
                # rest opens with a vowel); "vắc-" / "xin": a hyphenated word, the hyphen stays
                cut = -1 if _opens_with_vowel(line.text) else len(out[k].text)
                joined = Line(out[k].text[:cut] + line.text.lstrip(), out[k].origin)
                del out[k:]
                out.append(joined)
                continue
            # a long line broken at the page's width; or a labelled item's first line however short
            # ("5. Sở Nông nghiệp và Phát" / "triển nông thôn kiểm tra ...")
            if k >= 0 and out[k].text and _ends_open(out[k].text) and (
                    len(out[k].text) > (40 if blanks else 50) or (not blanks and _labelled(out[k].text))) \
                    and not _labelled(line.text):  # "a) Chủ trì ..." opens an item of its own
                joined = Line(out[k].text + " " + line.text, out[k].origin)
                del out[k:]
                out.append(joined)
                continue
        out.append(line)
    return out


# A wide gap inside a line: two columns of a page laid out side by side ("UỶ BAN NHÂN DÂN          CỘNG
# HOÀ XÃ HỘI ...", "Nơi nhận:               KT. CHỦ TỊCH"), as a PDF's text layer or a typed file gives them.
_COLUMN_GAP = re.compile(r"(?<=\S)(?:[ \u00a0]{5,}|\t+)(?=\S)")


def _docx_tabs(line: str) -> str:
    """Text pasted from a .docx: a tab after a list's label or bullet ("1)\tSở Nội vụ:", "•\tChủ trì ...")
    made a space, a row of three tab-separated cells or more ("STT\tNội dung\tĐơn vị chủ trì\tThời hạn")
    made a "|" row; a line of two columns (a header beside the national motto, "Nơi nhận:" beside the
    signature) is left as it is."""
    if "\t" not in line:
        return line
    head, _, rest = line.partition("\t")
    label = find_label(head.strip() + " x")
    if label is not None and label.rest == "x":  # the text before the tab is a label and nothing else
        line = head + " " + rest.lstrip("\t")
    cells = [cell.strip() for cell in line.split("\t")]
    if len([cell for cell in cells if cell]) >= 3:
        return " | ".join(cells)
    return line


def _columns_apart(numbered: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Each run of consecutive two-column lines becomes its left column's lines, then its right
    column's: the issuer's lines come together, so do the signature's."""
    out: list[tuple[int, str]] = []
    left: list[tuple[int, str]] = []
    right: list[tuple[int, str]] = []
    for n, text in numbered:
        parts = _COLUMN_GAP.split(text.strip(), maxsplit=1)
        if len(parts) == 2:
            left.append((n, parts[0]))
            right.append((n, parts[1]))
            continue
        out += left + right
        left, right = [], []
        out.append((n, text))
    return out + left + right


def _drop_footnotes(lines: list[Line]) -> list[Line]:
    """A page's footnotes (a line of underscores, then "(1) ...", "(2) ..." up to a blank line)."""
    out = list(lines)
    for i, line in enumerate(lines):
        if not FOOTNOTE_RULE.match(line.text) or i + 1 >= len(lines) or not FOOTNOTE.match(lines[i + 1].text):
            continue
        k = i + 1
        while k < len(lines) and lines[k].text:
            out[k] = Line("", lines[k].origin)
            k += 1
    return out


def _drop_running_headers(lines: list[Line]) -> list[Line]:
    """The issuer's name repeated at the top of a page ("ỦY BAN NHÂN DÂN TỈNH X" between a line that
    breaks off mid-sentence and the lower-case rest of it): not a new document's header."""
    out = list(lines)
    for i in [i for i, line in enumerate(lines) if line.text.isupper()]:
        line = lines[i]
        if not ISSUER_LINE.match(line.text):
            continue
        before = next((ln.text for ln in reversed(lines[max(0, i - 8):i]) if ln.text), "")
        after = next((ln.text for ln in lines[i + 1:i + 5] if ln.text), "")
        if before and _ends_open(before) and after and _starts_lower(after):
            out[i] = Line("", line.origin)
    return out


def _is_footer(text: str) -> bool:
    return text[-1:].isdigit() and "rang" in text and PAGE_FOOTER.match(text) is not None


# The last character of a page number, a page footer or a rule ("26", "- 3 -", "Trang 2/4", "-----",
# "--o0o--", "* * *"): a line ending otherwise (most lines) is none of them
_MARK_LINE_ENDS = frozenset("-_—–=~•*oO")


def _is_mark_line(text: str) -> bool:
    """A page number, a page footer or a rule: no text."""
    last = text[-1:]
    if not last or not (last in _MARK_LINE_ENDS or last.isdigit() or last.isspace()):
        return False
    return bool(PAGE_NUMBER.match(text) or RULE_LINE.match(text) or _is_footer(text))


def normalize(text: str) -> NormalizedText:
    raw = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    if "     " in raw or "\t" in raw:
        numbered = [(n, "" if _is_footer(t.strip()) else _docx_tabs(t))
                    for n, t in enumerate(raw.split("\n"), 1)]
        lines = [Line(_clean(_ODD_SPACES.sub(" ", t)), n) for n, t in _columns_apart(numbered)]
    else:
        if "  " in raw or any(space in raw for space in _ODD_SPACE_CHARS):  # most files hold neither
            raw = _ODD_SPACES.sub(" ", raw)
        clean = _clean if _MARK_CHAR.search(raw) else _clean_unmarked  # one look for marks in the file
        lines = [Line(clean(t) if t else "", n) for n, t in enumerate(raw.split("\n"), 1)]
    # a table read one cell per line: its rows' numbers would pass for page numbers below
    unflattened = unflatten_tables([ln.text for ln in lines]) if "TT" in raw else None
    if unflattened is not None:
        lines = [Line(t, ln.origin) for t, ln in zip(unflattened, lines, strict=True)]
    if "_____" in raw:
        lines = _drop_footnotes(lines)
    lines = [Line("", ln.origin) if _is_mark_line(ln.text) else ln for ln in lines]
    lines = _drop_running_headers(lines)
    lines = _drop_stamps(lines)
    if "SAO" in raw:
        lines = _drop_copy_stamps(lines)
    lines = _drop_duplicates(lines)
    lines = _rejoin(lines)
    # collapse runs of blank lines to one
    out: list[Line] = []
    for line in lines:
        if not line.text and out and not out[-1].text:
            continue
        out.append(line)
    while out and not out[0].text:
        out.pop(0)
    while out and not out[-1].text:
        out.pop()
    return NormalizedText(tuple(out))
