"""m3e-small through ONNX Runtime: export with torch.onnx, optional int8 dynamic quantization.

sentence-transformers' own ONNX backend (``backend="onnx"``) needs ``optimum-onnx``,
whose releases pin ``transformers<4.58`` while sentence-transformers 6 needs
``transformers>=5``, so it does not install here. This module exports the same
BERT with ``torch.onnx.export`` and runs it with ``onnxruntime`` (mean pooling,
as m3e was trained), which is what the optimum backend does underneath.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from search_app.encoders.base import Encoder

INPUTS = ("input_ids", "attention_mask", "token_type_ids")


def export_onnx(model_dir: Path, out_dir: Path, max_seq_length: int = 256) -> tuple[Path, Path]:
    """Export ``model_dir`` (a BERT sentence-transformers folder) to ONNX fp32 and int8.

    Returns
    -------
    (Path, Path)
        The fp32 model and its dynamically int8-quantized copy (weights of MatMul
        layers in int8, ``onnxruntime.quantization.quantize_dynamic``).
    """
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from sentence_transformers import SentenceTransformer

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    st = SentenceTransformer(str(model_dir), device="cpu", local_files_only=True)
    bert = st[0].auto_model.eval()
    sample = st.tokenizer(["养老服务"], return_tensors="pt", padding=True)
    inputs = {name: sample[name] for name in INPUTS}
    fp32, int8 = out_dir / "model.onnx", out_dir / "model_int8.onnx"
    axes = {name: {0: "batch", 1: "seq"} for name in INPUTS} | {"last_hidden_state": {0: "batch", 1: "seq"}}
    with torch.no_grad():
        torch.onnx.export(bert, (), str(fp32), kwargs=inputs, input_names=list(INPUTS), output_names=["last_hidden_state"],
                          dynamic_axes=axes, dynamo=True)
    quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8)
    return fp32, int8


class OnnxEncoder(Encoder):
    """An exported BERT run by ONNX Runtime on CPU, mean-pooled like m3e.

    Parameters
    ----------
    onnx_path : Path
        Model written by :func:`export_onnx`.
    model_dir : Path
        The original folder (for the tokenizer).
    name : str
        Leg name (``m3e-small`` so it can stand in for the PyTorch encoder).
    threads : int
        Intra-op threads of ONNX Runtime.
    """

    def __init__(self, onnx_path: Path, model_dir: Path, name: str = "m3e-small", threads: int = 2,
                 max_seq_length: int = 256):
        import onnxruntime as ort
        from transformers import AutoTokenizer

        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        self.session = ort.InferenceSession(str(onnx_path), options, providers=["CPUExecutionProvider"])
        self.tokenizer = AutoTokenizer.from_pretrained(str(model_dir), local_files_only=True)
        self.max_seq_length = max_seq_length
        self.name = name
        self.digest = f"onnx:{Path(onnx_path).name}"
        self.dim = int(self.session.get_outputs()[0].shape[-1])

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        enc = self.tokenizer(texts, padding=True, truncation=True, max_length=self.max_seq_length, return_tensors="np")
        feeds = {name: enc[name].astype(np.int64) for name in INPUTS}
        hidden = self.session.run(None, feeds)[0]
        mask = feeds["attention_mask"][..., None].astype(np.float32)
        return (hidden * mask).sum(axis=1) / np.maximum(mask.sum(axis=1), 1e-9)
