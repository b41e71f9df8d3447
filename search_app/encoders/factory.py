"""Create encoders from a spec string; each model loads once per process."""

from __future__ import annotations

import warnings
from functools import lru_cache
from pathlib import Path

from search_app.encoders.base import Encoder

ALIASES = ("m3e-small", "use")


def onnx_or_torch(model_dir: Path, name: str) -> Encoder:
    """m3e-small on ONNX Runtime (1.6x faster, same answers), else on PyTorch.

    The PyTorch path is the reference implementation; it is used, with a warning,
    when ONNX Runtime is missing or the one-time export fails on this machine.
    """
    from search_app.encoders.st import SentenceTransformerEncoder, weights_digest

    digest = weights_digest(model_dir)
    try:
        from search_app.encoders.onnx import OnnxEncoder, onnx_model_for

        return OnnxEncoder(onnx_model_for(model_dir, digest), model_dir, digest, name=name)
    except Exception as e:  # noqa: BLE001 — any failure falls back to the reference path
        warnings.warn(f"ONNX Runtime not usable for {name} ({e}); embedding with PyTorch instead")
        return SentenceTransformerEncoder(model_dir, name=name)


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

        return onnx_or_torch(default_model_dir(), name="m3e-small")
    path = Path(spec).expanduser()
    if not path.is_dir():
        raise ValueError(f"unknown encoder {spec!r}: use one of {', '.join(ALIASES)} or a model folder path")
    return SentenceTransformerEncoder(path)
