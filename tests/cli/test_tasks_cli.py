"""The real ``tracker`` command in a subprocess on a temporary SQLite file: a task's whole life,
every list filter, JSON/CSV output, refusals with their exit codes and nothing changed."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))

from task_world import at_day, new_task  # noqa: E402

from tracker.config import Settings  # noqa: E402
from tracker.db.engine import make_engine, make_session_factory  # noqa: E402
from tracker.services.context import ServiceContext  # noqa: E402

TRACKER = Path(sys.executable).with_name("tracker")
COMMAND = [str(TRACKER)] if TRACKER.exists() else [sys.executable, "-m", "tracker"]


class Cli:
    def __init__(self, db: Path, home: Path) -> None:
        self.db = db
        self.env = {**os.environ, "TRACKER_DB_URL": f"sqlite:///{db}", "TRACKER_TODAY": "2021-07-26",
                    "TRACKER_USER": "clerk", "TRACKER_LANG": "en", "TRACKER_CONFIG": str(home / "none.toml"),
                    "HOME": str(home)}

    def run(self, *args: str, code: int = 0, **env: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run([*COMMAND, *args], capture_output=True, text=True, env={**self.env, **env},
                              timeout=60)
        assert done.returncode == code, (args, done.returncode, done.stdout, done.stderr)
        return done

    def json(self, *args: str, **env: str) -> Any:
        return json.loads(self.run(*args, "--format", "json", **env).stdout)

    def ids(self, *args: str) -> list[int]:
        return [row["id"] for row in self.json("tasks", "--limit", "0", *args)["tasks"]]


def rows(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every task, event and occurrence row of the file, read directly."""
    with sqlite3.connect(db) as conn:
        return {table: conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
                for table in ("task", "task_event", "occurrence")}


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    runner = Cli(tmp_path / "tracker.db", tmp_path)
    runner.run("tasks")  # the command creates and prepares the database
    return runner


@pytest.fixture
def seeded(cli: Cli) -> dict[str, int]:
    url = f"sqlite:///{cli.db}"
    engine = make_engine(url)
    ctx = ServiceContext(Settings(db_url=url, today=date(2021, 7, 5), user="importer"), engine,
                         make_session_factory(engine))
    made = {
        "health": new_task(ctx, body_name="Sở Y tế", deadline=date(2021, 7, 20), item_text="Xét nghiệm diện rộng"),
        "district": new_task(ctx, body_name="Ủy ban nhân dân huyện Hòa Thành", deadline=date(2021, 7, 28),
                             item_text="Lập chốt kiểm soát", recurrence="FREQ=WEEKLY;BYDAY=FR"),
        "education": new_task(ctx, body_name="Sở Giáo dục và Đào tạo", deadline=None, item_text="Tuyên truyền 5K",
                              number="15-CT/TU", issued=date(2021, 7, 10)),
        "later": new_task(ctx, body_name="Sở Giáo dục và Đào tạo", deadline=date(2021, 8, 30),
                          item_text="Chuẩn bị năm học mới", number="15-CT/TU"),
    }
    new_task(at_day(ctx, date(2021, 7, 6)), body_name="Sở Tài chính", deadline=date(2021, 9, 1),
             item_text="Bố trí kinh phí")  # the body exists in the directory for add-body
    ctx.close()
    return made


def test_a_task_through_its_whole_life(cli: Cli, seeded: dict[str, int]) -> None:
    task = str(seeded["health"])
    out = cli.run("task", "progress", task, "60", "--note", "Đã lấy 2.000 mẫu").stdout
    assert out.strip() == f"Task {task}: Progress 60%: Đã lấy 2.000 mẫu [version 2]"
    cli.run("task", "request-extension", task, "--to", "2021-08-05", "--reason", "Chờ sinh phẩm",
            TRACKER_USER="unit")
    assert "extended from 2021-07-20 to 2021-08-05" in cli.run("task", "extend", task).stdout
    cli.run("task", "urge", task, "--channel", "phone", "--doc", "120-CV/VPTU", "--note", "Nhắc lần 1")
    cli.run("task", "done", task, "--on", "25/07/2021")
    cli.run("task", "return", task, "--reason", "Thiếu số liệu", TRACKER_TODAY="2021-07-27")
    cli.run("task", "progress", task, "90", TRACKER_TODAY="2021-07-28")
    cli.run("task", "done", task, TRACKER_TODAY="2021-07-29")
    cli.run("task", "confirm", task, "--note", "Đạt", TRACKER_TODAY="2021-07-30")
    cli.run("task", "reopen", task, "--reason", "Phát sinh", TRACKER_TODAY="2021-07-31")
    assert "Undid" in cli.run("task", "undo", task, TRACKER_TODAY="2021-07-31").stdout
    cli.run("task", "note", task, "Đã lưu hồ sơ")
    detail = cli.json("task", "show", task, TRACKER_TODAY="2021-08-01")
    assert [e["kind"] for e in detail["history"]] == [
        "created", "progress", "extension_requested", "extended", "urged", "reported_done", "returned",
        "progress", "reported_done", "confirmed", "reopened", "undone", "note"]
    assert [e["user"] for e in detail["history"]][:3] == ["importer", "clerk", "unit"]
    assert (detail["state"], detail["category"], detail["completed_on"]) == ("confirmed", "done_on_time", "2021-07-29")
    assert (detail["current_deadline"], detail["original_deadline"]) == ("2021-08-05", "2021-07-20")
    assert detail["version"] == 13
    assert detail["history"][10]["undone"] is True
    text = cli.run("task", "show", task, TRACKER_LANG="vi").stdout
    assert "Văn bản: 230-CV/TU ngày 04/07/2021 — Tỉnh ủy Tây Ninh" in text
    assert "Mục 1: Xét nghiệm diện rộng" in text
    assert "Hạn: 05/08/2021 (hạn ban đầu 20/07/2021)" in text
    assert "So với hạn ban đầu: Hoàn thành quá hạn" in text  # done 29 July: late against 20 July
    assert "Lịch sử:" in text and "Gia hạn từ 2021-07-20 đến 2021-08-05" in text


def test_other_actions(cli: Cli, seeded: dict[str, int]) -> None:
    district = str(seeded["district"])
    assert "Report due 2021-07-23 submitted" in cli.run("task", "submit", district, "--on", "2021-07-23").stdout
    cli.run("task", "edit", district, "--deadline", "2021-08-15", "--urgency", "urgent", "--recurrence", "none")
    detail = cli.json("task", "show", district)
    assert (detail["current_deadline"], detail["urgency"], detail["recurrence"]) == ("2021-08-15", "urgent", "")
    added = cli.run("task", "add-body", district, "Sở Tài chính").stdout
    assert "Body added: Sở Tài chính" in added
    new_id = int(added.strip().splitlines()[-1].split()[1])
    assert cli.json("task", "show", str(new_id))["role"] == "cooperating"
    cli.run("task", "remove-body", str(new_id), "--reason", "Không liên quan")
    assert new_id not in cli.ids()
    assert new_id in cli.ids("--all")
    later = str(seeded["later"])
    cli.run("task", "request-extension", later, "--to", "2021-09-30", "--reason", "Chờ kinh phí")
    assert "rejected" in cli.run("task", "reject-extension", later, "--reason", "Không đủ căn cứ").stdout


def test_list_filters(cli: Cli, seeded: dict[str, int]) -> None:
    s = seeded
    everything = cli.ids()
    assert len(everything) == 5
    assert cli.ids("--body", "Sở Y tế") == cli.ids("--body", "so y te") == [s["health"]]
    assert cli.ids("--category", "overdue") == cli.ids("--overdue") == [s["health"]]
    assert cli.ids("--due-soon") == cli.ids("--category", "due_soon") == [s["district"]]
    assert cli.ids("--category", "no_deadline") == [s["education"]]
    assert sorted(cli.ids("--directive", "15-CT/TU")) == sorted([s["education"], s["later"]])
    assert cli.ids("--due-from", "2021-07-21", "--due-to", "31/08/2021") == [s["district"], s["later"]]
    assert cli.ids("--search", "so y te") == [s["health"]]
    assert cli.ids("--search", "uy ban") == [s["district"]]
    assert cli.ids("--search", "SỞ GIÁO DỤC") == [s["later"], s["education"]]  # deadline order, none last
    assert cli.ids("--sort", "id") == sorted(everything)
    assert cli.ids("--sort", "-id") == sorted(everything, reverse=True)
    assert cli.ids("--sort", "id", "--desc") == sorted(everything, reverse=True)
    cli.run("task", "progress", str(s["district"]), "30")
    cli.run("task", "done", str(s["health"]))
    assert cli.ids("--state", "in_progress") == [s["district"]]
    assert cli.ids("--state", "reported_done", "--today", "2021-07-10") == [s["health"]]
    # categories as of --today: a month later the 30 August task is overdue too (health was reported late)
    assert cli.ids("--overdue", "--today", "2021-08-31") == [s["health"], s["district"], s["later"]]


def test_json_csv_table_and_paging(cli: Cli, seeded: dict[str, int]) -> None:
    page = cli.json("tasks", "--sort", "id", "--limit", "2", "--offset", "1")
    assert (page["total"], page["offset"], page["limit"], page["as_of"]) == (5, 1, 2, "2021-07-26")
    assert [r["id"] for r in page["tasks"]] == sorted(seeded.values())[1:3]
    row = next(r for r in cli.json("tasks")["tasks"] if r["id"] == seeded["health"])
    assert row == {
        "id": seeded["health"], "directive_id": row["directive_id"], "directive_number": "230-CV/TU",
        "directive_date": "2021-07-04", "ref": "1", "body_id": row["body_id"], "body": "Sở Y tế", "role": "lead",
        "action": "Xét nghiệm diện rộng", "deadline": "2021-07-20", "original_deadline": "2021-07-20",
        "category": "overdue", "due_soon": False, "progress": 0, "state": "not_started", "urgency": None,
        "recurrence": None, "completed_on": None, "pending_extension": None, "active": True, "version": 1,
    }
    rows = list(csv.DictReader(io.StringIO(cli.run("tasks", "--format", "csv", "--sort", "id").stdout)))
    assert [int(r["id"]) for r in rows] == sorted(r for r in cli.ids())
    assert rows[0]["body"] == "Sở Y tế" and rows[0]["category"] == "overdue"
    table = cli.run("tasks", "--sort", "id", TRACKER_LANG="vi").stdout
    assert table.splitlines()[0].split()[:3] == ["Mã", "Văn", "bản"]
    assert "Đang thực hiện quá hạn" in table
    assert "Dòng 1–5 trên 5 nhiệm vụ (tính đến 26/07/2021)." in table
    assert cli.run("tasks", "--search", "không có gì").stdout.strip() == "No task matches."


REFUSALS: list[tuple[tuple[str, ...], int, str]] = [
    (("task", "confirm", "{health}"), 4, "Nobody has reported this task done"),
    (("task", "progress", "{health}", "140"), 4, "Progress must be between 0 and 100%, not 140."),
    (("task", "extend", "{health}", "--to", "2021-07-01", "--reason", "x"), 4, "is in the past"),
    (("task", "done", "424242"), 3, "No task with id 424242."),
    (("task", "progress", "{health}", "50", "--expect-version", "7"), 5, "you were looking at version 7"),
    (("task", "edit", "{health}", "--deadline", "31/02/2021"), 2, "Invalid date: 31/02/2021"),
    (("tasks", "--sort", "colour"), 2, "Cannot sort by \"colour\""),
    (("tasks", "--body", "Sở Không Có"), 3, "No body \"Sở Không Có\""),
    (("tasks", "--directive", "999-CV/TU"), 3, "No directive numbered 999-CV/TU."),
]


def test_refusals_change_nothing(cli: Cli, seeded: dict[str, int]) -> None:
    for args, code, message in REFUSALS:
        before = rows(cli.db)
        done = cli.run(*(a.format(**seeded) for a in args), code=code)
        assert message in done.stderr, args
        assert done.stderr.startswith("Error: ")
        assert rows(cli.db) == before, args


def test_conflict_names_the_other_change(cli: Cli, seeded: dict[str, int]) -> None:
    task = str(seeded["health"])
    cli.run("task", "progress", task, "40", "--expect-version", "1", TRACKER_USER="lan")
    done = cli.run("task", "progress", task, "10", "--expect-version", "1", TRACKER_USER="minh", code=5)
    assert "changed by lan" in done.stderr and "Progress 40%" in done.stderr
    assert cli.json("task", "show", task)["progress"] == 40


SAMPLE_DOCS = Path(__file__).resolve().parents[2] / "sample_docs"


def test_on_the_imported_sample_documents(cli: Cli) -> None:
    imported = subprocess.run([*COMMAND, "import", str(SAMPLE_DOCS)], capture_output=True, text=True,
                              env=cli.env, timeout=300)
    if imported.returncode != 0 and "ImportError" in imported.stderr:
        pytest.skip("the document reader / parser has not landed yet: " + imported.stderr.splitlines()[0][:200])
    assert imported.returncode == 0, imported.stderr
    listing = cli.json("tasks", "--limit", "0", "--sort", "id")
    assert listing["total"] == len(listing["tasks"]) > 0
    categories = {row["category"] for row in listing["tasks"]}
    assert categories <= {c for c in ("done_on_time", "done_late", "in_progress_on_time", "overdue", "no_deadline")}
    with_body = [row for row in listing["tasks"] if "Ủy ban" in row["body"] or "Ủy ban" in row["action"]]
    if with_body:
        assert {row["id"] for row in with_body} <= set(cli.ids("--search", "uy ban"))
    first = listing["tasks"][0]
    task = str(first["id"])
    cli.run("task", "progress", task, "50", "--expect-version", str(first["version"]))
    cli.run("task", "done", task)
    cli.run("task", "confirm", task)
    detail = cli.json("task", "show", task)
    assert detail["state"] == "confirmed"
    assert detail["directive_number"] == first["directive_number"]
    assert detail["text"] == first["action"]
    assert [e["kind"] for e in detail["history"]] == ["created", "progress", "reported_done", "confirmed"]
    again = subprocess.run([*COMMAND, "import", str(SAMPLE_DOCS)], capture_output=True, text=True,
                           env=cli.env, timeout=300)
    assert again.returncode == 0
    assert cli.json("tasks", "--limit", "0")["total"] == listing["total"]  # importing twice adds nothing
