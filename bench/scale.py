"""Index build time, size, peak memory and query latency on a 100k-clause synthetic corpus.

The synthetic texts are real (recombined, perturbed) sentences; their dense vectors
are NOT embeddings of those texts: embedding 100k clauses with m3e on 2 cores takes
hours, so each synthetic passage gets the m3e vector of a random real passage plus
gaussian noise, renormalized. Queries are encoded for real, once, before timing:
``hybrid_*`` is BM25 leg + dense leg + RRF without query encoding (``encode_query``
is timed on its own). ``*_1thread`` run FAISS on one OpenMP thread.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import faiss
import numpy as np

from bench.latency import time_calls
from bench.memory import dir_mb, peak_rss_mb, reset_peak, rss_mb
from bench.synth import synthetic_corpus
from ingest.model import Document
from search_app.bm25 import BM25Index
from search_app.dense import DenseIndex
from search_app.encoders.base import Encoder, normalize
from search_app.hybrid import best_per_group
from search_app.index import PASSAGE_SETTINGS
from search_app.passages import make_passages
from search_app.searcher import Searcher
from search_app.tokenize import Tokenizer, domain_terms

# Tiling 150-char windows (~2 per clause); the project's sliding multi-size windows would give
# ~11 per clause (1.1M passages), too many to build HNSW within the bench's time budget.
SCALE_PASSAGES = {"max_chars": 150, "context": "none", "overlap": False}
NOISE = 0.02  # per-dimension sigma; with 512 dimensions the copy keeps cosine ~0.9 to its source
DEPTH = 300  # passages a leg retrieves (Searcher default)
EF_SWEEP = (300, 512, 1024, 2048)  # HNSW efSearch values measured side by side (never below DEPTH)


class Stage:
    """Times a block and records its peak RSS above the RSS at entry."""

    def __enter__(self) -> "Stage":
        reset_peak()
        self.rss0 = rss_mb()
        self.t0 = time.perf_counter()
        return self

    def __exit__(self, *exc) -> None:
        self.seconds = round(time.perf_counter() - self.t0, 2)
        self.peak_mb = round(peak_rss_mb(), 1)
        self.extra_peak_mb = round(self.peak_mb - self.rss0, 1)

    def report(self, **more) -> dict:
        return {"seconds": self.seconds, "peak_rss_mb": self.peak_mb, "peak_rss_above_start_mb": self.extra_peak_mb,
                **more}


def noisy_copies(real: np.ndarray, n: int, rng: np.random.Generator, sigma: float = NOISE) -> tuple[np.ndarray, float]:
    """``n`` unit vectors (random rows of ``real`` plus gaussian noise, renormalized) and their mean cosine to the row."""
    src = rng.integers(0, len(real), n)
    out = normalize(real[src] + rng.normal(0, sigma, (n, real.shape[1])).astype(np.float32))
    return out, float(np.einsum("ij,ij->i", out, real[src]).mean())


def build_dense(vectors: np.ndarray, kind: str, out: Path) -> tuple[DenseIndex, dict]:
    """A DenseIndex of ``kind`` over ``vectors``, saved to ``out``, with its build figures."""
    with Stage() as st:
        index = DenseIndex(vectors.shape[1], kind).add(vectors)
    index.save(out)
    return index, st.report(size_mb=round(dir_mb(out), 1))


def one_thread(fn, *args):
    """Call ``fn`` with FAISS limited to one OpenMP thread (restored afterwards)."""
    threads = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)
    try:
        return fn(*args)
    finally:
        faiss.omp_set_num_threads(threads)


def recall_at(approx: list[np.ndarray], exact: list[np.ndarray], k: int = 10) -> float:
    """Mean share of the exact top-``k`` found in the approximate top-``k``."""
    return float(np.mean([len(set(a[:k]) & set(e[:k])) / k for a, e in zip(approx, exact)]))


def ef_sweep(hnsw: DenseIndex, by_query: dict, exact: list[np.ndarray], queries: list[str]) -> list[dict]:
    """Recall@10 against flat and dense-leg latency of HNSW for each efSearch in :data:`EF_SWEEP`."""
    default, rows = hnsw.ef_search, []
    for ef in EF_SWEEP:
        hnsw.ef_search = ef
        found = [hnsw.search(by_query[q], DEPTH)[0] for q in queries]
        timing = time_calls({"dense_hnsw": lambda q: hnsw.search(by_query[q], DEPTH)}, queries)["dense_hnsw"]
        rows.append({"efSearch": ef, "recall@10_vs_flat": round(recall_at(found, exact), 4),
                     "p50_ms": timing["p50_ms"], "p95_ms": timing["p95_ms"]})
    hnsw.ef_search = default
    return rows


def measure_scale(real_docs: list[Document], real_vectors: np.ndarray, encoder: Encoder, queries: list[str],
                  n_clauses: int = 100_000, seed: int = 0) -> dict:
    """Build BM25, flat and HNSW indexes over ``n_clauses`` synthetic clauses and time queries.

    Parameters
    ----------
    real_docs : list of Document
        The real corpus (sentences, templates, BM25 domain terms).
    real_vectors : ndarray
        m3e vectors of the real passages (source of the synthetic vectors).
    encoder : Encoder
        m3e-small, to encode the queries.
    queries : list of str
        Dev-style queries.
    """
    rng = np.random.default_rng(seed)
    with Stage() as st:
        docs = synthetic_corpus(real_docs, n_clauses, seed)
        passages = make_passages(docs, **SCALE_PASSAGES)
        texts = [p.text for p in passages]
    real_passages = len(make_passages(real_docs, **PASSAGE_SETTINGS))
    corpus = st.report(clauses=n_clauses, documents=len(docs), passages=len(passages), chars=sum(map(len, texts)),
                       passage_settings=SCALE_PASSAGES,
                       passages_at_project_settings_projected=round(
                           real_passages * n_clauses / sum(len(d.clauses) for d in real_docs)))
    vectors, cosine = noisy_copies(real_vectors, len(passages), rng)
    out: dict = {"corpus": corpus, "vectors": {
        "source": "m3e vectors of random real passages + gaussian noise (not embeddings of the synthetic texts)",
        "real_vectors": len(real_vectors), "noise_sigma_per_dim": NOISE, "dim": int(vectors.shape[1]),
        "mean_cosine_to_source": round(cosine, 4)}}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        with Stage() as st:
            bm25 = BM25Index(Tokenizer(domain_terms(real_docs))).index(texts)
        (tmp / "bm25").mkdir()
        bm25.save(tmp / "bm25")
        out["bm25"] = st.report(size_mb=round(dir_mb(tmp / "bm25"), 1))
        dense = {}
        for kind in ("flat", "hnsw"):
            dense[kind], out[kind] = build_dense(vectors, kind, tmp / f"{kind}.faiss")
    qvecs = encoder.encode(queries)
    by_query = dict(zip(queries, qvecs))
    results = {kind: [index.search(by_query[q], DEPTH)[0] for q in queries] for kind, index in dense.items()}
    out["hnsw"]["recall@10_vs_flat"] = round(recall_at(results["hnsw"], results["flat"]), 4)
    out["hnsw"]["settings"] = {"M": 32, "efSearch": dense["hnsw"].ef_search, "depth": DEPTH}
    out["hnsw"]["ef_search_sweep"] = ef_sweep(dense["hnsw"], by_query, results["flat"], queries)
    searchers = {kind: Searcher(passages, docs, bm25, {encoder.name: (encoder, index)}) for kind, index in dense.items()}

    def hybrid(kind: str, q: str):
        """BM25 leg + dense leg (query pre-encoded) + RRF: the search without query encoding."""
        searcher, (ids, scores) = searchers[kind], dense[kind].search(by_query[q], DEPTH)
        legs = {"bm25": searcher.leg_ranking("bm25", q, None),
                encoder.name: best_per_group(ids, scores, searcher.clause_of)}
        return searcher.fuse(legs, 10)

    fns = {
        "encode_query": encoder.encode_query,
        "bm25_leg": lambda q: bm25.search(q, DEPTH),
        **{f"dense_{kind}": (lambda q, i=index: i.search(by_query[q], DEPTH)) for kind, index in dense.items()},
        "dense_flat_1thread": lambda q: one_thread(dense["flat"].search, by_query[q], DEPTH),
        **{f"hybrid_{kind}": (lambda q, k=kind: hybrid(k, q)) for kind in dense},
        "hybrid_flat_1thread": lambda q: one_thread(hybrid, "flat", q),
    }
    out["query_latency"] = time_calls(fns, queries)
    return out
