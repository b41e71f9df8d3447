"""Warm query latency per search mode over dev-style queries."""

from __future__ import annotations

import random
import time
from typing import Callable

import numpy as np

from ingest.model import Document
from bench.synth import split_sentences

TEMPLATES = ("{}有哪些要求", "关于{}的规定", "如何{}", "{}由哪个部门负责", "{}的目标是什么", "{}")


def dev_style_queries(docs: list[Document], questions: list[str], n: int = 200, seed: int = 0) -> list[str]:
    """The dev questions plus variants made from clause headings and sentence pieces.

    Half of the variants put a heading into a question template, the other half are
    8–24 character pieces of a body sentence (what a user pastes from a policy).
    """
    rng = random.Random(seed)
    headings = sorted({c.heading for d in docs for c in d.clauses if 2 <= len(c.heading) <= 30})
    sentences = [s.strip() for d in docs for c in d.clauses for s in split_sentences(c.text)[1:] if len(s) >= 12]
    out = list(questions[:n])
    while len(out) < n:
        if len(out) % 2 and headings:
            out.append(rng.choice(TEMPLATES).format(rng.choice(headings)))
        else:
            s = rng.choice(sentences)
            size = rng.randint(8, min(24, len(s)))
            start = rng.randint(0, len(s) - size)
            out.append(s[start:start + size])
    return out


def stats_ms(seconds: list[float]) -> dict:
    """p50, p95, mean and max in milliseconds, and the count."""
    ms = np.asarray(seconds) * 1000
    return {"n": int(ms.size), "p50_ms": round(float(np.percentile(ms, 50)), 2),
            "p95_ms": round(float(np.percentile(ms, 95)), 2), "mean_ms": round(float(ms.mean()), 2),
            "max_ms": round(float(ms.max()), 2)}


def time_calls(fns: dict[str, Callable[[str], object]], queries: list[str], warmup: int = 5) -> dict[str, dict]:
    """Latency of each function over ``queries``, interleaved per query (side by side).

    The first ``warmup`` queries run once through every function untimed.
    """
    for q in queries[:warmup]:
        for fn in fns.values():
            fn(q)
    times: dict[str, list[float]] = {name: [] for name in fns}
    for q in queries:
        for name, fn in fns.items():
            t0 = time.perf_counter()
            fn(q)
            times[name].append(time.perf_counter() - t0)
    return {name: stats_ms(t) for name, t in times.items()}


def measure_latency(searcher, queries: list[str], modes=("hybrid", "dense", "bm25"), k: int = 10) -> dict:
    """Warm latency of ``searcher.search`` per mode (models loaded before timing), and of each query encoder."""
    fns = {mode: (lambda q, m=mode: searcher.search(q, k=k, mode=m)) for mode in modes}
    encoders = {f"encode_query_{leg}": enc.encode_query for leg, (enc, _) in searcher.dense.items()}
    return {"queries": len(queries), "k": k, "legs": {m: searcher.legs_for(m) for m in modes},
            "modes": time_calls(fns, queries), "query_encoding": time_calls(encoders, queries)}
