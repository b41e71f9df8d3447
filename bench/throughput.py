"""Embedding throughput: the project's build path against plain sentence-transformers, side by side."""

from __future__ import annotations

import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Callable

from ingest.model import Document
from search_app.encoders import create_encoder
from search_app.index import PASSAGE_SETTINGS, build_index
from search_app.passages import make_passages


def sample_docs(docs: list[Document], clauses_per_doc: int) -> list[Document]:
    """Every document cut to its first ``clauses_per_doc`` clauses."""
    return [replace(d, clauses=d.clauses[:clauses_per_doc]) for d in docs]


def seconds(fn: Callable[[], object]) -> float:
    """Wall time of one call."""
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def rates(seconds: float, clauses: int, passages: int, chars: int) -> dict:
    """Throughput figures of one run."""
    return {"seconds": round(seconds, 3), "clauses_per_s": round(clauses / seconds, 2),
            "passages_per_s": round(passages / seconds, 2), "chars_per_s": round(chars / seconds, 1)}


def cold_build(docs: list[Document], encoder: str) -> None:
    """``build_index`` with one encoder and an empty embedding cache (fresh temp folders)."""
    with tempfile.TemporaryDirectory() as tmp:
        build_index(docs, Path(tmp) / "index", encoders=(encoder,), progress=False, cache_dir=Path(tmp) / "cache")


def measure_throughput(docs: list[Document], model_dir: Path, extra: dict[str, object], repeats: int = 2) -> dict:
    """Throughput of each way to embed the same sample, interleaved ``repeats`` times.

    Parameters
    ----------
    docs : list of Document
        The sample (see :func:`sample_docs`).
    model_dir : Path
        The m3e-small folder, loaded again as a plain ``SentenceTransformer``.
    extra : dict of name -> Encoder
        More encoders to time on the same passage texts (e.g. ONNX variants).
    repeats : int
        Runs per variant; the fastest counts.

    Returns
    -------
    dict
        ``sample`` (clauses, passages, chars embedded) and per variant its rates.
        ``build_m3e`` and ``build_use`` run the whole ``build_index`` (passages,
        BM25, embedding, FAISS) with a cold cache; the others only embed.
    """
    from sentence_transformers import SentenceTransformer

    texts = [p.text for p in make_passages(docs, **PASSAGE_SETTINGS)]
    clauses, chars = sum(len(d.clauses) for d in docs), sum(map(len, texts))
    plain = SentenceTransformer(str(model_dir), device="cpu", local_files_only=True)
    warm = texts[:8]
    variants: dict[str, Callable[[], object]] = {
        "build_m3e": lambda: cold_build(docs, "m3e-small"),
        "plain_sentence_transformers": lambda: plain.encode(texts, batch_size=32, show_progress_bar=False),
        "build_use": lambda: cold_build(docs, "use"),
        **{name: (lambda e=enc: e.encode(texts, batch_size=32)) for name, enc in extra.items()},
    }
    for enc in (create_encoder("m3e-small"), create_encoder("use"), *extra.values()):
        enc.encode(warm)
    plain.encode(warm)
    times = {name: [] for name in variants}
    for _ in range(repeats):  # interleaved, so a burst of other load hits every variant alike
        for name, fn in variants.items():
            times[name].append(seconds(fn))
    return {
        "sample": {"clauses": clauses, "passages": len(texts), "chars": chars, "repeats": repeats,
                   "passage_settings": PASSAGE_SETTINGS},
        "variants": {name: rates(min(t), clauses, len(texts), chars) for name, t in times.items()},
    }
