"""Word refuses a document whose property elements are out of the schema's order (LibreOffice and
python-docx do not care): check the order of every w:pPr, w:rPr, w:tcPr and w:tblPr child."""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree
from report_samples import LETTERHEAD, quiet_week, urge_letter, week_report

from tracker.reports import export, export_urge_letter

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ORDER = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr "
           "shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN "
           "bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc "
           "textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof "
           "snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd "
           "fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign hideMark",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
             "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription",
}
RANK = {parent: {name: i for i, name in enumerate(names.split())} for parent, names in ORDER.items()}


def documents() -> dict[str, bytes]:
    return {
        "state": export(week_report(), "docx", letterhead=LETTERHEAD, lang="vi"),
        "party": export(week_report(), "docx", style="party", letterhead=LETTERHEAD, lang="en"),
        "quiet": export(quiet_week(), "docx", letterhead=LETTERHEAD, lang="vi"),
        "letter": export_urge_letter(urge_letter(), letterhead=LETTERHEAD, lang="vi"),
    }


@pytest.mark.parametrize(("name", "content"), sorted(documents().items()))
def test_property_elements_in_schema_order(name: str, content: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        parts = [p for p in package.namelist() if p.startswith("word/") and p.endswith(".xml")
                 and ("document" in p or "header" in p)]
        checked = 0
        for part in parts:
            root = etree.fromstring(package.read(part))
            for parent, rank in RANK.items():
                for element in root.iter(f"{W}{parent}"):
                    names = [etree.QName(child).localname for child in element]
                    positions = [rank.get(n, -1) for n in names]
                    assert -1 not in positions, (name, part, parent, names)
                    assert positions == sorted(positions), (name, part, parent, names)
                    checked += 1
    assert checked > 50
