"""End-to-end flows of the terminal UI on the real services and a real SQLite file: every
assertion reads the database back through the services, and the screen."""

from __future__ import annotations

from datetime import date
from io import StringIO
from pathlib import Path

from helpers import app_ready, screen_text, wait_for, wait_table
from rich.console import Console

from tracker.services.bodies import list_bodies
from tracker.services.dto import TaskQuery
from tracker.services.queries import get_task, list_tasks
from tracker.services.tasks import perform
from tracker.tui.app import TrackerApp
from tracker.tui.screens.forms import ActionForm, PromptScreen
from tracker.tui.screens.help import HelpScreen, keys_table
from tracker.tui.screens.task_detail import TaskDetailScreen


def make_app(ctx, backend) -> TrackerApp:  # type: ignore[no-untyped-def]
    return TrackerApp(ctx.settings, backend)


async def open_detail(pilot, app, task_id: int) -> TaskDetailScreen:  # type: ignore[no-untyped-def]
    from tracker.tui.messages import OpenTask

    app.post_message(OpenTask(task_id))
    await wait_for(pilot, lambda: isinstance(app.screen, TaskDetailScreen) and app.screen.detail is not None)
    return app.screen


async def act(pilot, app, key: str, **values: str) -> None:  # type: ignore[no-untyped-def]
    """Press the action's key on the detail screen, fill the form, save, wait for the result."""
    detail_screen = app.screen
    before = detail_screen.detail.version
    await pilot.press(key)
    await wait_for(pilot, lambda: isinstance(app.screen, ActionForm))
    form = app.screen
    for name, value in values.items():
        form.query_one(f"#field-{name}").value = value
    await pilot.click("#form-save")
    await wait_for(pilot, lambda: (app.screen is detail_screen and detail_screen.detail.version != before)
                   or form.query_one("#form-error").has_class("-shown"))


async def test_dashboard_shows_the_database_figures(world) -> None:
    ctx, backend = world
    app = make_app(ctx, backend)
    async with app.run_test(size=(120, 40)) as pilot:
        await app_ready(pilot, app)
        text = screen_text(app)
        overdue = list_tasks(ctx, TaskQuery(category="overdue")).total
        assert overdue == 2
        assert "Quá hạn (lâu nhất trước) (2)" in text
        assert "quá 9 ngày" in text and "230-CV/TU" in text
        assert "Sắp đến hạn (1)" in text and "còn 2 ngày" in text


async def test_find_so_y_te_and_open_it(world) -> None:
    ctx, backend = world
    app = make_app(ctx, backend)
    async with app.run_test(size=(120, 40)) as pilot:
        await app_ready(pilot, app)
        await pilot.press("2")
        table = app.pane("tasks").table
        await wait_for(pilot, lambda: table.region.height > 0)
        await pilot.press("slash", *"so y te")
        await wait_for(pilot, lambda: table.task_query.search == "so y te")
        await wait_table(pilot, table)
        expected = list_tasks(ctx, TaskQuery(search="Sở Y tế"))
        assert table.total == expected.total > 0
        assert {table.row_at(i).id for i in range(table.total)} == {row.id for row in expected.rows}
        assert "Sở Y tế" in screen_text(app) and "Giáo dục" not in screen_text(app)
        await pilot.press("enter")  # back to the table
        await pilot.press("enter")  # open the first row
        await wait_for(pilot, lambda: isinstance(app.screen, TaskDetailScreen) and app.screen.detail)
        assert app.screen.detail.id == table.row_at(0).id
        assert "Tỉnh ủy Tây Ninh" in screen_text(app)


async def test_task_lifecycle_through_the_forms(world) -> None:
    ctx, backend = world
    app = make_app(ctx, backend)
    async with app.run_test(size=(120, 40)) as pilot:
        await app_ready(pilot, app)
        task_id = list_tasks(ctx, TaskQuery(search="tiem vac-xin")).rows[0].id
        await open_detail(pilot, app, task_id)

        await act(pilot, app, "p", percent="60", note="Đã tiêm 60%")
        assert get_task(ctx, task_id).progress == 60
        assert "Tiến độ 60%" in screen_text(app)

        await act(pilot, app, "c")  # confirming a task nobody reported done is refused
        assert isinstance(app.screen, ActionForm)
        assert app.screen.query_one("#form-error").has_class("-shown")
        assert get_task(ctx, task_id).state == "in_progress"
        await pilot.press("escape")

        await act(pilot, app, "d", channel="phone", note="Gọi điện nhắc")
        assert get_task(ctx, task_id).history[-1].kind == "urged"

        await act(pilot, app, "g", deadline="01/07/2021", reason="lùi")  # into the past: refused
        assert isinstance(app.screen, ActionForm)
        await pilot.press("escape")
        await act(pilot, app, "g", deadline="30/07/2021", reason="Chờ vắc-xin")
        assert get_task(ctx, task_id).current_deadline == date(2021, 7, 30)
        assert get_task(ctx, task_id).original_deadline == date(2021, 7, 22)

        await act(pilot, app, "b", note="Xong")
        assert get_task(ctx, task_id).state == "reported_done"
        await act(pilot, app, "c")
        detail = get_task(ctx, task_id)
        assert detail.state == "confirmed" and detail.category == "done_on_time"
        assert "Đã xác nhận hoàn thành" in screen_text(app)

        await act(pilot, app, "u")  # undo the confirmation
        assert get_task(ctx, task_id).state == "reported_done"


async def test_the_other_actions_of_a_task_through_their_keys(world) -> None:
    """Reopen, request / reject / approve an extension, add and remove a body, the recurrence:
    each key opens its form, the database holds the change, the screen shows it."""
    ctx, backend = world
    app = make_app(ctx, backend)
    async with app.run_test(size=(120, 40)) as pilot:
        await app_ready(pilot, app)
        task_id = list_tasks(ctx, TaskQuery(search="tiem vac-xin")).rows[0].id
        perform(ctx, task_id, "report_done")
        perform(ctx, task_id, "confirm")
        await open_detail(pilot, app, task_id)
        text = screen_text(app)
        assert "Lệnh" in text and "palette" not in text  # the footer's palette key speaks Vietnamese
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        console = Console(width=120, file=StringIO(), color_system=None)
        console.print(keys_table())
        text = console.file.getvalue()  # type: ignore[attr-defined]
        assert "Ctrl+P" in text and "Lệnh" in text
        for words in ("Mở lại", "Xin gia hạn", "Từ chối gia hạn", "Thêm cơ quan", "Bỏ cơ quan", "Sửa định kỳ"):
            assert words in text, words
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, TaskDetailScreen))

        await act(pilot, app, "o")  # a reason is required: the form says so and stays
        assert isinstance(app.screen, ActionForm)
        assert "Cần nhập: Lý do" in screen_text(app)
        await pilot.press("escape")
        await act(pilot, app, "o", reason="Chưa đạt chỉ tiêu")
        assert get_task(ctx, task_id).state == "in_progress"

        await act(pilot, app, "x", deadline="15/08/2021", reason="Chờ vắc-xin")
        assert get_task(ctx, task_id).pending_extension == date(2021, 8, 15)
        assert "15/08/2021" in screen_text(app)
        await act(pilot, app, "k", reason="Không đủ căn cứ")
        detail = get_task(ctx, task_id)
        assert detail.pending_extension is None and detail.current_deadline == date(2021, 7, 22)

        await act(pilot, app, "x", deadline="10/08/2021", reason="Chờ vắc-xin đợt 2")
        await pilot.press("g")  # approving: the form offers the date asked for
        await wait_for(pilot, lambda: isinstance(app.screen, ActionForm))
        assert app.screen.query_one("#field-deadline").value == "10/08/2021"
        await pilot.press("escape")
        await act(pilot, app, "g", reason="Đồng ý")
        detail = get_task(ctx, task_id)
        assert detail.current_deadline == date(2021, 8, 10) and detail.pending_extension is None

        await act(pilot, app, "a", body="cong an tinh", role="cooperating")
        assert "Công an tỉnh" in get_task(ctx, task_id).cooperating_bodies
        assert "Công an tỉnh" in screen_text(app)
        added = [row for row in list_tasks(ctx, TaskQuery(search="tiem vac-xin", limit=None)).rows
                 if row.body == "Công an tỉnh"]
        assert len(added) == 1 and added[0].role == "cooperating"
        await act(pilot, app, "a", body="Sở Không Có", role="lead")  # unknown: explained in the form
        assert isinstance(app.screen, ActionForm) and app.screen.query_one("#form-error").has_class("-shown")
        await pilot.press("escape")

        await act(pilot, app, "l", rule="weekly")
        assert get_task(ctx, task_id).recurrence == "FREQ=WEEKLY"
        assert "Hằng tuần" in screen_text(app)
        await act(pilot, app, "l", rrule="FREQ=MONTHLY;INTERVAL=3")
        assert get_task(ctx, task_id).recurrence == "FREQ=MONTHLY;INTERVAL=3"
        await act(pilot, app, "l", rule="none")
        assert not get_task(ctx, task_id).recurrence

        other = added[0].id
        app.pop_screen()
        await open_detail(pilot, app, other)
        await act(pilot, app, "r", reason="Không thuộc chức năng")
        assert not get_task(ctx, other).active
        assert "Công an tỉnh" not in get_task(ctx, task_id).cooperating_bodies


async def test_second_editor_is_told_and_shown_the_other_change(world) -> None:
    ctx, backend = world
    app = make_app(ctx, backend)
    async with app.run_test(size=(120, 40)) as pilot:
        await app_ready(pilot, app)
        task_id = list_tasks(ctx, TaskQuery(search="an ninh trat tu")).rows[0].id
        screen = await open_detail(pilot, app, task_id)
        seen_version = screen.detail.version
        perform(ctx, task_id, "progress", seen_version, percent=30, note="Cán bộ khác cập nhật")  # another officer
        await pilot.press("p")
        await wait_for(pilot, lambda: isinstance(app.screen, ActionForm))
        app.screen.query_one("#field-percent").value = "80"
        await pilot.click("#form-save")
        await wait_for(pilot, lambda: screen.conflict_seen and screen.detail.version > seen_version)
        await pilot.pause(0.1)
        assert get_task(ctx, task_id).progress == 30  # the other change is kept, ours not applied
        assert any("Người khác vừa sửa" in note.title for note in app._notifications)
        assert "Cán bộ khác cập nhật" in screen_text(app)


async def test_merge_two_bodies(world) -> None:
    ctx, backend = world
    app = make_app(ctx, backend)
    async with app.run_test(size=(120, 40)) as pilot:
        await app_ready(pilot, app)
        directory_size = len(list_bodies(ctx))  # the shipped directory and the world's bodies
        await pilot.press("6")
        pane = app.pane("bodies")
        await wait_for(pilot, lambda: len(pane.bodies) == directory_size)
        table = pane.query_one("#body-table")
        names = [b.name for b in pane.bodies]
        table.move_cursor(row=names.index("Công an tỉnh"))
        await pilot.press("m")
        await wait_for(pilot, lambda: isinstance(app.screen, PromptScreen))
        await pilot.press(*"so y te")
        await wait_for(pilot, lambda: "Sở Y tế" in screen_text(app))
        await pilot.press("enter")
        await wait_for(pilot, lambda: len(pane.bodies) == directory_size - 1)
        bodies = {b.name: b for b in list_bodies(ctx)}
        assert "Công an tỉnh" not in bodies
        assert "Công an tỉnh" in bodies["Sở Y tế"].aliases
        # 3 of its own + 2 of Công an tỉnh, whose task on item 1 of 230-CV/TU folds into Sở Y tế's
        assert list_tasks(ctx, TaskQuery(body="Sở Y tế")).total == 4
        assert "Đã gộp Công an tỉnh vào Sở Y tế" in " ".join(str(n.message) for n in app._notifications)


async def export_to(pilot, app, pane, target: Path) -> str:  # type: ignore[no-untyped-def]
    """Export the report screen's report to ``target`` (Ctrl+S) and read the file back."""
    pane.query_one("#report-path").value = str(target)
    await pilot.press("ctrl+s")
    await wait_for(pilot, lambda: pane.exported or app.errors)
    assert not app.errors, app.errors
    return target.read_text(encoding="utf-8")


async def test_export_the_week_report(world, tmp_path: Path) -> None:
    ctx, backend = world
    app = make_app(ctx, backend)
    async with app.run_test(size=(120, 40)) as pilot:
        await app_ready(pilot, app)
        await pilot.press("5")
        pane = app.pane("report")
        await wait_for(pilot, lambda: pane.preview is not None and app.focused is not None
                       and app.focused.id == "report-start")
        assert (pane.start, pane.end) == (date(2021, 7, 19), date(2021, 7, 25))
        assert "Đang thực hiện quá hạn" in screen_text(app)
        target = tmp_path / "tuan.md"
        text = await export_to(pilot, app, pane, target)
        from tracker.reports import export
        from tracker.services.reporting import build_report, week_of

        expected = export(build_report(ctx, week_of(date(2021, 7, 20)), produced_at=None), "md").decode()
        assert "230-CV/TU" in text and "Sở Y tế" in text
        assert [line for line in text.splitlines() if "|" in line][:12] == \
            [line for line in expected.splitlines() if "|" in line][:12]  # the same grid as the service
        # another format from the list: a Word file
        pane.query_one("#report-format").value = "docx"
        await pilot.pause()
        assert pane.query_one("#report-path").value.endswith("tuan.docx")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: len(pane.exported) == 2 or app.errors)
        assert not app.errors, app.errors
        assert (tmp_path / "tuan.docx").read_bytes()[:2] == b"PK"


async def test_the_report_of_one_body(world, tmp_path: Path) -> None:
    """The body filter of the report screen: the figures and the exported file are those of the
    service's report for that body."""
    from tracker.services.reporting import build_report, week_of

    ctx, backend = world
    app = make_app(ctx, backend)
    async with app.run_test(size=(120, 40)) as pilot:
        await app_ready(pilot, app)
        await pilot.press("5")
        pane = app.pane("report")
        body_select = pane.query_one("#report-body")
        await wait_for(pilot, lambda: pane.preview is not None and len(body_select._options) > 1)
        whole = build_report(ctx, week_of(date(2021, 7, 20))).overall.total
        mine = build_report(ctx, week_of(date(2021, 7, 20)), bodies=("Sở Y tế",)).overall.total
        assert 0 < mine < whole
        total_label = "Tổng số"
        assert dict(pane.preview.figures)[total_label] == str(whole)
        body_select.value = "Sở Y tế"
        await wait_for(pilot, lambda: dict(pane.preview.figures)[total_label] == str(mine))
        assert "Sở Y tế" in screen_text(app)
        text = await export_to(pilot, app, pane, tmp_path / "so-y-te.md")
        assert "Sở Y tế" in text and "Sở Giáo dục và Đào tạo" not in text


async def test_import_through_the_review_screen(world, tmp_path: Path) -> None:
    ctx, backend = world
    app = make_app(ctx, backend)
    new_file = tmp_path / "new-cv99.txt"
    new_file.write_text("Số 99-CV/TU ...", encoding="utf-8")
    async with app.run_test(size=(120, 40)) as pilot:
        await app_ready(pilot, app)
        await pilot.press("4")
        pane = app.pane("import")
        await wait_for(pilot, lambda: app.focused is not None and app.focused.id == "import-path")
        app.focused.value = str(new_file)
        await pilot.press("enter")
        assert pane.files == [str(new_file)]
        await pilot.press("ctrl+l")
        await wait_for(pilot, lambda: len(pane.previews) == 1)
        await wait_for(pilot, lambda: "99-CV/TU" in screen_text(app))
        assert "(mới)" in screen_text(app)  # the new body is marked
        tree = pane.query_one("#import-preview")
        item_3 = next(node for node in tree.root.children[0].children[0].children if node.data
                      and node.data[2] == "3")
        tree.move_cursor(item_3)
        tree.focus()
        await pilot.press("x")  # drop item 3
        assert pane.corrections[(0, 0, "3")].drop
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: pane.outcomes)
        stored = list_tasks(ctx, TaskQuery(directive="99-CV/TU"))
        assert stored.total == 2
        assert {row.ref for row in stored.rows} == {"1", "2"}


async def test_a_periodic_report_marked_submitted(world) -> None:
    """`s` on a recurring task: the form offers the oldest report still owed; saving records it."""
    ctx, backend = world
    task_id = list_tasks(ctx, TaskQuery(search="tiem vac-xin")).rows[0].id
    perform(ctx, task_id, "edit", recurrence="FREQ=WEEKLY")
    owed = [o.due_on for o in get_task(ctx, task_id).occurrences if o.submitted_on is None]
    assert owed, "the weekly rule owes reports by today"
    app = make_app(ctx, backend)
    async with app.run_test(size=(120, 40)) as pilot:
        await app_ready(pilot, app)
        await open_detail(pilot, app, task_id)
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(app.screen, ActionForm))
        assert app.screen.query_one("#field-due_on").value == owed[0].strftime("%d/%m/%Y")
        await pilot.press("escape")
        await act(pilot, app, "s", due_on=owed[0].strftime("%d/%m/%Y"), note="Đã gửi qua hệ thống")
        submitted = {o.due_on: o.submitted_on for o in get_task(ctx, task_id).occurrences}
        assert submitted[owed[0]] is not None
        await act(pilot, app, "s", due_on="01/01/2020")  # not a day of the rule: explained in the form
        assert isinstance(app.screen, ActionForm) and app.screen.query_one("#form-error").has_class("-shown")
