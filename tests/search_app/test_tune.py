"""policykg tune: pairs the corpus supplies, and a real (short) training run of m3e-small."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from ingest.model import Clause, DepartmentMention, Document, Target
from search_app.passages import MARKUP
from search_app.tune import TuneSettings, corpus_pairs, train


def _doc() -> Document:
    parent = Clause("d#1", "测政发〔2024〕1号", ["一"], "健全养老服务体系", "一、健全养老服务体系", kind="clause")
    child = Clause(
        "d#2", "测政发〔2024〕1号", ["一", "（一）"], "发展老年助餐服务",
        "（一）发展老年助餐服务。到2025年，建成老年助餐点30个，覆盖全部社区。（牵头单位：县民政局）",
        parent_id="d#1",
        departments=[DepartmentMention("县民政局", "民政", "lead")],
        targets=[Target("老年助餐点数量", 30, "个", ">=", 2025, text="建成老年助餐点30个")],
    )
    return Document("测政发〔2024〕1号", "测试方案", clauses=[parent, child])


def test_pairs_link_headings_questions_and_bodies_of_one_clause():
    pairs = corpus_pairs([_doc()])
    by_source = {p.source: p for p in pairs}
    assert set(by_source) == {"heading", "parent", "department", "target"}
    assert by_source["heading"].anchor == "发展老年助餐服务"
    assert "发展老年助餐服务" not in by_source["heading"].positive, "the body must not repeat its heading"
    assert by_source["parent"].anchor == "健全养老服务体系"
    assert by_source["department"].anchor == "哪个部门牵头发展老年助餐服务？"
    assert "老年助餐点数量" in by_source["target"].anchor and "2025" in by_source["target"].anchor
    assert "30个" in by_source["target"].positive
    assert all(p.clause_id == "d#2" for p in pairs), "a heading-only clause supplies no pair of its own"


def test_corpus_pairs_come_from_the_clauses_they_name(corpus_dir: Path):
    from ingest.pipeline import ingest_corpus

    docs, _ = ingest_corpus(corpus_dir)
    clauses = {c.clause_id: c for d in docs for c in d.clauses}
    pairs = corpus_pairs(docs)
    assert len(pairs) > 100
    assert len({(p.anchor, p.positive) for p in pairs}) == len(pairs)
    for p in pairs:
        text = MARKUP.sub("", clauses[p.clause_id].text)
        body = p.positive.split("。", 1)[1] if p.source == "parent" else p.positive
        assert body in text, "a positive is a passage of the clause the pair names"
        assert p.anchor != p.positive


@pytest.fixture(scope="module")
def tuned(tmp_path_factory) -> tuple[Path, list]:
    """m3e-small trained for a few steps on the pairs of one real document."""
    from ingest.pipeline import ingest_corpus
    from search_app.fetch_model import default_model_dir

    corpus = tmp_path_factory.mktemp("one_doc")
    root = Path(__file__).resolve().parents[2] / "corpus"
    shutil.copy(sorted(root.iterdir())[0], corpus)
    docs, _ = ingest_corpus(corpus)
    pairs = corpus_pairs(docs)[:24]
    out = tmp_path_factory.mktemp("tuned") / "model"
    train(default_model_dir(), pairs, out, TuneSettings(epochs=2, batch_size=8, learning_rate=5e-5), log=lambda m: None)
    return out, pairs, corpus


def test_training_brings_anchors_closer_to_their_passages(tuned):
    from search_app.encoders.st import SentenceTransformerEncoder
    from search_app.fetch_model import default_model_dir

    out, pairs, _ = tuned
    info = json.loads((out / "tune.json").read_text(encoding="utf-8"))
    assert info["pairs"] == len(pairs) and info["steps"] == 6

    def mean_margin(encoder) -> float:
        a = encoder.encode([p.anchor for p in pairs])
        b = encoder.encode([p.positive for p in pairs])
        sims = a @ b.T
        return float(np.mean(np.diag(sims) - (sims.sum(1) - np.diag(sims)) / (len(pairs) - 1)))

    base, after = SentenceTransformerEncoder(default_model_dir()), SentenceTransformerEncoder(out)
    assert after.dim == base.dim == 512
    assert after.digest != base.digest
    assert mean_margin(after) > mean_margin(base)


def test_too_few_pairs_is_an_error_and_writes_nothing(tmp_path: Path):
    from search_app.fetch_model import default_model_dir

    with pytest.raises(ValueError, match="training pair"):
        train(default_model_dir(), corpus_pairs([])[:1], tmp_path / "model")
    assert not (tmp_path / "model").exists()


def test_tuned_model_builds_and_searches(tuned, tmp_path: Path):
    from search_app.cli import app

    out, pairs, corpus = tuned
    runner = CliRunner()
    built = runner.invoke(app, ["build", str(corpus), "--kb", str(tmp_path / "kb"), "--model", str(out)])
    assert built.exit_code == 0, built.output
    heading = next(p for p in pairs if p.source == "heading")
    found = runner.invoke(app, ["search", heading.anchor, "--kb", str(tmp_path / "kb"), "--mode", "dense", "--json"])
    assert found.exit_code == 0, found.output
    assert heading.clause_id in [r["clause_id"] for r in json.loads(found.stdout)]


def test_cli_tune_rejects_a_missing_corpus(tmp_path: Path):
    from search_app.cli import app

    result = CliRunner().invoke(app, ["tune", str(tmp_path / "nope"), "--out", str(tmp_path / "m")])
    assert result.exit_code != 0 and "not found" in result.output


def test_cli_tune_json_is_the_only_stdout(tmp_path: Path):
    from search_app.cli import app

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    root = Path(__file__).resolve().parents[2] / "corpus"
    shutil.copy(sorted(root.iterdir())[0], corpus)
    result = CliRunner().invoke(app, ["tune", str(corpus), "--out", str(tmp_path / "m"), "--epochs", "1", "--json"])
    assert result.exit_code == 0, result.output
    info = json.loads(result.stdout)
    assert info["out"] == str(tmp_path / "m") and info["pairs"] > 0 and info["steps"] > 0
    assert (tmp_path / "m" / "tune.json").is_file()
