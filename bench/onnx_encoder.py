"""ONNX variants of m3e-small for the bench: the project's fp32 export and an int8 copy.

The fp32 export and the encoder live in :mod:`search_app.encoders.onnx` (the product
uses them); the bench adds ONNX Runtime's dynamic int8 quantization to measure it.
"""

from __future__ import annotations

from pathlib import Path

from search_app.encoders.onnx import export_onnx


def export_fp32_and_int8(model_dir: Path, out_dir: Path) -> tuple[Path, Path]:
    """Export ``model_dir`` to ONNX fp32 and a dynamically int8-quantized copy (MatMul weights in int8)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    fp32 = export_onnx(model_dir, Path(out_dir) / "model.onnx")
    int8 = Path(out_dir) / "model_int8.onnx"
    quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8)
    return fp32, int8
