"""Build the search indexes of a corpus into one folder.

Layout of ``out_dir``::

    passages.jsonl          one Passage per line (position = passage id)
    dense-<name>.faiss      one FAISS index per encoder
    sentences.json          each clause's sentence spans, in the row order of the files below
    sentences-<name>.npy    the vectors of those sentences per encoder (for highlighting)
    bm25/                   bm25s index, jieba user dictionary, BM25 parameters
    info.json               passage settings, encoders (spec, name, digest, dim, file)
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Iterable, Optional

import numpy as np

from ingest.model import Document
from ingest.records import read_jsonl, write_jsonl
from search_app.bm25 import BM25Index
from search_app.dense import DenseIndex
from search_app.embcache import embed_cached
from search_app.encoders import create_encoder
from search_app.highlight import clause_sentences
from search_app.passages import Passage, make_passages
from search_app.tokenize import Tokenizer, domain_terms

DEFAULT_ENCODERS = ("m3e-small", "use")
# Measured with bench/tune_retrieval.py on the dev questions: windows at three sizes beat any
# single size; heading or document context prefixes did not help.
PASSAGE_SETTINGS = {"max_chars": [60, 100, 150], "context": "none", "overlap": True}
PASSAGES = "passages.jsonl"
BM25_DIR = "bm25"
INFO = "info.json"
SENTENCES = "sentences.json"


def write_passages(passages: Iterable[Passage], path: Path) -> None:
    """Write passages as UTF-8 JSON lines."""
    write_jsonl((p.to_dict() for p in passages), path)


def read_passages(path: Path) -> list[Passage]:
    """Read passages written by :func:`write_passages`."""
    return [Passage(**d) for d in read_jsonl(path)]


def build_index(
    docs: list[Document],
    out_dir: Path,
    encoders: Iterable[str] = DEFAULT_ENCODERS,
    progress: bool = True,
    cache_dir: Optional[Path] = None,
    dense_kind: str = "flat",
    **passage_settings,
) -> dict:
    """Cut ``docs`` into passages and write BM25 and one dense index per encoder.

    Parameters
    ----------
    docs : list of Document
        Ingested documents (clause trees).
    out_dir : Path
        Folder to write into (created).
    encoders : iterable of str
        Encoder specs for :func:`search_app.encoders.create_encoder`; may be empty
        (BM25 only).
    progress : bool
        Show a progress bar while embedding.
    cache_dir : Path, optional
        Embedding cache (default :func:`search_app.embcache.default_cache_dir`).
    dense_kind : {"flat", "hnsw"}
        FAISS index type.
    **passage_settings
        Overrides of :data:`PASSAGE_SETTINGS` (max_chars, context, overlap).

    Returns
    -------
    dict
        What was built (also written to ``info.json``): passage settings and count,
        and for each encoder its spec, name, digest, dim, file and freshly embedded count.
    """
    unknown = set(passage_settings) - set(PASSAGE_SETTINGS)
    if unknown:
        raise TypeError(f"unknown passage settings {sorted(unknown)}; known: {sorted(PASSAGE_SETTINGS)}")
    settings = {**PASSAGE_SETTINGS, **passage_settings}
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    passages = make_passages(docs, **settings)
    if not passages:
        raise ValueError("the documents have no clause text to index; check the ingestion output")
    write_passages(passages, out_dir / PASSAGES)
    texts = [p.text for p in passages]

    (out_dir / BM25_DIR).mkdir(exist_ok=True)
    BM25Index(Tokenizer(domain_terms(docs))).index(texts).save(out_dir / BM25_DIR)

    spans = {c.clause_id: clause_sentences(c.text) for d in docs for c in d.clauses}
    sentences = [c.text[s:e] for d in docs for c in d.clauses for s, e in spans[c.clause_id]]
    (out_dir / SENTENCES).write_text(json.dumps(spans, ensure_ascii=False), encoding="utf-8")

    info_encoders = []
    for spec in encoders:
        encoder = create_encoder(spec)
        vectors, fresh = embed_cached(encoder, texts, cache_dir=cache_dir, progress=progress)
        file = f"dense-{encoder.name}.faiss"
        if any(e["file"] == file for e in info_encoders):
            raise ValueError(f"two encoders are named {encoder.name!r}; pass each model once")
        DenseIndex(encoder.dim, dense_kind).add(vectors).save(out_dir / file)
        sentence_vectors, _ = embed_cached(encoder, sentences, cache_dir=cache_dir, progress=progress)
        np.save(out_dir / f"sentences-{encoder.name}.npy", sentence_vectors.astype(np.float32))
        info_encoders.append(
            {"spec": spec, "name": encoder.name, "digest": encoder.digest, "dim": encoder.dim,
             "file": file, "embedded": fresh}
        )
    info = {
        "passages": len(passages),
        "passage_settings": settings,
        "dense_kind": dense_kind,
        "encoders": info_encoders,
        "bm25": BM25_DIR,
        "seconds": round(time.perf_counter() - t0, 2),
    }
    (out_dir / INFO).write_text(json.dumps(info, ensure_ascii=False, indent=2), encoding="utf-8")
    return info


def read_info(out_dir: Path) -> dict:
    """The ``info.json`` of a built index, or an error saying how to build one."""
    path = Path(out_dir) / INFO
    if not path.is_file():
        raise FileNotFoundError(f"no search index in {out_dir}; build it with `policykg build`")
    return json.loads(path.read_text(encoding="utf-8"))
