"""Any sentence-transformers model folder (m3e-small by default) as an Encoder."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import numpy as np

from search_app.encoders.base import Encoder, file_digest

WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin", "onnx/model.onnx")


def weights_digest(model_dir: Path) -> str:
    """sha256 over the model's weight files (what makes two folders the same model)."""
    files = [model_dir / f for f in WEIGHT_FILES if (model_dir / f).is_file()]
    if not files:
        raise FileNotFoundError(
            f"no weights ({', '.join(WEIGHT_FILES)}) in {model_dir}; "
            "fetch the model with `python -m search_app.fetch_model` or pass a sentence-transformers model folder"
        )
    return hashlib.sha256("".join(file_digest(f) for f in files).encode()).hexdigest()


class SentenceTransformerEncoder(Encoder):
    """A local sentence-transformers model, on CPU, offline.

    A plain BERT folder without sentence-transformers config (m3e-small) is loaded
    as Transformer + mean pooling, which is how m3e was trained.

    Parameters
    ----------
    model_dir : Path
        Folder with the model weights and tokenizer.
    name : str, optional
        Short name; defaults to the folder name.
    max_seq_length : int
        Longest input in tokens; passages are short, so 256 loses nothing.
    multilingual : bool
        Whether the model maps other languages onto Chinese (m3e-small does not).
    """

    def __init__(self, model_dir: Path, name: str | None = None, max_seq_length: int = 256,
                 multilingual: bool = False):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        model_dir = Path(model_dir)
        if not model_dir.is_dir():
            raise FileNotFoundError(
                f"model folder {model_dir} not found; run `python -m search_app.fetch_model` (m3e-small) "
                "or pass the path of a sentence-transformers model"
            )
        self.name = name or model_dir.name
        self.multilingual = multilingual
        self.digest = weights_digest(model_dir)
        self.model = SentenceTransformer(str(model_dir), device="cpu", local_files_only=True)
        self.model.max_seq_length = max_seq_length
        self.dim = int(self.model.get_embedding_dimension())

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        return self.model.encode(texts, batch_size=len(texts), convert_to_numpy=True, show_progress_bar=False)
