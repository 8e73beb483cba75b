"""A task written as labelled lines ("Cơ quan chủ trì: ...", "Cơ quan phối hợp: ...", "Thời gian
thực hiện: ..."), as plans (Kế hoạch) write them under each task's title: who leads, who
cooperates and by when, read like a task table's columns. Pure: text in, fields out."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from tracker.parsing.rules.structure import FIELD_COOPERATING, FIELD_LEAD, FIELD_TIMING


@dataclass(frozen=True)
class TaskFields:
    lead: str = ""  # the values as written, several lines joined by "; "
    cooperating: str = ""
    timing: str = ""

    @property
    def names_bodies(self) -> bool:
        return bool(self.lead or self.cooperating)


def task_fields(paragraphs: Iterable[str]) -> TaskFields:
    """The labelled fields among an item's paragraphs (empty when it has none)."""
    found: dict[str, list[str]] = {"lead": [], "cooperating": [], "timing": []}
    for paragraph in paragraphs:
        if ":" not in paragraph:
            continue
        for name, rule in (("lead", FIELD_LEAD), ("cooperating", FIELD_COOPERATING), ("timing", FIELD_TIMING)):
            m = rule.match(paragraph)
            if m:
                value = m.group("value").strip().rstrip(".;").strip()
                if name == "lead" and _ROLE_AFTER.search(value):
                    # "Đơn vị thực hiện: Sở X chủ trì; Sở Y, Sở Z phối hợp": the roles said after the names
                    for part in value.split(";"):
                        role = _ROLE_AFTER.search(part)
                        target = "cooperating" if role and role.group(1) != "chủ trì" else "lead"
                        found[target].append(part[:role.start()].strip() if role else part.strip())
                else:
                    found[name].append(value)
                break
    return TaskFields(*("; ".join(v for v in values if v) for values in found.values()))


_ROLE_AFTER = re.compile(r"\s+\(?(chủ trì|phối hợp|phối hợp thực hiện)\)?\s*$")


def is_field(paragraph: str) -> bool:
    """A labelled line of who or when (its words are not the task's own sentence)."""
    return ":" in paragraph and any(rule.match(paragraph) for rule in (FIELD_LEAD, FIELD_COOPERATING, FIELD_TIMING))
