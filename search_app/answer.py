"""Structured answers: departments, targets or parent policies, read from the clauses found.

`ask` = detect the intent, retrieve clauses, then answer from the extractions of those
clauses (and from the graph for policy lineage). Every answer entry keeps its clause
id, document number and position, so the structured answer is as traceable as the text.
"""

from __future__ import annotations

from typing import Any, Optional

from search_app.intent import detect_intent, policy_numbers
from search_app.kb import KnowledgeBase
from search_app.places import named_documents
from search_app.searcher import is_chinese
from search_app.query import search_records

ROLES = ("lead", "support", "responsible", "mentioned")


def _where(rec: dict[str, Any]) -> dict[str, Any]:
    return {k: rec[k] for k in ("doc", "title", "clause_id", "label", "rank")}


def bigrams(text: str) -> set[str]:
    """Character bigrams of the CJK/alphanumeric characters of ``text``."""
    chars = [c for c in text if c.isalnum()]
    return {a + b for a, b in zip(chars, chars[1:])}


def department_answer(records: list[dict[str, Any]]) -> dict[str, Any]:
    """Per clause found, in retrieval rank order, its departments grouped by role.

    Rank order (not "annotated clauses first") keeps the most relevant clause on top:
    a roster or running text that names the office answers as well as an annotation.
    """
    entries = []
    for rec in records:
        if not rec["departments"]:
            continue
        entry = _where(rec) | {role: [] for role in ROLES}
        for d in rec["departments"]:
            if d["name"] not in entry[d["role"]]:
                entry[d["role"]].append(d["name"])
        sentence = (rec.get("highlight") or {}).get("sentence", "")
        entry["in_best_sentence"] = [n for n in dict.fromkeys(d["name"] for d in rec["departments"]) if n in sentence]
        entry["sentence"] = sentence.strip()
        entries.append(entry)
    return {"departments": entries}


def target_answer(question: str, records: list[dict[str, Any]], prefer: frozenset[str] = frozenset()) -> dict[str, Any]:
    """Targets of the clauses found, most relevant to the question first, comparable across documents.

    Targets of the documents in ``prefer`` (those whose place the question names) come first.
    An English question shares no words with the targets (only digits such as its year),
    so its targets follow the rank of their clauses.
    """
    q = bigrams(question) if is_chinese(question) else set()
    scored = []
    for rec in records:
        for t in rec["targets"]:
            overlap = len(q & bigrams(f"{t['indicator']}{t.get('scope') or ''}{t['text']}"))
            scored.append((rec["doc"] not in prefer, -overlap, rec["rank"], _where(rec) | t))
    scored.sort(key=lambda x: x[:3])
    return {"targets": [entry for *_, entry in scored]}


def citation_answer(kb: KnowledgeBase, question: str, records: list[dict[str, Any]]) -> dict[str, Any]:
    """Parent policies and the documents implementing them.

    A question naming a 文号 asks which documents build on it (lineage below it);
    otherwise the answer lists what the documents of the clauses found are based on.
    """
    from graph.queries import lineage

    numbers = policy_numbers(question, known=[a.get("number") for _, a in kb.graph.nodes(data=True) if a.get("number")])
    if numbers:
        return {"policies": [lineage(kb.graph, n) for n in numbers]}
    docs = list(dict.fromkeys(rec["doc"] for rec in records))
    return {"documents": [lineage(kb.graph, d) for d in docs]}


def ask(
    kb: KnowledgeBase, question: str, k: int = 5, mode: str = "hybrid", filters: Optional[dict] = None
) -> dict[str, Any]:
    """Answer ``question``: ``{"intent", "answer", "clauses"}`` (clauses as `search --json`)."""
    intent = detect_intent(question)
    records = search_records(kb, question, k=k, mode=mode, filters=filters)
    if intent.name == "department":
        answer = department_answer(records)
    elif intent.name == "target":
        answer = target_answer(question, records, frozenset(named_documents(question, kb.documents)))
    elif intent.name == "citation":
        answer = citation_answer(kb, question, records)
    else:
        answer = {}
    return {"intent": intent.name, "cue": intent.cue, "answer": answer, "clauses": records}
