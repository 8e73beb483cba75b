"""``tracker extract [--json] FILE...``: what the parser finds in directive files; nothing is stored."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from tracker.cli.base import TCommand, TOption, pass_settings
from tracker.domain.enums import TaskRole
from tracker.domain.errors import InputError, TrackerError
from tracker.domain.parsed import ExtractionResult, ParsedDocument, ParsedItem, ParseIssue
from tracker.i18n import error_text, t


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def item_json(item: ParsedItem) -> dict[str, Any]:
    leads = [b.name for b in item.bodies if b.role == TaskRole.LEAD]
    hint = item.deadline
    return {
        "ref": item.ref,
        "text": item.text,
        "bodies": [b.name for b in item.bodies],
        "lead": leads[0] if leads else (item.bodies[0].name if item.bodies else None),
        "cooperating": [b.name for b in item.bodies if b.role == TaskRole.COOPERATING],
        "new_bodies": [b.name for b in item.bodies if not b.known],
        "deadline": _iso(hint.due),
        "deadline_text": hint.raw,
        "recurrence": hint.recurrence.value if hint.recurrence else None,
        "rrule": hint.rrule,
        "urgency": hint.urgency.value if hint.urgency else None,
        "line_start": item.line_start,
        "line_end": item.line_end,
    }


def issue_json(issue: ParseIssue, lang: str) -> dict[str, Any]:
    return {"line": issue.line, "code": issue.code, "message": t(issue.code, lang, detail=issue.detail),
            "detail": issue.detail}


def document_json(doc: ParsedDocument, lang: str) -> dict[str, Any]:
    return {
        "number": doc.number,
        "issuer": doc.issuer,
        "doc_type": doc.doc_type.value,
        "place": doc.place,
        "date": _iso(doc.issue_date),
        "subject": doc.subject,
        "signer": doc.signer,
        "signing_authority": doc.signing_authority,
        "signer_title": doc.signer_title,
        "monitor": doc.monitor,
        "recipients": list(doc.recipients),
        "cited": [{"kind": c.kind, "number": c.number, "date": _iso(c.date), "issuer": c.issuer, "raw": c.raw}
                  for c in doc.cited],
        "items": [item_json(item) for item in doc.items],
        "issues": [issue_json(i, lang) for i in doc.issues],
    }


def result_json(result: ExtractionResult, lang: str) -> dict[str, Any]:
    return {
        "file": result.source.name,
        "encoding": result.source.encoding,
        "documents": [document_json(doc, lang) for doc in result.documents],
        "issues": [issue_json(i, lang) for i in result.issues],
    }


def _render_tree(result: ExtractionResult, lang: str) -> str:
    out = [t("extract.tree.file", lang, name=result.source.name, count=len(result.documents))]
    for index, doc in enumerate(result.documents, 1):
        out.append("")
        out.append(t("extract.tree.document", lang, index=index, kind=t(f"doctype.{doc.doc_type.value}", lang),
                     number=doc.number or "?", date=doc.issue_date.strftime("%d/%m/%Y") if doc.issue_date else "?",
                     issuer=doc.issuer or "?"))
        if doc.subject:
            out.append("  " + t("extract.tree.subject", lang, subject=doc.subject))
        out.append("  " + t("extract.tree.signer", lang, signer=doc.signer or "-", monitor=doc.monitor or "-"))
        for item in doc.items:
            words = item.text.split()
            head = " ".join(words[:14]) + (" ..." if len(words) > 14 else "")
            out.append(f"  [{item.ref}] {head}")
            bodies = ", ".join(
                f"{b.name} ({t('role.' + b.role.value, lang)}{'' if b.known else ', ' + t('extract.tree.new', lang)})"
                for b in item.bodies) or t("extract.tree.nobody", lang)
            out.append("      " + t("extract.tree.bodies", lang, bodies=bodies))
            hint = item.deadline
            extras = []
            if hint.due or hint.raw:
                due = hint.due.strftime("%d/%m/%Y") if hint.due else "?"
                extras.append(t("extract.tree.deadline", lang, due=due, raw=hint.raw or ""))
            if hint.recurrence:
                extras.append(t(f"recurrence.{hint.recurrence.value}", lang))
            if hint.urgency:
                extras.append(t(f"urgency.{hint.urgency.value}", lang))
            if extras:
                out.append("      " + " · ".join(extras))
        for issue in doc.issues:
            out.append("  ! " + t("extract.tree.issue", lang, line=issue.line,
                                    message=t(issue.code, lang, detail=issue.detail)))
    for issue in result.issues:
        out.append("! " + t("extract.tree.issue", lang, line=issue.line, message=t(issue.code, lang, detail=issue.detail)))
    return "\n".join(out)


def extract_file(path: Path) -> ExtractionResult:
    from tracker.ingest import read_file
    from tracker.parsing.extract import extract

    result = extract(read_file(path))
    if not any(doc.items for doc in result.documents):
        raise InputError("extract.no_items", name=path.name)
    return result


@click.command("extract", cls=TCommand, help="cli.extract.help")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, readable=False))
@click.option("--json", "as_json", is_flag=True, cls=TOption, help="cli.extract.opt.json")
@pass_settings
def extract(settings: Any, files: tuple[Path, ...], as_json: bool) -> None:
    lang = settings.lang
    results: list[dict[str, Any]] = []
    failures = 0
    for path in files:
        try:
            result = extract_file(path)
        except TrackerError as err:
            if len(files) == 1:
                raise
            failures += 1
            click.echo(f"{t('error.prefix')}: {path}: {error_text(err)}", err=True)
            continue
        if as_json:
            results.append(result_json(result, lang))
        else:
            click.echo(_render_tree(result, lang))
            click.echo()
    if as_json:
        payload: Any = results[0] if len(files) == 1 else results
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n")
    if failures:
        sys.exit(InputError.exit_code)
