"""Search a built index: ranked clauses from BM25 and dense legs fused by RRF.

Each leg ranks passages, collapses them to clauses (a clause scores its best
passage) and the legs' clause rankings are fused with weighted reciprocal rank
fusion. Modes: ``bm25`` (the BM25 leg), ``dense`` (RRF of the dense legs, one per
encoder, e.g. m3e-small and USE), ``hybrid`` (RRF of all legs).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

import re

import faiss
import numpy as np

from ingest.model import Document
from search_app.bm25 import BM25Index
from search_app.dense import DenseIndex
from search_app.encoders import Encoder, create_encoder, normalize
from search_app.hybrid import best_per_group, rrf
from search_app.index import BM25_DIR, PASSAGES, SENTENCES, read_info, read_passages
from search_app.places import named_documents

MODES = ("hybrid", "dense", "bm25")
BM25_LEG = "bm25"
# Legs not listed weigh 1.0. BM25 at half a dense leg was best or tied best for every leg
# combination and RRF k measured (bench/tune_retrieval.py).
DEFAULT_WEIGHTS = {"bm25": 0.5}
PLACE_BOOST = 0.1
CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")
DOC_FILTERS = ("doc", "region", "city", "province", "level")
FILTERS = DOC_FILTERS + ("year_from", "year_to", "department_type", "role")


def is_chinese(text: str) -> bool:
    """True when Chinese characters outnumber Latin letters in ``text``."""
    return len(CJK.findall(text)) >= len(LATIN.findall(text))


def allowed_clauses(docs: list[Document], filters: dict[str, Any]) -> set[str]:
    """Clause ids passing every filter.

    ``doc``/``region``/``city``/``province``/``level`` compare with the document's
    field; ``year_from``/``year_to`` bound the year of its date (inclusive);
    ``department_type`` and ``role`` require one department mention of the clause
    with that canonical type and/or role.
    """
    unknown = set(filters) - set(FILTERS)
    if unknown:
        raise ValueError(f"unknown filter(s) {sorted(unknown)}; known filters: {', '.join(FILTERS)}")
    out = set()
    for d in docs:
        if any(k in filters and getattr(d, k) != filters[k] for k in DOC_FILTERS):
            continue
        year = int(d.date[:4]) if d.date else None
        if ("year_from" in filters or "year_to" in filters) and year is None:
            continue
        if year is not None and not (int(filters.get("year_from", year)) <= year <= int(filters.get("year_to", year))):
            continue
        for c in d.clauses:
            if "department_type" in filters or "role" in filters:
                if not any(filters.get("department_type", m.canonical) == m.canonical
                           and filters.get("role", m.role) == m.role for m in c.departments):
                    continue
            out.add(c.clause_id)
    return out


@dataclass
class Hit:
    """A ranked clause; ``legs`` gives its rank in each leg that found it."""

    clause_id: str
    score: float
    rank: int
    best_passage: str
    legs: dict[str, int] = field(default_factory=dict)


class Searcher:
    """Clause search over passages.

    Parameters
    ----------
    passages : list of Passage
        Passage id i is ``passages[i]``.
    docs : list of Document
        The indexed documents (for filters and clause lookup).
    bm25 : BM25Index
    dense : dict of leg name -> (Encoder, DenseIndex)
    weights : dict of leg name -> float, optional
        RRF weight per leg, merged over :data:`DEFAULT_WEIGHTS`.
    rrf_k : float
        RRF damping constant; 10 (sharper than the usual 60) measured best with
        equal leg weights on the dev questions (bench/tune_retrieval.py).
    depth : int
        Passages each leg retrieves before collapsing to clauses.
    place_boost : float
        Added to the fused score of clauses whose document's place the question
        names (东阿县…, "in Sucheng"): see :mod:`search_app.places`.
    """

    def __init__(self, passages, docs: list[Document], bm25: BM25Index,
                 dense: dict[str, tuple[Encoder, DenseIndex]], weights: Optional[dict[str, float]] = None,
                 rrf_k: float = 10, depth: int = 300, place_boost: float = PLACE_BOOST):
        self.passages = passages
        self.docs = docs
        self.bm25 = bm25
        self.dense = dense
        self.weights = {**DEFAULT_WEIGHTS, **(weights or {})}
        self.rrf_k = rrf_k
        self.depth = depth
        self.place_boost = place_boost
        self.clause_of = [p.clause_id for p in passages]
        self.passages_of: dict[str, list[int]] = {}
        for i, cid in enumerate(self.clause_of):
            self.passages_of.setdefault(cid, []).append(i)
        self.doc_of = {c.clause_id: d.doc for d in docs for c in d.clauses}
        self.sentence_rows: dict[str, tuple[int, int]] = {}  # clause id -> (first row, count)
        self.sentence_vectors: dict[str, np.ndarray] = {}  # leg -> vectors of all clause sentences

    @classmethod
    def load(cls, out_dir: Path, docs: list[Document], **settings: Any) -> "Searcher":
        """Open an index written by :func:`search_app.index.build_index`; encoders load once per process."""
        out_dir = Path(out_dir)
        info = read_info(out_dir)
        # A searcher answers one query at a time: FAISS's OpenMP threads cost more than
        # they save there (bench/results.json: hybrid p95 at 100k clauses 67 ms on 2
        # threads, 31 ms on one).
        faiss.omp_set_num_threads(1)
        dense = {}
        for e in info["encoders"]:
            encoder = create_encoder(e["spec"])
            if encoder.digest != e["digest"]:
                raise RuntimeError(
                    f"encoder {e['spec']} has other weights than the index in {out_dir} was built with; "
                    "rebuild it with `policykg build --force`"
                )
            dense[e["name"]] = (encoder, DenseIndex.load(out_dir / e["file"]))
        searcher = cls(read_passages(out_dir / PASSAGES), docs, BM25Index.load(out_dir / BM25_DIR), dense, **settings)
        if (out_dir / SENTENCES).is_file():
            row = 0
            for cid, spans in json.loads((out_dir / SENTENCES).read_text(encoding="utf-8")).items():
                searcher.sentence_rows[cid] = (row, len(spans))
                row += len(spans)
            searcher.sentence_vectors = {name: np.load(out_dir / f"sentences-{name}.npy") for name in dense
                                         if (out_dir / f"sentences-{name}.npy").is_file()}
        return searcher

    def highlight_legs(self, query: str) -> list[str]:
        """Dense legs that score a clause's sentences against ``query`` for highlighting:
        those that read it (only multilingual ones for an English question)."""
        return [leg for leg in self.legs_for("hybrid", query) if leg in self.dense]

    def stored_sentence_vectors(self, leg: str, clause_id: str, n: int) -> Optional[np.ndarray]:
        """The ``n`` sentence vectors of a clause computed at build time, or None."""
        first, count = self.sentence_rows.get(clause_id, (0, -1))
        vectors = self.sentence_vectors.get(leg)
        return vectors[first:first + n] if vectors is not None and count == n else None

    def legs_for(self, mode: str, query: str = "") -> list[str]:
        """Leg names used by ``mode`` for ``query``.

        A non-Chinese query (English) cannot match Chinese words or a monolingual
        encoder's space, so when a multilingual encoder is present only its legs
        rank it (in modes hybrid and dense).
        """
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}; choose one of {', '.join(MODES)}")
        if mode == "dense" and not self.dense:
            raise ValueError("mode dense needs an index built with an encoder (policykg build --model m3e-small)")
        legs = ([BM25_LEG] if mode != "dense" else []) + (list(self.dense) if mode != "bm25" else [])
        cross = [leg for leg in legs if leg in self.dense and self.dense[leg][0].multilingual]
        return cross if cross and query and not is_chinese(query) else legs

    def allowed_passages(self, filters: Optional[dict]) -> Optional[np.ndarray]:
        """Passage ids whose clause passes ``filters`` (None when there are no filters)."""
        if not filters:
            return None
        clauses = allowed_clauses(self.docs, filters)
        return np.array(sorted(i for c in clauses for i in self.passages_of.get(c, ())), dtype=np.int64)

    def leg_ranking(self, leg: str, query: str, allowed: Optional[np.ndarray]) -> list[tuple[str, float, int]]:
        """(clause id, score, best passage id) of one leg, best first."""
        if leg == BM25_LEG:
            ids, scores = self.bm25.search(query, self.depth, allowed)
        else:
            encoder, index = self.dense[leg]
            ids, scores = index.search(encoder.encode_query(query), self.depth, allowed)
        return best_per_group(ids, scores, self.clause_of)

    def fuse(self, rankings: dict[str, list[tuple[str, float, int]]], k: int,
             prefer: frozenset[str] = frozenset()) -> list[Hit]:
        """RRF of per-leg clause rankings into the top-``k`` hits; clauses of the
        documents in ``prefer`` gain :attr:`place_boost`."""
        legs = list(rankings)
        fused = rrf([[c for c, _, _ in rankings[leg]] for leg in legs], [self.weights.get(leg, 1.0) for leg in legs],
                    k=self.rrf_k)
        if prefer and self.place_boost:
            fused = sorted(((c, s + self.place_boost * (self.doc_of.get(c) in prefer)) for c, s in fused),
                           key=lambda cs: -cs[1])
        ranks = {leg: {c: (r, pid) for r, (c, _, pid) in enumerate(rankings[leg], start=1)} for leg in legs}
        hits = []
        for rank, (cid, score) in enumerate(fused[:k], start=1):
            found = {leg: ranks[leg][cid] for leg in legs if cid in ranks[leg]}
            best_leg = min(found, key=lambda leg: found[leg][0])
            hits.append(Hit(cid, float(score), rank, self.passages[found[best_leg][1]].text,
                            {leg: r for leg, (r, _) in found.items()}))
        return hits

    def search(self, query: str, k: int = 5, mode: str = "hybrid", filters: Optional[dict] = None) -> list[Hit]:
        """Top-``k`` clauses for ``query``.

        Parameters
        ----------
        query : str
            The question (Chinese or, with the USE leg, English).
        k : int
            Number of clauses.
        mode : {"hybrid", "dense", "bm25"}
            Legs to fuse (see the module docstring).
        filters : dict, optional
            doc, region, city, province, level, year_from, year_to, department_type,
            role (see :func:`allowed_clauses`); applied inside each
            leg's retrieval.
        """
        legs = self.legs_for(mode, query)
        allowed = self.allowed_passages(filters)
        if not query.strip() or (allowed is not None and allowed.size == 0):
            return []
        prefer = frozenset(named_documents(query, self.docs))
        return self.fuse({leg: self.leg_ranking(leg, query, allowed) for leg in legs}, k, prefer)

    def similar(self, clause_id: str, k: int = 5) -> list[Hit]:
        """Clauses of OTHER documents most similar to ``clause_id`` (precedents).

        Each dense leg queries with the normalized mean of the clause's passage
        vectors; the legs are fused by RRF.
        """
        if clause_id not in self.doc_of:
            raise KeyError(f"unknown clause id {clause_id!r}")
        if not self.dense:
            raise ValueError("similar() needs an index built with an encoder")
        own = np.array(self.passages_of.get(clause_id, []), dtype=np.int64)
        if own.size == 0:
            return []
        doc = self.doc_of[clause_id]
        allowed = np.array([i for i, c in enumerate(self.clause_of) if self.doc_of.get(c) != doc], dtype=np.int64)
        rankings = {}
        for leg, (_, index) in self.dense.items():
            query = normalize(index.reconstruct(own).mean(axis=0, keepdims=True))[0]
            ids, scores = index.search(query, self.depth, allowed)
            rankings[leg] = best_per_group(ids, scores, self.clause_of)
        return self.fuse(rankings, k)
