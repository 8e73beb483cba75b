"""A real SQLite database behind the real services for the pilot tests.

Until the parser (tracker.parsing.extract) lands, files are "extracted" by a small stand-in that
turns the sample lines below into parser output; once it exists the real one is used."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from tracker.config import Settings
from tracker.db.engine import make_engine, make_session_factory
from tracker.db.models import Base
from tracker.domain.enums import DocumentType, TaskRole
from tracker.domain.parsed import (
    DeadlineHint,
    ExtractionResult,
    ParsedDocument,
    ParsedItem,
    ResponsibleBody,
    SourceText,
)
from tracker.services.context import ServiceContext

TODAY = date(2021, 7, 20)

# number, issue date, [(ref, text, lead, cooperating, deadline)]
DIRECTIVES = [
    ("230-CV/TU", date(2021, 7, 4), [
        ("1", "Tăng cường công tác phòng, chống dịch COVID-19 tại các cơ sở y tế", "Sở Y tế", ["Công an tỉnh"],
         date(2021, 7, 11)),
        ("2", "Triển khai tiêm vắc-xin cho người lao động tại các khu công nghiệp", "Sở Y tế", [],
         date(2021, 7, 22)),
        ("3", "Rà soát kế hoạch năm học mới trong điều kiện dịch bệnh", "Sở Giáo dục và Đào tạo", [],
         date(2021, 8, 15)),
    ]),
    ("231-CV/TU", date(2021, 7, 10), [
        ("1", "Bảo đảm an ninh trật tự tại các chốt kiểm soát dịch", "Công an tỉnh", [], date(2021, 7, 30)),
        ("2", "Tuyên truyền các biện pháp phòng dịch trên báo, đài", "Ban Tuyên giáo Tỉnh ủy", ["Sở Y Tế"],
         None),
    ]),
]


def make_extraction(name: str, directives: list = DIRECTIVES) -> ExtractionResult:  # type: ignore[type-arg]
    documents = []
    for number, issued, items in directives:
        lines = [f"Số {number}", "V/v phòng, chống dịch"]
        parsed = []
        for ref, text, lead, cooperating, due in items:
            lines.append(f"{ref}. {text}")
            bodies = (ResponsibleBody(lead, TaskRole.LEAD, lead, False),) + tuple(
                ResponsibleBody(b, TaskRole.COOPERATING, b, False) for b in cooperating)
            hint = DeadlineHint(f"trước ngày {due:%d/%m/%Y}" if due else None, due, None, None, None)
            parsed.append(ParsedItem(ref, text, bodies, hint, len(lines), len(lines)))
        text = "\n".join(lines)
        documents.append(ParsedDocument(
            number=number, issuer="Tỉnh ủy Tây Ninh", doc_type=DocumentType.CONG_VAN, place="Tây Ninh",
            issue_date=issued, subject="V/v phòng, chống dịch COVID-19", signer="Nguyễn Văn A",
            signing_authority="T/M BAN THƯỜNG VỤ", signer_title="PHÓ BÍ THƯ", monitor="Văn phòng Tỉnh ủy",
            recipients=(), cited=(), items=tuple(parsed), headings=(), text=text, line_offset=0))
    raw = "\n\n".join(d.text for d in documents).encode()
    source = SourceText(name=name, text=raw.decode(), encoding="utf-8", file_sha256=hashlib.sha256(raw).hexdigest())
    return ExtractionResult(source=source, documents=tuple(documents), issues=())


def stand_in_extractor(path: Path) -> ExtractionResult:
    """The sample file's directives, or (for any other file) one new directive named after it."""
    if path.name.startswith("new-"):
        return make_extraction(path.name, [("99-CV/TU", date(2021, 7, 15), [
            ("1", "Kiểm tra công tác chuyển đổi số tại các sở", "Sở Thông tin và Truyền thông", [],
             date(2021, 8, 1)),
            ("2", "Báo cáo kết quả chuyển đổi số", "Sở Thông tin và Truyền thông", [], date(2021, 8, 10)),
            ("3", "Đánh giá, tổng kết", "Trung tâm Chuyển đổi số tỉnh", [], None),
        ])])
    return make_extraction(path.name)


def extractor():  # type: ignore[no-untyped-def]
    try:
        from tracker.parsing.extract import extract  # noqa: F401
    except ImportError:
        return stand_in_extractor
    from tracker.services.importing import extract_file

    return extract_file


def open_world(tmp: Path, user: str = "vanphong", today: date = TODAY) -> ServiceContext:
    db_url = f"sqlite:///{tmp / 'tracker.db'}"
    engine = make_engine(db_url)
    Base.metadata.create_all(engine)
    settings = Settings(db_url=db_url, today=today, user=user, lang="vi", today_is_fixed=True)
    return ServiceContext(settings=settings, engine=engine, sessions=make_session_factory(engine))


def seed(ctx: ServiceContext, tmp: Path) -> None:
    """Import the sample directives through the import service."""
    from tracker.services.importing import import_paths

    sample = tmp / "mau.txt"
    sample.write_text("\n".join(d[0] for d in DIRECTIVES), encoding="utf-8")
    report = import_paths(ctx, [sample], extractor=stand_in_extractor)
    assert report.ok and report.tasks > 0, report
