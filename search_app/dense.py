"""Dense passage vectors in a FAISS inner-product index, with filters applied inside the search."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import faiss
import numpy as np

KINDS = ("flat", "hnsw")
# HNSW candidate list per query. Questions sit far from passage clusters, so HNSW needs a
# wide search: on 200k passages (bench/scale.py) recall@10 against flat was 0.55 at FAISS's
# default 16, 0.96 at 512 and 0.998 at 2048 (dense p95 4 ms against 16 ms for flat).
# A search for k results uses max(EF_SEARCH, k).
EF_SEARCH = 2048


class DenseIndex:
    """Unit vectors searched by inner product (= cosine similarity).

    Parameters
    ----------
    dim : int
        Vector dimension.
    kind : {"flat", "hnsw"}
        Exact search (``IndexFlatIP``, right for tens of thousands of passages) or
        approximate HNSW for larger corpora.
    ef_search : int
        HNSW candidate list size at query time (ignored for flat); at least ``k``.
    """

    def __init__(self, dim: int, kind: str = "flat", ef_search: int = EF_SEARCH):
        if kind not in KINDS:
            raise ValueError(f"unknown dense index kind {kind!r}; choose one of {', '.join(KINDS)}")
        self.kind = kind
        self.ef_search = ef_search
        if kind == "flat":
            self.index = faiss.IndexFlatIP(dim)
        else:
            self.index = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)

    def add(self, vectors: np.ndarray) -> "DenseIndex":
        """Append vectors; the i-th vector ever added is passage id i."""
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        if vectors.ndim != 2 or vectors.shape[1] != self.index.d:
            raise ValueError(f"expected vectors of shape (n, {self.index.d}), got {vectors.shape}")
        self.index.add(vectors)
        return self

    def __len__(self) -> int:
        return int(self.index.ntotal)

    def search(
        self, query: np.ndarray, k: int, allowed: Optional[np.ndarray] = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Top-``k`` passage ids and similarities for one query vector, best first.

        Parameters
        ----------
        query : ndarray of shape (dim,)
            Unit query vector.
        k : int
            Number of passages.
        allowed : ndarray of int, optional
            Only these passage ids can be returned; FAISS skips the others while
            searching (``IDSelectorBatch``), so a filter never empties the top-k.
        """
        k = min(k, len(self))
        if k <= 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        params = faiss.SearchParametersHNSW(efSearch=max(self.ef_search, k)) if self.kind == "hnsw" else None
        if allowed is not None:
            allowed = np.ascontiguousarray(allowed, dtype=np.int64)
            if allowed.size == 0:
                return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
            params = params or faiss.SearchParameters()
            params.sel = faiss.IDSelectorBatch(allowed)
            k = min(k, allowed.size)
        q = np.ascontiguousarray(query, dtype=np.float32).reshape(1, -1)
        scores, ids = self.index.search(q, k, params=params)
        keep = ids[0] >= 0
        return ids[0][keep], scores[0][keep]

    def reconstruct(self, ids: np.ndarray) -> np.ndarray:
        """Stored vectors of the given passage ids."""
        return np.stack([self.index.reconstruct(int(i)) for i in ids]) if len(ids) else np.zeros((0, self.index.d))

    def save(self, path: Path) -> None:
        """Write the FAISS index to ``path``."""
        faiss.write_index(self.index, str(path))

    @classmethod
    def load(cls, path: Path) -> "DenseIndex":
        """Read an index written by :meth:`save`."""
        index = faiss.read_index(str(path))
        out = cls.__new__(cls)
        out.kind = "hnsw" if isinstance(index, faiss.IndexHNSW) else "flat"
        out.ef_search = EF_SEARCH
        out.index = index
        return out
