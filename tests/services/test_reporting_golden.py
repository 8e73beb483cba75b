"""Golden files pin the Markdown, CSV and JSON of the week-29 report of the scripted office
(tests/services/report_world.py), on SQLite and PostgreSQL alike (the same bytes).

Regenerate them on purpose after a deliberate change of the report:
    TRACKER_UPDATE_GOLDEN=1 .venv/bin/pytest tests/services/test_reporting_golden.py
and review the diff before committing it.
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

import pytest
from report_world import after_cutoff, at_day, build_world, d

from tracker.reports import export
from tracker.services.context import ServiceContext
from tracker.services.reporting import build_report, week_period

GOLDEN = Path(__file__).with_name("golden")
UPDATE = os.environ.get("TRACKER_UPDATE_GOLDEN") == "1"
PRODUCED_AT = datetime(2021, 7, 26, 9, 0)  # noqa: DTZ001 - naive local, as stored


def _check(name: str, content: bytes) -> None:
    path = GOLDEN / name
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        path.write_bytes(content)
    assert path.exists(), f"{path} is missing: run with TRACKER_UPDATE_GOLDEN=1"
    assert content.decode("utf-8-sig") == path.read_bytes().decode("utf-8-sig"), name
    assert content == path.read_bytes(), name


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_week_29_report_matches_the_golden_files(ctx: ServiceContext, lang: str) -> None:
    world = build_world(ctx)
    after_cutoff(ctx, world)  # later events change nothing in the week-29 report
    data = build_report(at_day(ctx, d(28)), week_period("2021-W29"), produced_at=PRODUCED_AT)
    for fmt, suffix in (("md", "md"), ("csv", "csv"), ("json", "json")):
        _check(f"report_w29.{lang}.{suffix}", export(data, fmt, lang=lang))
    figures = json.loads((GOLDEN / f"report_w29.{lang}.json").read_text(encoding="utf-8"))
    assert figures["overall"]["total"] == 8 and figures["summary"]["overdue"] == 2
