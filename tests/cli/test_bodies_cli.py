"""The real ``tracker bodies`` commands in a subprocess on a temporary SQLite file."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _present(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


pytestmark = pytest.mark.skipif(not _present("tracker.db.migrate"), reason="the database setup has not landed yet")

TRACKER = Path(sys.executable).with_name("tracker")
COMMAND = [str(TRACKER)] if TRACKER.exists() else [sys.executable, "-m", "tracker"]


def run(db: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TRACKER_DB_URL": f"sqlite:///{db}", "TRACKER_TODAY": "2021-07-26",
           "TRACKER_USER": "clerk", "TRACKER_LANG": "en", "TRACKER_CONFIG": str(home / "none.toml"),
           "HOME": str(home)}
    return subprocess.run([*COMMAND, *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)


def names(db: Path, home: Path, *flags: str) -> dict[str, dict[str, object]]:
    out = run(db, home, "bodies", "list", "--json", *flags)
    assert out.returncode == 0, out.stderr
    return {b["name"]: b for b in json.loads(out.stdout)}


def test_add_alias_group_rename_merge(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    ok = run(db, tmp_path, "bodies", "add", "Sở Y tế XYZ", "--kind", "government", "--alias", "SYT XYZ")
    assert ok.returncode == 0, ok.stderr
    assert "Sở Y tế XYZ" in ok.stdout
    assert run(db, tmp_path, "bodies", "add", "UBND huyện A1").returncode == 0
    assert run(db, tmp_path, "bodies", "add", "UBND huyện B1").returncode == 0
    grouped = run(db, tmp_path, "bodies", "group", "UBND các huyện X1", "UBND huyện A1", "UBND huyện B1")
    assert grouped.returncode == 0, grouped.stderr
    listed = names(db, tmp_path)
    assert listed["UBND các huyện X1"]["is_group"] is True
    assert sorted(listed["UBND các huyện X1"]["members"]) == ["UBND huyện A1", "UBND huyện B1"]
    assert listed["Sở Y tế XYZ"]["aliases"] == ["SYT XYZ"]

    assert run(db, tmp_path, "bodies", "alias", "syt xyz", "Sở YT XYZ").returncode == 0
    renamed = run(db, tmp_path, "bodies", "rename", "Sở Y tế XYZ", "Sở Y tế tỉnh XYZ")
    assert renamed.returncode == 0 and "Sở Y tế tỉnh XYZ" in renamed.stdout
    merged = run(db, tmp_path, "bodies", "merge", "UBND huyện A1", "UBND huyện B1")
    assert merged.returncode == 0, merged.stderr
    listed = names(db, tmp_path)
    assert "UBND huyện B1" not in listed and "UBND huyện B1" in listed["UBND huyện A1"]["aliases"]
    table = run(db, tmp_path, "bodies", "list")
    assert table.returncode == 0 and "UBND huyện A1" in table.stdout

    found = run(db, tmp_path, "bodies", "find", "so y te tinh")
    assert found.returncode == 0 and "Sở Y tế tỉnh XYZ" in found.stdout.splitlines()[0]


def test_refusals_exit_non_zero_and_change_nothing(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    assert run(db, tmp_path, "bodies", "add", "Sở Tư pháp XYZ").returncode == 0
    directory = set(names(db, tmp_path))  # the shipped directory, loaded on first use, and the new body
    assert "Sở Tư pháp XYZ" in directory
    before = db.read_bytes()
    duplicate = run(db, tmp_path, "bodies", "add", "SỞ TƯ PHÁP xyz")
    assert duplicate.returncode != 0 and "already used" in duplicate.stderr
    missing = run(db, tmp_path, "bodies", "merge", "Sở Tư pháp XYZ", "Không có")
    assert missing.returncode != 0 and "No body" in missing.stderr
    too_long = run(db, tmp_path, "bodies", "add", "x" * 5000)
    assert too_long.returncode != 0 and "too long" in too_long.stderr
    assert db.read_bytes() == before
    sql = run(db, tmp_path, "bodies", "add", "'; DROP TABLE body; --", "--kind", "other")
    assert sql.returncode == 0  # just a (strange) name, stored as text
    assert set(names(db, tmp_path)) == directory | {"'; DROP TABLE body; --"}
