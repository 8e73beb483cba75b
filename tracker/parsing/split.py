"""One file -> the directives in it, and each directive's header and signature.

A new header line (issuer "TỈNH ỦY X", national motto, "Số ...", "Kính gửi") met after a document
has reached its body starts the next document. A page filed inside the wrong document (its first
words finish another document's sentence, or its numbering continues another document's items)
is moved to the document it continues, with everything after it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date

from tracker.domain.enums import DocumentType
from tracker.domain.text import fold, is_abbreviation, modern_tones
from tracker.parsing.directory_lookup import resolve
from tracker.parsing.name_text import has_old_pairs
from tracker.parsing.normalize import Line
from tracker.parsing.rules.numbering import find_label
from tracker.parsing.rules.places import PROVINCES
from tracker.parsing.rules.structure import (
    AUTHORITY,
    DATE_ONLY,
    ISSUER_LINE,
    NATIONAL_LINE,
    NUMBER_LINE,
    PERSON_NAME,
    PLACE_DATE,
    PLACE_DATE_SHORT,
    RECEIVERS_BLOCK,
    RECIPIENTS,
    SIGNED_MARK,
    SIGNER_TITLE,
    SUBJECT,
    SUFFIX_ISSUERS,
    TELEGRAM_TO,
    TYPE_CODES,
    TYPE_WORD,
    TYPE_WORDS,
)

_BODY_MIN = 80  # a line this long (not a header line) is body text
_FINAL = ".;!?…\"”)»"


def _tone_key(text: str) -> str:
    """Modern tone placement, skipped when the text has no old-style pair (the common case)."""
    return modern_tones(text) if has_old_pairs(text) else text


def _is_caps(text: str) -> bool:
    """Every letter is a capital, and there is one (read up to the first small letter)."""
    found = False
    for c in text:
        if c.isalpha():
            if not c.isupper():
                return False
            found = True
    return found


# "Số: ...", "Số 230-CV/TU", "Số 3953 /UBND": a colon or a symbol after the digits (not "Số 15 ca mắc")
_NUMBER_SHAPE = re.compile(r"^Số\s*:|^Số\s*[\d\s]*\s*[-/]\s*[A-ZĐ]|^Số\s*[\d\s]*$")


@functools.lru_cache(maxsize=8192)
def header_kind(text: str) -> str | None:
    """The kind of header line ``text`` is, or None."""
    if not text:
        return None
    modern = _tone_key(text)
    if len(text) < 120 and _is_caps(text.split("|")[0]) and ISSUER_LINE.match(modern.upper()):
        return "issuer"
    if NATIONAL_LINE.match(modern):
        return "national"
    if NUMBER_LINE.match(text) and len(text) < 120 and _NUMBER_SHAPE.search(text):
        return "number"
    if RECIPIENTS.match(text) or _telegram_to(text):
        return "recipients"
    if len(text) < 40 and _is_caps(text) and TYPE_WORD.match(modern) and not AUTHORITY.match(text):
        m = TYPE_WORD.match(modern)
        if m and not m.group("rest").strip():
            return "type"
    return None


@functools.lru_cache(maxsize=8192)
def _is_body(text: str) -> bool:
    if not text or header_kind(text):
        return False
    if text.startswith(("V/v", "V/V", "Về việc")):  # a subject line, however long (a .docx keeps it whole)
        return False
    if RECEIVERS_BLOCK.match(text):
        return True
    label = find_label(text)
    if label and label.kind in ("arabic", "roman", "decimal", "letter") and len(text) > 20:
        return True
    return len(text) >= _BODY_MIN and not ("gày" in text and PLACE_DATE.match(text))


_TITLE_LINES = 3


def split_documents(lines: tuple[Line, ...] | list[Line]) -> list[list[Line]]:
    """Cut the file's lines into documents."""
    docs: list[list[Line]] = [[]]
    in_body = False
    in_recipients = False
    title_lines = 0  # the lines after a document-type line still read as its title
    for line in lines:
        if not line.text:  # a blank line changes nothing (a third of a file's lines) but end a title
            title_lines = 0
            docs[-1].append(line)
            continue
        kind = header_kind(line.text)
        if kind == "recipients":
            in_recipients = True
        elif line.text and not line.text.startswith(("-", "+", "•")):
            in_recipients = False
        if kind and in_body and docs[-1]:
            docs.append([])
            in_body = False
        docs[-1].append(line)
        if kind == "type":
            title_lines = _TITLE_LINES
        elif title_lines:
            # "QUYẾT ĐỊNH" / "Phê duyệt Phương án ... (a long title)" / "ỦY BAN NHÂN DÂN TỈNH X": the
            # enacting body's line after a long title is no new document's issuer
            title_lines -= 1
        elif not in_recipients and _is_body(line.text):
            in_body = True
    docs = [d for d in docs if any(line.text for line in d)]
    return _relocate_strays(docs)


# --- stray pages ------------------------------------------------------------------------------

def _top_numbers(doc: list[Line]) -> list[tuple[int, int]]:
    """(index, number) of the arabic labels in a document."""
    out = []
    for i, line in enumerate(doc):
        label = find_label(line.text)
        if label and label.kind == "arabic" and label.value and label.value.isdigit():
            out.append((i, int(label.value)))
    return out


def _body_end(doc: list[Line]) -> int:
    """Index of the last body line before the receivers block / signature."""
    last = -1
    for i, line in enumerate(doc):
        if RECEIVERS_BLOCK.match(line.text) or AUTHORITY.match(line.text):
            break
        if line.text:
            last = i
    return last


def _ends_open(text: str) -> bool:
    text = text.rstrip()
    return bool(text) and text[-1] not in _FINAL and text[-1] not in ":"


def _starts_lower(text: str) -> bool:
    return bool(text) and text[0].isalpha() and text[0].islower()


def _relocate_strays(docs: list[list[Line]]) -> list[list[Line]]:
    if len(docs) < 2:
        return docs
    for d_index, doc in enumerate(docs):
        numbers = _top_numbers(doc)
        expected = 1
        for i, n in numbers:
            if n == expected:
                expected = n + 1
                continue
            if n <= expected:
                expected = n + 1
                continue
            # a jump: does another document continue with n?
            start = i
            prev = i - 1
            while prev >= 0 and not doc[prev].text:
                prev -= 1
            head = doc[prev] if prev >= 0 and _starts_lower(doc[prev].text) and not find_label(doc[prev].text) else None
            if head is not None:
                start = prev
            target = _continued_document(docs, d_index, n, head)
            if target is None:
                expected = n + 1
                continue
            moved = doc[start:]
            del doc[start:]
            tgt = docs[target]
            end = _body_end(tgt)
            if head is not None and end >= 0 and _ends_open(tgt[end].text):
                tgt[end] = Line(tgt[end].text.rstrip() + " " + head.text.lstrip(), tgt[end].origin)
                moved = moved[1:]
            tgt[end + 1:end + 1] = [Line("", moved[0].origin if moved else 0), *moved]
            break
    return [d for d in docs if any(line.text for line in d)]


def _continued_document(docs: list[list[Line]], own: int, number: int, head: Line | None) -> int | None:
    for k, other in enumerate(docs):
        if k == own:
            continue
        numbers = _top_numbers(other)
        if not numbers or numbers[-1][1] != number - 1:
            continue
        end = _body_end(other)
        if end < 0:
            continue
        if head is not None and not _ends_open(other[end].text):
            continue
        has_tail = any(RECEIVERS_BLOCK.match(line.text) or AUTHORITY.match(line.text) for line in other)
        if head is None and has_tail:
            continue
        return k
    return None


# --- header -----------------------------------------------------------------------------------

@dataclass
class Header:
    number: str | None = None
    issuer: str | None = None
    doc_type: DocumentType = DocumentType.OTHER
    place: str | None = None
    issue_date: date | None = None
    subject: str | None = None
    recipients: list[str] = field(default_factory=list)
    body_start: int = 0  # index of the first body line


_ORG_WORDS = (
    ("ỦY BAN NHÂN DÂN", "Ủy ban nhân dân"), ("HỘI ĐỒNG NHÂN DÂN", "Hội đồng nhân dân"),
    ("BAN THƯỜNG VỤ", "Ban Thường vụ"), ("BAN CHẤP HÀNH", "Ban Chấp hành"), ("BAN CHỈ ĐẠO", "Ban Chỉ đạo"),
    ("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM", "Ủy ban Mặt trận Tổ quốc Việt Nam"),
    ("ỦY BAN KIỂM TRA", "Ủy ban Kiểm tra"),
    ("BAN TUYÊN GIÁO VÀ DÂN VẬN", "Ban Tuyên giáo và Dân vận"), ("BAN TUYÊN GIÁO", "Ban Tuyên giáo"), ("BAN DÂN VẬN", "Ban Dân vận"),
    ("BAN TỔ CHỨC", "Ban Tổ chức"), ("BAN NỘI CHÍNH", "Ban Nội chính"), ("BAN CÁN SỰ ĐẢNG", "Ban cán sự đảng"),
    ("ĐẢNG ĐOÀN", "Đảng đoàn"), ("VĂN PHÒNG", "Văn phòng"), ("BỘ CHỈ HUY", "Bộ Chỉ huy"), ("ĐẢNG BỘ", "Đảng bộ"),
    ("ĐẢNG ỦY", "Đảng ủy"), ("TỈNH ỦY", "Tỉnh ủy"), ("THÀNH ỦY", "Thành ủy"), ("HUYỆN ỦY", "Huyện ủy"),
    ("THỊ ỦY", "Thị ủy"), ("QUẬN ỦY", "Quận ủy"), ("UBND", "Ủy ban nhân dân"), ("HĐND", "Hội đồng nhân dân"),
    ("SỞ", "Sở"), ("CÔNG AN", "Công an"),
)
_UNITS = (("THÀNH PHỐ", "thành phố"), ("THỊ XÃ", "thị xã"), ("THỊ TRẤN", "thị trấn"), ("ĐẶC KHU", "đặc khu"), ("TỈNH", "tỉnh"),
          ("HUYỆN", "huyện"), ("QUẬN", "quận"), ("PHƯỜNG", "phường"), ("XÃ", "xã"))


# each in order, with the space that must follow it inside a longer name
_ISSUER_WORDS = tuple((word, word + " ", proper) for word, proper in _ORG_WORDS + _UNITS)


# a body named by what it does, in small letters ("Ban Chỉ đạo phòng, chống thiên tai ... tỉnh X")
_DESCRIBED_ORGS = frozenset({"BAN CHỈ ĐẠO"})
_UNIT_STARTS = frozenset(word.split()[0] for word, _ in _UNITS)


def _described_part(text: str) -> tuple[str, str]:
    """"PHÒNG, CHỐNG DỊCH COVID-19 TỈNH GIA LAI" -> ("phòng, chống dịch COVID-19", "TỈNH GIA LAI"): the
    words up to the unit that starts the place, in small letters (abbreviations kept), and the rest."""
    words = text.split()
    for i, word in enumerate(words):
        rest = " ".join(words[i:])
        if word.strip(",") in _UNIT_STARTS and rest != "XÃ HỘI" and not rest.startswith("XÃ HỘI ") \
                and any(rest == unit or rest.startswith(unit + " ") for unit, _ in _UNITS):
            return " ".join(w if is_abbreviation(w) else w.lower() for w in words[:i]), rest
    return " ".join(w if is_abbreviation(w) else w.lower() for w in words), ""


def _title(words: str) -> str:
    return " ".join(w[:1].upper() + w[1:].lower() for w in words.split())


def issuer_name(caps: str) -> str:
    """"ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG" -> "Ủy ban nhân dân tỉnh Đắk Nông"."""
    text = " ".join(_tone_key(caps).upper().split())
    out: list[str] = []
    while text:
        for word, spaced, proper in _ISSUER_WORDS:
            if text.startswith(spaced) or text == word:
                out.append(proper)
                text = text[len(word):].strip()
                if word in _DESCRIBED_ORGS:
                    described, text = _described_part(text)
                    out += [described] if described else []
                break
        else:
            out.append(_title(text))
            text = ""
    name = " ".join(out)
    return name[:1].upper() + name[1:]


_PROVINCE_KEYS = {fold(p): p for p in PROVINCES}


def match_place(written: str) -> str:
    """A place as written -> the province's proper name when it is one (loosely: "Hung Yên")."""
    return _PROVINCE_KEYS.get(fold(written)) or " ".join(written.split())


_SPACED_DIGITS = re.compile(r"(?<![\d\w])\d(?: \d)+(?![\d\w])")


def clean_number(rest: str) -> str | None:
    rest = rest.split("|")[0]
    rest = _SPACED_DIGITS.sub(lambda m: m.group().replace(" ", ""), rest)  # "3 5 8 7 /UBND" from a scan
    rest = re.sub(r"\s*([-/])\s*", r"\1", rest.strip())
    token = rest.split()[0] if rest.split() else ""
    token = token.strip(".,;:")
    if not token or not re.search(r"[\d/]", token):
        return None
    return token


def _doc_type(number: str | None, type_word: str | None, has_subject: bool) -> DocumentType:
    if type_word:
        return TYPE_WORDS.get(type_word, DocumentType.OTHER)
    if number:
        for part in re.split(r"[-/]", number):
            if part.upper() in TYPE_CODES:
                return TYPE_CODES[part.upper()]
        if re.fullmatch(r"\d+/[A-ZĐ]+(?:-[A-ZĐ0-9]+)*", number):
            return DocumentType.CONG_VAN
    return DocumentType.CONG_VAN if has_subject else DocumentType.OTHER


def _issuer_from_number(number: str | None, place: str | None) -> str | None:
    if not number or not place:
        return None
    for rule in SUFFIX_ISSUERS:
        if rule.regex.search(number):
            return rule.issuer.format(place=place)
    return None


def parse_header(doc: list[Line]) -> Header:
    header = Header()
    n = len(doc)
    issuer_lines: list[str] = []
    type_word: str | None = None
    i = 0
    body_start = None
    while i < n:
        text = doc[i].text
        if not text:
            i += 1
            continue
        kind = header_kind(text)
        cells = [c.strip() for c in text.split("|") if c.strip()] if "|" in text else [text]
        if kind == "issuer":
            # after the type line and its title, "HỘI ĐỒNG NHÂN DÂN TỈNH X" / "KHÓA X, KỲ HỌP THỨ 14" is the
            # enacting body of a resolution or decision, already named as the issuer
            enacting = type_word is not None and bool(issuer_lines)
            block = [cells[0]]
            j = i + 1
            while j < n and doc[j].text and _is_caps(doc[j].text) and not header_kind(doc[j].text) \
                    and len(doc[j].text) < 60 and not doc[j].text.startswith("*"):
                block.append(doc[j].text)
                j += 1
            if not enacting:
                issuer_lines += block
            for cell in cells[1:]:
                _header_cell(header, cell)
            i = j
            continue
        if kind == "type" and type_word is None:
            type_word = _tone_key(text).strip().upper()
            # the title follows the type word (until a blank line)
            j = i + 1
            while j < n and not doc[j].text:
                j += 1
            title: list[str] = []
            while j < n and doc[j].text and not header_kind(doc[j].text) and len(title) < 4 \
                    and not find_label(doc[j].text) and len(doc[j].text) < 250:
                title.append(doc[j].text)
                j += 1
            if len(title) > 1 and _is_caps(title[0]) and _tone_key(title[0]).upper().startswith("CỦA "):
                # "CHỈ THỊ" / "CỦA BAN THƯỜNG VỤ TỈNH ỦY" / "về tăng cường ...": who issues it is no subject
                title = title[1:]
                title[0] = re.sub(r"^[Vv]ề\s+", "", title[0])
            if title and not header.subject:
                header.subject = _strip_subject(" ".join(title))
            i = j
            continue
        if kind == "recipients":
            i = _read_recipients(doc, i, header)
            continue
        if kind in ("national", "number") or _header_cell_kind(text) or len(cells) > 1:
            consumed = False
            for cell in cells:
                consumed = _header_cell(header, cell, doc, i) or consumed
            if kind == "number" and "|" not in text:
                m = NUMBER_LINE.match(text)
                if m and header.number is None:
                    header.number = clean_number(m.group("rest"))
            j = i + 1
            if SUBJECT.match(cells[-1] if cells else text) and "|" not in text:
                while j < n and doc[j].text and not header_kind(doc[j].text) and not _header_cell_kind(doc[j].text) \
                        and len(doc[j].text) < 120 and not _is_caps(doc[j].text):
                    header.subject = f"{header.subject} {doc[j].text}".strip() if header.subject else doc[j].text
                    j += 1
            i = j
            continue
        if _is_body(text) or find_label(text):
            body_start = i
            break
        i += 1
    header.body_start = body_start if body_start is not None else n
    if issuer_lines:
        header.issuer = _issuer_from_lines(issuer_lines)
    if header.subject:
        header.subject = _strip_subject(header.subject)
    header.doc_type = _doc_type(header.number, type_word, bool(header.subject))
    if header.issuer is None:
        header.issuer = _issuer_from_number(header.number, header.place)
    header.issuer = _with_place(header.issuer, header.place)
    return header


def _issuer_from_lines(lines: list[str]) -> str:
    names = [issuer_name(line) for line in lines]
    if len(names) == 1:
        return names[0]
    first, last = names[0], names[-1]
    # "ỦY BAN NHÂN DÂN" / "TỈNH ĐẮK NÔNG": one name over two lines
    if not ISSUER_LINE.match(_tone_key(lines[-1]).upper()):
        return issuer_name(" ".join(lines))
    if len(lines) > 2 and not ISSUER_LINE.match(_tone_key(lines[-2]).upper()):
        first = issuer_name(" ".join(lines[:-1]))  # "ỦY BAN NHÂN DÂN" / "TỈNH LÀO CAI" above "VĂN PHÒNG"
    if last == "Văn phòng":
        return f"{last} {first}"
    if first.startswith(_PARTY_COMMITTEES) and last.startswith(("Ban ", "Ủy ban Kiểm tra")) and " ủy" not in last.lower():
        return f"{last} {first}"  # "TỈNH ỦY LÀO CAI" / "BAN TUYÊN GIÁO" -> "Ban Tuyên giáo Tỉnh ủy Lào Cai"
    # "ĐẢNG BỘ TỈNH X" / "TỈNH ỦY" or "UBND TỈNH X" / "SỞ Y TẾ": the lower line issues
    place_match = re.search(r"\b(?:tỉnh|thành phố|huyện)\s+(.+)$", first)
    if place_match and last in _BARE_ISSUERS:
        return f"{last} {place_match.group(1)}"
    canonical, known = resolve(last)
    if known:
        last = canonical
    province = re.search(r"\btỉnh\s+(.+)$", first)
    if province and not re.search(r"\btỉnh\b", last.lower().replace("tỉnh ủy", "")):
        return f"{last} tỉnh {province.group(1)}"
    if province and last.endswith(" tỉnh"):
        return f"{last} {province.group(1)}"
    return last


_PARTY_COMMITTEES = ("Tỉnh ủy", "Thành ủy", "Huyện ủy", "Thị ủy", "Quận ủy", "Đảng ủy")
_BARE_ISSUERS = ("Tỉnh ủy", "Thành ủy", "Huyện ủy", "Thị ủy", "Quận ủy", "Ban Thường vụ Tỉnh ủy")


def _with_place(issuer: str | None, place: str | None) -> str | None:
    """"Tỉnh ủy" + the province of the place line -> "Tỉnh ủy Quảng Nam"."""
    if not issuer or not place or place not in PROVINCES:
        return issuer
    if issuer in _BARE_ISSUERS or issuer in ("Ủy ban nhân dân tỉnh", "Hội đồng nhân dân tỉnh"):
        return f"{issuer} {place}"
    return issuer


def _strip_subject(text: str) -> str:
    text = " ".join(text.split())
    m = SUBJECT.match(text)
    if m:
        text = m.group("rest")
    return text.strip(" .;,")


def _header_cell_kind(text: str) -> str | None:
    if "gày" in text and (PLACE_DATE.match(text) or PLACE_DATE_SHORT.match(text) or DATE_ONLY.match(text)):
        return "place_date"
    if SUBJECT.match(text):
        return "subject"
    if NUMBER_LINE.match(text):
        return "number"
    return None


def _header_cell(header: Header, cell: str, doc: list[Line] | None = None, i: int = 0) -> bool:
    found = False
    m = NUMBER_LINE.match(cell)
    if m and header.number is None:
        header.number = clean_number(m.group("rest"))
        found = True
    m = ("gày" in cell and (PLACE_DATE.match(cell) or PLACE_DATE_SHORT.match(cell) or DATE_ONLY.match(cell))) or None
    if m and header.issue_date is None:
        try:
            header.issue_date = date(*(int(m.group(g).replace(" ", "")) for g in ("y", "m", "d")))
        except ValueError:
            header.issue_date = None
        place = (m.groupdict().get("place") or "").strip(" -*")
        header.place = _place_of(place) if place else None
        return True
    m = SUBJECT.match(cell)
    if m and header.subject is None and not found:
        header.subject = cell
        return True
    return found


def _place_of(written: str) -> str | None:
    """The place of a place-and-date line, even with other header text glued before it
    ("125/UBND-VX Tây Ninh" -> "Tây Ninh")."""
    words = written.split()
    for size in range(min(len(words), 5), 0, -1):
        tail = " ".join(words[-size:])
        if fold(tail) in _PROVINCE_KEYS:
            return _PROVINCE_KEYS[fold(tail)]
    # keep the trailing capitalised words ("Buôn Ma Thuột", "TP. Hồ Chí Minh")
    kept: list[str] = []
    for word in reversed(words):
        if not (word[:1].isupper() or word in ("phố", "xã")) or any(ch.isdigit() for ch in word) or "/" in word:
            break
        kept.append(word)
    return " ".join(reversed(kept)) or None


def _telegram_to(text: str) -> re.Match[str] | None:
    """"BAN CHỈ ĐẠO ... TỈNH điện:" (the issuer in capitals, or nothing before "điện")."""
    if len(text) >= 400 or ("điện" not in text and "ĐIỆN" not in text):
        return None
    m = TELEGRAM_TO.match(text)
    issuer = m.group("issuer").strip(" -–•*") if m else ""
    return m if m and (not issuer or _is_caps(issuer)) else None


_ADDRESSEE_MAX = 160  # characters: a longer dash line under "Kính gửi:" is a sentence, not an addressee


def _read_recipients(doc: list[Line], i: int, header: Header) -> int:
    m = RECIPIENTS.match(doc[i].text) or _telegram_to(doc[i].text)
    rest = m.group("rest") if m else ""
    for part in re.split(r"(?:^|\s)[-–•+]\s+|;", rest):  # "Kính gửi: Sở Y tế; Sở Công Thương"
        part = part.strip(" ;,.")
        if part:
            header.recipients.append(part)
    j = i + 1
    n = len(doc)
    while j < n:
        text = doc[j].text
        if not text:
            # blank lines may sit between "Kính gửi:" and its list
            k = j
            while k < n and not doc[k].text:
                k += 1
            if k < n and doc[k].text.startswith(("-", "–", "+", "•")) and (not header.recipients) \
                    and len(doc[k].text) < 200:
                j = k
                continue
            break
        dashed = text.startswith(("-", "–", "+", "•"))
        # "- Các sở: Công Thương, Y tế, Nông nghiệp và Môi trường, Tài chính, ...;" is long, still an addressee
        if header_kind(text) or len(text) > 200 or (_is_body(text) and not (dashed and len(text) < _ADDRESSEE_MAX)):
            break
        if not dashed and header.recipients and len(text) > 60:
            break
        header.recipients.append(text.lstrip("-–+• ").strip(" ;,."))
        j += 1
    return j


# --- signature --------------------------------------------------------------------------------

@dataclass
class Signature:
    authority: str | None = None
    title: str | None = None
    signer: str | None = None
    start: int | None = None  # index of the first signature line


def _right_cell(text: str) -> str:
    """A signature block flattened into two columns ("Nơi nhận: | KT. CHỦ TỊCH", "- Lưu: VT. | Nông
    Thanh Tùng"): the signature is the right one."""
    return text.rsplit("|", 1)[1].strip() if "|" in text else text


def parse_signature(doc: list[Line], from_index: int) -> Signature:
    sig = Signature()
    n = len(doc)
    for i in range(from_index, n):
        text = _right_cell(doc[i].text)
        if AUTHORITY.match(text) or (SIGNER_TITLE.match(text) and _is_caps(text) and len(text) < 60):
            if sig.start is None:
                sig.start = i
            if AUTHORITY.match(text):
                sig.authority = sig.authority or text
            else:
                sig.title = sig.title or text
            for j in range(i + 1, min(n, i + 12)):
                candidate = _right_cell(doc[j].text)
                if not candidate:
                    continue
                if AUTHORITY.match(candidate) or (_is_caps(candidate) and SIGNER_TITLE.match(candidate)):
                    sig.title = sig.title or candidate
                    continue
                if SIGNED_MARK.match(candidate):
                    continue
                m = PERSON_NAME.match(candidate)
                if m and not _is_caps(candidate) and len(candidate.split()) <= 6:
                    sig.signer = m.group("name")
                    return sig
                if _is_caps(candidate) and 2 <= len(candidate.split()) <= 5 and not header_kind(candidate) \
                        and not SIGNER_TITLE.match(candidate) and PERSON_NAME.match(_title(candidate)):
                    sig.signer = _title(candidate)
                    return sig
                if header_kind(candidate) or len(candidate) > 60:
                    break
            if sig.signer is None and sig.authority:
                continue
    return sig
