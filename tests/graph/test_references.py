"""Title keys and the resolution of citations to policy and standard nodes."""

from __future__ import annotations

from graph.references import References, full_key, inner_key, standard_code
from ingest.model import Citation, Document


def test_full_key_ignores_brackets_whitespace_and_width():
    assert full_key("《山东省养老服务 行动计划（2024—2026年）》") == full_key("山东省养老服务行动计划(2024-2026年)")


def test_inner_key_strips_notice_wrapper_and_issuer():
    wrapped = "聊城市人民政府办公室关于印发《聊城市推进基本养老服务体系建设实施方案》的通知"
    assert inner_key(wrapped) == inner_key("聊城市推进基本养老服务体系建设实施方案")
    assert inner_key("中共中央办公厅国务院办公厅印发〈关于推进基本养老服务体系建设的意见〉的通知") == \
        inner_key("关于推进基本养老服务体系建设的意见")
    assert inner_key("聊城市人民政府办公室关于印发聊城市推进基本养老服务体系建设实施方案的通知") == \
        "聊城市推进基本养老服务体系建设实施方案"


def test_standard_code_folds_dashes_and_spaces():
    assert standard_code("DB 3713/T  312—2023") == "DB 3713/T 312-2023"


def _doc(number, title, citations):
    return Document(doc=number, title=title, citations=citations)


def test_title_only_citation_resolves_to_the_numbered_policy():
    refs = References([
        _doc("甲〔2024〕1号", "县方案", [Citation("鲁政办发〔2022〕18号", "山东省人民政府办公厅关于推进养老的实施意见")]),
        _doc("乙〔2024〕2号", "另一县方案", [Citation(None, "《关于推进养老的实施意见》")]),
    ])
    assert refs.node_id(Citation(None, "《关于推进养老的实施意见》")) == "policy:鲁政办发〔2022〕18号"
    assert refs.title_of("policy:鲁政办发〔2022〕18号") == "山东省人民政府办公厅关于推进养老的实施意见"


def test_two_numbers_sharing_an_inner_title_stay_apart_and_a_bare_title_stays_unresolved():
    wrapped = "{}印发〈关于加强养老服务体系建设的意见〉的通知"
    refs = References([_doc("淮办〔2022〕2号", "实施意见", [
        Citation("豫办〔2021〕33号", wrapped.format("中共河南省委办公厅")),
        Citation("周办〔2021〕22号", wrapped.format("中共周口市委办公室")),
        Citation(None, "关于加强养老服务体系建设的意见"),
    ])])
    assert refs.node_id(Citation(None, wrapped.format("中共周口市委办公室"))) == "policy:周办〔2021〕22号"
    assert refs.node_id(Citation(None, "关于加强养老服务体系建设的意见")).startswith("policy:title:")


def test_standard_cited_by_title_joins_its_coded_node():
    refs = References([_doc("甲〔2024〕1号", "方案", [
        Citation("GB/T 35796—2017", "养老机构服务质量基本规范", kind="standard"),
        Citation(None, "养老机构服务质量基本规范", kind="standard"),
    ])])
    assert refs.node_id(Citation(None, "《养老机构服务质量基本规范》", kind="standard")) == "standard:GB/T 35796-2017"
    assert refs.node_id(Citation(None, None)) is None


def test_place_named_title_joins_the_numbered_policy_of_that_place():
    numbered = Citation("宿政办发〔2023〕44号", "市政府办公室印发关于推进城乡基本养老服务体系建设行动方案（2023—2025年）")
    named = Citation(None, "宿迁市推进基本养老服务体系建设行动方案（2023—2025年）")
    county = "宿城区推进基本养老服务体系建设行动方案（2024—2025年）"  # a county's plan, not the city's
    refs = References([_doc("宿区政办发〔2024〕3号", county, [numbered, named])])
    assert refs.node_id(named) == "policy:宿政办发〔2023〕44号"


def test_near_title_of_another_place_or_without_a_place_stays_apart():
    numbered = Citation("宿政办发〔2023〕44号", "市政府办公室印发关于推进城乡基本养老服务体系建设行动方案（2023—2025年）")
    other_city = Citation(None, "聊城市推进基本养老服务体系建设行动方案（2023—2025年）")
    no_place = Citation(None, "推进基本养老服务体系建设行动方案（2023—2025年）")
    different = Citation(None, "宿迁市养老服务设施布局专项规划（2023—2035年）")
    refs = References([_doc("宿区政办发〔2024〕3号", "方案", [numbered, other_city, no_place, different])])
    for c in (other_city, no_place, different):
        assert refs.node_id(c).startswith("policy:title:"), c.title
