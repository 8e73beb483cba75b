"""The real ``tracker report`` in a subprocess on a SQLite file holding the scripted office of
tests/services/report_world.py: every format written, no overwrite without --force, clear
refusals with their exit codes, and ``report urge`` drafting a DOCX that python-docx reopens."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))

from report_world import DISTRICT, build_world  # noqa: E402

from tracker.config import Settings, sqlite_url  # noqa: E402
from tracker.services.context import open_context  # noqa: E402

TRACKER = Path(sys.executable).with_name("tracker")
COMMAND = [str(TRACKER)] if TRACKER.exists() else [sys.executable, "-m", "tracker"]
TODAY = "2021-07-26"


class Cli:
    def __init__(self, db: Path, home: Path) -> None:
        self.home = home
        self.env = {**os.environ, "TRACKER_DB_URL": sqlite_url(db), "TRACKER_TODAY": TODAY,
                    "TRACKER_USER": "clerk", "TRACKER_LANG": "vi", "TRACKER_CONFIG": str(home / "config.toml"),
                    "HOME": str(home)}

    def run(self, *args: str, code: int = 0) -> subprocess.CompletedProcess[bytes]:
        done = subprocess.run([*COMMAND, *args], capture_output=True, env=self.env, cwd=self.home, timeout=120)
        assert done.returncode == code, (args, done.returncode, done.stdout[-2000:], done.stderr.decode())
        return done


@pytest.fixture(scope="module")
def cli(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    home = tmp_path_factory.mktemp("report_cli")
    db = home / "tracker.db"
    (home / "config.toml").write_text('[report]\nplace = "Tây Ninh"\nparent_body = "TỈNH ỦY TÂY NINH"\n'
                                      'recipients = ["Thường trực Tỉnh ủy", "Lưu VP"]\n', encoding="utf-8")
    ctx = open_context(Settings(db_url=sqlite_url(db), today=__import__("datetime").date(2021, 7, 26),
                                user="tester", today_is_fixed=True))
    try:
        build_world(ctx)
    finally:
        ctx.close()
    return Cli(db, home)


def test_every_format_is_written_and_never_overwritten_without_force(cli: Cli, tmp_path: Path) -> None:
    from docx import Document
    from openpyxl import load_workbook

    for fmt in ("md", "csv", "json", "docx", "xlsx"):
        out = tmp_path / f"w29.{fmt}"
        cli.run("report", "--week", "2021-W29", "--format", fmt, "--out", str(out))
        assert out.read_bytes(), fmt
    for fmt in ("md", "docx"):
        out = tmp_path / f"w29.{fmt}"
        content = out.read_bytes()
        refused = cli.run("report", "--week", "2021-W29", "--format", fmt, "--out", str(out), code=2)
        assert "--force" in refused.stderr.decode() and out.read_bytes() == content
    out = tmp_path / "again.docx"
    out.write_bytes(b"old")
    cli.run("report", "--week", "2021-W29", "--out", str(out), "--force")  # the format from the suffix
    assert out.read_bytes()[:2] == b"PK"  # a real DOCX replaced it
    data = json.loads((tmp_path / "w29.json").read_text(encoding="utf-8"))
    assert data["cutoff"] == "2021-07-25" and data["overall"]["total"] == 8
    assert data["summary"]["overdue"] == 2 and data["produced_by"] == "clerk"
    assert (tmp_path / "w29.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM for Excel
    assert "Tổng cộng" in (tmp_path / "w29.md").read_text(encoding="utf-8")
    text = "\n".join(p.text for p in Document(str(tmp_path / "w29.docx")).paragraphs)
    assert "BÁO CÁO" in text
    assert load_workbook(tmp_path / "w29.xlsx").sheetnames[0] == "Tổng hợp"


def test_markdown_json_csv_go_to_the_screen_by_default(cli: Cli) -> None:
    md = cli.run("report", "--week", "2021-W29").stdout.decode("utf-8")
    assert md.startswith("# BÁO CÁO") and "Tuần 29 năm 2021" in md
    data = json.loads(cli.run("report", "--from", "19/07/2021", "--to", "2021-07-25", "--format", "json").stdout)
    assert data["period"] == {"start": "2021-07-19", "end": "2021-07-25", "iso_week": "2021-W29"}
    rows = list(csv.reader(io.StringIO(cli.run("report", "--week", "2021-W29", "--format", "csv",
                                               "--body", "SYT").stdout.decode("utf-8-sig"))))
    assert any("Sở Y tế" in cell for row in rows for cell in row)
    # the default week is the one containing --today (W30, cut off today)
    this_week = json.loads(cli.run("report", "--format", "json").stdout)
    assert this_week["period"]["iso_week"] == "2021-W30" and this_week["cutoff"] == TODAY


def test_docx_and_xlsx_without_out_go_to_a_file_named_after_the_period(cli: Cli) -> None:
    target = cli.home / "bao-cao-2021-W29.docx"
    target.unlink(missing_ok=True)
    done = cli.run("report", "--week", "2021-W29", "--format", "docx", "--style", "party")
    assert target.exists() and "bao-cao-2021-W29.docx" in done.stderr.decode()


def test_refusals_have_clear_messages_and_exit_codes(cli: Cli) -> None:
    unknown = cli.run("report", "--body", "Sở Không Có", code=3).stderr.decode()
    assert "Không tìm thấy cơ quan, đơn vị: Sở Không Có" in unknown
    early = cli.run("--lang", "en", "report", "--week", "2021-W27", code=3).stderr.decode()
    assert "the first directive was imported on 2021-07-12" in early
    assert cli.run("report", "--week", "2021-W99", code=2).stderr
    assert cli.run("report", "--week", "2021-W29", "--from", "2021-07-01", code=2).stderr
    assert "Traceback" not in unknown + early


def test_urge_writes_a_docx_listing_the_body_overdue_tasks(cli: Cli, tmp_path: Path) -> None:
    from docx import Document

    out = tmp_path / "don-doc.docx"
    done = cli.run("report", "urge", "--body", "ubnd huyen hoa thanh", "--out", str(out))
    assert "1" in done.stderr.decode()
    document = Document(str(out))
    cells: list[Any] = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    text = "\n".join(p.text for p in document.paragraphs) + "\n".join(cells)
    assert DISTRICT in text
    # its one overdue task: item 3 of 230-CV/TU, deadline 16/07/2021, 10 days overdue on 26/07
    assert "230-CV/TU" in text and "16/07/2021" in text and "Lập danh sách hộ nghèo cần hỗ trợ" in text
    cli.run("report", "urge", "--body", DISTRICT, "--out", str(out), code=2)  # exists, no --force
    cli.run("report", "urge", "--body", "Sở Y tế", "--out", str(tmp_path / "none.docx"), code=3)
    assert not (tmp_path / "none.docx").exists()
