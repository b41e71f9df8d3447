"""Measure retrieval settings on a question file and print the tables for the README.

Table 1: leg combinations (BM25, each dense encoder) x RRF settings on the default
passages. Table 2: the place boost (clauses of the document whose county the question
names). Table 3: passage settings (window size, overlap, context) with all legs.
Per-leg rankings are computed once per question and fused many times, so the grid
is cheap; embeddings come from the shared cache.

Usage::

    python bench/tune_retrieval.py [--corpus corpus | --docs kb/documents.jsonl]
        [--questions ../shared/eval/dev_questions.jsonl] [--json out.json]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from search_app.evaluate import evaluate, load_questions  # noqa: E402
from search_app.index import DEFAULT_ENCODERS, PASSAGE_SETTINGS, build_index  # noqa: E402
from search_app.searcher import BM25_LEG, Searcher  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
RRF_SETTINGS = [{"rrf_k": k, "bm25": w} for k in (10, 30, 60) for w in (0.5, 1.0, 2.0)]
PLACE_BOOSTS = (0.0, 0.02, 0.05, 0.1, 0.2, 10.0)
PASSAGE_GRID = [
    {"max_chars": 60}, {"max_chars": 100}, {"max_chars": 150}, {"max_chars": [100, 200]}, {"overlap": False},
    {"context": "heading"}, {"context": "path"}, {"context": "doc"}, {"context": "doc+path"},
]


def load_docs(args: argparse.Namespace):
    """Documents from a built kb's documents.jsonl, or freshly ingested from the corpus."""
    if args.docs:
        from search_app.kb import read_documents

        return read_documents(args.docs)
    from ingest.pipeline import ingest_corpus

    docs, errors = ingest_corpus(args.corpus)
    for e in errors:
        print(f"skipped: {e}", file=sys.stderr)
    return docs


def leg_rankings(searcher: Searcher, questions: list[dict]) -> dict[str, dict]:
    """Per question id, each leg's clause ranking (computed once, fused many times)."""
    legs = searcher.legs_for("hybrid")
    return {q["id"]: {leg: searcher.leg_ranking(leg, q["question"], None) for leg in legs} for q in questions}


def score(searcher: Searcher, questions: list[dict], rankings: dict, legs: tuple[str, ...], rrf_k: float,
          bm25: float) -> dict:
    """Evaluate one leg combination and RRF setting from precomputed rankings.

    Non-Chinese questions go to the combination's multilingual legs, as in
    :meth:`Searcher.legs_for`.
    """
    searcher.rrf_k, searcher.weights = rrf_k, {BM25_LEG: bm25}
    by_text = {q["question"]: q["id"] for q in questions}
    clauses = {c.clause_id: c for d in searcher.docs for c in d.clauses}

    def search_fn(text: str, k: int) -> list[dict]:
        routed = [leg for leg in legs if leg in searcher.legs_for("hybrid", text)] or list(legs)
        hits = searcher.fuse({leg: rankings[by_text[text]][leg] for leg in routed}, k)
        return [{"doc": clauses[h.clause_id].doc, "text": clauses[h.clause_id].text, "clause_id": h.clause_id}
                for h in hits]

    return evaluate(questions, search_fn, k=10)


def leg_table(searcher: Searcher, questions: list[dict]) -> list[dict]:
    """Rows for every non-empty leg combination x RRF setting (single legs once)."""
    rankings = leg_rankings(searcher, questions)
    legs = searcher.legs_for("hybrid")
    rows = []
    for n in range(1, len(legs) + 1):
        for combo in itertools.combinations(legs, n):
            settings = [s for s in RRF_SETTINGS if BM25_LEG in combo or s["bm25"] == 1.0]
            settings = settings if n > 1 else settings[:1]
            for s in settings:
                r = score(searcher, questions, rankings, combo, s["rrf_k"], s["bm25"])
                rows.append({"legs": "+".join(combo), **(s if n > 1 else {}), **metrics(r)})
    return rows


def metrics(r: dict) -> dict:
    out = {m: round(r[m], 3) for m in ("recall@1", "recall@5", "recall@10", "mrr@10")}
    for kind in ("cross_doc", "english", "paraphrase"):
        if kind in r["by_kind"]:
            out[f"r@5 {kind}"] = round(r["by_kind"][kind]["recall@5"], 3)
    return out


def print_table(title: str, rows: list[dict]) -> None:
    table = Table(title=title)
    cols = list(dict.fromkeys(c for r in rows for c in r))
    for c in cols:
        table.add_column(c, justify="left" if c in ("legs", "passages") else "right")
    for r in rows:
        table.add_row(*(str(r.get(c, "")) for c in cols))
    Console(width=250).print(table)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument("--docs", type=Path, help="documents.jsonl of a built kb (skips ingestion)")
    ap.add_argument("--questions", type=Path, default=ROOT.parent / "shared" / "eval" / "dev_questions.jsonl")
    ap.add_argument("--encoders", nargs="*", default=list(DEFAULT_ENCODERS))
    ap.add_argument("--passages-only", action="store_true", help="only table 3")
    ap.add_argument("--place-only", action="store_true", help="only table 2")
    ap.add_argument("--json", type=Path, help="also write all rows as JSON")
    args = ap.parse_args()
    if not args.questions.is_file():
        sys.exit(f"question file {args.questions} not found; pass --questions")
    docs, questions = load_docs(args), load_questions(args.questions)
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        if not args.passages_only:
            build_index(docs, Path(tmp) / "default", encoders=args.encoders, progress=False)
            searcher = Searcher.load(Path(tmp) / "default", docs)
            if not args.place_only:
                out["legs"] = leg_table(searcher, questions)
                print_table(f"Leg combinations x RRF (passages {PASSAGE_SETTINGS})", out["legs"])
            out["place"] = place_table(searcher, questions)
            print_table("Place boost (default legs and RRF)", out["place"])
            if args.place_only:
                return write(args, out)
        out["passages"] = []
        for i, setting in enumerate([{}] + PASSAGE_GRID):
            build_index(docs, Path(tmp) / f"p{i}", encoders=args.encoders, progress=False, **setting)
            searcher = Searcher.load(Path(tmp) / f"p{i}", docs)
            for mode in ("bm25", "dense", "hybrid"):
                r = evaluate(questions, lambda t, k: records(searcher, t, k, mode), k=10)
                out["passages"].append({"passages": json.dumps(setting or "default"), "mode": mode, **metrics(r)})
        print_table("Passage settings (default legs and RRF)", out["passages"])
    write(args, out)


def write(args: argparse.Namespace, out: dict) -> None:
    if args.json:
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=2), encoding="utf-8")


def place_table(searcher: Searcher, questions: list[dict]) -> list[dict]:
    """Rows for each place boost, hybrid and dense (0 = off; 10 = the named document first)."""
    rows, default = [], searcher.place_boost
    for boost in PLACE_BOOSTS:
        searcher.place_boost = boost
        for mode in ("dense", "hybrid"):
            r = evaluate(questions, lambda t, k: records(searcher, t, k, mode), k=10)
            rows.append({"place_boost": boost, "mode": mode, **metrics(r)})
    searcher.place_boost = default
    return rows


def records(searcher: Searcher, text: str, k: int, mode: str) -> list[dict]:
    clauses = {c.clause_id: c for d in searcher.docs for c in d.clauses}
    return [{"doc": clauses[h.clause_id].doc, "text": clauses[h.clause_id].text, "clause_id": h.clause_id}
            for h in searcher.search(text, k, mode)]


if __name__ == "__main__":
    main()
