"""Where LibreOffice is installed, the DOCX report converts to a PDF with pages."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from report_samples import LETTERHEAD, urge_letter, week_report

from tracker.reports import export, export_urge_letter

OFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(OFFICE is None, reason="LibreOffice (soffice) is not installed here; the DOCX "
                                            "structure is checked by test_report_docx.py instead")
@pytest.mark.slow
def test_docx_report_and_letter_convert_to_pdf(tmp_path: Path) -> None:
    (tmp_path / "bao-cao.docx").write_bytes(export(week_report(), "docx", letterhead=LETTERHEAD, lang="vi"))
    (tmp_path / "don-doc.docx").write_bytes(export_urge_letter(urge_letter(), letterhead=LETTERHEAD, lang="vi"))
    for name in ("bao-cao", "don-doc"):
        subprocess.run([OFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                        "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / f"{name}.docx")],
                       check=True, capture_output=True, timeout=180)
        reader = PdfReader(tmp_path / f"{name}.pdf")
        assert len(reader.pages) >= 1
        assert "BÁO CÁO" in reader.pages[0].extract_text() or name == "don-doc"
