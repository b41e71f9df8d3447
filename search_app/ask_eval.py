"""Score `ask` on question files: is the intent right, and does the structured answer
come from an answering clause?

For a department question the answer is right when its first entry (the departments
of one clause) is read from a clause that hits an ``expect`` entry; for a target
question, when its first target is. Matching rules are those of retrieval
evaluation (:func:`search_app.evaluate.hits`).
"""

from __future__ import annotations

from typing import Any

from search_app.answer import ask
from search_app.evaluate import hits
from search_app.kb import KnowledgeBase

EXPECTED_INTENT = {"department": "department", "target": "target", "citation": "citation"}
ANSWER_KEY = {"department": "departments", "target": "targets"}


def first_entry_hits(kb: KnowledgeBase, answer: dict[str, Any], key: str, expect: list[dict]) -> bool:
    """True when the answer's first entry under ``key`` comes from an answering clause."""
    entries = answer.get(key) or []
    if not entries:
        return False
    clause = kb.clauses[entries[0]["clause_id"]]
    return bool(hits({"doc": clause.doc, "text": clause.text}, expect))


def evaluate_ask(kb: KnowledgeBase, questions: list[dict[str, Any]], k: int = 5) -> dict[str, Any]:
    """Intent accuracy and answer accuracy on the questions whose kind names an intent."""
    rows = []
    for q in questions:
        want = EXPECTED_INTENT.get(q.get("kind", ""))
        if want is None:
            continue
        result = ask(kb, q["question"], k=k)
        intent_ok = result["intent"] == want
        row = {"id": q["id"], "kind": q["kind"], "intent": result["intent"], "intent_ok": intent_ok}
        if want in ANSWER_KEY:
            row["answer_ok"] = intent_ok and first_entry_hits(kb, result["answer"], ANSWER_KEY[want], q["expect"])
        rows.append(row)

    def share(items: list[dict], key: str) -> float:
        scored = [r[key] for r in items if key in r]
        return sum(scored) / len(scored) if scored else 0.0

    by_kind = {}
    for kind in sorted({r["kind"] for r in rows}):
        sub = [r for r in rows if r["kind"] == kind]
        by_kind[kind] = {"n": len(sub), "intent_accuracy": share(sub, "intent_ok")}
        if any("answer_ok" in r for r in sub):
            by_kind[kind]["answer_accuracy"] = share(sub, "answer_ok")
    return {
        "n": len(rows),
        "intent_accuracy": share(rows, "intent_ok"),
        "answer_accuracy": share(rows, "answer_ok"),
        "by_kind": by_kind,
        "questions": rows,
    }
