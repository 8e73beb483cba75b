"""Importing directives into tasks: counts from the extraction, idempotence, failures, dry run."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from import_helpers import FakeFiles, body, counts, document, item, leaf_body_pairs
from sqlalchemy import select

from tracker.config import Settings
from tracker.db.models import Body, Directive, Item, Task, TaskEvent
from tracker.domain.enums import EventKind, TaskRole, TaskState
from tracker.domain.errors import InputError
from tracker.domain.status import replay
from tracker.domain.text import fold
from tracker.services.import_preview import (
    DOC_EXISTING_NUMBER,
    DOC_EXISTING_TEXT,
    DOC_NEW,
    FILE_ALREADY_IMPORTED,
    FILE_FAILED,
    FILE_IMPORTED,
    FILE_NOTHING_NEW,
)
from tracker.services.importing import import_paths
from tracker.services.tasks import facts_of, search_text_for

JULY = date(2021, 7, 4)


@pytest.fixture(autouse=True)
def empty_directory(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests work the directory's mechanics from an empty body table, as a database whose
    directory the office has not loaded; the shipped directory (seeded on first use) has its own
    tests, marked ``shipped_directory``."""
    if request.node.get_closest_marker("shipped_directory") is None:
        monkeypatch.setattr("tracker.services.bodies.directory_data", lambda: [])


@pytest.fixture
def files(tmp_path: Path) -> FakeFiles:
    folder = tmp_path / "docs"
    folder.mkdir()
    return FakeFiles(folder)


def _two_documents(files: FakeFiles) -> list[Path]:
    first = document("230-CV/TU", JULY, [
        item("1", "Tiếp tục quán triệt các văn bản chỉ đạo", [body("Sở Y tế"),
                                                             body("Công an tỉnh", TaskRole.COOPERATING)], 20,
             due=date(2021, 7, 11), parent="I", heading_text="NHIỆM VỤ CHUNG"),
        item("2", "Tăng cường xét nghiệm", [body("Sở Y tế")], 22, parent="I", heading_text="NHIỆM VỤ CHUNG"),
        item("3", "Báo cáo kết quả", [], 24),
    ])
    second = document("473-CV/TU", date(2021, 7, 24), [
        item("1", "Kiểm soát phương tiện", [body("Ban Chỉ đạo phòng, chống dịch Covid-19 tỉnh")], 10),
    ], issuer="Tỉnh ủy Đắk Nông")
    return [files.add("a.txt", first), files.add("b.txt", second)]


def test_import_stores_directives_items_and_tasks(ctx, files: FakeFiles) -> None:
    paths = _two_documents(files)
    report = import_paths(ctx, [files.folder], extractor=files)
    extractions = [files.results[str(p.resolve())] for p in paths]
    docs = [d for e in extractions for d in e.documents]
    expected_tasks = sum(leaf_body_pairs(e) for e in extractions)
    expected_headings = len({(d.number, i.parent_ref) for d in docs for i in d.items if i.parent_ref})
    expected_items = sum(len(d.items) for d in docs) + expected_headings

    assert report.ok and [f.status for f in report.files] == [FILE_IMPORTED, FILE_IMPORTED]
    assert report.directives_new == len(docs)
    assert report.tasks == expected_tasks
    assert report.items == expected_items
    stored = counts(ctx)
    assert stored["directive"] == len(docs)
    assert stored["item"] == expected_items
    assert stored["task"] == expected_tasks
    assert stored["task_event"] == expected_tasks  # one "created" event each
    assert stored["import_batch"] == 2

    with ctx.sessions() as session:
        directive = session.scalars(select(Directive).where(Directive.number == "230-CV/TU")).one()
        items = session.scalars(select(Item).where(Item.directive_id == directive.id)
                                .order_by(Item.position)).all()
        assert [(i.ref, i.is_leaf) for i in items] == [("I", False), ("1", True), ("2", True), ("3", True)]
        heading = items[0]
        assert [i.parent_id for i in items[1:]] == [heading.id, heading.id, None]
        assert items[1].deadline_text == "trước ngày 11/07/2021"
        tasks = session.scalars(select(Task).join(Item).where(Item.ref == "1", Item.directive_id == directive.id)
                                .order_by(Task.id)).all()
        assert [(t.body.name, t.role) for t in tasks] == [("Sở Y tế", "lead"), ("Công an tỉnh", "cooperating")]
        task = tasks[0]
        assert task.state == TaskState.NOT_STARTED and task.progress == 0
        assert task.original_deadline == task.current_deadline == date(2021, 7, 11)
        assert task.search_text == fold("230-CV/TU 1 Sở Y tế Tiếp tục quán triệt các văn bản chỉ đạo")
        assert task.search_text == search_text_for("230-CV/TU", "1", "Sở Y tế", task.item.text)
        events = session.scalars(select(TaskEvent).where(TaskEvent.task_id == task.id)).all()
        assert len(events) == 1 and events[0].kind == EventKind.CREATED and events[0].by_user == "tester"
        assert events[0].on_date == date(2021, 7, 26)
        # the created event rebuilds the task (the lifecycle's replay)
        snapshot = replay(events)
        assert snapshot is not None and snapshot == facts_of(task)
        # bodies met for the first time are added, flagged for review, and listed
        new_names = set(session.scalars(select(Body.name).where(Body.is_new.is_(True))))
    assert set(report.new_bodies) == new_names == {"Sở Y tế", "Công an tỉnh",
                                                   "Ban Chỉ đạo phòng, chống dịch Covid-19 tỉnh"}


def test_importing_twice_changes_nothing_and_says_so(ctx, files: FakeFiles) -> None:
    _two_documents(files)
    import_paths(ctx, [files.folder], extractor=files)
    before = counts(ctx)
    again = import_paths(ctx, [files.folder], extractor=files)
    assert counts(ctx) == before
    assert [f.status for f in again.files] == [FILE_ALREADY_IMPORTED, FILE_ALREADY_IMPORTED]
    assert again.directives_new == 0 and again.tasks == 0 and again.new_bodies == []
    assert "đã được nhập" in again.files[0].message("vi")


def test_same_text_in_another_file_is_existing(ctx, files: FakeFiles) -> None:
    doc = document("230-CV/TU", JULY, [item("1", "Việc A", [body("Sở Y tế")], 5)])
    files.add("a.txt", doc)
    import_paths(ctx, [files.folder / "a.txt"], extractor=files)
    before = counts(ctx)
    # the same directive bundled with a new one in another file: only the new one goes in
    other = document("231-CV/TU", JULY, [item("1", "Việc B", [body("Sở Y tế")], 5)])
    files.add("bundle.txt", doc, other)
    report = import_paths(ctx, [files.folder / "bundle.txt"], extractor=files)
    outcome = report.files[0]
    assert [d.status for d in outcome.documents] == [DOC_EXISTING_TEXT, DOC_NEW]
    assert "đã có" in outcome.documents[0].message("vi")
    after = counts(ctx)
    assert after["directive"] == before["directive"] + 1
    assert after["task"] == before["task"] + 1


def test_same_number_issuer_date_with_other_text_is_refused_as_existing(ctx, files: FakeFiles) -> None:
    files.add("a.txt", document("230-CV/TU", JULY, [item("1", "Việc A", [body("Sở Y tế")], 5)]))
    import_paths(ctx, [files.folder / "a.txt"], extractor=files)
    before = counts(ctx)
    files.add("b.txt", document("230-CV/TU", JULY, [item("1", "Việc A đã sửa lời", [body("Sở Tài chính")], 5)]))
    report = import_paths(ctx, [files.folder / "b.txt"], extractor=files)
    outcome = report.files[0]
    assert outcome.status == FILE_NOTHING_NEW
    assert [d.status for d in outcome.documents] == [DOC_EXISTING_NUMBER]
    assert outcome.documents[0].directive_id is not None
    assert "đã có" in outcome.documents[0].message("vi")
    assert counts(ctx) == before  # not even the new body


def test_a_failing_file_does_not_stop_the_others_and_leaves_no_rows(ctx, files: FakeFiles) -> None:
    files.add("a.txt", document("1-CV/TU", JULY, [item("1", "Việc A", [body("Sở Y tế")], 5)]))
    files.fail("b.txt", InputError("ingest.empty_file", path="b.txt"))
    # c.txt fails inside its transaction, after its directive and batch rows were written
    files.add("c.txt", document("3-CV/TU", JULY, [item("1", "Việc C", [body("Sở Nội vụ")], 10**30)]))
    files.add("d.txt", document("4-CV/TU", JULY, [item("1", "Việc D", [body("Sở Y tế")], 5)]))
    report = import_paths(ctx, [files.folder], extractor=files)
    assert [f.status for f in report.files] == [FILE_IMPORTED, FILE_FAILED, FILE_FAILED, FILE_IMPORTED]
    assert report.files[1].error_code == "ingest.empty_file"
    assert report.files[2].error_code == "import.file_crashed"
    assert "c.txt" in report.files[2].message("en")
    with ctx.sessions() as session:
        numbers = sorted(session.scalars(select(Directive.number)))
        bodies = set(session.scalars(select(Body.name)))
    assert numbers == ["1-CV/TU", "4-CV/TU"]
    assert "Sở Nội vụ" not in bodies  # the failed file's new body went with it
    assert counts(ctx)["import_batch"] == 2


def test_missing_path_is_reported(ctx, files: FakeFiles, tmp_path: Path) -> None:
    files.add("a.txt", document("1-CV/TU", JULY, [item("1", "Việc A", [body("Sở Y tế")], 5)]))
    report = import_paths(ctx, [tmp_path / "nowhere.txt", files.folder], extractor=files)
    assert [f.status for f in report.files] == [FILE_FAILED, FILE_IMPORTED]
    assert report.files[0].error_code == "import.missing_path"
    assert not report.ok


def test_dry_run_computes_the_same_and_stores_nothing(ctx, files: FakeFiles) -> None:
    _two_documents(files)
    before = counts(ctx)
    dry = import_paths(ctx, [files.folder], dry_run=True, extractor=files)
    assert counts(ctx) == before
    real = import_paths(ctx, [files.folder], extractor=files)
    assert (dry.directives_new, dry.items, dry.tasks, sorted(dry.new_bodies)) == (
        real.directives_new, real.items, real.tasks, sorted(real.new_bodies))
    assert dry.dry_run and not real.dry_run


def _sqlite_bytes(url: str) -> bytes:
    path = Path(url.removeprefix("sqlite:///"))
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0
    return path.read_bytes()


def test_dry_run_and_refused_inputs_leave_the_sqlite_file_byte_identical(
    tmp_path: Path, files: FakeFiles, settings_for: Callable[..., Settings]
) -> None:
    from tracker.services.context import open_context

    url = f"sqlite:///{tmp_path / 'byte_identical.db'}"
    first = open_context(settings_for(url))
    files.add("a.txt", document("1-CV/TU", JULY, [item("1", "Việc A", [body("Sở Y tế")], 5)]))
    import_paths(first, [files.folder / "a.txt"], extractor=files)
    first.close()  # the last connection checkpoints the WAL into the file
    before = _sqlite_bytes(url)

    files.add("b.txt", document("2-CV/TU", JULY, [item("1", "Việc B", [body("Sở Mới")], 5)]))
    files.fail("empty.txt", InputError("ingest.empty", name="empty.txt"))
    files.fail("binary.txt", InputError("ingest.binary"))
    attempts = [
        ([files.folder / "b.txt"], True),  # a dry run of a good new file
        ([files.folder / "a.txt"], False),  # already imported
        ([files.folder / "empty.txt"], False),
        ([files.folder / "binary.txt"], False),
        ([tmp_path / "missing.txt"], False),
        ([tmp_path / "missing-folder"], True),
    ]
    for paths, dry_run in attempts:
        ctx = open_context(settings_for(url))
        report = import_paths(ctx, paths, dry_run=dry_run, extractor=files)
        ctx.close()
        assert report.directives_new == (1 if dry_run and paths[0].name == "b.txt" else 0)
        assert _sqlite_bytes(url) == before, paths


def test_preview_is_editable_and_commit_stores_the_corrections(ctx, files: FakeFiles) -> None:
    from tracker.services.bodies import add_body
    from tracker.services.import_preview import (
        PreviewBody,
        drop_item,
        merge_items,
        replace_body,
        set_deadline,
    )
    from tracker.services.importing import commit_preview, preview_file

    known = add_body(ctx, "Sở Thông tin và Truyền thông", kind="government")
    path = files.add("a.txt", document("5-CV/TU", JULY, [
        item("1", "Việc một", [body("Sở Thông tin, Truyền thông")], 3),
        item("2", "Việc hai", [body("Sở Y tế")], 5, due=date(2021, 8, 1)),
        item("3", "Việc ba, phần tiếp", [body("Công an tỉnh")], 7),
        item("4", "Việc bốn, bỏ", [body("Sở Y tế")], 9),
    ]))
    preview = preview_file(ctx, path, extractor=files)
    assert counts(ctx)["directive"] == 0  # a preview stores nothing
    doc = preview.documents[0]
    assert doc.status == DOC_NEW and doc.task_count == 4
    assert set(preview.new_body_names) == {"Sở Thông tin, Truyền thông", "Sở Y tế", "Công an tỉnh"}
    # (an abbreviation such as "Sở TTTT" would have been recognised by itself: this spelling is not)
    # the clerk maps the new name to the known body, merges 3 into 2, drops 4, sets a deadline
    replace_body(preview, "Sở Thông tin, Truyền thông", PreviewBody(known.name, body_id=known.id))
    merge_items(doc, "3", "2")
    drop_item(doc, "4")
    set_deadline(doc, "1", date(2021, 7, 31), "trước ngày 31/7/2021")
    report = commit_preview(ctx, preview)
    assert report.ok and report.directives_new == 1
    with ctx.sessions() as session:
        rows = session.execute(select(Item.ref, Body.name, Task.role, Task.current_deadline)
                               .join(Task, Task.item_id == Item.id).join(Body, Body.id == Task.body_id)
                               .order_by(Item.position, Task.id)).all()
        texts = dict(session.execute(select(Item.ref, Item.text)).all())
    assert rows == [("1", "Sở Thông tin và Truyền thông", "lead", date(2021, 7, 31)),
                    ("2", "Sở Y tế", "lead", date(2021, 8, 1)),
                    ("2", "Công an tỉnh", "cooperating", date(2021, 8, 1))]
    assert texts == {"1": "Việc một", "2": "Việc hai\nViệc ba, phần tiếp"}
    assert report.new_bodies == ["Sở Y tế", "Công an tỉnh"]
    # committing the same preview again stores nothing and says so
    again = commit_preview(ctx, preview)
    assert again.files[0].status == FILE_ALREADY_IMPORTED and again.directives_new == 0
