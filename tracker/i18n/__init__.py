"""Every message a user sees, in Vietnamese and English.

Each area keeps its own catalogue module (``tracker/i18n/<area>.py``) holding
``MESSAGES = {"key": {"vi": "...", "en": "..."}}``; this module merges them.
Parameters use ``str.format`` syntax: ``"Không tìm thấy tệp {path}"``.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

LANGUAGES = ("vi", "en")
DEFAULT_LANG = "vi"

_CATALOGUE: dict[str, dict[str, str]] | None = None


def catalogue() -> dict[str, dict[str, str]]:
    """All messages of every area module, loaded once."""
    global _CATALOGUE
    if _CATALOGUE is None:
        merged: dict[str, dict[str, str]] = {}
        for info in pkgutil.iter_modules(__path__):
            module = importlib.import_module(f"{__name__}.{info.name}")
            for key, texts in getattr(module, "MESSAGES", {}).items():
                if key in merged:
                    raise RuntimeError(f"message key {key!r} defined twice (in {info.name})")
                merged[key] = texts
        _CATALOGUE = merged
    return _CATALOGUE


_current_lang = DEFAULT_LANG


def set_language(lang: str) -> None:
    global _current_lang
    if lang not in LANGUAGES:
        raise ValueError(lang)
    _current_lang = lang


def current_language() -> str:
    return _current_lang


def t(key: str, /, lang: str | None = None, **params: Any) -> str:
    """The message ``key`` in ``lang`` (default: the current language), formatted."""
    texts = catalogue().get(key)
    if texts is None:
        return key if not params else f"{key} {params}"
    template = texts.get(lang or _current_lang) or texts[DEFAULT_LANG]
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def error_text(error: Any, lang: str | None = None) -> str:
    """The user message of a tracker.domain.errors.TrackerError."""
    return t(error.code, lang, **error.params)
