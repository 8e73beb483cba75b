"""Each sample directive's extraction, pinned. A change shows as a readable JSON diff.

Regenerate on purpose with ``TRACKER_UPDATE_GOLDEN=1 pytest tests/parsing/test_golden.py`` and
review the diff before committing it."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import pytest

from tracker.domain.parsed import ExtractionResult, ParsedItem, SourceText
from tracker.parsing.extract import extract

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "sample_docs").glob("*.txt"))
GOLDEN = Path(__file__).resolve().parent / "golden"


def _item(item: ParsedItem) -> dict[str, Any]:
    hint = item.deadline
    return {
        "ref": item.ref,
        "starts_with": " ".join(item.text.split()[:8]),
        "bodies": [[b.name, b.role.value, b.known] for b in item.bodies],
        "deadline": hint.due.isoformat() if hint.due else None,
        "deadline_text": hint.raw,
        "recurrence": hint.recurrence.value if hint.recurrence else None,
        "rrule": hint.rrule,
        "urgency": hint.urgency.value if hint.urgency else None,
        "lines": [item.line_start, item.line_end],
        "parent_ref": item.parent_ref,
    }


def as_golden(result: ExtractionResult) -> dict[str, Any]:
    return {
        "file": result.source.name,
        "documents": [{
            "number": d.number, "issuer": d.issuer, "doc_type": d.doc_type.value, "place": d.place,
            "date": d.issue_date.isoformat() if d.issue_date else None, "subject": d.subject,
            "signer": d.signer, "signing_authority": d.signing_authority, "signer_title": d.signer_title,
            "monitor": d.monitor, "recipients": list(d.recipients),
            "cited": [[c.kind, c.number, c.date.isoformat() if c.date else None, c.issuer] for c in d.cited],
            "headings": [h.ref for h in d.headings],
            "items": [_item(i) for i in d.items],
            "issues": [[i.line, i.code, i.detail] for i in d.issues],
            "line_offset": d.line_offset,
        } for d in result.documents],
        "issues": [[i.line, i.code, i.detail] for i in result.issues],
    }


def _source(path: Path) -> SourceText:
    data = path.read_bytes()
    return SourceText(path.name, data.decode("utf-8"), "utf-8", hashlib.sha256(data).hexdigest())


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_sample_extraction_is_stable(path: Path) -> None:
    got = as_golden(extract(_source(path)))
    golden = GOLDEN / f"{path.stem}.json"
    if os.environ.get("TRACKER_UPDATE_GOLDEN") == "1" or not golden.exists():
        golden.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        if os.environ.get("TRACKER_UPDATE_GOLDEN") != "1":
            pytest.fail(f"golden file {golden.name} was missing and has been written; review and commit it")
    assert got == json.loads(golden.read_text(encoding="utf-8"))


def test_samples_meet_the_gold_annotations() -> None:
    """The shared gold (../shared/gold) agrees on every item ref and document number of the samples."""
    gold_dir = ROOT.parent / "shared" / "gold"
    if not gold_dir.exists():
        pytest.skip("shared gold annotations not present")
    for path in SAMPLES:
        gold = json.loads((gold_dir / f"{path.stem}.json").read_text(encoding="utf-8"))
        result = extract(_source(path))
        assert [d.number for d in result.documents] == [d["number"] for d in gold["documents"]]
        for doc, gold_doc in zip(result.documents, gold["documents"], strict=True):
            assert [i.ref for i in doc.items] == [i["ref"] for i in gold_doc["items"]]
            assert doc.issue_date is None if gold_doc["date"] is None else doc.issue_date.isoformat() == gold_doc["date"]
