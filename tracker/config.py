"""Settings: each key from a flag, else an environment variable, else the TOML file, else a default.

Keys: ``db_url`` (``--db`` / ``TRACKER_DB_URL``), ``today`` (``--today`` / ``TRACKER_TODAY``),
``user`` (``--user`` / ``TRACKER_USER``), ``lang`` (``--lang`` / ``TRACKER_LANG``),
``due_soon_days`` (``TRACKER_DUE_SOON_DAYS``). The file is ``config.toml`` in the platformdirs user
config folder (``--config`` / ``TRACKER_CONFIG`` point elsewhere); its ``[report]`` table holds the
report letterhead (issuing body, place, signer title, recipients).

This is the only module that reads the real clock.
"""

from __future__ import annotations

import datetime as _dt
import getpass
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from tracker.domain.clock import Clock
from tracker.domain.errors import InputError
from tracker.i18n import LANGUAGES

APP_NAME = "tracker"
ENV_PREFIX = "TRACKER_"
KEYS = ("db_url", "today", "user", "lang", "due_soon_days")


@dataclass(frozen=True)
class ReportSettings:
    """The letterhead of generated reports (Nghị định 30/2020/NĐ-CP, Hướng dẫn 36-HD/VPTW)."""

    parent_body: str = "TỈNH ỦY"  # cơ quan chủ quản (upper line of the header)
    issuing_body: str = "VĂN PHÒNG"  # cơ quan ban hành
    number_symbol: str = "BC-VPTU"  # "Số: .../BC-VPTU"
    place: str = ""  # "Tây Ninh"
    signer_authority: str = "CHÁNH VĂN PHÒNG"  # "T/M ...", "KT. ...", or the title alone
    signer_title: str = ""
    signer_name: str = ""
    recipients: tuple[str, ...] = ()
    style: str = "state"  # "state" (NĐ 30/2020) or "party" (HD 36-HD/VPTW)


@dataclass(frozen=True)
class Settings:
    db_url: str
    today: _dt.date
    user: str
    lang: str = "vi"
    due_soon_days: int = 3
    config_file: Path | None = None
    today_is_fixed: bool = False  # True when --today / TRACKER_TODAY / the file set it
    report: ReportSettings = field(default_factory=ReportSettings)

    @property
    def clock(self) -> Clock:
        return Clock(self.today, _dt.datetime.now)

    @property
    def is_sqlite(self) -> bool:
        return self.db_url.startswith("sqlite")


def default_config_file() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_url() -> str:
    return sqlite_url(default_data_dir() / "tracker.db")


def sqlite_url(path: Path | str) -> str:
    return f"sqlite:///{Path(path).expanduser().resolve()}"


def db_url_from(value: str) -> str:
    """A URL stays a URL; a plain path means a SQLite file."""
    if "://" in value:
        return value
    return sqlite_url(value)


def real_today() -> _dt.date:
    """The only place that reads the calendar."""
    return _dt.date.today()  # noqa: DTZ011 - the one place that reads the calendar


def parse_today(value: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError("config.bad_today", value=value) from None


def login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (containers without passwd entry)
        return "unknown"


def read_config_file(path: Path) -> dict[str, Any]:
    try:
        if not path.is_file():
            return {}
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise InputError("config.bad_file", path=str(path), detail=str(exc)) from None


def _report_settings(table: Mapping[str, Any]) -> ReportSettings:
    known = {f for f in ReportSettings.__dataclass_fields__}
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in known:
            continue
        values[key] = tuple(value) if key == "recipients" else str(value)
    return ReportSettings(**values)


def load_settings(
    flags: Mapping[str, Any] | None = None,
    env: Mapping[str, str] | None = None,
    config_file: Path | str | None = None,
) -> Settings:
    """Resolve every key: flag > environment > file > default."""
    flags = {k: v for k, v in (flags or {}).items() if v is not None}
    env = os.environ if env is None else env
    file_path = Path(
        flags.get("config") or env.get(ENV_PREFIX + "CONFIG") or config_file or default_config_file()
    )
    file_values = read_config_file(file_path)

    def pick(key: str) -> tuple[Any, bool]:
        if key in flags:
            return flags[key], True
        env_value = env.get(ENV_PREFIX + key.upper())
        if env_value not in (None, ""):
            return env_value, True
        if key == "db_url" and "db" in file_values:
            return file_values["db"], True
        if key in file_values:
            return file_values[key], True
        return None, False

    db_value, _ = pick("db_url")
    db_url = db_url_from(str(db_value)) if db_value else default_db_url()

    today_value, today_set = pick("today")
    if isinstance(today_value, _dt.date):
        today = today_value
    elif today_value:
        today = parse_today(str(today_value))
    else:
        today = real_today()

    user_value, _ = pick("user")
    user = str(user_value) if user_value else login_name()

    lang_value, _ = pick("lang")
    lang = str(lang_value or "vi").lower()
    if lang not in LANGUAGES:
        raise InputError("config.bad_lang", value=lang)

    soon_value, _ = pick("due_soon_days")
    try:
        due_soon_days = int(soon_value) if soon_value not in (None, "") else 3
        if due_soon_days < 0:
            raise ValueError
    except (TypeError, ValueError):
        raise InputError("config.bad_value", key="due_soon_days", value=soon_value) from None

    report = _report_settings(file_values.get("report", {}) if isinstance(file_values.get("report"), dict) else {})
    return Settings(
        db_url=db_url,
        today=today,
        user=user,
        lang=lang,
        due_soon_days=due_soon_days,
        config_file=file_path if file_path.is_file() else None,
        today_is_fixed=today_set,
        report=report,
    )
