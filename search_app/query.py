"""Run a search against a knowledge base and return provenance records.

The one place where CLI, evaluation and the Streamlit app turn hits into records,
so all three show the same ranking and the same provenance.
"""

from __future__ import annotations

from typing import Any, Callable, Optional, TypeVar

from search_app.intent import is_cross_document
from search_app.kb import KnowledgeBase
from search_app.results import clause_result

MODES = ("hybrid", "dense", "bm25")
T = TypeVar("T")
CROSS_DOC_POOL = 4  # a cross-document question ranks from k * 4 candidates


def spread_over_documents(hits: list[T], doc_of: Callable[[T], str]) -> list[T]:
    """Reorder ranked ``hits`` so each document's best hit comes first, in rank order,
    then the rest in rank order: a question about 各地 gets one answer per document."""
    seen: set[str] = set()
    firsts, rest = [], []
    for h in hits:
        (rest if doc_of(h) in seen else firsts).append(h)
        seen.add(doc_of(h))
    return firsts + rest


def search_records(
    kb: KnowledgeBase,
    query: str,
    k: int = 5,
    mode: str = "hybrid",
    filters: Optional[dict[str, Any]] = None,
    highlight: bool = True,
) -> list[dict[str, Any]]:
    """Top-``k`` clauses for ``query`` as :func:`clause_result` records.

    With ``highlight`` each record carries ``highlight``: the character span of the
    clause sentence that best answers the query.
    """
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}; choose one of {', '.join(MODES)}")
    query = query.strip()
    if not query:
        return []
    if is_cross_document(query):
        pool = kb.searcher.search(query, k=k * CROSS_DOC_POOL, mode=mode, filters=filters or None)
        hits = spread_over_documents(pool, lambda h: kb.clauses[h.clause_id].doc)[:k]
    else:
        hits = kb.searcher.search(query, k=k, mode=mode, filters=filters or None)
    records = []
    scorers = {leg: kb.searcher.dense[leg][0].encode_query(query) for leg in kb.searcher.highlight_legs(query)} \
        if highlight else {}
    for rank, hit in enumerate(hits, start=1):
        clause = kb.clauses[hit.clause_id]
        extra: dict[str, Any] = {"legs": dict(getattr(hit, "legs", {}) or {})}
        if highlight:
            extra["highlight"] = sentence_span(kb, query, clause.clause_id, clause.text, scorers)
        records.append(clause_result(rank, hit.score, clause, kb.by_doc[clause.doc], **extra))
    return records


def sentence_span(kb: KnowledgeBase, query: str, clause_id: str, text: str,
                  query_vectors: Optional[dict[str, Any]] = None) -> dict[str, Any]:
    """The best-answering sentence of clause ``clause_id`` (text ``text``) as {start, end, sentence}.

    Sentences are scored by word overlap and by each dense leg that reads the query,
    with the sentence vectors stored at build time (``query_vectors``: the legs'
    query vectors, computed once per query).
    """
    from search_app.highlight import best_sentence, encoder_scorer

    searcher = kb.searcher
    if query_vectors is None:
        query_vectors = {leg: searcher.dense[leg][0].encode_query(query) for leg in searcher.highlight_legs(query)}
    scorers = [encoder_scorer(searcher.dense[leg][0], query, query_vector=q,
                              stored=lambda n, leg=leg: searcher.stored_sentence_vectors(leg, clause_id, n))
               for leg, q in query_vectors.items()]
    start, end = best_sentence(query, text, scorers=scorers)
    return {"start": start, "end": end, "sentence": text[start:end]}
