import json

import pytest

from search_app.evaluate import evaluate, load_questions

QUESTIONS = [
    {"id": "q1", "question": "甲", "kind": "lexical", "expect": [{"doc": "A", "snippet": "孝善 食堂"}]},
    {"id": "q2", "question": "乙", "kind": "cross_doc",
     "expect": [{"doc": "A", "snippet": "配建标准"}, {"doc": "B", "snippet": "配建标准"}]},
]
RESULTS = {
    # q1: rank 1 is the right text in the wrong document, rank 2 hits (whitespace ignored)
    "甲": [{"doc": "B", "text": "孝善食堂"}, {"doc": "A", "text": "建设孝善\n食堂。"}],
    # q2: entry A found at rank 3, entry B at rank 7
    "乙": [{"doc": "C", "text": "x"}] * 2 + [{"doc": "A", "text": "配建标准"}] + [{"doc": "C", "text": "x"}] * 3
    + [{"doc": "B", "text": "配 建标准"}],
}


def test_metrics_follow_the_matching_rules():
    r = evaluate(QUESTIONS, lambda q, k: RESULTS[q][:k], k=10)
    assert r["n"] == 2
    assert r["recall@1"] == 0.0
    assert r["recall@5"] == pytest.approx((1 + 0.5) / 2)
    assert r["recall@10"] == pytest.approx(1.0)
    assert r["mrr@10"] == pytest.approx((1 / 2 + 1 / 3) / 2)
    assert r["by_kind"]["cross_doc"]["recall@5"] == pytest.approx(0.5)
    assert set(r["by_kind"]["lexical"]) == {"n", "recall@1", "recall@5", "recall@10", "mrr@10"}


def test_details_list_each_questions_results_with_hits():
    r = evaluate(QUESTIONS, lambda q, k: RESULTS[q][:k], k=5, details=True)
    q1 = r["questions"][0]
    assert q1["id"] == "q1" and [x["hits"] for x in q1["results"]] == [[], [0]]
    assert len(r["questions"][1]["results"]) == 5


def test_load_questions_rejects_incomplete_lines(tmp_path):
    path = tmp_path / "q.jsonl"
    path.write_text(json.dumps({"id": "x", "question": "y"}, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="expect"):
        load_questions(path)
