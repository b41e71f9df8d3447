"""Does ``policykg tune`` help? m3e-small before and after adapting it to the corpus.

Tunes m3e-small on the corpus's own pairs (no labels) with a few settings, then
scores each model on the dev questions in four leg sets: the m3e leg alone,
BM25 + m3e, m3e + USE (``dense``) and the default hybrid (BM25 + m3e + USE). Base and tuned models run
on the same (PyTorch) backend. The tuned model would become the default only if
it lifts the dev figures without lowering any question kind.

Usage::

    python bench/tune_m3e.py [--questions ../shared/eval/dev_questions.jsonl] [--json bench/tune_m3e.json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.tune_retrieval import leg_rankings, print_table, score  # noqa: E402
from ingest.pipeline import ingest_corpus  # noqa: E402
from search_app.evaluate import load_questions  # noqa: E402
from search_app.fetch_model import default_model_dir  # noqa: E402
from search_app.index import build_index  # noqa: E402
from search_app.searcher import BM25_LEG, Searcher  # noqa: E402
from search_app.tune import TuneSettings, corpus_pairs, train  # noqa: E402

VARIANTS = {
    "tuned 1 epoch": TuneSettings(epochs=1),
    "tuned 3 epochs": TuneSettings(epochs=3),
    "tuned 3 epochs lr 5e-5": TuneSettings(epochs=3, learning_rate=5e-5),
}
RRF_K, BM25_WEIGHT = 10, 0.5  # the defaults of search_app.searcher


def model_rows(name: str, model_dir: Path, docs, questions, work: Path) -> list[dict]:
    """Dev figures of one m3e model in each leg set."""
    build_index(docs, work / name.replace(" ", "_"), encoders=(str(model_dir), "use"), progress=False)
    searcher = Searcher.load(work / name.replace(" ", "_"), docs)
    rankings = leg_rankings(searcher, questions)
    m3e = next(leg for leg in searcher.legs_for("hybrid") if leg not in (BM25_LEG, "use"))
    rows = []
    for legs in ((m3e,), (BM25_LEG, m3e), (m3e, "use"), (BM25_LEG, m3e, "use")):
        r = score(searcher, questions, rankings, legs, RRF_K, BM25_WEIGHT)
        row = {"model": name, "legs": "+".join("m3e" if leg == m3e else leg for leg in legs),
               "recall@5": round(r["recall@5"], 3), "mrr@10": round(r["mrr@10"], 3)}
        row.update({f"r@5 {kind}": round(v["recall@5"], 3) for kind, v in sorted(r["by_kind"].items())})
        rows.append(row)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument("--questions", type=Path, default=ROOT.parent / "shared" / "eval" / "dev_questions.jsonl")
    ap.add_argument("--json", type=Path, help="also write the rows and training facts as JSON")
    args = ap.parse_args()
    if not args.questions.is_file():
        sys.exit(f"question file {args.questions} not found; pass --questions")
    docs, errors = ingest_corpus(args.corpus)
    for e in errors:
        print(f"skipped: {e}", file=sys.stderr)
    questions = load_questions(args.questions)
    pairs = corpus_pairs(docs)
    out = {"rows": [], "training": {}}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        out["rows"] += model_rows("base", default_model_dir(), docs, questions, work)
        for name, settings in VARIANTS.items():
            model_dir = work / f"model-{len(out['training'])}"
            out["training"][name] = train(default_model_dir(), pairs, model_dir, settings, log=lambda m: None)
            out["rows"] += model_rows(name, model_dir, docs, questions, work)
    print_table("m3e-small before and after policykg tune (dev questions, k=10)", out["rows"])
    for name, info in out["training"].items():
        print(f"{name}: {info['pairs']} pairs, {info['steps']} steps, loss {info['train_loss']}, {info['seconds']}s")
    if args.json:
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
