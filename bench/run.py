"""``make bench``: throughput, latency, ONNX and scale figures measured side by side in one run.

Usage::

    python bench/run.py --kb kb --out bench/results.json [--quick]

Writes one JSON object with sections machine, ingest, throughput, onnx, latency, scale and
ratios (see bench/README.md for what each figure means).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.ingest_speed import measure_ingest  # noqa: E402
from bench.latency import dev_style_queries, measure_latency  # noqa: E402
from bench.onnx_answers import compare_answers, dense_searcher  # noqa: E402
from search_app.encoders.st import SentenceTransformerEncoder  # noqa: E402
from bench.scale import measure_scale  # noqa: E402
from bench.throughput import measure_throughput, sample_docs  # noqa: E402
from search_app.dense import DenseIndex  # noqa: E402
from search_app.encoders import create_encoder  # noqa: E402
from search_app.evaluate import load_questions  # noqa: E402
from search_app.fetch_model import default_model_dir  # noqa: E402
from search_app.index import PASSAGES, read_info, read_passages  # noqa: E402
from search_app.kb import INDEX, open_kb  # noqa: E402

FULL = {"clauses_per_doc": 6, "repeats": 2, "queries": 200, "scale_clauses": 100_000}
QUICK = {"clauses_per_doc": 2, "repeats": 1, "queries": 60, "scale_clauses": 10_000}
HYBRID_GOAL_MS = 50.0


def machine() -> dict:
    """Cores, CPU model, load and library versions."""
    import faiss
    import numpy
    import sentence_transformers
    import torch

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    return {"cores": os.cpu_count(), "cpu": cpu, "torch_threads": torch.get_num_threads(),
            "python": platform.python_version(), "torch": torch.__version__, "faiss": faiss.__version__,
            "numpy": numpy.__version__, "sentence_transformers": sentence_transformers.__version__,
            "load_average_at_start": [round(x, 2) for x in os.getloadavg()]}


def onnx_encoders(tmp: Path) -> tuple[dict, dict]:
    """ONNX fp32 and int8 encoders of m3e-small, and what happened (export time, sizes or the error)."""
    try:
        import onnxruntime

        from bench.memory import dir_mb
        from bench.onnx_encoder import export_fp32_and_int8
        from search_app.encoders.onnx import OnnxEncoder
        from search_app.encoders.st import weights_digest

        t0 = time.perf_counter()
        fp32, int8 = export_fp32_and_int8(default_model_dir(), tmp / "onnx")
        digest = weights_digest(default_model_dir())
        info = {"available": True, "onnxruntime": onnxruntime.__version__,
                "route": "torch.onnx.export (dynamo) + onnxruntime; int8 = onnxruntime.quantization.quantize_dynamic",
                "sentence_transformers_backend_onnx": "not installable: optimum-onnx pins transformers<4.58, "
                                                      "sentence-transformers 6 needs transformers>=5",
                "export_seconds": round(time.perf_counter() - t0, 1),
                "size_mb": {"fp32": round(dir_mb(tmp / "onnx") - dir_mb(int8), 1), "int8": round(dir_mb(int8), 1)}}
        return {"onnx_fp32": OnnxEncoder(fp32, default_model_dir(), digest),
                "onnx_int8": OnnxEncoder(int8, default_model_dir(), digest + ":int8")}, info
    except Exception as e:  # a missing package or a failed export is a finding, not a crash
        return {}, {"available": False, "error": f"{type(e).__name__}: {e}"}


def ratio(a: float, b: float) -> float:
    return round(a / b, 3) if b else float("nan")


def ratios(r: dict) -> dict:
    """The side-by-side comparisons in one place."""
    tp = r["throughput"]["variants"]
    plain = tp["plain_sentence_transformers"]["chars_per_s"]
    out = {f"{name}_vs_plain_st_speed": ratio(v["chars_per_s"], plain) for name, v in tp.items()
           if name != "plain_sentence_transformers"}
    modes = r["latency"]["modes"]
    out.update({f"{m}_vs_bm25_p95_latency": ratio(modes[m]["p95_ms"], modes["bm25"]["p95_ms"])
                for m in ("hybrid", "dense")})
    for name, v in r["onnx"].get("answers", {}).items():
        out[f"{name}_identical_top5_share"] = ratio(v["identical_top5"], v["questions"])
    ing = r.get("ingest")
    if ing:
        out["ingest_corpus_vs_goal_seconds"] = ratio(ing["corpus"]["seconds"], ing["goal_seconds"])
        out["ingest_corpus_meets_goal"] = ing["corpus"]["seconds"] <= ing["goal_seconds"]
    s = r.get("scale")
    if s:
        q = s["query_latency"]
        out["scale_hnsw_vs_flat_dense_p95"] = ratio(q["dense_hnsw"]["p95_ms"], q["dense_flat"]["p95_ms"])
        out["scale_flat_1thread_vs_2threads_dense_p95"] = ratio(q["dense_flat_1thread"]["p95_ms"],
                                                                q["dense_flat"]["p95_ms"])
        out["scale_hnsw_vs_flat_build_time"] = ratio(s["hnsw"]["seconds"], s["flat"]["seconds"])
        out["scale_hnsw_vs_flat_size"] = ratio(s["hnsw"]["size_mb"], s["flat"]["size_mb"])
        out["scale_hnsw_recall@10_vs_flat"] = s["hnsw"]["recall@10_vs_flat"]
        for kind in ("flat", "flat_1thread", "hnsw"):
            p95 = q[f"hybrid_{kind}"]["p95_ms"]
            out[f"scale_hybrid_{kind}_p95_vs_goal"] = ratio(p95, HYBRID_GOAL_MS)
            out[f"scale_hybrid_{kind}_meets_goal"] = p95 <= HYBRID_GOAL_MS
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=Path, default=ROOT / "kb", help="built knowledge base (make kb)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json")
    parser.add_argument("--questions", type=Path, default=ROOT.parent / "shared" / "eval" / "dev_questions.jsonl")
    parser.add_argument("--quick", action="store_true", help="smaller sample, fewer queries, 10k-clause scale run")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    cfg = QUICK if args.quick else FULL
    t0 = time.perf_counter()
    results: dict = {"mode": "quick" if args.quick else "full", "settings": cfg, "machine": machine()}

    print("ingest …", flush=True)
    results["ingest"] = measure_ingest(ROOT / "corpus", ROOT / "tests" / "ingest" / "data")
    kb = open_kb(args.kb)
    docs, questions = kb.documents, load_questions(args.questions)
    index_dir = kb.dir / INDEX
    m3e = next(e for e in read_info(index_dir)["encoders"] if e["spec"] == "m3e-small")
    m3e_index = DenseIndex.load(index_dir / m3e["file"])
    passages = read_passages(index_dir / PASSAGES)
    real_vectors = m3e_index.index.reconstruct_n(0, len(m3e_index))

    with tempfile.TemporaryDirectory() as tmp:
        print("ONNX export …", flush=True)
        extra, results["onnx"] = onnx_encoders(Path(tmp))
        print("throughput …", flush=True)
        results["throughput"] = measure_throughput(sample_docs(docs, cfg["clauses_per_doc"]), default_model_dir(),
                                                   extra, cfg["repeats"])
        if extra:
            print("ONNX answers …", flush=True)
            texts = [p.text for p in passages]
            torch_m3e = SentenceTransformerEncoder(default_model_dir(), name="m3e-small")
            reference = dense_searcher(passages, docs, torch_m3e, torch_m3e.encode(texts))
            results["onnx"]["answers"] = {
                name: compare_answers(reference, dense_searcher(passages, docs, enc, enc.encode(texts)), questions)
                for name, enc in extra.items()}
            results["onnx"]["answers"]["pytorch_reference"] = compare_answers(reference, reference, questions)
            results["onnx"]["product_encoder"] = type(create_encoder("m3e-small")).__name__

    print("latency …", flush=True)
    queries = dev_style_queries(docs, [q["question"] for q in questions], cfg["queries"], args.seed)
    results["latency"] = measure_latency(kb.searcher, queries)
    print(f"scale ({cfg['scale_clauses']} clauses) …", flush=True)
    results["scale"] = measure_scale(docs, real_vectors, create_encoder("m3e-small"), queries,
                                     cfg["scale_clauses"], args.seed)
    results["scale"]["hybrid_goal_p95_ms"] = HYBRID_GOAL_MS
    results["ratios"] = ratios(results)
    results["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    results["seconds"] = round(time.perf_counter() - t0, 1)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results["ratios"], ensure_ascii=False, indent=2))
    print(f"wrote {args.out} in {results['seconds']} s")


if __name__ == "__main__":
    main()
