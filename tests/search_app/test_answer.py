"""Structured answers: unit behaviour on small records, and `ask`/`similar` on the real kb."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from search_app.answer import department_answer, target_answer
from search_app.cli import app

runner = CliRunner()


def rec(rank, doc, departments=(), targets=(), sentence=""):
    return {"rank": rank, "doc": doc, "title": "t", "clause_id": f"{doc}:{rank}", "label": str(rank),
            "departments": list(departments), "targets": list(targets), "highlight": {"sentence": sentence}}


def test_department_answer_groups_roles_in_rank_order_and_skips_clauses_without_departments():
    records = [
        rec(1, "A", sentence="办公室设在区民政局"),
        rec(2, "B", [{"name": "区民政局", "role": "mentioned"}], sentence="办公室设在区民政局，负责协调"),
        rec(3, "C", [{"name": "县统计局", "role": "lead"}, {"name": "县公安局", "role": "support"},
                     {"name": "县统计局", "role": "lead"}]),
    ]
    entries = department_answer(records)["departments"]
    assert [e["doc"] for e in entries] == ["B", "C"]
    assert entries[0]["in_best_sentence"] == ["区民政局"]
    assert entries[1]["lead"] == ["县统计局"] and entries[1]["support"] == ["县公安局"]


def test_target_answer_puts_the_target_matching_the_question_first():
    beds = {"indicator": "养老床位总量", "value": 7763, "unit": "张", "comparator": "=", "year": 2025,
            "scope": None, "text": "养老服务床位总量达到7763张"}
    rate = {"indicator": "护理型床位占比", "value": 55, "unit": "%", "comparator": ">=", "year": 2025,
            "scope": None, "text": "护理型床位占比达到55%"}
    entries = target_answer("护理型床位占比要达到多少", [rec(1, "A", targets=[beds, rate])])["targets"]
    assert [e["indicator"] for e in entries] == ["护理型床位占比", "养老床位总量"]
    assert entries[0]["doc"] == "A" and entries[0]["clause_id"] == "A:1"


def test_target_answer_prefers_the_document_of_the_place_named():
    fund = {"indicator": "彩票公益金", "value": 55, "unit": "%", "comparator": ">=", "year": None,
            "scope": None, "text": "彩票公益金55%以上用于发展养老服务"}
    loan = {"indicator": "单户授信额度", "value": 5000, "unit": "万元", "comparator": "<=", "year": None,
            "scope": None, "text": "单户授信额度最高5000万元"}
    records = [rec(1, "A", targets=[fund]), rec(2, "B", targets=[loan])]
    question = "B县养老服务专项贷款最高额度是多少"
    assert target_answer(question, records)["targets"][0]["doc"] == "A", "word overlap alone picks A"
    assert target_answer(question, records, frozenset({"B"}))["targets"][0]["doc"] == "B"


def test_english_target_question_keeps_clause_rank():
    table = {"indicator": "覆盖率", "value": 100, "unit": "%", "comparator": "=", "year": 2025,
             "scope": None, "text": "覆盖率 100% 2024—2025年"}
    meals = {"indicator": "示范性社区助餐点", "value": 10, "unit": "个", "comparator": "=", "year": 2025,
             "scope": None, "text": "建成10个示范性社区助餐点"}
    records = [rec(1, "A", targets=[meals]), rec(2, "A", targets=[table])]
    entries = target_answer("How many meal points will be built by 2025?", records)["targets"]
    assert entries[0]["indicator"] == "示范性社区助餐点", "the year's digits do not outrank the first clause"


def test_ask_json_contract(built_kb: Path):
    res = runner.invoke(app, ["ask", "养老服务人才培养由哪个部门负责", "--json", "--kb", str(built_kb)])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert {"intent", "answer", "clauses"} <= out.keys()
    assert out["intent"] == "department"
    assert out["answer"]["departments"] and out["clauses"][0]["clause_id"]


def test_ask_on_dev_department_and_target_questions(built_kb: Path, eval_dir: Path):
    from search_app.ask_eval import evaluate_ask
    from search_app.evaluate import load_questions
    from search_app.kb import open_kb

    result = evaluate_ask(open_kb(built_kb), load_questions(eval_dir / "dev_questions.jsonl"))
    print(f"\n[ask] intent accuracy {result['intent_accuracy']:.2f}, answer accuracy {result['answer_accuracy']:.2f}")
    assert result["by_kind"]["department"]["intent_accuracy"] == 1.0
    assert result["by_kind"]["target"]["intent_accuracy"] == 1.0
    assert result["answer_accuracy"] >= 0.75


def test_similar_returns_clauses_of_other_documents(built_kb: Path):
    from search_app.kb import open_kb

    knowledge = open_kb(built_kb)
    source = next(c for c in knowledge.clauses.values() if "每百户" in c.text)
    res = runner.invoke(app, ["similar", source.clause_id, "--k", "4", "--json", "--kb", str(built_kb)])
    assert res.exit_code == 0, res.output
    items = json.loads(res.stdout)
    assert len(items) == 4
    assert all(i["doc"] != source.doc for i in items)
    assert any("每百户" in i["text"] for i in items), "the same standard in another county ranks among the top"


def test_similar_unknown_clause_is_a_clear_error(built_kb: Path):
    res = runner.invoke(app, ["similar", "无此条款", "--kb", str(built_kb)])
    assert res.exit_code == 1 and "clause_id" in res.output
