"""Retrieval units: short sentence windows of clause text, each mapped to its clause.

Whole clauses are too long for a small encoder and dilute BM25; windows of a few
sentences (at most ``max_chars`` characters) are what the indexes hold. A search
scores passages and reports the clauses they belong to.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Iterable

from ingest.model import Clause, Document

SENTENCE_END = re.compile(r"[^。；！？;!?\n]*(?:[。；！？;!?]+[”’」』）)]*|\n+|$)")
SOFT_BREAK = re.compile(r"[^，、,：:]*(?:[，、,：:]|$)")
CONTEXTS = ("none", "heading", "path")


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


def clause_context(clause: Clause, by_id: dict[str, Clause], context: str) -> str:
    """Heading context prefixed to a clause's passages.

    ``"none"``: nothing; ``"heading"``: the parent's heading; ``"path"``: the
    headings of all ancestors, joined with " > ".
    """
    if context not in CONTEXTS:
        raise ValueError(f"unknown passage context {context!r}; choose one of {', '.join(CONTEXTS)}")
    if context == "none":
        return ""
    chain = []
    parent = by_id.get(clause.parent_id) if clause.parent_id else None
    while parent is not None:
        if parent.heading:
            chain.append(parent.heading)
        parent = by_id.get(parent.parent_id) if context == "path" and parent.parent_id else None
    return " > ".join(reversed(chain))


def clause_passages(clause: Clause, prefix: str = "", max_chars: int = 150, overlap: bool = True) -> list[Passage]:
    """Passages of one clause (its own text only), each prefixed with ``prefix``."""
    head = f"{prefix}：" if prefix else ""
    return [
        Passage(clause.clause_id, clause.doc, s, e, head + clause.text[s:e].strip())
        for s, e in windows(sentence_spans(clause.text, max_chars), max_chars, overlap)
    ]


def make_passages(
    docs: Iterable[Document], max_chars: int = 150, context: str = "none", overlap: bool = True
) -> list[Passage]:
    """Passages of every clause of every document, in reading order.

    Parameters
    ----------
    docs : iterable of Document
        Ingested documents.
    max_chars : int
        Longest window in characters (a single longer sentence is cut at commas).
    context : {"none", "heading", "path"}
        Heading context prefixed to each passage (see :func:`clause_context`).
    overlap : bool
        Sliding windows (one per sentence) instead of tiling windows.
    """
    out = []
    for doc in docs:
        by_id = {c.clause_id: c for c in doc.clauses}
        for clause in doc.clauses:
            prefix = clause_context(clause, by_id, context)
            out.extend(clause_passages(clause, prefix, max_chars, overlap))
    return out
