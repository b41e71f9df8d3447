"""A sentence-transformers BERT exported to ONNX and run by ONNX Runtime.

Kept because it measured faster with the same answers: m3e-small through ONNX
Runtime embeds 1.6x faster than through PyTorch, and dense search returns the
identical top-5 clauses on all 30 dev questions (bench/results.json, section onnx).
sentence-transformers' own ONNX backend needs ``optimum-onnx``, which pins
``transformers<4.58`` while sentence-transformers 6 needs ``transformers>=5``, so we
export the same BERT with ``torch.onnx.export`` and mean-pool as m3e was trained.
"""

from __future__ import annotations

import contextlib
import json
import sys
import warnings
from pathlib import Path

import numpy as np

from search_app.encoders.base import Encoder

INPUTS = ("input_ids", "attention_mask", "token_type_ids")
EXPORT_NAME = "model.onnx"
STAMP = "exported_from.json"


def export_onnx(model_dir: Path, out: Path) -> Path:
    """Export the BERT of ``model_dir`` (a sentence-transformers folder) to the ONNX file ``out``."""
    import torch
    from sentence_transformers import SentenceTransformer

    out.parent.mkdir(parents=True, exist_ok=True)
    st = SentenceTransformer(str(model_dir), device="cpu", local_files_only=True)
    bert = st[0].auto_model.eval()
    sample = st.tokenizer(["养老服务"], return_tensors="pt", padding=True)
    inputs = {name: sample[name] for name in INPUTS}
    axes = {name: {0: "batch", 1: "seq"} for name in INPUTS} | {"last_hidden_state": {0: "batch", 1: "seq"}}
    # The exporter prints progress on stdout: keep stdout clean for --json output.
    with torch.no_grad(), warnings.catch_warnings(), contextlib.redirect_stdout(sys.stderr):
        warnings.simplefilter("ignore")  # exporter advice about dynamic shapes; the export is checked by use
        torch.onnx.export(bert, (), str(out), kwargs=inputs, input_names=list(INPUTS),
                          output_names=["last_hidden_state"], dynamic_axes=axes, dynamo=True)
    return out


def onnx_model_for(model_dir: Path, digest: str) -> Path:
    """The ONNX export of ``model_dir`` (weights ``digest``), made once and redone when
    the weights change. Lives beside the model folder (``<name>-onnx/``), outside git.
    """
    model_dir = Path(model_dir)
    out_dir = model_dir.parent / f"{model_dir.name}-onnx"
    stamp = out_dir / STAMP
    if not (stamp.is_file() and json.loads(stamp.read_text()).get("digest") == digest):
        export_onnx(model_dir, out_dir / EXPORT_NAME)
        stamp.write_text(json.dumps({"model_dir": str(model_dir), "digest": digest}))
    return out_dir / EXPORT_NAME


class OnnxEncoder(Encoder):
    """An exported BERT on ONNX Runtime (CPU), mean-pooled like m3e.

    Parameters
    ----------
    onnx_path : Path
        Model written by :func:`export_onnx`.
    model_dir : Path
        The original folder (for the tokenizer).
    digest : str
        Weights digest of ``model_dir`` (:func:`search_app.encoders.st.weights_digest`).
    name : str
        Leg name; ``m3e-small`` so it stands in for the PyTorch encoder.
    threads : int
        Intra-op threads of ONNX Runtime.
    max_seq_length : int
        Longest input in tokens; passages are short, so 256 loses nothing.
    """

    def __init__(self, onnx_path: Path, model_dir: Path, digest: str, name: str = "m3e-small", threads: int = 2,
                 max_seq_length: int = 256):
        import onnxruntime as ort
        from transformers import AutoTokenizer

        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        self.session = ort.InferenceSession(str(onnx_path), options, providers=["CPUExecutionProvider"])
        self.tokenizer = AutoTokenizer.from_pretrained(str(model_dir), local_files_only=True)
        self.max_seq_length = max_seq_length
        self.name = name
        self.digest = f"{digest}:onnx"
        self.dim = int(self.session.get_outputs()[0].shape[-1])

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        enc = self.tokenizer(texts, padding=True, truncation=True, max_length=self.max_seq_length, return_tensors="np")
        feeds = {name: enc[name].astype(np.int64) for name in INPUTS}
        hidden = self.session.run(None, feeds)[0]
        mask = feeds["attention_mask"][..., None].astype(np.float32)
        return (hidden * mask).sum(axis=1) / np.maximum(mask.sum(axis=1), 1e-9)
