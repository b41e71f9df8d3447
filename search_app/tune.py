"""Adapt m3e-small to a corpus without labels (``policykg tune``).

The corpus supplies its own (query, passage) pairs: a clause's heading ↔ the
body that follows it, a parent heading ↔ each child clause, and generated
questions ↔ the clause holding a target or a department's task. The model is
trained on them with sentence-transformers' own trainer and
MultipleNegativesRankingLoss (the other passages of a batch are the negatives).
Whether the tuned model is used is decided by measurement on the dev questions
(``bench/tune_m3e.py``), not here.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Iterable, Optional

from ingest.model import Clause, Document
from search_app.passages import MARKUP, clause_passages, sentence_spans, windows

TUNED_NAME = "m3e-small-tuned"
INFO_FILE = "tune.json"
MIN_BODY = 12  # characters; shorter bodies say too little to learn from
MIN_INDICATOR = 5
ROLE_QUESTIONS = {
    "lead": "哪个部门牵头{topic}？",
    "responsible": "{topic}由哪个部门负责？",
    "support": "哪些部门配合{topic}？",
}
TARGET_QUESTIONS = ("{indicator}的目标是多少？", "到{year}年{indicator}要达到多少？")


@dataclass(frozen=True)
class Pair:
    """One training pair: ``anchor`` (query-like) and ``positive`` (a passage of ``clause_id``)."""

    anchor: str
    positive: str
    clause_id: str
    source: str  # heading | parent | target | department


@dataclass
class TuneSettings:
    """Training settings; the defaults keep a tune within a few minutes on 2 CPU cores."""

    epochs: int = 1
    batch_size: int = 32
    learning_rate: float = 2e-5
    warmup_ratio: float = 0.1
    max_seq_length: int = 128
    seed: int = 42


def body_windows(clause: Clause, max_chars: int = 150) -> list[str]:
    """Windows of a clause's text after its heading sentence (the body), markup removed."""
    spans = sentence_spans(clause.text, max_chars)
    if clause.heading and spans and clause.heading in _plain(clause.text[spans[0][0]:spans[0][1]]):
        spans = spans[1:]
    texts = [_plain(clause.text[s:e]) for s, e in windows(spans, max_chars)]
    return [t for t in texts if len(t) >= MIN_BODY]


def _plain(text: str) -> str:
    return MARKUP.sub("", text).strip()


def window_with(clause: Clause, snippet: str, max_chars: int = 150) -> Optional[str]:
    """The first window of the clause that contains ``snippet`` (a target's text)."""
    return next((p.text for p in clause_passages(clause, max_chars=max_chars) if snippet and snippet in p.text), None)


def clause_pairs(clause: Clause, parent: Optional[Clause]) -> list[Pair]:
    """Pairs one clause supplies; see the module docstring for the kinds."""
    bodies = body_windows(clause)
    if clause.kind != "clause" or not bodies:
        return []
    topic = clause.heading.strip("。；;：: ")
    pairs = [Pair(topic, bodies[0], clause.clause_id, "heading")] if topic else []
    if parent is not None and parent.heading:
        pairs.append(Pair(parent.heading.strip("。；;：: "), f"{clause.heading}。{bodies[0]}"[:150],
                          clause.clause_id, "parent"))
    for role in dict.fromkeys(m.role for m in clause.departments):
        if role in ROLE_QUESTIONS and topic:
            pairs.append(Pair(ROLE_QUESTIONS[role].format(topic=topic), bodies[0], clause.clause_id, "department"))
    for t in clause.targets:
        indicator = t.indicator.strip("“”\"‘’ ")
        if len(indicator) < MIN_INDICATOR:  # 分别给予-style fragments would teach noise
            continue
        template = TARGET_QUESTIONS[1] if t.year else TARGET_QUESTIONS[0]
        pairs.append(Pair(template.format(indicator=indicator, year=t.year),
                          window_with(clause, t.text) or bodies[0], clause.clause_id, "target"))
    return pairs


def corpus_pairs(docs: Iterable[Document]) -> list[Pair]:
    """All pairs of all documents, duplicates (same anchor and positive) removed, in reading order."""
    out: dict[tuple[str, str], Pair] = {}
    for doc in docs:
        by_id = {c.clause_id: c for c in doc.clauses}
        for clause in doc.clauses:
            for p in clause_pairs(clause, by_id.get(clause.parent_id) if clause.parent_id else None):
                out.setdefault((p.anchor, p.positive), p)
    return list(out.values())


def tuned_model_dir() -> Path:
    """Where ``policykg tune`` saves the adapted model by default (the cache, outside git)."""
    from search_app.fetch_model import cache_dir

    return cache_dir() / "models" / TUNED_NAME


def train(base_dir: Path, pairs: list[Pair], out_dir: Path, settings: TuneSettings = TuneSettings(),
          log: Callable[[str], None] = print) -> dict:
    """Fine-tune the model of ``base_dir`` on ``pairs`` and save it to ``out_dir`` atomically.

    Returns the facts written to ``out_dir/tune.json`` (pairs, steps, loss, seconds).
    """
    if len(pairs) < 2:
        raise ValueError(f"only {len(pairs)} training pair(s) in the corpus; tuning needs clauses with headings and bodies")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from datasets import Dataset
    from sentence_transformers import SentenceTransformer, SentenceTransformerTrainer
    from sentence_transformers.sentence_transformer.losses import MultipleNegativesRankingLoss
    from sentence_transformers.sentence_transformer.training_args import (
        BatchSamplers,
        SentenceTransformerTrainingArguments,
    )

    from search_app.encoders.st import weights_digest

    model = SentenceTransformer(str(base_dir), device="cpu", local_files_only=True)
    model.max_seq_length = settings.max_seq_length
    data = Dataset.from_dict({"anchor": [p.anchor for p in pairs], "positive": [p.positive for p in pairs]})
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=out_dir.parent, prefix=f".{out_dir.name}-"))
    try:
        args = SentenceTransformerTrainingArguments(
            output_dir=str(tmp / "trainer"), num_train_epochs=settings.epochs,
            per_device_train_batch_size=settings.batch_size, learning_rate=settings.learning_rate,
            warmup_steps=settings.warmup_ratio, seed=settings.seed, data_seed=settings.seed,
            batch_sampler=BatchSamplers.NO_DUPLICATES, save_strategy="no", report_to="none",
            logging_steps=10, use_cpu=True, dataloader_num_workers=0,
        )
        trainer = SentenceTransformerTrainer(model=model, args=args, train_dataset=data,
                                             loss=MultipleNegativesRankingLoss(model))
        started = time.perf_counter()
        with contextlib.redirect_stdout(sys.stderr):  # the trainer prints its loss log; keep stdout for --json
            result = trainer.train()
        seconds = time.perf_counter() - started
        shutil.rmtree(tmp / "trainer", ignore_errors=True)
        model.save(str(tmp))
        info = {
            "base_model": str(base_dir), "base_digest": weights_digest(Path(base_dir)),
            "pairs": len(pairs), "pairs_by_source": _count(p.source for p in pairs),
            "steps": int(result.global_step), "train_loss": round(float(result.training_loss), 4),
            "seconds": round(seconds, 1), "settings": asdict(settings),
        }
        (tmp / INFO_FILE).write_text(json.dumps(info, ensure_ascii=False, indent=2), encoding="utf-8")
        if out_dir.exists():
            shutil.rmtree(out_dir)
        tmp.rename(out_dir)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    log(f"tuned model saved to {out_dir} ({info['pairs']} pairs, {info['steps']} steps, {seconds:.0f}s)")
    return info


def _count(items: Iterable[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for i in items:
        out[i] = out.get(i, 0) + 1
    return out
