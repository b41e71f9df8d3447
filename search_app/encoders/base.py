"""The encoder interface: texts in, L2-normalized float32 vectors out."""

from __future__ import annotations

import hashlib
from abc import ABC, abstractmethod
from pathlib import Path

import numpy as np
from tqdm.auto import tqdm


class Encoder(ABC):
    """A sentence encoder.

    Attributes
    ----------
    name : str
        Short name used in file names and result legs (``m3e-small``, ``use``).
    dim : int
        Vector dimension.
    digest : str
        Identity of the weights; embeddings cached under one digest are only
        reused by an encoder with the same digest.
    multilingual : bool
        True when a query in another language finds Chinese text (cross-lingual
        space); the searcher lets only such legs rank non-Chinese queries.
    """

    name: str
    dim: int
    digest: str
    multilingual: bool = False

    @abstractmethod
    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        """Raw (not necessarily normalized) vectors for one batch of texts."""

    def encode(self, texts: list[str], batch_size: int = 32, progress: bool = False) -> np.ndarray:
        """Encode texts into an ``(n, dim)`` float32 array of unit vectors.

        Parameters
        ----------
        texts : list of str
            Texts to encode; order is kept.
        batch_size : int
            Texts per forward pass.
        progress : bool
            Show a progress bar over batches.
        """
        texts = list(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        # Batch texts of similar length together: padding to the longest text of a
        # batch is most of the cost for short passages (measured 2x in bench/).
        order = np.argsort([len(t) for t in texts], kind="stable")
        starts = range(0, len(texts), batch_size)
        for s in tqdm(starts, desc=f"embedding ({self.name})", unit="batch", disable=not progress):
            idx = order[s:s + batch_size]
            out[idx] = self._encode_batch([texts[i] for i in idx])
        return normalize(out)

    def encode_query(self, text: str) -> np.ndarray:
        """Encode one query into a ``(dim,)`` unit vector."""
        return self.encode([text])[0]


def normalize(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit L2 norm (zero rows stay zero), as float32."""
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


def file_digest(path: Path, chunk: int = 1 << 20) -> str:
    """sha256 hex digest of a file's bytes."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(chunk):
            h.update(block)
    return h.hexdigest()
