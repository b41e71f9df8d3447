"""Sentence encoders: base class, sentence-transformers and USE implementations, factory."""

from search_app.encoders.base import Encoder, normalize
from search_app.encoders.factory import create_encoder

__all__ = ["Encoder", "create_encoder", "normalize"]
