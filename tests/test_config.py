"""Settings precedence (tracker.config): flag > environment > TOML file > default, for every key,
and refusals of bad values with a message in both languages."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tracker.config import db_url_from, load_settings, login_name, real_today, sqlite_url
from tracker.domain.errors import InputError
from tracker.i18n import error_text


def _write(path: Path, body: str) -> Path:
    path.write_text(body, encoding="utf-8")
    return path


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    return _write(tmp_path / "config.toml", """
db = "/srv/file/tracker.db"
today = "2021-03-03"
user = "file-user"
lang = "en"
due_soon_days = 7
""")


@pytest.fixture
def no_file(tmp_path: Path) -> Path:
    return tmp_path / "missing.toml"


# key -> (flag value, env value, expected from flag, expected from env, expected from the file)
LAYERS: dict[str, tuple[Any, str, Any, Any, Any]] = {
    "db_url": ("/srv/flag/tracker.db", "postgresql+psycopg://env@db/tracker",
               sqlite_url("/srv/flag/tracker.db"), "postgresql+psycopg://env@db/tracker",
               sqlite_url("/srv/file/tracker.db")),
    "today": ("2021-01-01", "2021-02-02", date(2021, 1, 1), date(2021, 2, 2), date(2021, 3, 3)),
    "user": ("flag-user", "env-user", "flag-user", "env-user", "file-user"),
    "lang": ("vi", "vi", "vi", "vi", "en"),
    "due_soon_days": (1, "5", 1, 5, 7),
}


@pytest.mark.parametrize("key", list(LAYERS))
def test_flag_beats_environment_beats_file(key: str, config_file: Path) -> None:
    flag, env_value, from_flag, from_env, from_file = LAYERS[key]
    env = {"TRACKER_" + key.upper(): env_value}

    assert getattr(load_settings({key: flag}, env, config_file), key) == from_flag
    assert getattr(load_settings({}, env, config_file), key) == from_env
    assert getattr(load_settings({}, {}, config_file), key) == from_file


def test_language_from_the_environment_beats_the_file(config_file: Path) -> None:
    # the file says "en": the layers above must be able to bring back "vi" and vice versa
    assert load_settings({}, {"TRACKER_LANG": "vi"}, config_file).lang == "vi"
    assert load_settings({"lang": "en"}, {"TRACKER_LANG": "vi"}, config_file).lang == "en"


def test_defaults_without_flags_environment_or_file(no_file: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
    settings = load_settings({}, {}, no_file)

    assert settings.db_url == sqlite_url(tmp_path / "data-home" / "tracker" / "tracker.db")
    assert settings.today == real_today()
    assert settings.today_is_fixed is False
    assert settings.user == login_name()
    assert settings.lang == "vi"
    assert settings.due_soon_days == 3
    assert settings.config_file is None


def test_a_fixed_today_is_marked(no_file: Path) -> None:
    assert load_settings({"today": "2021-07-26"}, {}, no_file).today_is_fixed is True
    assert load_settings({}, {"TRACKER_TODAY": "2021-07-26"}, no_file).today_is_fixed is True


def test_an_empty_environment_variable_counts_as_unset(config_file: Path) -> None:
    settings = load_settings({}, {"TRACKER_USER": "", "TRACKER_TODAY": ""}, config_file)
    assert (settings.user, settings.today) == ("file-user", date(2021, 3, 3))


def test_none_flags_count_as_not_given(config_file: Path) -> None:
    settings = load_settings({"user": None, "db_url": None}, {}, config_file)
    assert (settings.user, settings.db_url) == ("file-user", sqlite_url("/srv/file/tracker.db"))


def test_the_file_may_name_the_database_db_url(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.toml", 'db_url = "postgresql+psycopg://office@server/tracker"\n')
    assert load_settings({}, {}, path).db_url == "postgresql+psycopg://office@server/tracker"


def test_the_config_file_is_chosen_by_flag_then_environment(tmp_path: Path) -> None:
    first = _write(tmp_path / "first.toml", 'user = "first"\n')
    second = _write(tmp_path / "second.toml", 'user = "second"\n')
    third = _write(tmp_path / "third.toml", 'user = "third"\n')

    assert load_settings({"config": str(first)}, {"TRACKER_CONFIG": str(second)}, third).user == "first"
    assert load_settings({}, {"TRACKER_CONFIG": str(second)}, third).user == "second"
    settings = load_settings({}, {}, third)
    assert (settings.user, settings.config_file) == ("third", third)


def test_a_plain_path_means_a_sqlite_file_and_a_url_stays_a_url(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert db_url_from("office.db") == f"sqlite:///{tmp_path / 'office.db'}"
    assert db_url_from("~/x.db") == f"sqlite:///{Path.home() / 'x.db'}"
    assert db_url_from("postgresql+psycopg://u:p@h:5432/d") == "postgresql+psycopg://u:p@h:5432/d"
    assert db_url_from("sqlite:///relative.db") == "sqlite:///relative.db"


def test_the_report_letterhead_comes_from_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.toml", """
[report]
place = "Tây Ninh"
signer_name = "Nguyễn Văn A"
recipients = ["Thường trực Tỉnh ủy", "Lưu VP"]
unknown_key = "ignored"
""")
    report = load_settings({}, {}, path).report
    assert (report.place, report.signer_name) == ("Tây Ninh", "Nguyễn Văn A")
    assert report.recipients == ("Thường trực Tỉnh ủy", "Lưu VP")


@pytest.mark.parametrize(("flags", "env", "code", "shown"), [
    ({"today": "26/07/2021"}, {}, "config.bad_today", "26/07/2021"),
    ({}, {"TRACKER_TODAY": "2021-02-30"}, "config.bad_today", "2021-02-30"),
    ({"lang": "fr"}, {}, "config.bad_lang", "fr"),
    ({}, {"TRACKER_LANG": "english"}, "config.bad_lang", "english"),
    ({}, {"TRACKER_DUE_SOON_DAYS": "ba"}, "config.bad_value", "ba"),
    ({"due_soon_days": -1}, {}, "config.bad_value", "-1"),
])
def test_bad_values_are_refused_with_a_message(flags: dict[str, Any], env: dict[str, str], code: str,
                                               shown: str, no_file: Path) -> None:
    with pytest.raises(InputError) as refused:
        load_settings(flags, env, no_file)
    assert refused.value.code == code
    for lang in ("vi", "en"):
        message = error_text(refused.value, lang)
        assert shown in message
        assert message != code


def test_a_broken_file_is_refused_with_its_path(tmp_path: Path) -> None:
    path = _write(tmp_path / "broken.toml", 'user = "unterminated\n')
    with pytest.raises(InputError) as refused:
        load_settings({}, {}, path)
    assert refused.value.code == "config.bad_file"
    assert str(path) in error_text(refused.value, "en")
    assert str(path) in error_text(refused.value, "vi")


def test_a_bad_value_in_the_file_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.toml", 'today = "tomorrow"\n')
    with pytest.raises(InputError) as refused:
        load_settings({}, {}, path)
    assert refused.value.code == "config.bad_today"


def test_a_file_date_may_be_a_toml_date(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.toml", "today = 2021-07-26\n")
    assert load_settings({}, {}, path).today == date(2021, 7, 26)
