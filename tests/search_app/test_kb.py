"""Knowledge-base builds: reuse, bad files named and skipped, failed builds lose nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from search_app import kb as kbmod
from search_app.kb import KBError, build_kb, open_kb


def quiet(_msg: str) -> None:
    pass


def test_built_kb_has_manifest_documents_and_graph(built_kb: Path):
    manifest = json.loads((built_kb / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["corpus_digest"] and manifest["encoders"]
    assert all(e.get("digest") for e in manifest["encoders"])
    knowledge = open_kb(built_kb)
    assert len(knowledge.documents) == 5
    assert knowledge.graph.number_of_nodes() > len(knowledge.clauses)


def test_rebuild_of_same_corpus_is_reused(built_kb: Path, corpus_dir: Path):
    report = build_kb(corpus_dir, built_kb, progress=False, log=quiet)
    assert report.reused


def test_changed_model_weights_are_not_reused(built_kb: Path, corpus_dir: Path, tmp_path: Path, monkeypatch):
    kb_dir = tmp_path / "kb"
    shutil.copytree(built_kb, kb_dir)
    monkeypatch.setattr("search_app.encoders.factory.spec_digest", lambda spec: "other-weights")
    calls = []
    monkeypatch.setattr("search_app.index.build_index", lambda *a, **k: calls.append(a) or {})
    report = build_kb(corpus_dir, kb_dir, progress=False, log=quiet)
    assert not report.reused and calls, "a kb built with other weights of the same model must be rebuilt"


def test_hnsw_kb_is_rebuilt_from_a_flat_one_and_answers_the_same(built_kb: Path, corpus_dir: Path, tmp_path: Path):
    kb_dir = tmp_path / "kb"
    shutil.copytree(built_kb, kb_dir)
    report = build_kb(corpus_dir, kb_dir, progress=False, log=quiet, index="hnsw")
    assert not report.reused, "asking for another index kind rebuilds"
    hnsw, flat = open_kb(kb_dir), open_kb(built_kb)
    assert {i.kind for _, i in hnsw.searcher.dense.values()} == {"hnsw"}
    question = "哪个部门牵头老年人口数据发布？"
    top = [h.clause_id for h in hnsw.searcher.search(question, k=5)]
    assert top == [h.clause_id for h in flat.searcher.search(question, k=5)]
    with pytest.raises(KBError, match="flat, hnsw"):
        build_kb(corpus_dir, kb_dir, progress=False, log=quiet, index="ivf")


def test_missing_tuned_model_says_how_to_make_it(tmp_path: Path, corpus_dir: Path, monkeypatch):
    monkeypatch.setenv("POLICYKG_CACHE", str(tmp_path / "cache"))
    with pytest.raises(KBError, match="policykg tune"):
        build_kb(corpus_dir, tmp_path / "kb", encoders=("m3e-small-tuned",), progress=False, log=quiet)
    assert not (tmp_path / "kb").exists()


def test_bad_files_are_named_and_the_rest_goes_in(tmp_path: Path, corpus_dir: Path):
    corpus = tmp_path / "corpus"
    shutil.copytree(corpus_dir, corpus)
    (corpus / "zz_binary.txt").write_bytes(bytes(range(256)) * 8)
    (corpus / "zz_empty.txt").write_text("", encoding="utf-8")
    report = build_kb(corpus, tmp_path / "kb", progress=False, log=quiet)
    assert report.documents == 5
    assert any("zz_binary.txt" in e for e in report.errors)
    assert any("zz_empty.txt" in e for e in report.errors)
    manifest = json.loads((tmp_path / "kb" / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["errors"]) == 2


def test_failed_build_keeps_previous_kb(built_kb: Path, corpus_dir: Path, tmp_path: Path, monkeypatch):
    kb_dir = tmp_path / "kb"
    shutil.copytree(built_kb, kb_dir)
    before = (kb_dir / "manifest.json").read_bytes()

    def boom(*a, **k):
        raise RuntimeError("disk full")

    monkeypatch.setattr("search_app.index.build_index", boom)
    with pytest.raises(RuntimeError, match="disk full"):
        build_kb(corpus_dir, kb_dir, force=True, progress=False, log=quiet)
    assert (kb_dir / "manifest.json").read_bytes() == before
    assert len(open_kb(kb_dir).documents) == 5
    assert [p.name for p in tmp_path.iterdir()] == ["kb"], "temporary build folders must be cleaned up"


def test_empty_corpus_is_an_error_and_keeps_kb(built_kb: Path, tmp_path: Path):
    kb_dir = tmp_path / "kb"
    shutil.copytree(built_kb, kb_dir)
    (tmp_path / "empty").mkdir()
    with pytest.raises(KBError, match="previous knowledge base is unchanged"):
        build_kb(tmp_path / "empty", kb_dir, progress=False, log=quiet)
    assert len(open_kb(kb_dir).documents) == 5


def test_open_missing_kb_says_how_to_build(tmp_path: Path):
    with pytest.raises(KBError, match="policykg build"):
        open_kb(tmp_path / "missing")


def test_stale_kb_is_detected(built_kb: Path, corpus_dir: Path, tmp_path: Path):
    other = tmp_path / "other"
    other.mkdir()
    for f in sorted(corpus_dir.iterdir())[:3]:
        shutil.copy(f, other / f.name)
    knowledge = open_kb(built_kb)
    assert knowledge.stale_reason(corpus_dir) is None
    reason = knowledge.stale_reason(other)
    assert reason and "policykg build" in reason


def test_corpus_digest_ignores_order():
    from ingest.model import Document

    a = Document(doc="A〔2020〕1号", title="a", source="a.txt", digest="1")
    b = Document(doc="B〔2020〕1号", title="b", source="b.txt", digest="2")
    assert kbmod.corpus_digest([a, b]) == kbmod.corpus_digest([b, a])
    assert kbmod.corpus_digest([a]) != kbmod.corpus_digest([a, b])


def test_code_digest_changes_with_the_code(monkeypatch, tmp_path: Path):
    import ingest

    before = kbmod.code_digest()
    fake_pkg = tmp_path / "ingest"
    shutil.copytree(Path(ingest.__file__).parent, fake_pkg)
    (fake_pkg / "targets.py").write_text("# changed extractor\n", encoding="utf-8")
    monkeypatch.setattr(ingest, "__file__", str(fake_pkg / "__init__.py"))
    assert kbmod.code_digest() != before


def test_sentence_vectors_are_stored_at_build_time_for_highlighting(built_kb: Path):
    """Highlighting reads each clause's sentence vectors from the kb instead of encoding them per query."""
    import numpy as np

    from search_app.highlight import clause_sentences

    knowledge = open_kb(built_kb)
    searcher = knowledge.searcher
    clause = max(knowledge.clauses.values(), key=lambda c: len(c.text))
    sentences = [clause.text[s:e] for s, e in clause_sentences(clause.text)]
    for leg, (encoder, _) in searcher.dense.items():
        stored = searcher.stored_sentence_vectors(leg, clause.clause_id, len(sentences))
        assert stored is not None and stored.shape == (len(sentences), encoder.dim), leg
        np.testing.assert_allclose(stored, encoder.encode(sentences), atol=1e-3)
        assert searcher.stored_sentence_vectors(leg, clause.clause_id, len(sentences) + 1) is None
