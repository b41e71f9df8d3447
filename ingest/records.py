"""Flat JSON records of clauses and documents for export (clauses-jsonl, documents-jsonl).

These shapes are a contract read by other tools: fields may be added, never
renamed or removed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable

from ingest.model import Citation, Clause, Document


def _citation(c: Citation) -> dict[str, Any]:
    return {"number": c.number, "title": c.title, "kind": c.kind, "basis": c.basis, "issuer": c.issuer}


def clause_record(clause: Clause) -> dict[str, Any]:
    """One clause as a clauses-jsonl record.

    Returns
    -------
    dict
        ``clause_id, doc, path, label, kind, heading, text``,
        ``departments`` [{name, canonical, role}], ``targets`` [{indicator,
        value, unit, comparator, year, scope, text, value_max}] and
        ``citations`` [{number, title, kind, basis, issuer}].
    """
    return {
        "clause_id": clause.clause_id,
        "doc": clause.doc,
        "path": list(clause.path),
        "label": clause.label,
        "kind": clause.kind,
        "heading": clause.heading,
        "text": clause.text,
        "norm_text": clause.norm_text,
        "departments": [{"name": d.name, "canonical": d.canonical, "role": d.role} for d in clause.departments],
        "targets": [
            {"indicator": t.indicator, "value": t.value, "unit": t.unit, "comparator": t.comparator,
             "year": t.year, "scope": t.scope, "text": t.text, "value_max": t.value_max}
            for t in clause.targets
        ],
        "citations": [_citation(c) for c in clause.citations],
    }


def document_record(doc: Document) -> dict[str, Any]:
    """One document as a documents-jsonl record.

    Returns
    -------
    dict
        ``doc, title, issuers, date, region, city, province, level, source``
        and ``citations`` [{number, title, kind, basis, issuer}].
    """
    return {
        "doc": doc.doc,
        "title": doc.title,
        "issuers": list(doc.issuers),
        "date": doc.date,
        "region": doc.region,
        "city": doc.city,
        "province": doc.province,
        "level": doc.level,
        "source": doc.source,
        "citations": [_citation(c) for c in doc.citations],
    }


def write_jsonl(records: Iterable[dict[str, Any]], path: str | Path) -> int:
    """Write records as UTF-8 JSON lines (non-ASCII kept); returns the number written."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with path.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
            n += 1
    return n


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Read UTF-8 JSON lines written by :func:`write_jsonl` (blank lines skipped)."""
    with Path(path).open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]
