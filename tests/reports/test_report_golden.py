"""Golden files pin the Markdown, CSV and JSON exports byte for byte.

Regenerate on purpose with ``TRACKER_UPDATE_GOLDEN=1 pytest tests/reports`` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from report_samples import LETTERHEAD, filtered_week, quiet_week, week_report

from tracker.reports import export

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("TRACKER_UPDATE_GOLDEN") == "1"

CASES = {
    "week30_vi.md": (week_report, "md", "vi"),
    "week30_vi.csv": (week_report, "csv", "vi"),
    "week30.json": (week_report, "json", "vi"),
    "week30_en.md": (week_report, "md", "en"),
    "week30_en.csv": (week_report, "csv", "en"),
    "quiet_vi.md": (quiet_week, "md", "vi"),
    "quiet_vi.csv": (quiet_week, "csv", "vi"),
    "quiet.json": (quiet_week, "json", "vi"),
    "filtered_vi.md": (filtered_week, "md", "vi"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_export_matches_golden_file(name: str) -> None:
    build, fmt, lang = CASES[name]
    produced = export(build(), fmt, letterhead=LETTERHEAD, lang=lang)
    path = GOLDEN / name
    if UPDATE or not path.exists():
        if not UPDATE:
            pytest.fail(f"missing golden file {path}; run with TRACKER_UPDATE_GOLDEN=1 to write it")
        path.write_bytes(produced)
    assert produced == path.read_bytes(), f"{name} changed; if on purpose, regenerate with TRACKER_UPDATE_GOLDEN=1"


def test_json_ignores_the_label_language() -> None:
    data = week_report()
    assert export(data, "json", lang="vi") == export(data, "json", lang="en")
