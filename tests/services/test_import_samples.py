"""The real sample documents through the real parser into the database (both backends): counts
derived from the extraction, and a second import that changes nothing."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from import_helpers import counts
from sqlalchemy import func, select

from tracker.db.models import Item, Task
from tracker.services.context import ServiceContext
from tracker.services.import_preview import FILE_ALREADY_IMPORTED
from tracker.services.importing import extract_file, import_paths


def _present(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


pytestmark = pytest.mark.skipif(not (_present("tracker.parsing.extract") and _present("tracker.ingest")),
                                reason="the parser has not landed yet")

SAMPLES = Path(__file__).resolve().parents[2] / "sample_docs"


def test_sample_docs_go_in_once(ctx: ServiceContext) -> None:
    files = sorted(SAMPLES.glob("*.txt"))
    extractions = [extract_file(path) for path in files]
    documents = [doc for result in extractions for doc in result.documents]
    leaves = sum(len(doc.items) for doc in documents)

    report = import_paths(ctx, [SAMPLES])
    assert report.ok, [f.message("en") for f in report.failed]
    assert report.directives_new == len(documents) and report.directives_existing == 0
    stored = counts(ctx)
    assert stored["directive"] == len(documents)
    assert stored["import_batch"] == len(files)
    assert stored["task"] == report.tasks == stored["task_event"]
    with ctx.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Item).where(Item.is_leaf.is_(True))) == leaves
    # one task per (leaf, body): every leaf naming a body has at least one (more for several bodies
    # or a group of the directory expanded into its members), a leaf naming none has none
    with_body = sum(1 for doc in documents for leaf in doc.items if leaf.bodies)
    most = sum(len(leaf.bodies) for doc in documents for leaf in doc.items)
    assert with_body > 0 and report.tasks >= with_body
    with ctx.sessions() as session:
        leaves_with_tasks = session.scalar(select(func.count(func.distinct(Task.item_id))))
    assert leaves_with_tasks == with_body
    assert most > 0

    again = import_paths(ctx, [SAMPLES])
    assert counts(ctx) == stored
    assert [f.status for f in again.files] == [FILE_ALREADY_IMPORTED] * len(files)
    assert again.directives_new == 0 and again.tasks == 0
