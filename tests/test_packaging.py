"""The package as a user gets it: a wheel built from the checkout, installed in a fresh virtual
environment outside the checkout, creates a database with ``tracker db upgrade`` (the migration
tree travels inside the package)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tracker.db.migrate import head_revision

CHECKOUT = Path(__file__).resolve().parents[1]


def _run(args: list[str], cwd: Path, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")
           and not k.startswith("TRACKER_")}
    env["TRACKER_CONFIG"] = str(cwd / "no-config.toml")
    env["HOME"] = str(cwd)  # platformdirs folders inside the test folder
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False)


def _ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, f"{result.args}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin folder of a fresh venv with tracker installed from a wheel of this checkout."""
    root = tmp_path_factory.mktemp("packaging")
    wheels = root / "wheels"
    _ok(_run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(CHECKOUT)],
             cwd=root))
    (wheel,) = wheels.glob("tracker-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "tracker/db/migrations/env.py" in names
    assert "tracker/db/migrations/script.py.mako" in names
    assert any(n.startswith("tracker/db/migrations/versions/0001_") for n in names)

    venv = root / "venv"
    _ok(_run([sys.executable, "-m", "venv", str(venv)], cwd=root))
    _ok(_run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--no-compile", str(wheel)],
             cwd=root, timeout=300))
    return venv / "bin"


@pytest.mark.slow
def test_the_installed_package_creates_a_database_outside_the_checkout(installed: Path, tmp_path: Path) -> None:
    where = _ok(_run([str(installed / "python"), "-c", "import tracker; print(tracker.__file__)"], cwd=tmp_path))
    assert not where.strip().startswith(str(CHECKOUT))

    database = tmp_path / "x.db"
    out = _ok(_run([str(installed / "tracker"), "db", "upgrade", "--db", str(database)], cwd=tmp_path))
    assert head_revision() in out

    conn = sqlite3.connect(database)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (head_revision(),)
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"directive", "item", "task", "task_event", "body"} <= tables
    finally:
        conn.close()

    out = _ok(_run([str(installed / "tracker"), "--lang", "en", "db", "current", "--db", str(database)],
                   cwd=tmp_path))
    assert out.strip() == f"{head_revision()} (head)"


@pytest.mark.slow
def test_the_installed_package_speaks_both_languages(installed: Path, tmp_path: Path) -> None:
    vi = _ok(_run([str(installed / "tracker"), "db", "--help"], cwd=tmp_path))
    en = _ok(_run([str(installed / "tracker"), "--lang", "en", "db", "--help"], cwd=tmp_path))
    assert "Cơ sở dữ liệu" in vi
    assert "The database" in en
    assert _ok(_run([str(installed / "tracker"), "--version"], cwd=tmp_path)).startswith("tracker ")


def test_alembic_in_the_checkout_uses_the_packaged_tree(tmp_path: Path) -> None:
    alembic = Path(sys.executable).with_name("alembic")
    if not alembic.exists():
        pytest.skip("alembic command not installed in this environment")
    database = tmp_path / "dev.db"
    _ok(_run([str(alembic), "-c", str(CHECKOUT / "alembic.ini"), "-x", f"db={database}", "upgrade", "head"],
             cwd=CHECKOUT))
    out = _ok(_run([str(alembic), "-c", str(CHECKOUT / "alembic.ini"), "-x", f"db={database}", "current"],
                   cwd=CHECKOUT))
    assert f"{head_revision()} (head)" in out
