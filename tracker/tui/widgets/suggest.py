"""Completion for inputs: names matched ignoring diacritics and case, and file-system paths."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from textual.suggester import Suggester

from tracker.domain.text import fold


def best_match(value: str, names: Iterable[str]) -> str | None:
    """The name an officer means by ``value``, ignoring diacritics and case: a name starting with
    it, else one containing it, else the closest by fuzzy score (rapidfuzz), if close enough."""
    needle = fold(value)
    if not needle:
        return None
    candidates = list(names)
    containing = None
    for name in candidates:
        key = fold(name)
        if key == needle or key.startswith(needle):
            return name
        if containing is None and needle in key:
            containing = name
    if containing is not None:
        return containing
    from rapidfuzz import fuzz, process

    found = process.extractOne(needle, {name: fold(name) for name in candidates}, scorer=fuzz.WRatio,
                               score_cutoff=70)
    return found[2] if found else None


def complete_path(value: str) -> str | None:
    """The one file or folder name that extends ``value`` (folders end with a slash)."""
    if not value:
        return None
    path = Path(os.path.expanduser(value))
    folder, prefix = (path, "") if value.endswith(os.sep) else (path.parent, path.name)
    try:
        names = sorted(p.name + (os.sep if p.is_dir() else "") for p in folder.iterdir()
                       if p.name.startswith(prefix) and not p.name.startswith("."))
    except OSError:
        return None
    if not names:
        return None
    common = os.path.commonprefix(names)
    if len(common) <= len(prefix):
        return None
    return value + common[len(prefix):]


class PathSuggester(Suggester):
    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        return complete_path(value)
