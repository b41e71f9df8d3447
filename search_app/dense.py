"""Dense passage vectors in a FAISS inner-product index, with filters applied inside the search."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import faiss
import numpy as np

KINDS = ("flat", "hnsw")


class DenseIndex:
    """Unit vectors searched by inner product (= cosine similarity).

    Parameters
    ----------
    dim : int
        Vector dimension.
    kind : {"flat", "hnsw"}
        Exact search (``IndexFlatIP``, right for tens of thousands of passages) or
        approximate HNSW for larger corpora.
    """

    def __init__(self, dim: int, kind: str = "flat"):
        if kind not in KINDS:
            raise ValueError(f"unknown dense index kind {kind!r}; choose one of {', '.join(KINDS)}")
        self.kind = kind
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
        params = None
        if allowed is not None:
            allowed = np.ascontiguousarray(allowed, dtype=np.int64)
            if allowed.size == 0:
                return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
            selector = faiss.IDSelectorBatch(allowed)
            params = (faiss.SearchParametersHNSW if self.kind == "hnsw" else faiss.SearchParameters)(sel=selector)
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
        out.index = index
        return out
