"""Reading directive files: every format and encoding, and every refusal with its message."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from tracker.domain.errors import InputError
from tracker.i18n import error_text
from tracker.ingest import MAX_FILE_BYTES, decode_source, read_file

SAMPLES = Path(__file__).resolve().parents[2] / "sample_docs"
SAMPLE = SAMPLES / "001_70c689f8585888e1.txt"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
VIETNAMESE = "Ủy ban nhân dân tỉnh yêu cầu Sở Y tế khẩn trương thực hiện; hoàn thành trước ngày 30/5/2021."


_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Encode as Windows-1258 does: base letters precomposed, the tone as a combining mark."""
    import unicodedata

    out = []
    for ch in text:
        try:
            out.append(ch.encode("cp1258"))
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tones = "".join(c for c in parts if c in _TONE_MARKS)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONE_MARKS))
            out.append((base + tones).encode("cp1258"))
    return b"".join(out)


def _refusal(data: bytes, name: str = "x.txt") -> InputError:
    with pytest.raises(InputError) as caught:
        decode_source(name, data)
    return caught.value


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16", b""), ("utf-16-le", b"\xff\xfe"),
     ("utf-16-be", b"\xfe\xff"), ("utf-16-le", b""), ("cp1258", b"")],
)
def test_text_in_each_encoding_reads_as_the_same_nfc_text(encoding: str, prefix: bytes) -> None:
    original = SAMPLE.read_text(encoding="utf-8")
    data = prefix + (to_cp1258(original) if encoding == "cp1258" else original.encode(encoding))
    source = decode_source("sample.txt", data)
    assert source.text == original.replace("\r\n", "\n")
    assert "Ban Thường vụ Tỉnh ủy yêu cầu" in source.text


def test_windows_1258_combining_tones_become_precomposed() -> None:
    # Windows-1258 writes "ủ" as "u" + combining hook: NFC puts it back together.
    data = to_cp1258("Tỉnh ủy Tây Ninh")
    assert len(data) == len("Tỉnh ủy Tây Ninh") + 2  # two tone marks written apart
    source = decode_source("x.txt", data)
    assert source.text == "Tỉnh ủy Tây Ninh"
    assert source.encoding == "cp1258"


def test_crlf_line_ends_and_hash_of_raw_bytes() -> None:
    data = "Dòng một\r\nDòng hai\r\n".encode()
    source = decode_source("x.txt", data)
    assert source.text == "Dòng một\nDòng hai\n"
    import hashlib

    assert source.file_sha256 == hashlib.sha256(data).hexdigest()


def test_docx_paragraphs_and_tables_in_document_order(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("TỈNH ỦY TÂY NINH")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Số: 08/CT-CTUBND"
    table.cell(0, 1).text = "Vĩnh Phúc, ngày 21 tháng 5 năm 2021"
    document.add_paragraph("1. Sở Y tế chuẩn bị phương án.")
    path = tmp_path / "chi_thi.docx"
    document.save(path)
    source = read_file(path)
    assert source.encoding == "docx"
    lines = [line for line in source.text.splitlines() if line.strip()]
    assert lines == ["TỈNH ỦY TÂY NINH", "Số: 08/CT-CTUBND | Vĩnh Phúc, ngày 21 tháng 5 năm 2021 |",
                     "1. Sở Y tế chuẩn bị phương án."]


def _pdf_with_text(text: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=12)
    pdf.multi_cell(0, 8, text)
    return bytes(pdf.output())


@pytest.mark.skipif(not FONT.exists(), reason="DejaVuSans.ttf (Debian fonts-dejavu-core) not installed")
def test_pdf_text_layer_is_read() -> None:
    source = decode_source("cv.pdf", _pdf_with_text(VIETNAMESE))
    assert source.encoding == "pdf"
    assert "Sở Y tế khẩn trương" in " ".join(source.text.split())


def test_scanned_pdf_without_text_needs_ocr() -> None:
    from fpdf import FPDF
    from PIL import Image  # fpdf2 depends on Pillow

    image = Image.new("RGB", (200, 100), "white")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    pdf = FPDF()
    pdf.add_page()
    pdf.image(io.BytesIO(buffer.getvalue()), x=10, y=10, w=100)
    err = _refusal(bytes(pdf.output()), "scan.pdf")
    assert err.code == "ingest.pdf_needs_ocr"
    assert "OCR" in error_text(err, "vi") and "nhận dạng chữ" in error_text(err, "vi")


@pytest.mark.parametrize(
    ("data", "name", "code"),
    [
        (b"", "empty.txt", "ingest.empty"),
        (b"   \n\n  ", "blank.txt", "ingest.empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "anh.txt", "ingest.image"),
        (b"\x00\x01\x02\x03binary\x00\xff" * 100, "data.txt", "ingest.binary"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "cu.doc", "ingest.legacy_doc"),
        (b"not really a pdf", "x.pdf", "ingest.bad_pdf"),
        (b"%PDF-1.4 truncated", "x.pdf", "ingest.bad_pdf"),
    ],
)
def test_bad_bytes_are_refused_with_a_clear_message(data: bytes, name: str, code: str) -> None:
    err = _refusal(data, name)
    assert err.code == code
    assert error_text(err, "vi") != code and error_text(err, "en") != code


def test_truncated_docx_is_refused(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("1. Sở Y tế chuẩn bị phương án.")
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()[: len(buffer.getvalue()) // 2]
    err = _refusal(data, "hong.docx")
    assert err.code == "ingest.bad_docx"
    assert "bị hỏng" in error_text(err, "vi")


def test_zip_that_is_not_word_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "hello")
    assert _refusal(buffer.getvalue(), "a.zip").code == "ingest.unsupported"


def test_too_large_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(InputError) as caught:
        read_file(path)
    assert caught.value.code == "ingest.too_large"
    assert "quá lớn" in error_text(caught.value, "vi")


def test_missing_path_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError) as missing:
        read_file(tmp_path / "khong_co.txt")
    assert missing.value.code == "ingest.missing"
    with pytest.raises(InputError) as folder:
        read_file(tmp_path)
    assert folder.value.code == "ingest.is_directory"


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_every_sample_reads_as_utf8(sample: Path) -> None:
    source = read_file(sample)
    assert source.encoding == "utf-8"
    assert source.text.strip()
    assert source.name == sample.name
