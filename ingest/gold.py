"""Score extracted departments, targets and citations against hand-made gold labels.

Used by tests and evaluation only. Rules follow the gold README: a label's
clause is the smallest clause whose whitespace-free text contains the
whitespace-free snippet; departments are (doc, clause, role, name) tuples,
targets (doc, clause, value, unit); a citation label is found by number or
title (or a title variant). Labels marked ``uncertain`` neither count as
misses nor make a matching extraction a false positive.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from ingest.model import Clause, Document

ROLES = ("lead", "support", "responsible")
_WS = re.compile(r"\s+")


@dataclass
class Score:
    """Precision/recall/F1 with the unmatched items for inspection."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list = field(default_factory=list)
    extras: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, gold: Counter, sure: Counter, found: Counter) -> None:
        """Add one document: ``gold`` all labels, ``sure`` the certain ones, ``found`` extractions."""
        hit = found & gold
        self.tp += sum((hit & sure).values())
        self.fn += sum((sure - found).values())
        extra = found - gold
        self.fp += sum(extra.values())
        self.misses += list((sure - found).elements())
        self.extras += list(extra.elements())


def load_gold(path: str | Path) -> list[dict]:
    """Label records of one gold JSONL file."""
    return [json.loads(x) for x in Path(path).read_text(encoding="utf-8").splitlines() if x.strip()]


def _squeeze(s: str) -> str:
    return _WS.sub("", s)


def locate(snippet: str, clauses: list[Clause]) -> Optional[str]:
    """Id of the smallest clause whose whitespace-free text contains the snippet, or None."""
    s = _squeeze(snippet)
    hits = [c for c in clauses if s in _squeeze(c.text)]
    return min(hits, key=lambda c: len(_squeeze(c.text))).clause_id if hits else None


def _num(v: float) -> float:
    return round(float(v), 6)


def score_departments(doc: Document, labels: Iterable[dict], score: Score) -> None:
    """Add (clause, role, name) tuples of one document to ``score``."""
    gold, sure = Counter(), Counter()
    for r in labels:
        if r.get("type") != "assignment":
            continue
        cid = locate(r["snippet"], doc.clauses)
        for role in ROLES:
            for name in r.get(role, []):
                gold[(cid, role, name)] += 1
                if not r.get("uncertain"):
                    sure[(cid, role, name)] += 1
    found = Counter({(c.clause_id, d.role, d.name): 1 for c in doc.clauses for d in c.departments if d.role in ROLES})
    gold = Counter(set(gold))
    sure = Counter(set(sure))
    score.add(gold, sure, found)


def score_targets(doc: Document, labels: Iterable[dict], score: Score) -> None:
    """Add (clause, value, unit) tuples of one document to ``score`` (multiset)."""
    gold, sure = Counter(), Counter()
    for r in labels:
        if r.get("type") != "target":
            continue
        key = (locate(r["snippet"], doc.clauses), _num(r["value"]), r["unit"])
        gold[key] += 1
        if not r.get("uncertain"):
            sure[key] += 1
    found = Counter((c.clause_id, _num(t.value), t.unit) for c in doc.clauses for t in c.targets)
    score.add(gold, sure, found)


def score_citations(doc: Document, labels: Iterable[dict], score: Score) -> None:
    """Add one document's citation labels (found by number or title) to ``score``."""
    cites = [r for r in labels if r.get("type") == "citation"]
    matched_label: set[int] = set()
    for c in doc.citations:
        hit = [i for i, r in enumerate(cites)
               if (c.number and c.number == r.get("cited_number"))
               or (c.title and c.title in [r.get("cited_title")] + r.get("title_variants", []))]
        if hit:
            matched_label.update(hit)
        else:
            score.fp += 1
            score.extras.append((c.number, c.title))
    for i, r in enumerate(cites):
        if i in matched_label and not r.get("uncertain"):
            score.tp += 1
        elif i not in matched_label and not r.get("uncertain"):
            score.fn += 1
            score.misses.append((r.get("cited_number"), r.get("cited_title")))


def score_corpus(docs: list[Document], gold_dir: str | Path) -> dict[str, Score]:
    """Scores per category over every ``gold_dir/*.jsonl`` whose stem matches a document's source file."""
    by_source = {Path(d.source).stem: d for d in docs}
    scores = {"departments": Score(), "targets": Score(), "citations": Score()}
    for path in sorted(Path(gold_dir).glob("*.jsonl")):
        doc = by_source.get(path.stem)
        if doc is None:
            raise ValueError(f"gold file {path.name} has no ingested document; ingest the matching corpus file")
        labels = load_gold(path)
        score_departments(doc, labels, scores["departments"])
        score_targets(doc, labels, scores["targets"])
        score_citations(doc, labels, scores["citations"])
    return scores
