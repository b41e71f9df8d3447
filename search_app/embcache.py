"""Embeddings cached on disk by (encoder digest, text digest).

A rebuild after editing one document re-embeds only the texts that changed. One
``.npz`` file per encoder digest holds the text digests and their vectors.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import Optional

import numpy as np

from search_app.encoders.base import Encoder


def default_cache_dir() -> Path:
    """``<policykg cache>/embeddings`` (see :func:`search_app.fetch_model.cache_dir`)."""
    from search_app.fetch_model import cache_dir

    return cache_dir() / "embeddings"


def text_key(text: str) -> str:
    """sha256 hex digest of the UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cache_file(cache_dir: Path, encoder: Encoder) -> Path:
    return Path(cache_dir) / f"{encoder.name}-{encoder.digest[:16]}.npz"


def read_cache(path: Path) -> dict[str, np.ndarray]:
    """Text digest -> vector, empty when the file does not exist or is unreadable."""
    try:
        with np.load(path) as z:
            return dict(zip(z["keys"].tolist(), z["vectors"]))
    except (OSError, KeyError, ValueError):
        return {}


def write_cache(path: Path, entries: dict[str, np.ndarray]) -> None:
    """Write entries atomically (temp file + rename) so readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".npz")
    os.close(fd)
    keys = np.array(list(entries), dtype="U64")
    vectors = np.stack(list(entries.values())).astype(np.float32)
    np.savez(tmp, keys=keys, vectors=vectors)
    os.replace(tmp, path)


def embed_cached(
    encoder: Encoder,
    texts: list[str],
    cache_dir: Optional[Path] = None,
    batch_size: int = 32,
    progress: bool = False,
) -> tuple[np.ndarray, int]:
    """Vectors of ``texts``, computing only those not cached for this encoder.

    Parameters
    ----------
    encoder : Encoder
        Its ``digest`` keys the cache file.
    texts : list of str
        Texts to embed.
    cache_dir : Path, optional
        Defaults to :func:`default_cache_dir`.

    Returns
    -------
    (ndarray of shape (len(texts), dim), int)
        The vectors in input order and how many texts were newly embedded.
    """
    path = cache_file(cache_dir or default_cache_dir(), encoder)
    cached = read_cache(path)
    keys = [text_key(t) for t in texts]
    missing = list(dict.fromkeys(k_t for k_t in zip(keys, texts) if k_t[0] not in cached))
    if missing:
        fresh = encoder.encode([t for _, t in missing], batch_size=batch_size, progress=progress)
        cached.update(zip((k for k, _ in missing), fresh))
        write_cache(path, cached)
    vectors = np.stack([cached[k] for k in keys]) if keys else np.zeros((0, encoder.dim), dtype=np.float32)
    return vectors.astype(np.float32), len(missing)
