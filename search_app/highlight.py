"""The sentence of a clause that best answers a query (for highlighting results)."""

from __future__ import annotations

from typing import Optional

import numpy as np

from search_app.encoders import Encoder
from search_app.passages import sentence_spans
from search_app.tokenize import normalize


def bigrams(text: str) -> set[str]:
    """Character bigrams of the normalized text, whitespace removed."""
    t = "".join(normalize(text).split())
    return {t[i:i + 2] for i in range(len(t) - 1)} or ({t} if t else set())


def overlap_scores(query: str, sentences: list[str]) -> np.ndarray:
    """Share of the query's character bigrams found in each sentence."""
    q = bigrams(query)
    return np.array([len(q & bigrams(s)) / max(len(q), 1) for s in sentences], dtype=np.float32)


def best_sentence(query: str, clause_text: str, encoder: Optional[Encoder] = None) -> tuple[int, int]:
    """Character span ``(start, end)`` of the best-answering sentence of ``clause_text``.

    With ``encoder`` sentences are ranked by cosine similarity to the query,
    otherwise by character-bigram overlap (ties go to the earlier sentence).
    Returns ``(0, 0)`` for an empty text.
    """
    spans = [_trim(clause_text, s, e) for s, e in sentence_spans(clause_text)]
    spans = [(s, e) for s, e in spans if e > s]
    if not spans:
        return 0, 0
    sentences = [clause_text[s:e] for s, e in spans]
    if encoder is not None:
        scores = encoder.encode(sentences) @ encoder.encode_query(query)
    else:
        scores = overlap_scores(query, sentences)
    return spans[int(np.argmax(scores))]


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e
