"""The `policykg` CLI on a real knowledge base: JSON contracts and errors users see."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from search_app.cli import app

runner = CliRunner()
SEARCH_KEYS = {"rank", "score", "clause_id", "doc", "title", "path", "text"}
METRIC_KEYS = {"recall@1", "recall@5", "recall@10", "mrr@10"}


def run(*args: str):
    result = runner.invoke(app, list(args))
    return result


@pytest.mark.parametrize("mode", ["hybrid", "dense", "bm25"])
def test_search_json_contract(built_kb: Path, mode: str):
    res = run("search", "养老服务设施配建标准", "--k", "4", "--mode", mode, "--json", "--kb", str(built_kb))
    assert res.exit_code == 0, res.output
    items = json.loads(res.stdout)
    assert len(items) == 4
    assert [i["rank"] for i in items] == [1, 2, 3, 4]
    for item in items:
        assert SEARCH_KEYS <= item.keys()
        assert isinstance(item["path"], list) and all(isinstance(p, str) for p in item["path"])
        assert "〔" in item["doc"] and item["title"] and item["text"].strip()
    scores = [i["score"] for i in items]
    assert scores == sorted(scores, reverse=True)
    assert len({i["clause_id"] for i in items}) == 4


def test_bm25_leg_alone_finds_a_clause(built_kb: Path):
    res = run("search", "孝善食堂多元筹资", "--mode", "bm25", "--k", "3", "--json", "--kb", str(built_kb))
    items = json.loads(res.stdout)
    assert any("孝善食堂" in i["text"] for i in items), [i["text"][:40] for i in items]


def test_search_filter_by_document(built_kb: Path, corpus_dir: Path):
    from search_app.kb import open_kb

    some_doc = open_kb(built_kb).documents[1].doc
    res = run("search", "养老服务", "--doc", some_doc, "--k", "5", "--json", "--kb", str(built_kb))
    items = json.loads(res.stdout)
    assert len(items) == 5 and {i["doc"] for i in items} == {some_doc}


def test_eval_json_contract(built_kb: Path, eval_dir: Path):
    res = run("eval", str(eval_dir / "dev_questions.jsonl"), "--k", "10", "--json", "--details", "--kb", str(built_kb))
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["n"] == sum(1 for line in open(eval_dir / "dev_questions.jsonl", encoding="utf-8") if line.strip())
    assert METRIC_KEYS <= out.keys()
    assert out["by_kind"] and all(METRIC_KEYS <= v.keys() for v in out["by_kind"].values())
    assert all(0.0 <= out[key] <= 1.0 for key in METRIC_KEYS)
    assert out["recall@1"] <= out["recall@5"] <= out["recall@10"]
    q = out["questions"][0]
    assert {"id", "results"} <= q.keys() and len(q["results"]) == 10
    assert {"doc", "text"} <= q["results"][0].keys()


def test_unknown_mode_is_a_clear_error(built_kb: Path):
    res = run("search", "养老", "--mode", "magic", "--kb", str(built_kb))
    assert res.exit_code != 0
    assert "hybrid" in res.output


def test_missing_kb_says_how_to_build(tmp_path: Path):
    res = run("search", "养老", "--kb", str(tmp_path / "nope"))
    assert res.exit_code == 1
    assert "policykg build" in res.output


def test_kb_from_environment(built_kb: Path, monkeypatch):
    monkeypatch.setenv("POLICYKG_KB", str(built_kb))
    res = runner.invoke(app, ["search", "养老服务", "--k", "1", "--json"], env={"POLICYKG_KB": str(built_kb)})
    assert res.exit_code == 0, res.output
    assert len(json.loads(res.stdout)) == 1


def test_search_warns_when_the_corpus_changed_since_the_build(built_kb: Path, corpus_dir: Path, tmp_path: Path):
    import shutil

    corpus = tmp_path / "corpus"
    shutil.copytree(corpus_dir, corpus)
    first = sorted(corpus.iterdir())[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n新增一段。\n", encoding="utf-8")
    kb_dir = tmp_path / "kb"
    shutil.copytree(built_kb, kb_dir)
    manifest = json.loads((kb_dir / "manifest.json").read_text(encoding="utf-8"))
    manifest["corpus_dir"] = str(corpus)
    (kb_dir / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    res = run("search", "养老", "--k", "1", "--json", "--kb", str(kb_dir))
    assert res.exit_code == 0
    assert "another corpus" in res.stderr and "policykg build" in res.stderr


def test_search_with_changed_model_weights_says_how_to_rebuild(built_kb: Path, tmp_path: Path):
    import shutil

    kb_dir = tmp_path / "kb"
    shutil.copytree(built_kb, kb_dir)
    info_path = kb_dir / "index" / "info.json"
    info = json.loads(info_path.read_text(encoding="utf-8"))
    info["encoders"][0]["digest"] = "0" * 64
    info_path.write_text(json.dumps(info), encoding="utf-8")
    res = run("search", "养老", "--kb", str(kb_dir))
    assert res.exit_code == 1
    assert "policykg build --force" in res.output
