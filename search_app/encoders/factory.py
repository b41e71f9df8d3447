"""Create encoders from a spec string; each model loads once per process."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from search_app.encoders.base import Encoder

ALIASES = ("m3e-small", "use")


@lru_cache(maxsize=None)
def create_encoder(spec: str) -> Encoder:
    """Encoder for ``spec``, cached so a model loads once per process.

    Parameters
    ----------
    spec : str
        ``"m3e-small"`` (the fetched default model), ``"use"`` (Universal Sentence
        Encoder multilingual v3) or the path of a sentence-transformers model folder.
    """
    if spec == "use":
        from search_app.encoders.use import UniversalSentenceEncoder

        return UniversalSentenceEncoder()
    from search_app.encoders.st import SentenceTransformerEncoder

    if spec == "m3e-small":
        from search_app.fetch_model import default_model_dir

        return SentenceTransformerEncoder(default_model_dir(), name="m3e-small")
    path = Path(spec).expanduser()
    if not path.is_dir():
        raise ValueError(f"unknown encoder {spec!r}: use one of {', '.join(ALIASES)} or a model folder path")
    return SentenceTransformerEncoder(path)
