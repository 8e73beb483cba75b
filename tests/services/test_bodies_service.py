"""The body directory: add, alias, rename, groups (expanded on import), merge, fuzzy find, seeding."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from import_helpers import FakeFiles, body, counts, document, item
from sqlalchemy import select

from tracker.db.models import Body, BodyAlias, Task, TaskEvent
from tracker.domain.enums import EventKind, TaskRole, TaskState
from tracker.domain.errors import InputError, NotFoundError
from tracker.domain.text import fold
from tracker.i18n import error_text
from tracker.services.bodies import (
    SeedBody,
    add_alias,
    add_body,
    define_group,
    find_bodies,
    get_body,
    list_bodies,
    mark_reviewed,
    merge_bodies,
    rename_body,
    seed_directory,
)
from tracker.services.importing import import_paths

JULY = date(2021, 7, 22)
DISTRICTS = ["Ủy ban nhân dân huyện Cư Jút", "Ủy ban nhân dân huyện Krông Nô", "Ủy ban nhân dân thành phố Gia Nghĩa"]
GROUP = "Ủy ban nhân dân các huyện, thành phố"


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


def test_add_alias_and_lookup_ignore_tones_case_and_punctuation(ctx) -> None:
    added = add_body(ctx, "Sở Y tế", kind="government", aliases=["SYT"])
    assert added.aliases == ("SYT",) and added.kind == "government"
    assert get_body(ctx, "sở y TẾ").id == added.id
    assert get_body(ctx, "syt").id == added.id
    assert get_body(ctx, str(added.id)).name == "Sở Y tế"
    uy = add_body(ctx, "Tỉnh uỷ Đắk Nông")  # old tone placement
    assert get_body(ctx, "Tỉnh ủy Đắk Nông").id == uy.id
    with pytest.raises(InputError) as taken:
        add_body(ctx, "SỞ Y TẾ")
    assert "Sở Y tế" in error_text(taken.value, "en")
    with pytest.raises(InputError):
        add_alias(ctx, uy.id, "SYT")  # already another body's alias
    with pytest.raises(InputError):
        add_body(ctx, "x" * 5000)
    with pytest.raises(InputError):
        add_body(ctx, "Sở Mới", kind="nonsense")
    with pytest.raises(NotFoundError) as missing:
        get_body(ctx, "Sở Y tê")
    assert "Sở Y tế" in error_text(missing.value, "vi")  # suggested


def test_find_bodies_forgives_diacritics_and_typos(ctx) -> None:
    for name in ("Sở Y tế", "Sở Tài chính", "Ủy ban nhân dân tỉnh", "Công an tỉnh"):
        add_body(ctx, name)
    add_alias(ctx, "Ủy ban nhân dân tỉnh", "UBND tỉnh")
    assert find_bodies(ctx, "so y te")[0].name == "Sở Y tế"
    assert find_bodies(ctx, "uy ban")[0].name == "Ủy ban nhân dân tỉnh"
    # "UBND tỉnh" expands to the name itself, so "ubnd" (any case) finds the body by its name
    assert find_bodies(ctx, "ubnd")[0].name == "Ủy ban nhân dân tỉnh"
    assert find_bodies(ctx, "cong an tinhh")[0].name == "Công an tỉnh"
    assert all(m.score < 100 for m in find_bodies(ctx, "'; DROP TABLE body; --"))
    assert counts(ctx)["body"] == 4


def test_a_group_is_expanded_into_one_task_per_member(ctx, files: FakeFiles) -> None:
    for name in DISTRICTS:
        add_body(ctx, name, kind="local")
    group = define_group(ctx, GROUP, DISTRICTS)
    assert group.is_group and sorted(group.members) == sorted(DISTRICTS)
    files.add("a.txt", document("470-CV/TU", JULY, [
        item("1", "Rà soát người về từ vùng dịch", [body(GROUP), body("Công an tỉnh", TaskRole.COOPERATING)], 4),
        # a member named as well as its group gets one task, as lead
        item("2", "Lập chốt kiểm soát", [body(DISTRICTS[0], TaskRole.COOPERATING), body(GROUP)], 6),
    ]))
    report = import_paths(ctx, [files.folder], extractor=files)
    assert report.tasks == len(DISTRICTS) + 1 + len(DISTRICTS)
    with ctx.sessions() as session:
        rows = session.execute(select(Body.name, Task.role).join(Task.body).join(Task.item)
                               .where(Task.item.has(ref="1"))).all()
        assert sorted(rows) == sorted([(d, "lead") for d in DISTRICTS] + [("Công an tỉnh", "cooperating")])
        second = dict(session.execute(select(Body.name, Task.role).join(Task.body)
                                      .where(Task.item.has(ref="2"))).all())
    assert second == {d: "lead" for d in DISTRICTS}
    assert GROUP not in report.new_bodies


def test_group_refusals(ctx) -> None:
    add_body(ctx, DISTRICTS[0])
    with pytest.raises(NotFoundError):
        define_group(ctx, GROUP, [DISTRICTS[0], "Không có huyện này"])
    before = counts(ctx)
    assert before["body"] == 1  # the refused group was not added
    define_group(ctx, GROUP, [DISTRICTS[0]])
    with pytest.raises(InputError):
        define_group(ctx, DISTRICTS[0], [GROUP])  # would loop
    with pytest.raises(InputError):
        define_group(ctx, GROUP, [GROUP])


def _import_with_duplicate_body(ctx, files: FakeFiles) -> None:
    files.add("a.txt", document("230-CV/TU", JULY, [
        item("1", "Việc một", [body("Sở Y tế")], 3, due=date(2021, 7, 30)),
        item("2", "Việc hai", [body("Sở Y Tế tỉnh"), body("Sở Y tế", TaskRole.COOPERATING)], 5),
        item("3", "Việc ba", [body("Sở Y Tế tỉnh", TaskRole.COOPERATING)], 7),
    ]))
    import_paths(ctx, [files.folder], extractor=files)


def test_merge_moves_tasks_keeps_the_alias_and_combines_duplicates(ctx, files: FakeFiles) -> None:
    _import_with_duplicate_body(ctx, files)
    assert {b.name for b in list_bodies(ctx, only_new=True)} == {"Sở Y tế", "Sở Y Tế tỉnh"}
    # the unit reported item 2 done under the duplicate name: the merge must keep that
    with ctx.sessions.begin() as session:
        dup_task = session.scalars(select(Task).join(Task.body).join(Task.item)
                                   .where(Body.name == "Sở Y Tế tỉnh", Task.item.has(ref="2"))).one()
        dup_task.state, dup_task.progress, dup_task.completed_on = TaskState.REPORTED_DONE.value, 100, JULY
    events_before = counts(ctx)["task_event"]

    result = merge_bodies(ctx, "Sở Y tế", "Sở Y Tế tỉnh")
    assert (result.moved_tasks, result.merged_tasks) == (1, 1)
    assert "Sở Y Tế tỉnh" in result.kept.aliases
    with ctx.sessions() as session:
        assert session.scalars(select(Body).where(Body.name == "Sở Y Tế tỉnh", Body.active.is_(True))).all() == []
        tasks = session.scalars(select(Task).join(Task.body).where(Body.name == "Sở Y tế", Task.active.is_(True))
                                .order_by(Task.item_id)).all()
        assert [(t.item.ref, t.role, t.state, t.progress) for t in tasks] == [
            ("1", "lead", "not_started", 0),
            ("2", "lead", "reported_done", 100),  # lead from the absorbed task, its reported state
            ("3", "cooperating", "not_started", 0),  # moved
        ]
        moved = tasks[2]
        assert moved.search_text == fold("230-CV/TU 3 Sở Y tế Việc ba")
        kinds = session.scalars(select(TaskEvent.kind).where(TaskEvent.id > events_before)).all()
        assert sorted(kinds) == [EventKind.MERGED] * 3  # moved, kept, closed duplicate
        closed = session.get(Task, dup_task.id)
        assert closed is not None and not closed.active
    # the old name now finds the kept body, on later imports too
    assert get_body(ctx, "Sở Y Tế tỉnh").name == "Sở Y tế"
    files.add("b.txt", document("231-CV/TU", JULY, [item("1", "Việc bốn", [body("Sở Y Tế tỉnh")], 3)]))
    report = import_paths(ctx, [files.folder / "b.txt"], extractor=files)
    assert report.new_bodies == []
    with pytest.raises(InputError):
        merge_bodies(ctx, "Sở Y tế", "Sở Y tế")


def test_merge_without_overlap_deletes_the_absorbed_body(ctx, files: FakeFiles) -> None:
    files.add("a.txt", document("9-CV/TU", JULY, [item("1", "Việc", [body("Sở TT&TT")], 3)]))
    import_paths(ctx, [files.folder], extractor=files)
    add_body(ctx, "Sở Thông tin và Truyền thông", kind="government")
    result = merge_bodies(ctx, "Sở Thông tin và Truyền thông", "Sở TT&TT")
    assert result.moved_tasks == 1 and result.kept.task_count == 1
    with ctx.sessions() as session:
        assert session.scalars(select(Body.name)).all() == ["Sở Thông tin và Truyền thông"]
        # "Sở TT&TT" expands to the kept name, so it needs no alias row to keep finding the body
        assert session.scalars(select(BodyAlias.alias)).all() == []
    assert get_body(ctx, "Sở TT&TT").name == "Sở Thông tin và Truyền thông"


def test_rename_keeps_the_old_name_and_updates_search(ctx, files: FakeFiles) -> None:
    files.add("a.txt", document("9-CV/TU", JULY, [item("1", "Việc", [body("Sở GDĐT")], 3)]))
    import_paths(ctx, [files.folder], extractor=files)
    renamed = rename_body(ctx, "Sở GDĐT", "Sở Giáo dục và Đào tạo")
    assert renamed.aliases == ("Sở GDĐT",)
    with ctx.sessions() as session:
        assert session.scalars(select(Task.search_text)).one() == fold("9-CV/TU 1 Sở Giáo dục và Đào tạo Việc")
    assert mark_reviewed(ctx, ["Sở Giáo dục và Đào tạo"], kind="government") == 1
    assert list_bodies(ctx, only_new=True) == []


@pytest.mark.shipped_directory
def test_seed_directory_fills_an_empty_table_once(ctx) -> None:
    entries = [
        SeedBody("Ủy ban nhân dân tỉnh", "government", ("UBND tỉnh",)),
        SeedBody(DISTRICTS[0], "local"), SeedBody(DISTRICTS[1], "local"),
        SeedBody(GROUP, "local", (), (DISTRICTS[0], DISTRICTS[1])),
    ]
    with ctx.sessions.begin() as session:
        assert seed_directory(session, entries, now=ctx.now()) == 4
        assert seed_directory(session, entries, now=ctx.now()) == 0
    bodies = {b.name: b for b in list_bodies(ctx)}
    assert bodies[GROUP].is_group and set(bodies[GROUP].members) == {DISTRICTS[0], DISTRICTS[1]}
    assert get_body(ctx, "UBND tỉnh").name == "Ủy ban nhân dân tỉnh"
