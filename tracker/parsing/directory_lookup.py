"""The body directory as the parser looks it up: a written name -> its canonical name, and whether
a phrase of a sentence is a whole directory name (where a subject ends). Pure."""

from __future__ import annotations

import functools

from tracker.domain.text import match_key
from tracker.parsing.name_text import WORD_RUN, expand_abbreviations, text_key
from tracker.parsing.rules.directory import BODY_DIRECTORY
from tracker.parsing.rules.phrases import GENERIC


def _lookup_keys(name: str) -> list[str]:
    key = match_key(expand_abbreviations(name))
    keys = [key]
    for tail in (" của tỉnh", " cấp tỉnh", " tỉnh"):
        if key.endswith(tail):
            keys.append(key[: -len(tail)])
    if key not in _GENERIC_KEYS:  # a bare "Cơ quan" is no more the province's than any other
        keys.append(key + " tỉnh")
    return keys


_GENERIC_KEYS = frozenset(match_key(word) for word in GENERIC.words)


@functools.lru_cache(maxsize=1)
def _directory_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for entry in BODY_DIRECTORY:
        for written in (entry.name, *entry.aliases):
            index.setdefault(match_key(expand_abbreviations(written)), entry.name)
    return index


@functools.lru_cache(maxsize=8192)
def resolve(name: str) -> tuple[str, bool]:
    """A body name as written -> (canonical name, known). Unknown names are kept as written."""
    index = _directory_index()
    for key in _lookup_keys(name):
        if key in index:
            return index[key], True
    return name, False


def ends_known_name(key: str, start: int, pos: int, word: str) -> bool:
    """``key[start:pos]``, or the last member of the list it holds, is a whole name of the
    directory and ``word`` does not make it longer."""
    names, longer, _ = known_names()
    name = key[start:pos].rstrip()
    if name not in names:
        if "," not in name and " và " not in name and ";" not in name and " cùng " not in name:
            return False  # no list: nothing else to try
        member = _last_known_member(name, names)
        if member is None:
            return False
        name = member
    return f"{name} {word}" not in longer


def _last_known_member(name: str, names: frozenset[str]) -> str | None:
    """The known name that ends the list ``name`` ("sở y tế, sở dân tộc và tôn giáo" -> "sở dân tộc
    và tôn giáo"): tried from each separator, the nearest first, while what follows it can still
    end a known name with a separator inside ("tôn giáo")."""
    end = len(name)
    inner_tails = _inner_tails()
    while True:
        cut = max(name.rfind(",", 0, end), name.rfind(";", 0, end), name.rfind(" và ", 0, end),
                  name.rfind(" cùng ", 0, end))
        if cut == -1:
            return None
        member = _member_after(name, cut)
        if member in names:
            return member
        if member not in inner_tails:
            return None
        end = cut


def _member_after(name: str, cut: int) -> str:
    return name[cut:].lstrip(",;").strip().removeprefix("và ").removeprefix("cùng ").removeprefix("các ")


@functools.lru_cache(maxsize=1)
def _inner_tails() -> frozenset[str]:
    """What follows a separator inside a known name ("thương binh và xã hội", "xã hội")."""
    tails: set[str] = set()
    for name in known_names()[0]:
        for sep in (",", ";", " và ", " cùng "):
            cut = name.find(sep)
            while cut != -1:
                tails.add(_member_after(name, cut))
                cut = name.find(sep, cut + 1)
    return frozenset(tails)


@functools.lru_cache(maxsize=1)
def known_names() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The directory's names and aliases as text keys (as written and with abbreviations expanded,
    with and without "tỉnh"), each word prefix of them followed by the next word, and their last words
    (a cheap first test: most words end no known name)."""
    names: set[str] = set()
    longer: set[str] = set()
    for entry in BODY_DIRECTORY:
        for written in (entry.name, *entry.aliases):
            for form in {written, expand_abbreviations(written)}:
                words = text_key(" ".join(form.split())).split()
                for n in range(1, len(words)):
                    run = WORD_RUN.match(words[n])
                    longer.add(" ".join(words[:n]) + " " + (run.group() if run else ""))
                whole = " ".join(words)
                names.add(whole)
                names.add(whole[: -len(" tỉnh")] if whole.endswith(" tỉnh") else whole + " tỉnh")
    # a short or generic name goes on in many bodies the directory lacks ("Công an đặc khu ...", "Cơ
    # quan báo chí", "Hội Người cao tuổi"): only a name of three words or more, or "X tỉnh", ends one
    names = {name for name in names if _specific(name)}
    return frozenset(names), frozenset(longer), frozenset(name[name.rfind(" ") + 1:] for name in names)


def _specific(name: str) -> bool:
    words = name.split()
    return (len(words) >= 3 or (len(words) == 2 and words[1] == "tỉnh")) and name not in _GENERIC_NAMES


_GENERIC_NAMES = frozenset(text_key(w) for w in GENERIC.words) | {"cơ quan tỉnh", "địa phương tỉnh", "cấp ủy tỉnh"}
