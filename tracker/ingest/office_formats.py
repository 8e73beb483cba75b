"""Text out of .docx (paragraphs and tables in document order) and .pdf (the text layer)."""

from __future__ import annotations

import io
import zipfile

from tracker.domain.errors import InputError

# A page with fewer characters than this is taken for an image (a scan).
MIN_TEXT_CHARS_PER_PAGE = 20
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _paragraph_text(element: object) -> str:
    parts: list[str] = []
    for node in element.iter():  # type: ignore[attr-defined]
        if node.tag == _W + "t" and node.text:
            parts.append(node.text)
        elif node.tag in (_W + "tab",):
            parts.append("\t")
        elif node.tag in (_W + "br", _W + "cr"):
            parts.append("\n")
    return "".join(parts)


def docx_text(data: bytes) -> str:
    """Paragraphs and table rows in document order; a table row's cells joined by " | "."""
    try:
        import docx  # python-docx

        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InputError("ingest.bad_docx", detail=type(exc).__name__) from None
    except Exception as exc:  # lxml errors inside a damaged package
        raise InputError("ingest.bad_docx", detail=type(exc).__name__) from None
    lines: list[str] = []
    for block in document.element.body.iterchildren():
        if block.tag == _W + "p":
            lines.append(_paragraph_text(block))
        elif block.tag == _W + "tbl":
            for row in block.iter(_W + "tr"):
                cells = []
                for cell in row.iter(_W + "tc"):
                    paragraphs = [_paragraph_text(p) for p in cell.iter(_W + "p")]
                    cells.append("\n".join(p for p in paragraphs if p.strip()))
                lines.append(" | ".join(cells) + " |")
            lines.append("")
    return "\n".join(lines)


def pdf_text(data: bytes) -> str:
    """The text layer, page by page. A PDF without one (a scan) is refused: it needs OCR first."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError

        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception:
                raise InputError("ingest.pdf_encrypted") from None
        pages = [(page.extract_text() or "") for page in reader.pages]
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, OSError, TypeError) as exc:
        raise InputError("ingest.bad_pdf", detail=type(exc).__name__) from None
    except Exception as exc:
        raise InputError("ingest.bad_pdf", detail=type(exc).__name__) from None
    if not pages or sum(len(p.strip()) for p in pages) < MIN_TEXT_CHARS_PER_PAGE * len(pages):
        raise InputError("ingest.pdf_needs_ocr", pages=len(pages))
    return "\n\n".join(pages)
