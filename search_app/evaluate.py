"""Score a search function on question files (format of shared/eval/dev_questions.jsonl).

Matching rules (shared/eval/README.md): a result hits an ``expect`` entry when it
belongs to the entry's document (文号) and its text, all whitespace removed,
contains the snippet, all whitespace removed. Recall@k per question is the share
of entries hit in the top k; MRR@10 uses the first result hitting any entry.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Callable, Iterable

METRICS = ("recall@1", "recall@5", "recall@10", "mrr@10")
SearchFn = Callable[[str, int], list[dict[str, Any]]]
_SPACE = re.compile(r"\s+")


def load_questions(path: Path) -> list[dict[str, Any]]:
    """Questions from a UTF-8 JSONL file; each needs ``id``, ``question`` and ``expect``."""
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            if not line.strip():
                continue
            q = json.loads(line)
            missing = {"id", "question", "expect"} - set(q)
            if missing:
                raise ValueError(f"{path}:{n}: question lacks {sorted(missing)}")
            out.append(q)
    return out


def squash(text: str) -> str:
    """Text with all whitespace removed."""
    return _SPACE.sub("", text)


def hits(result: dict[str, Any], expect: list[dict[str, str]]) -> list[int]:
    """Indices of the ``expect`` entries that ``result`` (with ``doc`` and ``text``) hits."""
    text = squash(result.get("text", ""))
    return [i for i, e in enumerate(expect) if result.get("doc") == e["doc"] and squash(e["snippet"]) in text]


def score_question(results: list[dict[str, Any]], expect: list[dict[str, str]]) -> dict[str, float]:
    """recall@1/5/10 and mrr@10 of one ranked result list."""
    per_result = [hits(r, expect) for r in results[:10]]
    scores = {}
    for k in (1, 5, 10):
        found = {i for h in per_result[:k] for i in h}
        scores[f"recall@{k}"] = len(found) / len(expect) if expect else 0.0
    first = next((rank for rank, h in enumerate(per_result, start=1) if h), None)
    scores["mrr@10"] = 1.0 / first if first else 0.0
    return scores


def mean_scores(rows: Iterable[dict[str, float]]) -> dict[str, float]:
    """Mean of each metric over rows, with ``n``."""
    rows = list(rows)
    out: dict[str, float] = {"n": len(rows)}
    out.update({m: (sum(r[m] for r in rows) / len(rows) if rows else 0.0) for m in METRICS})
    return out


def evaluate(questions: list[dict[str, Any]], search_fn: SearchFn, k: int = 10, details: bool = False) -> dict:
    """Run every question through ``search_fn`` and score the ranked lists.

    Parameters
    ----------
    questions : list of dict
        As read by :func:`load_questions`.
    search_fn : callable (question text, k) -> list of dict
        Ranked results, each with at least ``doc`` and ``text`` (``clause_id`` is kept
        in details when present).
    k : int
        Results requested per question (at least 10 for recall@10 and MRR@10).
    details : bool
        Add ``questions``: per question its scores and top-k results with hit flags.

    Returns
    -------
    dict
        ``n``, ``recall@1``, ``recall@5``, ``recall@10``, ``mrr@10``, ``by_kind``
        (same keys per question kind) and, with ``details``, ``questions``.
    """
    rows, per_q = [], []
    for q in questions:
        results = search_fn(q["question"], max(k, 10))
        row = {"kind": q.get("kind", "all"), **score_question(results, q["expect"])}
        rows.append(row)
        if details:
            per_q.append({
                "id": q["id"], "question": q["question"], "kind": row["kind"],
                **{m: row[m] for m in METRICS},
                "results": [
                    {"doc": r.get("doc"), "clause_id": r.get("clause_id"), "text": r.get("text", ""),
                     "hits": hits(r, q["expect"])}
                    for r in results[:k]
                ],
            })
    out: dict[str, Any] = mean_scores(rows)
    kinds = sorted({r["kind"] for r in rows})
    out["by_kind"] = {kind: mean_scores(r for r in rows if r["kind"] == kind) for kind in kinds}
    if details:
        out["questions"] = per_q
    return out
