"""Shared fixtures: the repository's corpus, the shared eval data and one real knowledge base."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
EVAL = ROOT.parent / "shared" / "eval"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def eval_dir() -> Path:
    if not (EVAL / "dev_questions.jsonl").is_file():
        pytest.skip(f"evaluation data not found at {EVAL} (shared/ must sit beside the repository)")
    return EVAL


@pytest.fixture(scope="session")
def built_kb(tmp_path_factory) -> Path:
    """A knowledge base built from the real corpus with the real model and FAISS.

    Embeddings are cached by text digest, so after `make kb` this build costs seconds.
    """
    from search_app.kb import build_kb

    kb_dir = tmp_path_factory.mktemp("kb") / "kb"
    build_kb(CORPUS, kb_dir, progress=False, log=lambda m: None)
    return kb_dir
