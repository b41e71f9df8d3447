"""Ingest speed: the shipped corpus against the 2-second goal of issue #3, and the labelled test sets.

Each folder is ingested ``repeats`` times (the first run imports and compiles the rule tables, so
it is reported apart); the fastest later run counts, as characters and documents per second.
"""

from __future__ import annotations

import time
from pathlib import Path

from ingest.pipeline import corpus_files, ingest_corpus

GOAL_SECONDS = 2.0


def time_folder(folder: Path, repeats: int = 5) -> dict:
    """Seconds to ingest every policy file of ``folder``: first run, fastest warm run, throughput."""
    files = corpus_files(folder)
    chars = sum(len(p.read_text(encoding="utf-8", errors="replace")) for p in files)
    runs = []
    for _ in range(repeats + 1):
        t0 = time.perf_counter()
        docs, errors = ingest_corpus(folder)
        runs.append(time.perf_counter() - t0)
    best = min(runs[1:])
    return {"documents": len(docs), "errors": len(errors), "chars": chars, "first_run_s": round(runs[0], 3),
            "seconds": round(best, 3), "chars_per_s": round(chars / best), "docs_per_s": round(len(docs) / best, 1)}


def measure_ingest(corpus: Path, label_root: Path, repeats: int = 5) -> dict:
    """The corpus figure plus one figure over every labelled set under ``label_root`` (``unseen*``)."""
    out = {"goal_seconds": GOAL_SECONDS, "corpus": time_folder(corpus, repeats)}
    sets = sorted(p for p in label_root.glob("unseen*") if p.is_dir())
    per_set = [time_folder(p, max(1, repeats // 2)) for p in sets]
    total_chars, total_s = sum(s["chars"] for s in per_set), sum(s["seconds"] for s in per_set)
    out["label_sets"] = {"sets": len(sets), "documents": sum(s["documents"] for s in per_set), "chars": total_chars,
                         "seconds": round(total_s, 3), "chars_per_s": round(total_chars / total_s) if total_s else None}
    return out
