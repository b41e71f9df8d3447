"""The synthetic corpus generator: deterministic, made of real sentences, unique ids."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.synth import mask, place_names, place_pattern, split_sentences, synthetic_corpus  # noqa: E402
from ingest.pipeline import ingest_corpus  # noqa: E402

N = 400


@pytest.fixture(scope="module")
def real(corpus_dir):
    docs, _ = ingest_corpus(corpus_dir, progress=False)
    return docs


def test_same_seed_same_corpus(real):
    a, b = synthetic_corpus(real, N, seed=1), synthetic_corpus(real, N, seed=1)
    assert [d.to_dict() for d in a] == [d.to_dict() for d in b]
    c = synthetic_corpus(real, N, seed=2)
    assert [x.text for d in a for x in d.clauses] != [x.text for d in c for x in d.clauses]


def test_exact_size_and_unique_ids(real):
    docs = synthetic_corpus(real, N, seed=0)
    ids = [c.clause_id for d in docs for c in d.clauses]
    assert len(ids) == N == len(set(ids))
    assert len({d.doc for d in docs}) == len(docs)
    known = set(ids)
    assert all(c.parent_id is None or c.parent_id in known for d in docs for c in d.clauses)


def test_sentences_are_perturbed_real_sentences(real):
    pattern = place_pattern(place_names(real))
    real_masked = {mask(s, pattern) for d in real for c in d.clauses for s in split_sentences(c.text)}
    real_texts = {c.text for d in real for c in d.clauses}
    docs = synthetic_corpus(real, N, seed=3)
    clauses = [c for d in docs for c in d.clauses]
    for c in clauses:
        assert all(mask(s, pattern) in real_masked for s in split_sentences(c.text)), c.text
    recombined = sum(c.text not in real_texts for c in clauses)
    assert recombined > N // 2


def test_body_sentences_keep_their_heading_level(real):
    docs = synthetic_corpus(real, N, seed=4)
    pattern = place_pattern(place_names(real))
    by_level: dict[int, set[str]] = {}
    for d in real:
        for c in d.clauses:
            by_level.setdefault(c.level, set()).update(mask(s, pattern) for s in split_sentences(c.text)[1:])
    for c in (c for d in docs for c in d.clauses):
        body = split_sentences(c.text)[1:]
        if by_level[c.level]:
            assert all(mask(s, pattern) in by_level[c.level] for s in body)
