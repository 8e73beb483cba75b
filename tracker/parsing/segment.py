"""A directive's body -> the intro, the tree of items, and the closing sentences.

Labels (``rules/numbering.py``) open items; a label of a kind already open on the path closes the
levels below it and makes a sibling, any other kind opens a level under the current item. A
paragraph without a label continues the item before it, except the closing sentences after the
last item (the monitor, "Nhận được văn bản này ...", appeals). Unlabelled bullets are numbered by
their position among their siblings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tracker.parsing.labelled_fields import is_field
from tracker.parsing.normalize import Line
from tracker.parsing.rules.numbering import Label, find_label
from tracker.parsing.rules.structure import (
    ASSESSMENT_TITLE,
    AUTHORITY,
    CLOSING,
    MONITOR,
    RECEIVERS_BLOCK,
    TASK_PARAGRAPH,
)


@dataclass
class Node:
    kind: str
    value: str | None
    text: str  # own first paragraph, label removed
    index: int  # line index in the document
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    continuation: list[tuple[int, str]] = field(default_factory=list)
    ref: str = ""

    @property
    def full_text(self) -> str:
        return "\n".join([self.text, *(t for _, t in self.continuation)])

    @property
    def last_index(self) -> int:
        return self.continuation[-1][0] if self.continuation else self.index

    @property
    def is_heading(self) -> bool:
        """A parent whose own text only introduces its sub-items."""
        if not self.children:
            return False
        own = self.text.rstrip()
        letters = [c for c in own if c.isalpha()]
        # "2. Nhiệm vụ trọng tâm tháng 12" then "Giao:" on a line of its own: the colon ends the whole text
        ends_in_colon = own.endswith(":") or (bool(self.continuation) and self.full_text.rstrip().endswith(":"))
        return (ends_in_colon or (bool(letters) and all(c.isupper() for c in letters)) or len(own) < 3
                or self.is_section_title)

    @property
    def is_section_title(self) -> bool:
        """"I. Về nhiệm vụ trọng tâm thời gian tới" above "1. ...", "2. ...": a short title with no
        sentence end and nothing of its own below it names a section, it is not a task."""
        own = self.text.rstrip()
        return (bool(own) and not self.continuation and own[-1] not in ".;!?…"
                and len(own.split()) <= _SECTION_TITLE_WORDS)

    @property
    def is_assessment(self) -> bool:
        """A top-level section that looks back ("I. ĐÁNH GIÁ CHUNG", "1. Kết quả đạt được: ...")
        holds findings, not tasks."""
        if self.parent is not None:
            return False
        title = self.text.split(":", 1)[0].strip()
        return len(title.split()) <= _SECTION_TITLE_WORDS and ASSESSMENT_TITLE.match(title) is not None

    def leaves(self) -> list[Node]:
        if not self.children:
            return [self]
        out: list[Node] = [] if self.is_heading else [self]
        for child in self.children:
            out.extend(child.leaves())
        return out


_SECTION_TITLE_WORDS = 20


@dataclass
class Segmented:
    intro: list[tuple[int, str]]
    roots: list[Node]
    closing: list[tuple[int, str]]
    end: int  # index where the body ends (receivers block, signature or the document's end)

    def leaves(self) -> list[Node]:
        out: list[Node] = []
        for root in self.roots:
            if not root.is_assessment:
                out.extend(root.leaves())
        return out

    def headings(self) -> list[Node]:
        out: list[Node] = []

        def walk(node: Node) -> None:
            if node.children and node.is_heading:
                out.append(node)
            for child in node.children:
                walk(child)

        for root in self.roots:
            walk(root)
        return out

    @property
    def intro_text(self) -> str:
        return "\n".join(t for _, t in self.intro)


def body_end(doc: list[Line], start: int) -> int:
    for i in range(start, len(doc)):
        text = doc[i].text
        if RECEIVERS_BLOCK.match(text) or AUTHORITY.match(text):
            return i
    return len(doc)


def _kind_key(kind: str, value: str | None) -> str:
    if kind == "decimal" and value:
        return f"decimal{value.count('.')}"
    return kind


_BULLETS = frozenset({"dash", "plus", "bullet"})


def _continues(stack: list[Node], label: Label) -> bool:
    """The open item of the label's kind is the one numbered just before it ("3" before "4,")."""
    key = _kind_key(label.kind, label.value)
    previous = next((node for node in reversed(stack) if node.kind == key), None)
    return (previous is not None and previous.value is not None and previous.value.isdigit()
            and label.value is not None and label.value.isdigit() and int(previous.value) + 1 == int(label.value))


def segment(doc: list[Line], start: int, *, paragraph_tasks: bool = False) -> Segmented:
    """The body of ``doc`` from line ``start``. With ``paragraph_tasks`` (the text has a letter's
    header), a body without any numbered item takes its task paragraphs as items."""
    end = body_end(doc, start)
    paras = [(i, doc[i].text) for i in range(start, end) if doc[i].text]
    roots: list[Node] = []
    stack: list[Node] = []
    intro: list[tuple[int, str]] = []
    loose: list[tuple[int, str]] = []  # unlabelled paragraphs after the current item
    for i, text in paras:
        label = find_label(text)
        if label is not None and stack and label.kind in _BULLETS and is_field(text):
            label = None  # "- Đơn vị chủ trì: Công an tỉnh": a labelled line of the task above, not a sub-item
        if label is not None and label.guessed and not _continues(stack, label):
            label = None
        if label is None or not label.rest:
            if stack:
                loose.append((i, text))
            else:
                intro.append((i, text))
            continue
        if stack and loose:
            stack[-1].continuation.extend(loose)
        loose = []
        key = _kind_key(label.kind, label.value)
        node = Node(key, label.value, label.rest, i)
        same = next((k for k in range(len(stack) - 1, -1, -1) if stack[k].kind == key), None)
        if same is not None:
            del stack[same:]
        parent = stack[-1] if stack else None
        node.parent = parent
        (parent.children if parent else roots).append(node)
        stack.append(node)
    closing: list[tuple[int, str]] = []
    if stack:
        # after the last item: continuation until the first closing sentence
        loose, closing = _split_closing(loose, 0)
        stack[-1].continuation.extend(loose)
    elif paragraph_tasks:
        intro, tasks = _unlabelled_tasks(intro)
        tasks, closing = _closing_tail(tasks, 1)
        roots = [Node("paragraph", None, text, i) for i, text in tasks]
    _number(roots, "")
    return Segmented(intro=intro, roots=roots, closing=closing, end=end)


def _split_closing(paras: list[tuple[int, str]], first: int) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """``paras`` before the first closing sentence (from position ``first`` on), and the rest."""
    for k in range(first, len(paras)):
        text = paras[k][1]
        if CLOSING.match(text) or MONITOR.match(text):
            return paras[:k], paras[k:]
    return paras, []


def _closing_tail(paras: list[tuple[int, str]], first: int) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """``paras`` before the closing sentences that end them all (from position ``first`` on): a
    task paragraph that only mentions following up ("Nắm tình hình ...") among others stays a task."""
    k = len(paras)
    while k > first and (CLOSING.match(paras[k - 1][1]) or MONITOR.match(paras[k - 1][1])):
        k -= 1
    return paras[:k], paras[k:]


def introduces(paragraph: str) -> bool:
    """A sentence that introduces what follows it ("... thực hiện tốt các nhiệm vụ sau:")."""
    return paragraph.rstrip().endswith(":")


def _unlabelled_tasks(intro: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """A letter without numbered items (a Văn phòng's "... có ý kiến chỉ đạo như sau:", then one
    paragraph per task): the intro proper, and the task paragraphs. They start after the last
    paragraph that ends in ":", else at the first that opens an assignment ("Giao Sở ...")."""
    start = next((k + 1 for k in range(len(intro) - 1, -1, -1) if introduces(intro[k][1])), None)
    if start is None:
        start = next((k for k, (_, text) in enumerate(intro) if TASK_PARAGRAPH.match(text)), len(intro))
    return intro[:start], intro[start:]


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _roman_value(ref: str) -> str | None:
    """"II" -> "2" (a ref that is one roman numeral), else None."""
    if not ref or any(ch not in _ROMAN for ch in ref):
        return None
    total = 0
    for i, ch in enumerate(ref):
        value = _ROMAN[ch]
        total += -value if i + 1 < len(ref) and _ROMAN[ref[i + 1]] > value else value
    return str(total)


def _number(nodes: list[Node], prefix: str) -> None:
    for position, node in enumerate(nodes, 1):
        if node.kind.startswith("decimal") and node.value:
            # printed as a chain ("2.1"): under "2" or "II.2" the chain goes on ("2.1", "II.2.1"); under
            # a parent it does not name ("1.1." under "II."), the parent's ref comes first ("II.1.1")
            # ("2.1." under "II." is II's first item: as printed)
            own_parent = node.value.rsplit(".", 1)[0]
            if not prefix or _roman_value(prefix) == own_parent:
                node.ref = node.value
            elif prefix == own_parent or prefix.endswith("." + own_parent):
                node.ref = prefix[: len(prefix) - len(own_parent)] + node.value
            else:
                node.ref = f"{prefix}.{node.value}"
        elif node.value:
            node.ref = f"{prefix}.{node.value}" if prefix else node.value
        else:
            node.ref = f"{prefix}.{position}" if prefix else str(position)
        _number(node.children, node.ref)
