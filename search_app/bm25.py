"""BM25 over jieba tokens (bm25s), with an allowed-passage mask applied while scoring."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import bm25s
import numpy as np

from search_app.tokenize import Tokenizer

USER_DICT = "userdict.txt"
PARAMS = "bm25_params.json"


class BM25Index:
    """A BM25 index over passages, addressed by passage position.

    Parameters
    ----------
    tokenizer : Tokenizer
        Turns passage and query text into tokens (the same one for both).
    k1, b : float
        BM25 parameters (bm25s defaults).
    """

    def __init__(self, tokenizer: Tokenizer, k1: float = 1.5, b: float = 0.75):
        self.tokenizer = tokenizer
        self.k1, self.b = k1, b
        self.model: Optional[bm25s.BM25] = None

    def index(self, texts: list[str]) -> "BM25Index":
        """Index ``texts`` (position i is passage id i)."""
        if not texts:
            raise ValueError("cannot build a BM25 index over zero passages; did ingestion produce any clause?")
        self.model = bm25s.BM25(k1=self.k1, b=self.b)
        self.model.index(self.tokenizer.tokenize_batch(texts), show_progress=False)
        return self

    def __len__(self) -> int:
        return int(self.model.scores["num_docs"]) if self.model else 0

    def scores(self, query: str, allowed: Optional[np.ndarray] = None) -> np.ndarray:
        """BM25 score of every passage for ``query``; passages not in ``allowed`` score 0.

        Parameters
        ----------
        query : str
            Question text, tokenized like the passages.
        allowed : ndarray of int, optional
            Passage ids that may match (the mask is applied inside scoring).
        """
        mask = None
        if allowed is not None:
            mask = np.zeros(len(self), dtype=np.float32)
            mask[np.asarray(allowed, dtype=np.int64)] = 1.0
        tokens = self.model.get_tokens_ids(self.tokenizer.tokenize(query))
        if not tokens:
            return np.zeros(len(self), dtype=np.float32)
        return np.asarray(self.model.get_scores_from_ids(tokens, weight_mask=mask), dtype=np.float32)

    def search(self, query: str, k: int, allowed: Optional[np.ndarray] = None) -> tuple[np.ndarray, np.ndarray]:
        """Top-``k`` passage ids and scores, best first; passages sharing no token are left out."""
        s = self.scores(query, allowed)
        top = np.argsort(-s, kind="stable")[:k]
        top = top[s[top] > 0]
        return top, s[top]

    def save(self, out_dir: Path) -> None:
        """Write the bm25s index, the jieba user dictionary and the parameters into ``out_dir``."""
        out_dir = Path(out_dir)
        self.model.save(str(out_dir))
        self.tokenizer.save(out_dir / USER_DICT)
        (out_dir / PARAMS).write_text(json.dumps({"k1": self.k1, "b": self.b}), encoding="utf-8")

    @classmethod
    def load(cls, out_dir: Path) -> "BM25Index":
        """Read an index written by :meth:`save`."""
        out_dir = Path(out_dir)
        params = json.loads((out_dir / PARAMS).read_text(encoding="utf-8"))
        index = cls(Tokenizer.load(out_dir / USER_DICT), **params)
        index.model = bm25s.BM25.load(str(out_dir))
        return index
