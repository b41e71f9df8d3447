"""Do ONNX vectors give the same dense m3e answers as PyTorch on the dev questions?"""

from __future__ import annotations

import numpy as np

from search_app.dense import DenseIndex
from search_app.encoders.base import Encoder
from search_app.evaluate import evaluate
from search_app.searcher import Searcher


def dense_searcher(passages, docs, encoder: Encoder, vectors: np.ndarray) -> Searcher:
    """A searcher with one dense leg (``encoder`` and a flat index of ``vectors``), no BM25."""
    return Searcher(passages, docs, None, {encoder.name: (encoder, DenseIndex(vectors.shape[1]).add(vectors))})


def top_ids(searcher: Searcher, questions: list[dict], k: int = 5) -> list[list[str]]:
    """Top-``k`` clause ids of dense search for each question."""
    return [[h.clause_id for h in searcher.search(q["question"], k=k, mode="dense")] for q in questions]


def recall(searcher: Searcher, questions: list[dict]) -> dict:
    """recall@5 and mrr@10 of dense search (rules of search_app.evaluate)."""
    clauses = {c.clause_id: c for d in searcher.docs for c in d.clauses}

    def search_fn(text: str, k: int) -> list[dict]:
        return [{"doc": clauses[h.clause_id].doc, "text": clauses[h.clause_id].text, "clause_id": h.clause_id}
                for h in searcher.search(text, k=k, mode="dense")]

    scores = evaluate(questions, search_fn, k=10)
    return {m: round(scores[m], 4) for m in ("recall@5", "mrr@10")}


def compare_answers(reference: Searcher, other: Searcher, questions: list[dict], k: int = 5) -> dict:
    """How far ``other``'s top-``k`` clause ids differ from ``reference``'s per question."""
    ref, got = top_ids(reference, questions, k), top_ids(other, questions, k)
    same_list = sum(a == b for a, b in zip(ref, got))
    same_set = sum(set(a) == set(b) for a, b in zip(ref, got))
    overlap = np.mean([len(set(a) & set(b)) / k for a, b in zip(ref, got)])
    return {"questions": len(questions), f"identical_top{k}": same_list, f"same_set_top{k}": same_set,
            f"mean_overlap_top{k}": round(float(overlap), 4), **{f"{m}": v for m, v in recall(other, questions).items()}}
