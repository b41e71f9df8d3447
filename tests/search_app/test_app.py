"""The Streamlit app through AppTest: a question shows its answering clause with provenance."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parents[2] / "search_app" / "app.py"


@pytest.fixture()
def app_test(built_kb: Path, monkeypatch) -> AppTest:
    monkeypatch.setenv("POLICYKG_KB", str(built_kb))
    return AppTest.from_file(str(APP), default_timeout=180)


def all_markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_query_in_url_runs_on_load(app_test: AppTest):
    app_test.query_params["q"] = "孝善食堂多元筹资"
    app_test.run()
    assert not app_test.exception
    assert app_test.text_input(key="query").value == "孝善食堂多元筹资"
    text = all_markdown(app_test)
    assert "孝善食堂" in text
    assert "<mark>" in text, "the best-matching sentence is highlighted"
    captions = " ".join(c.value for c in app_test.caption)
    assert "〔" in captions, "each card names its document number"
    assert not app_test.get("help") and not app_test.get("json"), "no stray object dumps on the page"


def test_typed_question_shows_clauses_and_departments(app_test: AppTest):
    app_test.run()
    assert not app_test.exception
    assert app_test.info, "an empty page invites a question"
    app_test.text_input(key="query").input("老年人口状况统计数据发布").run()
    assert not app_test.exception
    text = all_markdown(app_test)
    assert "老年人口" in text
    assert "部门" in text


def test_missing_kb_shows_a_chinese_error(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("POLICYKG_KB", str(tmp_path / "none"))
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    assert at.error and "无法打开知识库" in at.error[0].value


def test_department_question_shows_structured_answer_above_clauses(app_test: AppTest):
    app_test.query_params["q"] = "养老服务人才培养由哪个部门负责"
    app_test.run()
    assert not app_test.exception
    headers = [h.value for h in app_test.subheader]
    assert headers[0] == "责任部门", headers
    assert any(h.startswith("相关条款") for h in headers[1:])
    answers = [m.value for m in app_test.markdown if m.value.startswith("- **")]
    assert answers and any("牵头" in a or "责任" in a for a in answers)
    assert all("“" in a and "〔" in a for a in answers), "each answer quotes its sentence and names its document"


def test_a_long_clause_shows_a_window_with_the_full_text_one_click_away(app_test: AppTest):
    app_test.query_params["q"] = "河东区创建示范区领导小组组长是谁"
    app_test.run()
    assert not app_test.exception
    cards = [m.value for m in app_test.markdown if m.value.startswith('<div class="clause">')]
    full = [e for e in app_test.expander if e.label.startswith("条款全文")]
    assert full, "a roster is cut to a window"
    assert any("…" in c for c in cards)
    inside = "".join(m.value for e in full for m in e.markdown)
    assert len(inside) > max(len(c) for c in cards if "…" in c)


def test_every_clause_offers_precedents_from_other_documents(app_test: AppTest):
    app_test.query_params["q"] = "新建住宅小区养老服务设施配建"
    app_test.run()
    assert not app_test.exception
    labels = [e.label for e in app_test.expander]
    assert labels.count("其他地区的相似条款") == 5
