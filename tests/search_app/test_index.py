import json

import pytest

from tests.search_app.retrieval_fakes import CharEncoder, tiny_docs
from search_app.index import INFO, build_index, read_passages

ENCODERS = {"fake": CharEncoder("fake"), "fake2": CharEncoder("fake2", dim=32)}


@pytest.fixture
def fake_encoders(monkeypatch):
    monkeypatch.setattr("search_app.index.create_encoder", lambda spec: ENCODERS[spec])
    return ENCODERS


def test_build_writes_passages_indexes_and_info(tmp_path, fake_encoders):
    info = build_index(tiny_docs(), tmp_path / "idx", encoders=("fake", "fake2"), progress=False,
                       cache_dir=tmp_path / "cache")
    out = tmp_path / "idx"
    assert json.loads((out / INFO).read_text(encoding="utf-8")) == info
    assert [(e["spec"], e["digest"]) for e in info["encoders"]] == [("fake", "fake-64"), ("fake2", "fake2-32")]
    assert all((out / e["file"]).is_file() for e in info["encoders"])
    assert (out / "bm25" / "userdict.txt").is_file()
    passages = read_passages(out / "passages.jsonl")
    assert len(passages) == info["passages"] > 0
    assert {p.clause_id for p in passages} == {c.clause_id for d in tiny_docs() for c in d.clauses}


def test_rebuild_after_one_change_embeds_only_the_changed_texts(tmp_path, fake_encoders):
    docs = tiny_docs()
    first = build_index(docs, tmp_path / "a", encoders=("fake",), progress=False, cache_dir=tmp_path / "cache")
    assert first["encoders"][0]["embedded"] == first["passages"]
    docs[1].clauses[1].text = "政府投资的养老服务设施不得转让。新增一句话。"
    second = build_index(docs, tmp_path / "b", encoders=("fake",), progress=False, cache_dir=tmp_path / "cache")
    assert 0 < second["encoders"][0]["embedded"] < 3


def test_build_without_encoders_is_bm25_only(tmp_path):
    info = build_index(tiny_docs(), tmp_path, encoders=(), progress=False)
    assert info["encoders"] == [] and not list(tmp_path.glob("*.faiss"))


def test_unknown_passage_setting_is_rejected(tmp_path):
    with pytest.raises(TypeError, match="max_chars"):
        build_index(tiny_docs(), tmp_path, encoders=(), window=3)
