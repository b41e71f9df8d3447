"""Search hits as records with full provenance (the `search --json` contract)."""

from __future__ import annotations

from typing import Any

from ingest.model import Clause, Document


def clause_result(rank: int, score: float, clause: Clause, doc: Document, **extra: Any) -> dict[str, Any]:
    """One ranked clause with its document, position and extractions.

    Contract keys: rank, score, clause_id, doc (文号), title, path, text. The rest is
    provenance users rely on: position label, heading, character offsets into the
    source file, departments, targets, citations and document metadata.
    """
    rec: dict[str, Any] = {
        "rank": rank,
        "score": round(float(score), 6),
        "clause_id": clause.clause_id,
        "doc": clause.doc,
        "title": doc.title,
        "path": list(clause.path),
        "text": clause.text,
        "label": clause.label,
        "heading": clause.heading,
        "kind": clause.kind,
        "source": doc.source,
        "start": clause.start,
        "end": clause.end,
        "region": doc.region,
        "date": doc.date,
        "departments": [
            {"name": m.name, "canonical": m.canonical, "role": m.role} for m in clause.departments
        ],
        "targets": [
            {k: getattr(t, k) for k in ("indicator", "value", "unit", "comparator", "year", "scope", "text")}
            for t in clause.targets
        ],
        "citations": [
            {"number": c.number, "title": c.title, "kind": c.kind, "basis": c.basis} for c in clause.citations
        ],
    }
    rec.update(extra)
    return rec
