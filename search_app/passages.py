"""Retrieval units: short sentence windows of clause text, each mapped to its clause.

Whole clauses are too long for a small encoder and dilute BM25; windows of a few
sentences (at most ``max_chars`` characters) are what the indexes hold. A search
scores passages and reports the clauses they belong to.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Iterable, Sequence, Union

from ingest.model import Clause, Document

SENTENCE_END = re.compile(r"[^。；！？;!?\n]*(?:[。；！？;!?]+[”’」』）)]*|\n+|$)")
SOFT_BREAK = re.compile(r"[^，、,：:]*(?:[，、,：:]|$)")
CONTEXT_PARTS = ("doc", "heading", "path")
MARKUP = re.compile(r"\*\*|^#+\s*", re.M)


@dataclass
class Passage:
    """One retrieval unit.

    ``text`` is what the indexes see (context prefix + window); ``start``/``end``
    locate the window inside its clause's text.
    """

    clause_id: str
    doc: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        return asdict(self)


def sentence_spans(text: str, max_chars: int = 150) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``, none longer than ``max_chars``.

    Sentences end at 。；！？ (and ASCII ;!?) or a line break; an over-long sentence
    is cut at commas, then hard-cut. Whitespace-only spans are dropped.
    """
    spans = []
    for m in SENTENCE_END.finditer(text):
        s, e = m.span()
        if e > s and text[s:e].strip():
            spans.extend(_cut_long(text, s, e, max_chars))
    return spans


def _cut_long(text: str, s: int, e: int, max_chars: int) -> list[tuple[int, int]]:
    if e - s <= max_chars:
        return [(s, e)]
    pieces = [(s + m.start(), s + m.end()) for m in SOFT_BREAK.finditer(text[s:e]) if m.end() > m.start()]
    out: list[tuple[int, int]] = []
    for ps, pe in pieces:
        if out and pe - out[-1][0] <= max_chars:
            out[-1] = (out[-1][0], pe)
        else:
            out.extend((i, min(i + max_chars, pe)) for i in range(ps, pe, max_chars))
    return out


def windows(spans: list[tuple[int, int]], max_chars: int = 150, overlap: bool = True) -> list[tuple[int, int]]:
    """Merge consecutive sentence spans into windows of at most ``max_chars`` characters.

    With ``overlap`` a window starts at every sentence (a sliding window, so every
    sentence is seen together with what follows it); otherwise windows tile the text.
    """
    out = []
    i = 0
    while i < len(spans):
        j = i + 1
        while j < len(spans) and spans[j][1] - spans[i][0] <= max_chars:
            j += 1
        out.append((spans[i][0], spans[j - 1][1]))
        if j == len(spans):
            break
        i = i + 1 if overlap else j
    return out


def parse_context(context: str) -> set[str]:
    """Parts of a context spec: ``"none"`` or parts of CONTEXT_PARTS joined by ``+``."""
    parts = set() if context == "none" else set(context.split("+"))
    if parts - set(CONTEXT_PARTS) or ({"heading", "path"} <= parts):
        raise ValueError(
            f"bad passage context {context!r}: use 'none' or a '+'-join of {', '.join(CONTEXT_PARTS)} "
            "(heading and path exclude each other)"
        )
    return parts


def clause_context(clause: Clause, by_id: dict[str, Clause], context: str, doc: Document | None = None) -> str:
    """Context prefixed to a clause's passages.

    Parts: ``doc`` the document's region (or title); ``heading`` the parent's
    heading; ``path`` the headings of all ancestors. Joined with " > ".
    """
    parts = parse_context(context)
    chain = []
    parent = by_id.get(clause.parent_id) if clause.parent_id and parts & {"heading", "path"} else None
    while parent is not None:
        if parent.heading:
            chain.append(parent.heading)
        parent = by_id.get(parent.parent_id) if "path" in parts and parent.parent_id else None
    if "doc" in parts and doc is not None and (doc.region or doc.title):
        chain.append(doc.region or doc.title)
    return " > ".join(reversed(chain))


def clause_passages(clause: Clause, prefix: str = "", max_chars: int = 150, overlap: bool = True) -> list[Passage]:
    """Passages of one clause (its own text only, markdown ** and # removed), each prefixed with ``prefix``."""
    head = f"{prefix}：" if prefix else ""
    return [
        Passage(clause.clause_id, clause.doc, s, e, head + MARKUP.sub("", clause.text[s:e]).strip())
        for s, e in windows(sentence_spans(clause.text, max_chars), max_chars, overlap)
    ]


def make_passages(
    docs: Iterable[Document],
    max_chars: Union[int, Sequence[int]] = 150,
    context: str = "none",
    overlap: bool = True,
) -> list[Passage]:
    """Passages of every clause of every document, in reading order.

    Parameters
    ----------
    docs : iterable of Document
        Ingested documents.
    max_chars : int or sequence of int
        Longest window in characters (a single longer sentence is cut at commas).
        Several sizes index each clause at several granularities (a window found
        at two sizes is kept once), so short and long questions both find a
        well-sized unit.
    context : str
        ``"none"`` or a "+"-join of doc, heading, path: context prefixed to each
        passage (see :func:`clause_context`).
    overlap : bool
        Sliding windows (one per sentence) instead of tiling windows.
    """
    sizes = [max_chars] if isinstance(max_chars, int) else list(max_chars)
    out = []
    for doc in docs:
        by_id = {c.clause_id: c for c in doc.clauses}
        for clause in doc.clauses:
            prefix = clause_context(clause, by_id, context, doc)
            seen = set()
            for size in sizes:
                for p in clause_passages(clause, prefix, size, overlap):
                    if (p.start, p.end) not in seen:
                        seen.add((p.start, p.end))
                        out.append(p)
    return out
