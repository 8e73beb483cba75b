"""A directive file to ``SourceText``: the format from the content (not only the name), then text."""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

from tracker.domain.errors import InputError
from tracker.domain.parsed import SourceText
from tracker.ingest.office_formats import docx_text, pdf_text
from tracker.ingest.text_decoding import decode_text

SUPPORTED_SUFFIXES = (".txt", ".docx", ".pdf", ".md", ".text")
# A directive is a few pages: anything larger is not one (and would only slow the office PC down).
MAX_FILE_BYTES = 10 * 1024 * 1024

_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*", b"BM")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc / .xls


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    return unicodedata.normalize("NFC", text)


def decode_source(name: str, data: bytes) -> SourceText:
    """Pure: the bytes of a file named ``name`` to NFC text with "\\n" line ends."""
    if not data.strip():
        raise InputError("ingest.empty", name=name)
    if len(data) > MAX_FILE_BYTES:
        raise InputError("ingest.too_large", name=name, size_mb=round(len(data) / 1048576, 1),
                         limit_mb=MAX_FILE_BYTES // 1048576)
    digest = hashlib.sha256(data).hexdigest()
    suffix = Path(name).suffix.lower()
    if data.startswith(b"%PDF"):
        text, encoding = pdf_text(data), "pdf"
    elif data.startswith(b"PK\x03\x04"):
        if suffix not in (".docx", ".docm", "") and b"word/" not in data[:4096]:
            raise InputError("ingest.unsupported", name=name)
        text, encoding = docx_text(data), "docx"
    elif data.startswith(_OLE_MAGIC):
        raise InputError("ingest.legacy_doc", name=name)
    elif data.startswith(_IMAGE_MAGIC):
        raise InputError("ingest.image", name=name)
    elif suffix in (".pdf", ".docx"):
        raise InputError("ingest.bad_pdf" if suffix == ".pdf" else "ingest.bad_docx", detail=name)
    else:
        text, encoding = decode_text(data)
    text = _clean(text)
    if not text.strip():
        raise InputError("ingest.empty", name=name)
    return SourceText(name=name, text=text, encoding=encoding, file_sha256=digest)


def read_file(path: Path | str) -> SourceText:
    """Read one file; every refusal is an InputError with a clear message."""
    path = Path(path)
    if not path.exists():
        raise InputError("ingest.missing", path=str(path))
    if path.is_dir():
        raise InputError("ingest.is_directory", path=str(path))
    if not path.is_file():
        raise InputError("ingest.not_regular", path=str(path))
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError("ingest.too_large", name=path.name, size_mb=round(size / 1048576, 1),
                             limit_mb=MAX_FILE_BYTES // 1048576)
        data = path.read_bytes()
    except PermissionError:
        raise InputError("ingest.unreadable", path=str(path)) from None
    except OSError as exc:
        raise InputError("ingest.unreadable_detail", path=str(path), detail=exc.strerror or str(exc)) from None
    return decode_source(path.name, data)
