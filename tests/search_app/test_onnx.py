"""m3e-small on ONNX Runtime: same vectors as PyTorch, and a clean fallback when it cannot run."""

from __future__ import annotations

import numpy as np
import pytest

from search_app.encoders import factory
from search_app.encoders.onnx import OnnxEncoder
from search_app.encoders.st import SentenceTransformerEncoder
from search_app.fetch_model import default_model_dir

TEXTS = ["建立老年人口数据发布制度，定期发布全县老年人口状况主要数据。", "孝善食堂", "每百户不低于20平方米"]


def test_product_m3e_runs_on_onnx_with_the_vectors_of_pytorch():
    onnx = factory.create_encoder("m3e-small")
    assert isinstance(onnx, OnnxEncoder)
    torch = SentenceTransformerEncoder(default_model_dir(), name="m3e-small")
    cos = (onnx.encode(TEXTS) * torch.encode(TEXTS)).sum(axis=1)
    assert np.all(cos > 0.9999), cos
    assert onnx.digest != torch.digest, "cached embeddings of the two backends stay apart"


def test_failed_onnx_export_falls_back_to_pytorch(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("exporter crashed")

    monkeypatch.setattr("search_app.encoders.onnx.onnx_model_for", broken)
    with pytest.warns(UserWarning, match="exporter crashed"):
        encoder = factory.onnx_or_torch(default_model_dir(), name="m3e-small")
    assert isinstance(encoder, SentenceTransformerEncoder)
    assert encoder.encode(TEXTS[:1]).shape == (1, 512)
