"""Clause tree: heading styles, nesting, clause text, annexes, trailer, ids, real corpus granularity."""

from __future__ import annotations

import json
import re

import pytest

from ingest.headings import match_heading
from ingest.pipeline import ingest_corpus
from ingest.segment import segment

HEADER = "XX县人民政府办公室文件\n\nXX政办字〔2024〕1号\n\nXX县人民政府办公室\n\n2024年1月2日\n\n# XX县养老服务实施方案\n\n"
PREAMBLE = "为推进养老服务发展，根据上级要求，制定本方案。\n\n"


def _paths(clauses):
    return [c.path for c in clauses]


def _ws(s: str) -> str:
    return re.sub(r"\s+", "", s)


@pytest.mark.parametrize(
    ("line", "style", "label"),
    [
        ("一、总体要求", "cn", "一"),
        ("十二、其他", "cn", "十二"),
        ("（一）指导思想。内容", "paren_cn", "（一）"),
        ("(三) 总结验收阶段。内容", "paren_cn", "（三）"),
        ("1. 完善清单。内容", "arabic", "1"),
        ("12、建立制度。内容", "arabic", "12"),
        ("３．建立制度。内容", "arabic", "3"),
        ("（1）做好登记。", "paren_arabic", "（1）"),
        ("(2) 做好登记。", "paren_arabic", "（2）"),
        ("①登记。", "circled", "①"),
        ("第一条 为了规范管理。", "tiao", "第一条"),
        ("第二章 总则", "zhang", "第二章"),
        ("第一部分　总体要求", "bufen", "第一部分"),
        ("## 一、总体要求", "cn", "一"),
        ("**3. 建立精准服务主动响应机制。**加强共享", "arabic", "3"),
        ("2. **建立老年人口数据发布制度。**开展统计", "arabic", "2"),
    ],
)
def test_heading_styles_and_labels(line, style, label):
    h = match_heading(line)
    assert h is not None and (h.style, h.label) == (style, label)


@pytest.mark.parametrize("line", ["一是区级层面。", "2025年底前完成。", "0.2平方米", "——**保障基础。**", "十四五规划"])
def test_non_headings(line):
    assert match_heading(line) is None


def test_bold_run_heading_phrase():
    assert match_heading("**3. 建立精准服务主动响应机制。**加强共享").phrase == "建立精准服务主动响应机制"
    assert match_heading("2. **建立数据发布制度。**开展统计").phrase == "建立数据发布制度"
    assert match_heading("（一）需求导向原则。精准分析需求。").phrase == "需求导向原则"


def test_nesting_follows_numbering_not_markdown_level():
    text = HEADER + PREAMBLE + (
        "## 一、总则\n\n（一）甲项。内容。\n\n### 二、任务\n\n#### **（一）乙项**\n\n1. 丙。内容。\n\n2. 丁。内容。\n\n"
        "## 三、保障\n\n1. 戊。内容。\n"
    )
    _, clauses, _ = segment(text, "D")
    assert _paths(clauses) == [
        [], ["一"], ["一", "（一）"], ["二"], ["二", "（一）"], ["二", "（一）", "1"], ["二", "（一）", "2"],
        ["三"], ["三", "1"],
    ]
    by_id = {c.clause_id: c for c in clauses}
    assert by_id["D:二/（一）/2"].parent_id == "D:二/（一）"
    assert by_id["D:0"].kind == "preamble" and by_id["D:0"].heading == ""
    assert [c.level for c in clauses] == [len(c.path) for c in clauses]
    assert [c.order for c in clauses] == list(range(len(clauses)))


def test_style_first_seen_deeper_is_deeper():
    text = HEADER + "第一章 总则\n\n第一条 为了规范。\n\n第二条 适用范围。\n\n第二章 服务\n\n第三条 内容。\n"
    _, clauses, _ = segment(text, "D")
    assert _paths(clauses) == [["第一章"], ["第一章", "第一条"], ["第一章", "第二条"], ["第二章"], ["第二章", "第三条"]]


def test_clause_text_is_own_part_with_repaired_breaks_and_no_markup():
    text = HEADER + PREAMBLE + (
        "## 一、总体要求\n\n（一）多元统筹原则。采取“医养融合、智慧养\n\n老”三位一体新模式。（牵头单位：\n\n县民政局）\n\n"
        "（二）第二项。内容。\n"
    )
    header, clauses, trailer = segment(text, "D")
    one, first, second = clauses[1:]
    assert one.text == "一、总体要求"
    assert first.text == "（一）多元统筹原则。采取“医养融合、智慧养老”三位一体新模式。（牵头单位：县民政局）"
    assert "第二项" not in first.text and "**" not in first.text and "#" not in one.text
    assert "XX政办字〔2024〕1号" in header and "XX县养老服务实施方案" in header and trailer == ""
    for c in clauses:
        assert _ws(c.text).replace("*", "") in _ws(text[c.start:c.end]).replace("*", "").replace("#", "")


def test_annexes_are_clauses_and_trailer_holds_print_lines():
    text = HEADER + PREAMBLE + (
        "一、任务\n\n内容。\n\n- 附件：1. 任务清单\n2. 领导小组名单\n\n附件 1\n\n任务清单\n\n| 序号 | 任务 |\n|---|---|\n| 1 | 建设 |\n\n"
        "附件2\n\n领导小组名单\n\n组 长 张三\n\nXX县人民政府办公室\n\n2024年1月3日印发\n\n(共印50份)\n"
    )
    _, clauses, trailer = segment(text, "D")
    annexes = [c for c in clauses if c.kind == "annex"]
    assert [(a.path, a.heading, a.clause_id) for a in annexes] == [
        (["附件1"], "任务清单", "D:附件1"), (["附件2"], "领导小组名单", "D:附件2"),
    ]
    assert "附件：1. 任务清单" in annexes[0].text and "| 1 | 建设 |" in annexes[0].text
    assert "组 长 张三" in annexes[1].text and "印发" not in annexes[1].text
    assert trailer.splitlines() == ["XX县人民政府办公室", "2024年1月3日印发", "(共印50份)"]


def test_single_unmarked_annex_list_line_is_the_annex():
    text = HEADER + PREAMBLE + "一、任务\n\n内容。\n\n附件：1.指标分解表\n\t指标分解表\n\t序号\n\t1\n"
    _, clauses, _ = segment(text, "D")
    assert (clauses[-1].kind, clauses[-1].path, clauses[-1].heading) == ("annex", ["附件1"], "指标分解表")


def test_tab_exported_table_rows_become_lines():
    text = HEADER + "一、任务\n\n内容。\n\n附件：1.分解表\n\t序号\n\t目标值\n\n\t1\n\t20个\n\t\n\n\t2\n\t100%\n"
    _, clauses, _ = segment(text, "D")
    assert clauses[-1].text.splitlines()[1:] == ["序号 目标值", "1 20个", "2 100%"]


def test_duplicate_numbering_gets_suffixed_ids():
    text = HEADER + "一、甲\n\n（一）项。\n\n（一）重复项。\n\n一、重复\n"
    _, clauses, _ = segment(text, "D")
    assert [c.clause_id for c in clauses] == ["D:一", "D:一/（一）", "D:一/（一）~2", "D:一~2"]
    assert len({c.clause_id for c in clauses}) == len(clauses)


# --- the real corpus -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_docs(corpus_dir):
    docs, errors = ingest_corpus(corpus_dir)
    assert errors == []
    return docs


def test_every_document_has_preamble_clauses_and_no_child_text_in_parents(corpus_docs):
    for d in corpus_docs:
        kinds = [c.kind for c in d.clauses]
        assert kinds[0] == "preamble" and kinds.count("clause") >= 15, d.source
        by_id = {c.clause_id: c for c in d.clauses}
        for c in d.clauses:
            if c.parent_id:
                parent = by_id[c.parent_id]
                assert _ws(c.text) not in _ws(parent.text), (d.source, c.clause_id)
                assert parent.path == c.path[:-1] and parent.end <= c.start


def test_three_level_numbered_items(corpus_docs):
    """A document numbered 二、（一）1. keeps its items at three levels with consecutive numbers."""
    deep = [d for d in corpus_docs if any(len(c.path) == 3 for c in d.clauses)]
    assert len(deep) >= 3
    for d in deep:
        items = [c for c in d.clauses if len(c.path) == 3]
        assert [int(c.path[-1]) for c in items] == list(range(1, len(items) + 1)), d.source
        assert all(c.path[1].startswith("（") for c in items)


def test_clause_ids_stable_across_runs(corpus_dir, corpus_docs):
    again, _ = ingest_corpus(corpus_dir)
    assert [[c.clause_id for c in d.clauses] for d in again] == [[c.clause_id for c in d.clauses] for d in corpus_docs]


def test_dev_snippets_fall_in_exactly_one_clause(corpus_docs, eval_dir):
    by_doc = {d.doc: d for d in corpus_docs}
    for line in (eval_dir / "dev_questions.jsonl").read_text(encoding="utf-8").splitlines():
        q = json.loads(line)
        for e in q["expect"]:
            hits = [c.clause_id for c in by_doc[e["doc"]].clauses if _ws(e["snippet"]) in _ws(c.text)]
            assert len(hits) == 1, (q["id"], e["snippet"], hits)


def test_page_marks_leave_the_running_text_and_land_in_the_trailer():
    text = ("一、总体要求\n\n1. 完善养老服务体系。推进医养结合（牵头单位：县民政局；配合\n－ 3 －\f单位：县卫生健康局）\n\n"
            "2. 发展助餐服务。\n\n— 4 —\n\n二、保障措施\n\n加强组织领导。\n")
    _, clauses, trailer = segment(text, "D")
    first = next(c for c in clauses if c.path == ["一", "1"])
    assert "配合单位：县卫生健康局" in first.text and "－" not in first.text
    assert "－ 3 －" in trailer and "— 4 —" in trailer


def test_hard_wrapped_item_line_joins_its_continuation():
    filler = "".join(f"　　{'为推进养老服务高质量发展加强组织领导落实责任分工'[:26]}。\n" for _ in range(14))
    text = ("一、总体要求\n\n" + filler + "1.建设家庭养老床位。\n(1)对取得养老护理员职业技能等级证书并在本县养老机构\n"
            "从业的，给予一次性补贴。\n")
    _, clauses, _ = segment(text, "D")
    item = next(c for c in clauses if c.path == ["一", "1", "（1）"])
    assert "养老机构从业的" in item.text


def test_web_page_footer_lands_in_the_trailer():
    text = HEADER + PREAMBLE + (
        "一、任务\n\n内容。\n\n扫一扫在手机打开当前页\n【打印本页】【关闭窗口】\n\n"
        "主办单位：某县人民政府办公室　　承办单位：某县大数据中心\n网站标识码：5113220001　　蜀ICP备05003827号\n"
    )
    _, clauses, trailer = segment(text, "D")
    assert "承办单位" in trailer and "网站标识码" in trailer
    assert all("承办单位" not in c.text for c in clauses)


def test_parts_hold_their_own_numbered_sections():
    text = HEADER + "第一部分 总体要求\n\n一、指导思想\n\n内容。\n\n第二部分 重点任务\n\n一、建设\n\n（1）内容。\n"
    _, clauses, _ = segment(text, "D")
    assert _paths(clauses) == [["第一部分"], ["第一部分", "一"], ["第二部分"], ["第二部分", "一"], ["第二部分", "一", "（1）"]]


def test_a_policy_issued_as_annex_1_gets_its_clause_tree():
    text = ("XX省民政厅文件\n\nXX民发〔2025〕9号\n\nXX省民政厅关于印发《XX行动方案》的通知\n\n各市民政局：\n\n"
            "现将《XX行动方案》印发给你们。\n\n附件：1．XX行动方案\n　　　2．XX任务分工表\n\nXX省民政厅\n2025年4月18日\n\n"
            "附件1\n\nXX行动方案\n\n为完善社区养老服务网络，制定本方案。\n\n一、工作目标\n\n内容。\n\n二、重点任务\n\n（一）布局设施。内容。\n\n"
            "附件2\n\nXX任务分工表\n\n| 序号 | 任务 |\n")
    header, clauses, _ = segment(text, "D")
    assert _paths(clauses) == [[], ["一"], ["二"], ["二", "（一）"], ["附件2"]]
    assert header.endswith("附件1\nXX行动方案") and "2．XX任务分工表" in header


def test_bold_lines_are_the_headings_of_a_document_without_numbering():
    text = ("XX县人民政府办公室文件\n\nXX政办发〔2025〕5号\n\nXX县人民政府办公室\n\n二〇二五年三月十日\n\n"
            "**XX县养老服务实施方案**\n\n　　为加快构建养老服务体系，制定本方案。\n\n**总体要求**\n\n　　坚持以人民为中心。\n\n"
            "**重点任务**\n\n　　**提升中心功能。**按照要求改扩建。（牵头单位：县民政局）\n\n　　**发展家庭床位。**每年新增100张。\n")
    header, clauses, _ = segment(text, "D")
    assert [(c.clause_id, c.heading) for c in clauses] == [
        ("D:0", ""), ("D:§1", "总体要求"), ("D:§2", "重点任务"), ("D:§2/¶1", "提升中心功能"), ("D:§2/¶2", "发展家庭床位")]
    assert "XX县养老服务实施方案" in header and clauses[3].text.startswith("提升中心功能。按照要求")


def test_bold_runs_do_not_make_headings_where_numbering_exists():
    text = HEADER + PREAMBLE + "一、任务\n\n**重点工作**\n\n内容。\n\n**加强领导。**内容。\n"
    _, clauses, _ = segment(text, "D")
    assert _paths(clauses) == [[], ["一"]]


@pytest.mark.parametrize(("line", "label"), [("▌一、总体要求", "一"), ("【三】发展居家上门服务", "【三】"), ("◆ （二）强化保障。内容", "（二）")])
def test_decorated_and_square_bracket_headings(line, label):
    assert match_heading(line).label == label
    assert match_heading("◆ 构建助餐网络。") is None


def test_a_news_posts_recommended_reading_is_trailer():
    text = HEADER + PREAMBLE + "一、任务\n\n内容。\n\n某县人民政府办公室\n2024年1月2日\n\n—— END ——\n\n来源：某县民政局\n\n往期推荐\n\n我县新增3家示范性助餐点\n\n阅读原文\n"
    _, clauses, trailer = segment(text, "D")
    assert "3家" not in clauses[-1].text and "往期推荐" in trailer and "—— END ——" in trailer


def test_a_table_of_contents_stays_in_the_header_and_ids_stay_unique():
    toc = "目　　录\n\n一、总体要求……………………1\n（一）主要目标……………2\n二、重点任务……………………3\n\n"
    _, clauses, _ = segment(HEADER + toc + PREAMBLE + "一、总体要求\n\n（一）主要目标。到2027年建成10个。\n\n二、重点任务\n\n内容。\n", "D")
    assert [c.clause_id for c in clauses] == ["D:0", "D:一", "D:一/（一）", "D:二"]
