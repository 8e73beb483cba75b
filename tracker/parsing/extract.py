"""``extract(source) -> ExtractionResult``: the whole parser, pure (no I/O).

normalize -> split into documents -> header and signature -> segment into items -> bodies ->
deadlines (``analyse_timing``). Problems become ``ParseIssue`` values; the parser does not stop at
the first one and never raises on text it cannot make sense of.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from tracker.domain.enums import DocumentType, TaskRole
from tracker.domain.parsed import (
    CitedReference,
    DeadlineHint,
    ExtractionResult,
    ParsedDocument,
    ParsedItem,
    ParseIssue,
    SourceText,
)
from tracker.domain.text import modern_tones
from tracker.parsing.bodies import (
    clause_bodies,
    intro_bodies,
    is_specific,
    mentions_in,
    monitor_body,
    recipient_bodies,
    to_bodies,
)
from tracker.parsing.deadlines import analyse_time_cell, analyse_timing
from tracker.parsing.labelled_fields import is_field, task_fields
from tracker.parsing.normalize import Line, normalize
from tracker.parsing.rules.citations import CITATION
from tracker.parsing.rules.structure import ARTICLE_TASK, CLOSING, FOLLOW_UP, MONITOR
from tracker.parsing.segment import Node, Segmented, introduces, segment
from tracker.parsing.split import parse_header, parse_signature, split_documents
from tracker.parsing.task_table import TableTask, find_task_tables

_MAX_DETAIL = 80


def extract(source: SourceText) -> ExtractionResult:
    normalized = normalize(source.text or "")
    blocks = split_documents(normalized.lines)
    documents: list[ParsedDocument] = []
    issues: list[ParseIssue] = []
    offset = 0
    for block in blocks:
        try:
            doc = parse_document(block, offset)
        except Exception as exc:  # noqa: BLE001 - a bug must not cost the clerk the other documents
            issues.append(ParseIssue(block[0].origin if block else 0, "parse.internal_error",
                                     f"{type(exc).__name__}: {exc}"[:_MAX_DETAIL]))
            doc = None
        offset += len(block)
        if doc is not None:
            documents.append(doc)
    if not documents:
        issues.append(ParseIssue(0, "parse.no_documents", source.name))
    return ExtractionResult(source=source, documents=tuple(documents), issues=tuple(issues))


def _overlong_name(text: str) -> bool:
    """The item opens with a run of capitalised words far longer than any body's name (a damaged
    or pasted text): its bodies fall back to the addressees, and the clerk is told to check."""
    words = text.split(";", 1)[0].split(",", 1)[0].split()[:_LONGEST_NAME_WORDS * 2]
    # names capitalise about every other word; running text hardly any
    return len(words) > _LONGEST_NAME_WORDS and sum(w[:1].isupper() for w in words) * 10 >= len(words) * 3


_LONGEST_NAME_WORDS = 40  # "Ban Chỉ đạo phòng, chống dịch bệnh ở người tỉnh ..." is about 12


def _is_task_sentence(text: str) -> bool:
    """A sentence with an end ("Lựa chọn các tập thể tiêu biểu ...; đề xuất khen thưởng."), not a
    topic line ("Về công tác quy hoạch và cấp phép xây dựng")."""
    own = text.rstrip()
    return bool(own) and own[-1] in ".;!…" and not own.lower().startswith("về ")


_TITLE_WORDS = 8  # a capital title this short; a section title may run longer
_ANNEX = re.compile(r"\b[Pp]hụ lục\b")


def _is_bare_title(node: Node) -> bool:
    """"II. NHIỆM VỤ CỤ THỂ" with nothing under it (its tasks in a table read apart): a section's title in
    capitals, no task."""
    return (not node.children and node.text.isupper() and node.is_section_title  # capitals first: most items fail
            and len(node.text.split()) <= _TITLE_WORDS)


def _introduces_nothing(node: Node) -> bool:
    """"5) Phân công nhiệm vụ cụ thể như sau:" over a task table read apart: it introduces the rows, it is
    no task of its own."""
    return not node.children and not node.continuation and node.text.rstrip().endswith(":")


def _short(text: str) -> str:
    words = text.split()
    return " ".join(words[:12]) + (" ..." if len(words) > 12 else "")


def parse_document(block: list[Line], offset: int) -> ParsedDocument | None:
    header = parse_header(block)
    tables = find_task_tables([line.text for line in block])
    table_rows = tables.rows
    # the tables' lines are their rows' items, not paragraphs of the text
    block_text = [Line("", line.origin) if i in tables.lines else line for i, line in enumerate(block)] if table_rows else block
    # a letter (numbered, with a subject or addressees) without numbered items: its task paragraphs
    seg = segment(block_text, header.body_start,
                  paragraph_tasks=bool(header.number or header.subject or header.recipients))
    leaves = seg.leaves()
    if not leaves and not table_rows and not header.number and not header.subject:
        return None
    signature = parse_signature(block, seg.end)
    issues: list[ParseIssue] = []
    text = "\n".join(line.text for line in block)

    last_intro = seg.intro[-1][1] if seg.intro else ""
    from_intro = intro_bodies(last_intro)
    fallback = from_intro if is_specific(from_intro) else recipient_bodies(header.recipients)

    items: list[ParsedItem] = []
    own_cache: dict[int, tuple[list, list]] = {}
    intro_cache: dict[int, list] = {}

    def own_parts(node: Node) -> tuple[list, list]:
        """The bodies a node's own text names, and those its paragraphs after it name (a heading's
        sentence that introduces its sub-items excepted: see ``section_intro``)."""
        key = id(node)
        if key not in own_cache:
            after = [mention for _, para in node.continuation
                     if not (node.children and introduces(para)) and not is_field(para)
                     for mention in clause_bodies(para)]
            own_cache[key] = (list(clause_bodies(node.text)), after)
        return own_cache[key]

    def own_bodies(node: Node) -> list:
        named, after = own_parts(node)
        return named + after

    def section_intro(chain: list[Node]) -> list:
        """The bodies the nearest heading's introducing sentence names ("II. NHIỆM VỤ" / "Các cấp
        ủy, tổ chức đảng ... thực hiện tốt các nhiệm vụ sau:"): for sub-items that name nobody."""
        for ancestor in chain:
            key = id(ancestor)
            if key not in intro_cache:
                intro_cache[key] = []
                for _, para in ancestor.continuation:
                    if introduces(para) and not intro_cache[key]:
                        intro_cache[key] = clause_bodies(para)
            if intro_cache[key]:
                return intro_cache[key]
        return []

    intro_text = seg.intro_text
    intro_counts: dict[str, bool] = {}

    def governing(intro: str) -> str | None:
        """The intro (and headings) when they carry a cue of their own, else None: analysing an
        intro that adds nothing again for every item is the parser's biggest cost."""
        if not intro:
            return None
        if intro not in intro_counts:
            alone = analyse_timing("", header.issue_date, intro)
            intro_counts[intro] = bool(alone.due or alone.raw or alone.recurrence or alone.urgency)
        return intro if intro_counts[intro] else None

    for node in leaves:
        if _is_bare_title(node) or (table_rows and _introduces_nothing(node)):
            continue
        inherited: list = []
        parent = node.parent
        chain: list[Node] = []
        while parent is not None:
            chain.append(parent)
            parent = parent.parent
        article = chain[-1] if chain else node
        if article.kind == "article" and (not ARTICLE_TASK.match(article.full_text) or (
                table_rows and _ANNEX.search(article.full_text))):
            # "Điều 1. Quy định mức hỗ trợ" and its clauses: what is decided, not who acts; "Điều 1. Giao nhiệm
            # vụ ... (chi tiết tại Phụ lục kèm theo)": the annex's rows are the tasks
            continue
        for ancestor in reversed(chain):
            inherited.extend(own_bodies(ancestor))
        named, after = own_parts(node)
        mentions = inherited + named + after
        fields = task_fields(para for _, para in node.continuation) if node.continuation else None
        if fields is not None and fields.names_bodies:
            # "Cơ quan chủ trì: ..." / "Cơ quan phối hợp: ...": the labels say who acts
            mentions = inherited + mentions_in(fields.lead, TaskRole.LEAD) + mentions_in(fields.cooperating,
                                                                                         TaskRole.COOPERATING)
        elif not inherited and not named and after and _is_task_sentence(node.text):
            # the item is a task that names nobody, a paragraph after it does ("Đề nghị Hội Nông dân
            # tỉnh ..."): those bodies come after the ones the item falls back to, they do not replace
            # them; under a topic line ("1. Về công tác cán bộ") the paragraphs alone say who acts
            mentions = list(fallback) + mentions
        if mentions and all(m.role is TaskRole.COOPERATING for m in mentions):
            # "Rà soát ... (phối hợp với Sở Xây dựng)": the partners are named, the lead is whom the item is for
            mentions = (section_intro(chain) or list(fallback)) + mentions
        if not mentions:
            mentions = section_intro(chain) or list(fallback)
            if _overlong_name(node.text):
                issues.append(ParseIssue(offset + node.index + 1, "parse.name_too_long", _short(node.text)))
        bodies = to_bodies(mentions)
        heading_text = chain[0].text if chain else None
        timing_intro = "\n".join(x for x in (last_intro or intro_text, *(a.text for a in reversed(chain))) if x)
        hint = analyse_timing(node.full_text, header.issue_date, governing(timing_intro))
        if fields is not None and fields.timing:
            hint = _with_time_cell(hint, fields.timing, header.issue_date)
        item = ParsedItem(
            ref=node.ref,
            text=node.full_text,
            bodies=bodies,
            deadline=hint,
            line_start=node.index + 1,
            line_end=node.last_index + 1,
            parent_ref=chain[0].ref if chain else None,
            heading_text=heading_text,
        )
        items.append(item)
        if not bodies:
            issues.append(ParseIssue(offset + node.index + 1, "parse.item_without_body", _short(node.text)))
        if hint.raw and hint.due is None and hint.recurrence is None:
            issues.append(ParseIssue(offset + node.index + 1, "parse.unresolved_deadline", hint.raw))
    items.extend(_table_items(table_rows, header.issue_date, prefixed=bool(items)))
    for row in table_rows:
        if not row.lead:
            issues.append(ParseIssue(offset + row.index + 1, "parse.item_without_body", _short(row.text)))
    headings = [
        ParsedItem(ref=h.ref, text=h.text, bodies=to_bodies(own_bodies(h)),
                   deadline=analyse_timing(h.text, header.issue_date, None),
                   line_start=h.index + 1, line_end=h.last_index + 1,
                   parent_ref=h.parent.ref if h.parent else None)
        for h in seg.headings()
    ]
    if not items:
        issues.append(ParseIssue(offset + 1, "parse.no_items", header.number or header.subject or ""))
    return ParsedDocument(
        number=header.number,
        issuer=header.issuer,
        doc_type=header.doc_type if header.doc_type else DocumentType.OTHER,
        place=header.place,
        issue_date=header.issue_date,
        subject=header.subject,
        signer=signature.signer,
        signing_authority=signature.authority,
        signer_title=signature.title,
        monitor=_monitor(seg, items),
        recipients=tuple(header.recipients),
        cited=tuple(find_citations(text)),
        items=tuple(items),
        headings=tuple(headings),
        text=text,
        line_offset=offset,
        issues=tuple(issues),
    )


def _table_items(rows: tuple[TableTask, ...], issued: date | None, *, prefixed: bool) -> list[ParsedItem]:
    """The rows of a task table as items: bodies from the lead and cooperating columns, the
    deadline from the time column (else the content). Refs get "PL." when the text has numbered
    items of its own (an annex's "1" is not the text's "1")."""
    out: list[ParsedItem] = []
    for row in rows:
        mentions = mentions_in(row.lead, TaskRole.LEAD) + mentions_in(row.cooperating, TaskRole.COOPERATING)
        hint = analyse_timing(row.text, issued)
        if row.timing:
            hint = _with_time_cell(hint, row.timing, issued)
        ref = f"PL.{row.ref}" if prefixed else row.ref
        parent = (f"PL.{row.group_ref}" if prefixed else row.group_ref) if row.group_ref else None
        out.append(ParsedItem(ref=ref, text=row.text, bodies=to_bodies(mentions), deadline=hint,
                              line_start=row.index + 1, line_end=row.index + 1, parent_ref=parent,
                              heading_text=row.group))
    return out


def _with_time_cell(hint: DeadlineHint, cell_text: str, issued: date | None) -> DeadlineHint:
    """The task's timing with its time column or "Thời gian thực hiện:" line: the cell's limit
    stands (the text's own when the cell has none), the text's repetition and the cell's urgency."""
    cell = analyse_time_cell(cell_text, issued)
    return replace(hint, raw=cell.raw or hint.raw, due=cell.due if cell.raw else hint.due,
                   recurrence=hint.recurrence or cell.recurrence, rrule=hint.rrule or cell.rrule,
                   urgency=cell.urgency or hint.urgency)


def _monitor(seg: Segmented, items: list[ParsedItem]) -> str | None:
    for _, text in seg.closing:
        if MONITOR.match(text):
            found = monitor_body(text)
            if found:
                return found
    # the last item can be the follow-up order itself ("6. Giao Văn phòng Tỉnh ủy theo dõi, đôn đốc
    # việc thực hiện Chỉ thị này, báo cáo Ban Thường vụ Tỉnh ủy")
    if items and MONITOR.match(items[-1].text) and (CLOSING.match(items[-1].text) or FOLLOW_UP.match(items[-1].text)):
        return monitor_body(items[-1].text)
    return None


def find_citations(text: str) -> list[CitedReference]:
    out: list[CitedReference] = []
    seen: set[tuple[str, str]] = set()
    for m in CITATION.finditer(modern_tones(text)):
        number = m.group("number")
        key = (m.group("kind"), number)
        if key in seen:
            continue
        seen.add(key)
        when = None
        if m.group("y"):
            try:
                when = date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            except ValueError:
                when = None
        issuer = m.group("issuer")
        out.append(CitedReference(kind=m.group("kind"), number=number, date=when,
                                  issuer=issuer.strip() if issuer else None, raw=m.group(0).strip()))
    return out
