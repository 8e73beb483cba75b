"""The bad input matrix, each case through the real ``tracker`` command in a subprocess, on SQLite
and PostgreSQL: a clear message in Vietnamese (the default language; asserted on real words of
the message), a non-zero exit where the command fails, and the database exactly as before:
SQLite byte for byte (main file after a checkpoint, nothing left in the write-ahead log) and row
for row; PostgreSQL row for row in every table (full ordered dump).

Where the input is fine but odd (a file already imported, a search text holding SQL) the command
succeeds and says what it did; a directive with an impossible date goes in with the problem
reported."""

from __future__ import annotations

import io
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reliability_helpers import (  # noqa: E402
    PARSER_MISSING,
    SAMPLES,
    Cli,
    assert_unchanged,
    checkpoint,
    count_rows,
    fingerprint,
    is_sqlite,
    output,
    parser_ready,
    seed_office,
    sqlite_file,
    table_dump,
)

SQL_SEARCH = "'; DROP TABLE task; --"
SQL_BODY = "Robert'); DROP TABLE body;--"


needs_parser = pytest.mark.skipif(not parser_ready(), reason=PARSER_MISSING)


@pytest.fixture
def office(db_url: str, tmp_path: Path) -> Cli:
    """A database with a directive and 20 tasks (one item's text holds SQL), and the command."""
    seed_office(db_url, tasks=20, first_text=f"Sở Y tế rà soát dữ liệu {SQL_SEARCH} trước khi báo cáo.")
    home = tmp_path / "home"
    home.mkdir()
    return Cli(db_url, home)


def refused(cli: Cli, *args: str, words: tuple[str, ...], code: int | None = None) -> str:
    """Run the command; it must fail (exit != 0, or ``code``), say ``words``, show no traceback,
    and leave the database exactly as it was."""
    before = fingerprint(cli.db_url)
    done = cli.run(*args)
    text = output(done)
    assert done.returncode != 0, text
    if code is not None:
        assert done.returncode == code, text
    for word in words:
        assert word in text, f"{word!r} not in {text!r}"
    assert "Traceback" not in text, text
    assert_unchanged(cli.db_url, before)
    return text


def _sample(index: int = 0) -> Path:
    return sorted(SAMPLES.glob("*.txt"))[index]


def _docx_bytes(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _scanned_pdf() -> bytes:
    """A one-page PDF holding only an image (what a scanner produces)."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (600, 300), "white")
    ImageDraw.Draw(image).text((20, 20), "1. So Y te chu tri ...", fill="black")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    pdf = FPDF()
    pdf.add_page()
    pdf.image(io.BytesIO(buffer.getvalue()), x=10, y=10, w=180)
    return bytes(pdf.output())


DIRECTIVE = """TỈNH ỦY TÂY NINH

Số: 512-CV/TU

V/v triển khai kế hoạch kiểm tra, giám sát

Tây Ninh, ngày 04 tháng 01 năm 2021

Kính gửi:
- Sở Y tế,
- Sở Tài chính.

Ban Thường vụ Tỉnh ủy yêu cầu các cơ quan, đơn vị thực hiện tốt một số nội dung sau:

1. Sở Y tế chủ trì rà soát trang thiết bị, {first}.

2. Sở Tài chính bố trí kinh phí thực hiện, hoàn thành trước ngày 15/3/2021.

Văn phòng Tỉnh ủy theo dõi, đôn đốc việc thực hiện.

Nơi nhận:
- Như trên,
- Lưu Văn phòng.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ

Nguyễn Văn An
"""


# ---------------------------------------------------------------- files that are not directives


@needs_parser
def test_empty_file(office: Cli, tmp_path: Path) -> None:
    empty = tmp_path / "rong.txt"
    empty.write_bytes(b"")
    refused(office, "import", str(empty), words=("rong.txt", "rỗng"))


@needs_parser
def test_binary_file(office: Cli, tmp_path: Path) -> None:
    binary = tmp_path / "du_lieu.txt"
    binary.write_bytes(bytes(range(256)) * 64 + os.urandom(4096))
    refused(office, "import", str(binary), words=("du_lieu.txt", "nhị phân"))


@needs_parser
def test_file_of_50_mb(office: Cli, tmp_path: Path) -> None:
    text = _sample().read_bytes()
    big = tmp_path / "rat_lon.txt"
    with big.open("wb") as handle:
        while handle.tell() < 50 * 1024 * 1024:
            handle.write(text)
    refused(office, "import", str(big), words=("rat_lon.txt", "quá lớn", "50"))


@needs_parser
def test_wrong_encoding(office: Cli, tmp_path: Path) -> None:
    """Bytes that are neither UTF-8, UTF-16 nor Windows-1258 (here a Shift-JIS text, whose
    punctuation bytes Windows-1258 leaves undefined)."""
    data = ("感染症対策の強化について、各部署は直ちに実施すること。" * 40).encode("shift_jis")
    assert any(byte in data for byte in (0x81, 0x8A, 0x8D, 0x8E, 0x8F, 0x90, 0x9A, 0x9D, 0x9E))
    wrong = tmp_path / "ma_sai.txt"
    wrong.write_bytes(data)
    refused(office, "import", str(wrong), words=("ma_sai.txt", "bảng mã"))


@needs_parser
def test_truncated_docx(office: Cli, tmp_path: Path) -> None:
    whole = _docx_bytes(DIRECTIVE.format(first="hoàn thành trước ngày 30/01/2021").splitlines())
    truncated = tmp_path / "hong.docx"
    truncated.write_bytes(whole[: len(whole) // 2])
    refused(office, "import", str(truncated), words=("hong.docx", "bị hỏng"))


@needs_parser
def test_scanned_pdf(office: Cli, tmp_path: Path) -> None:
    scan = tmp_path / "ban_quet.pdf"
    scan.write_bytes(_scanned_pdf())
    refused(office, "import", str(scan), words=("ban_quet.pdf", "bản quét", "OCR"))


def test_missing_path(office: Cli, tmp_path: Path) -> None:
    refused(office, "import", str(tmp_path / "khong_co.txt"), words=("khong_co.txt", "Không tìm thấy"))


@needs_parser
def test_unreadable_file(office: Cli, tmp_path: Path) -> None:
    """chmod 000. Root reads such a file anyway, so under root the command runs as the unprivileged
    user ``nobody`` (setpriv), on a copy of the SQLite database in a folder it may use."""
    cli = office
    shared = tmp_path
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: chmod 000 does not stop root from reading")
        shared = Path(tempfile.mkdtemp(prefix="tracker-nobody-"))
        shared.chmod(0o777)
        (shared / "home").mkdir(mode=0o777)
        (shared / "home").chmod(0o777)
        url = office.db_url
        if is_sqlite(url):
            checkpoint(url)
            copy = shared / "tracker.db"
            shutil.copyfile(sqlite_file(url), copy)
            copy.chmod(0o666)
            url = f"sqlite:///{copy}"
        cli = Cli(url, shared / "home",
                  runner=(setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", "--"))
    locked = shared / "khoa.txt"
    shutil.copyfile(_sample(), locked)
    locked.chmod(0)
    try:
        refused(cli, "import", str(locked), words=("khoa.txt", "Không có quyền đọc"))
    finally:
        locked.chmod(0o644)
        if shared != tmp_path:
            shutil.rmtree(shared, ignore_errors=True)


@needs_parser
def test_fifo_given_as_a_file(office: Cli, tmp_path: Path) -> None:
    """A named pipe where a file is expected: refused without ever opening it (which would hang)."""
    fifo = tmp_path / "ong_dan.txt"
    os.mkfifo(fifo)
    refused(office, "import", str(fifo), words=("ong_dan.txt", "không phải tệp thông thường"))


# ---------------------------------------------------------------- a folder of mixed files


@needs_parser
def test_folder_of_mixed_files(office: Cli, tmp_path: Path) -> None:
    """Good files go in, each bad one is reported with its reason, the exit code says it failed;
    the good files are stored exactly as a dry run of them alone announced."""
    folder = tmp_path / "hop_thu"
    (folder / "con").mkdir(parents=True)
    good = [folder / "cv_512.txt", folder / "con" / "mau.txt"]
    good[0].write_text(DIRECTIVE.format(first="hoàn thành trước ngày 30/01/2021"), encoding="utf-8")
    shutil.copyfile(_sample(), good[1])
    (folder / "rong.txt").write_bytes(b"")
    (folder / "anh.pdf").write_bytes(_scanned_pdf())
    (folder / "con" / "hong.docx").write_bytes(_docx_bytes(["1. Sở Y tế chủ trì."])[:700])
    (folder / "bang.xlsx").write_bytes(b"PK\x03\x04 not imported: not a directive type")

    good_dir = tmp_path / "chi_tep_tot"
    good_dir.mkdir()
    for path in good:
        shutil.copyfile(path, good_dir / path.name)
    import json

    dry = office.run("import", "--dry-run", "--json", str(good_dir))
    assert dry.returncode == 0, output(dry)
    planned = json.loads(dry.stdout)["summary"]
    assert planned["directives_new"] >= 2 and planned["tasks"] > 0
    before = count_rows(office.db_url, "directive", "item", "task", "task_event", "import_batch")

    done = office.run("import", str(folder))
    text = output(done)
    assert done.returncode == 1, text
    assert "Traceback" not in text
    for name, words in (("rong.txt", "rỗng"), ("anh.pdf", "bản quét"), ("hong.docx", "bị hỏng")):
        line = next((line for line in text.splitlines() if name in line), "")
        assert words in line and line.startswith("Lỗi"), (name, text)
    assert "bang.xlsx" not in text  # not a directive file type: not even looked at
    after = count_rows(office.db_url, "directive", "item", "task", "task_event", "import_batch")
    assert after["directive"] - before["directive"] == planned["directives_new"]
    assert after["item"] - before["item"] == planned["items"]
    assert after["task"] - before["task"] == planned["tasks"]
    assert after["task_event"] - before["task_event"] == planned["tasks"]
    assert after["import_batch"] - before["import_batch"] == 2
    sources = {row[-1] for row in _directive_sources(office.db_url)}
    assert {"cv_512.txt", "mau.txt"} <= sources and not sources & {"rong.txt", "anh.pdf", "hong.docx"}


def _directive_sources(url: str) -> list[tuple[Any, ...]]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return list(conn.execute(text("SELECT id, source_file FROM directive ORDER BY id")).all())
    finally:
        engine.dispose()


# ---------------------------------------------------------------- odd but valid input


@needs_parser
def test_file_already_imported(office: Cli, tmp_path: Path) -> None:
    """Importing the same file again is not an error: it says so, exit 0, nothing changes."""
    sample = tmp_path / "mau.txt"
    shutil.copyfile(_sample(), sample)
    first = office.run("import", str(sample))
    assert first.returncode == 0, output(first)
    before = fingerprint(office.db_url)
    again = office.run("import", str(sample))
    assert again.returncode == 0, output(again)
    assert "đã được nhập trước đây" in again.stdout and "không thay đổi" in again.stdout, output(again)
    assert_unchanged(office.db_url, before)
    copy = tmp_path / "ban_sao.txt"  # same directive under another file name: recognised by its text
    shutil.copyfile(_sample(), copy)
    again = office.run("import", str(copy))
    assert again.returncode == 0, output(again)
    assert "đã được nhập trước đây" in again.stdout, output(again)
    assert_unchanged(office.db_url, before)


@needs_parser
def test_impossible_date_in_a_directive(office: Cli, tmp_path: Path) -> None:
    """31/02/2021: the directive goes in, the problem is reported, the item gets no made-up
    deadline (not 28/02, not 03/03), nothing crashes."""
    path = tmp_path / "ngay_sai.txt"
    path.write_text(DIRECTIVE.format(first="hoàn thành trước ngày 31/02/2021"), encoding="utf-8")
    before = count_rows(office.db_url, "directive", "task")
    done = office.run("import", str(path))
    text = output(done)
    assert done.returncode == 0, text
    assert "Traceback" not in text
    assert "chỗ cần kiểm tra" in text, text  # the parse problem is reported
    after = count_rows(office.db_url, "directive", "task")
    assert after["directive"] == before["directive"] + 1
    tasks = {row[0]: row for row in _tasks_of(office.db_url, "512-CV/TU")}
    assert tasks, "the directive's tasks are stored"
    deadlines = {ref: deadline for ref, deadline in tasks.values()}
    assert str(deadlines.get("1")) not in ("2021-02-28", "2021-03-03", "2021-03-02")
    assert deadlines.get("1") is None
    assert str(deadlines.get("2")) == "2021-03-15"


def _tasks_of(url: str, number: str) -> list[tuple[Any, ...]]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return list(conn.execute(text(
                "SELECT item.ref, task.current_deadline FROM task JOIN item ON item.id = task.item_id "
                "JOIN directive ON directive.id = task.directive_id WHERE directive.number = :n ORDER BY task.id"),
                {"n": number}).all())
    finally:
        engine.dispose()


# ---------------------------------------------------------------- body names


def test_body_name_of_5000_characters_typed(office: Cli) -> None:
    refused(office, "bodies", "add", "Sở " + "Y tế và Dân số " * 333 + "X" * 5, words=("quá dài", "tối đa 300"),
            code=2)


@needs_parser
def test_body_name_of_5000_characters_in_a_document(office: Cli, tmp_path: Path) -> None:
    """A 'body' of 5,000 characters in an item: the directive goes in, no such body is made and no
    task points at one (PostgreSQL would refuse a name over 300 characters), and the clerk is told
    there is something to check (the item was left without its body)."""
    long_name = ("Sở " + "Kế hoạch và Đầu tư " * 270)[:4999] + "X"
    assert len(long_name) == 5000
    path = tmp_path / "ten_dai.txt"
    path.write_text(DIRECTIVE.format(first="hoàn thành trước ngày 30/01/2021").replace(
        "2. Sở Tài chính", f"2. {long_name}"), encoding="utf-8")
    done = office.run("import", str(path))
    text = output(done)
    assert "Traceback" not in text, text
    assert done.returncode == 0, text
    assert "1 chỗ cần kiểm tra" in text, text
    bodies = table_dump(office.db_url)["body"]
    name_column = 1
    assert max(len(row[name_column]) for row in bodies) <= 300
    assert _tasks_of(office.db_url, "512-CV/TU"), "the directive's other tasks are stored"


# ---------------------------------------------------------------- SQL in search boxes and names


def test_sql_in_the_task_search(office: Cli) -> None:
    """The search text is data: it finds the one task whose text holds it, drops nothing."""
    before = fingerprint(office.db_url)
    done = office.run("tasks", "--search", SQL_SEARCH, "--format", "json")
    assert done.returncode == 0, output(done)
    import json

    found = json.loads(done.stdout)["tasks"]
    assert len(found) == 1 and SQL_SEARCH in found[0]["action"], found
    assert_unchanged(office.db_url, before)
    nothing = office.run("tasks", "--search", "' OR '1'='1")
    assert nothing.returncode == 0, output(nothing)
    assert "Không có nhiệm vụ nào khớp" in nothing.stdout, output(nothing)
    assert_unchanged(office.db_url, before)


def test_sql_in_a_body_name(office: Cli) -> None:
    """A body named with SQL is stored as typed; every table is still there with its rows."""
    before = table_dump(office.db_url)
    added = office.run("bodies", "add", SQL_BODY)
    assert added.returncode == 0, output(added)
    assert "Đã thêm cơ quan" in added.stdout and SQL_BODY in added.stdout
    after = table_dump(office.db_url)
    assert set(after) == set(before)
    assert len(after["body"]) == len(before["body"]) + 1
    assert SQL_BODY in [row[1] for row in after["body"]]
    for name in set(before) - {"body"}:
        assert after[name] == before[name], name
    found = office.run("bodies", "find", "Robert'); DROP")
    assert found.returncode == 0 and SQL_BODY in found.stdout, output(found)
    unchanged = fingerprint(office.db_url)
    refused(office, "bodies", "add", SQL_BODY.lower(), words=("đã dùng cho cơ quan", SQL_BODY))
    assert_unchanged(office.db_url, unchanged)


def test_sql_in_the_history_filter(office: Cli) -> None:
    before = fingerprint(office.db_url)
    done = office.run("history", "--user", SQL_SEARCH)
    assert done.returncode in (0, 3), output(done)
    assert "Traceback" not in output(done)
    assert_unchanged(office.db_url, before)


def test_the_fingerprint_sees_one_changed_row(office: Cli) -> None:
    """The 'database as before' check is not blind: one note on one task is caught (on SQLite
    before any checkpoint, i.e. by the bytes in the write-ahead log)."""
    from reliability_helpers import settings_for

    from tracker.services import tasks
    from tracker.services.context import open_context

    before = fingerprint(office.db_url)
    ctx = open_context(settings_for(office.db_url), prepare=False)
    try:
        tasks.add_note(ctx, 1, "một ghi chú")
    finally:
        ctx.close()
    with pytest.raises(AssertionError):
        assert_unchanged(office.db_url, before)
