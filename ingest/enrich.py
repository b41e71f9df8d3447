"""Fill a document's clauses with departments, targets and citations.

The pipeline segments a document into clauses, then calls :func:`enrich`,
which runs the three extractors on every clause (annexes included) and
gathers the document-level citation list: one entry per cited policy,
merged by number or by title, basis when any mention is a basis. A
document's own title and number and its own annexes are never citations.
"""

from __future__ import annotations

import re

from ingest.citations import extract_citations
from ingest.annotations import closing_annotation
from ingest.departments import extract_departments
from ingest.model import Citation, Clause, Document
from ingest.normalize import fold_width, strip_invisible
from ingest.targets import extract_targets, states_present

_NOISE = re.compile(r"[\s《》〈〉<>“”\"'（）()]")
_TRAILING_NOTE = re.compile(r"[（(][^（）()]*[)）]$")
_ANNEX_LABEL = re.compile(r"^附\s*件\s*[:：]?\s*(?:\d+\s*[.．、]?)?\s*")


def _key(title: str) -> str:
    """Title comparison key: whitespace, quotes and brackets removed."""
    return _NOISE.sub("", fold_width(strip_invisible(title)))  # （２０２５—２０２７年） = （2025—2027年）


def _own_titles(doc: Document) -> set[str]:
    """Keys of the document's own title (also after its issuer's name, as a 政策解读 quotes it)
    and its annexes' titles."""
    titles = {doc.title} | {c.heading for c in doc.clauses if c.kind == "annex"}
    titles |= {f"{issuer}{doc.title}" for issuer in doc.issuers if doc.title}
    titles |= {_ANNEX_LABEL.sub("", line) for c in doc.clauses if c.kind == "annex"
               for line in c.text.split("\n")[:3]}
    return {_key(t) for t in titles if t and _key(t)}


def _is_own(c: Citation, doc: Document, own: set[str]) -> bool:
    if c.number and c.number == doc.doc:
        return True
    if not c.title or c.number:
        return False
    key = _key(c.title)  # 《实施方案》: the document's own title, shortened to its kind
    bare = _TRAILING_NOTE.sub("", doc.title)  # …实施方案（2025—2026年）, …办法（试行）
    return key in own or (len(key) <= 6 and bool(doc.title) and _key(bare).endswith(key))


def merge_citations(citations: list[Citation]) -> list[Citation]:
    """Deduplicate citations in order: same number, or same title when either lacks a number.

    The merged entry keeps the first number and title seen, and is a basis
    when any of its mentions is.
    """
    out: list[Citation] = []
    for c in citations:
        hit = None
        for o in out:
            same_number = c.number and o.number and c.number == o.number
            same_title = (c.title and o.title and _key(c.title) == _key(o.title)
                          and not (c.number and o.number and c.number != o.number))
            if same_number or same_title:
                hit = o
                break
        if hit is None:
            out.append(Citation(c.number, c.title, c.kind, c.basis, c.issuer, c.text))
            continue
        hit.number = hit.number or c.number
        hit.title = hit.title or c.title
        hit.issuer = hit.issuer or c.issuer
        hit.basis = hit.basis or c.basis
        if hit.kind == "policy" and c.kind != "policy":
            hit.kind = c.kind
    return out


def enrich(doc: Document) -> Document:
    """Fill every clause's departments, targets and citations, and ``doc.citations``.

    Parameters
    ----------
    doc : Document
        A segmented document (clauses in reading order; annexes have kind
        ``annex``). Modified in place.

    Returns
    -------
    Document
        The same document, for chaining. Citations of the document's own
        number, title or annexes are dropped at clause and document level;
        ``doc.citations`` also holds those of the header (为贯彻落实《…》精神，现印发…).
    """
    own = _own_titles(doc)
    mentions = [c for c in extract_citations(strip_invisible(doc.header)) if not _is_own(c, doc, own)]  # the 通知 may cite too
    present: set[str] = set()  # clauses under 一、发展基础 state the present, not targets
    for clause in doc.clauses:
        if clause.parent_id in present or (clause.kind == "clause" and (
                states_present(clause.heading) or states_present(clause.text.split("\n")[0]))):
            present.add(clause.clause_id)
        plain = strip_invisible(clause.text)
        clause.departments = extract_departments(plain)
        clause.targets = [] if clause.clause_id in present else extract_targets(plain)
        clause.citations = [c for c in extract_citations(plain) if not _is_own(c, doc, own)]
        mentions.extend(clause.citations)
    doc.citations = merge_citations(mentions)
    lift_closing_annotations(doc)
    return doc


def _annotated(clause: Clause) -> bool:
    return any(d.role != "mentioned" for d in clause.departments)


def lift_closing_annotations(doc: Document) -> None:
    """Give a list's closing annotation to the clause that owns the list.

    ``4. 落实优待政策。① …  ② …`` followed by ``（牵头单位：…）`` on its own line,
    or ``第十五条 …如下：（一）…（三）…`` followed by a closing paragraph that ends
    with ``（责任单位：…）``: the annotation covers the whole of the clause, not its
    last item. It is lifted when the clause has two or more items, the last item
    has no items of its own and ends with the annotation below its first line
    (:func:`ingest.departments.closing_annotation`), and no other item is
    annotated (items that carry their own annotations keep them all).
    """
    by_id = {c.clause_id: c for c in doc.clauses}
    items: dict[str, list[Clause]] = {}
    for c in doc.clauses:
        if c.parent_id in by_id:
            items.setdefault(c.parent_id, []).append(c)
    for parent_id, kids in items.items():
        last = kids[-1]
        if len(kids) < 2 or last.clause_id in items or any(_annotated(k) for k in kids[:-1]):
            continue
        plain = strip_invisible(last.text)
        closing = closing_annotation(plain)
        if closing is None:
            continue
        start, lifted = closing
        parent = by_id[parent_id]
        last.departments = extract_departments(plain[:start])
        have = {(d.name, d.role) for d in parent.departments}
        annotated = [d for d in parent.departments if d.role != "mentioned"]
        types = {d.canonical for d in lifted}
        parent.departments = annotated + [d for d in lifted if (d.name, d.role) not in have] + [
            d for d in parent.departments if d.role == "mentioned" and d.canonical not in types]
