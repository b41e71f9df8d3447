"""Query-level behaviour: cross-document questions get one clause per document first."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from search_app.cli import app
from search_app.intent import is_cross_document
from search_app.query import spread_over_documents


def test_spread_puts_each_documents_best_hit_first_in_rank_order():
    ranked = [("a", 1), ("a", 2), ("b", 3), ("a", 4), ("c", 5), ("b", 6)]
    out = spread_over_documents(ranked, doc_of=lambda h: h[0])
    assert out == [("a", 1), ("b", 3), ("c", 5), ("a", 2), ("a", 4), ("b", 6)]


def test_cross_document_cues():
    assert is_cross_document("各地对新建小区养老设施配建标准有何规定")
    assert is_cross_document("其他县是怎么规定助餐补贴的")
    assert is_cross_document("How do other counties fund meal services?")
    assert not is_cross_document("东阿县护理型床位占比要达到多少")


def test_cross_document_question_answers_from_several_documents(built_kb: Path):
    runner = CliRunner()
    res = runner.invoke(app, ["search", "各地对养老服务设施配建有何规定", "--k", "5", "--json", "--kb", str(built_kb)])
    docs = [r["doc"] for r in json.loads(res.stdout)]
    assert len(set(docs)) == 5, docs
