"""Clause enrichment: a list's closing annotation belongs to the clause that owns the list."""

from __future__ import annotations

from ingest.enrich import enrich
from ingest.model import Document
from ingest.segment import segment


def _doc(text: str, title: str = "t") -> Document:
    _, clauses, _ = segment(text, "D")
    return enrich(Document(doc="D", title=title, clauses=clauses))


def _targets(doc: Document) -> list[tuple[float, str]]:
    return [(t.value, t.unit) for c in doc.clauses for t in c.targets]


def _roles(doc: Document, path: list[str]) -> list[tuple[str, str]]:
    c = next(c for c in doc.clauses if c.path == path)
    return [(d.name, d.role) for d in c.departments if d.role != "mentioned"]


def test_annotation_on_its_own_line_after_items_goes_to_their_clause():
    doc = _doc("一、任务\n\n4.落实优待政策。全面落实优待政策。\n① 65周岁以上老年人免费乘坐公交。\n② 70周岁以上老年人免费游览景区。\n"
               "（牵头单位：区交通运输局；配合单位：区民政局）\n\n5.其他。\n")
    assert _roles(doc, ["一", "4"]) == [("区交通运输局", "lead"), ("区民政局", "support")]
    assert _roles(doc, ["一", "4", "②"]) == []


def test_closing_paragraph_after_article_items_goes_to_the_article():
    doc = _doc("第十五条　运营补贴标准如下：\n（一）综合养老服务中心，每个每年补贴5万元；\n（二）日间照料中心，每个每年补贴2万元。\n"
               "运营补贴与服务绩效挂钩。（责任单位：县民政局、县财政局）\n\n第十六条　其他。\n")
    assert _roles(doc, ["第十五条"]) == [("县民政局", "responsible"), ("县财政局", "responsible")]
    assert _roles(doc, ["第十五条", "（二）"]) == []


def test_items_with_their_own_annotations_keep_them():
    doc = _doc("一、任务\n\n3.完善兜底保障。\n（1）特困供养。集中供养。（牵头单位：区民政局）\n"
               "（2）养老服务补贴。发放补贴。\n（牵头单位：区财政局）\n")
    assert _roles(doc, ["一", "3"]) == []
    assert _roles(doc, ["一", "3", "（2）"]) == [("区财政局", "lead")]


def test_an_annotation_closing_the_items_own_sentence_stays_with_it():
    doc = _doc("一、任务\n\n（一）建立制度\n1. 建立老年人口数据发布制度。（牵头单位：县统计局）\n"
               "2. 建立探访制度。定期探访。（牵头单位：县民政局）\n")
    assert _roles(doc, ["一", "（一）", "2"]) == [("县民政局", "lead")]
    assert _roles(doc, ["一", "（一）"]) == []


def test_a_policy_interpretation_quoting_the_document_with_its_issuer_is_not_a_citation():
    _, clauses, _ = segment("一、目标\n\n内容。\n\n二、解读\n\n《某县人民政府办公室关于加强养老服务的通知》政策解读。\n", "D")
    doc = enrich(Document(doc="D", title="关于加强养老服务的通知", issuers=["某县人民政府办公室"], clauses=clauses))
    assert doc.citations == []


def test_policies_cited_by_the_notice_in_the_header_are_the_documents_citations():
    text = ("某市民政局文件\n\n某民发〔2025〕17号\n\nXX市民政局关于印发《XX实施方案》的通知\n\n"
            "为贯彻落实《中共中央 国务院关于深化养老服务改革发展的意见》（中发〔2024〕32号）精神，制定了《XX实施方案》，现印发给你们。\n\n"
            "XX市民政局\n2025年5月26日\n\nXX实施方案\n\n为补齐短板，制定本方案。\n\n一、工作目标\n\n内容。\n")
    header, clauses, _ = segment(text, "D")
    doc = enrich(Document(doc="某民发〔2025〕17号", title="XX实施方案", header=header, clauses=clauses))
    assert [(c.number, c.basis) for c in doc.citations] == [("中发〔2024〕32号", True)]


def test_the_own_title_shortened_to_its_kind_is_not_a_citation_despite_a_year_range():
    doc = _doc("一、问：《实施方案》出台的背景是什么？\n\n答：依据《某省养老服务条例》起草了《实施方案》。\n", title="某县农村养老服务提质增效实施方案（2025—2026年）")
    assert [c.title for c in doc.citations] == ["某省养老服务条例"]


def test_sections_under_a_present_state_chapter_state_no_targets():
    text = ("第一章　发展基础和面临形势\n\n第一节　“十三五”时期发展成就\n\n全县建成养老机构41家，床位5680张。\n\n"
            "第二章　总体要求\n\n第一节　发展目标\n\n到2025年，养老床位总数达到6800张。\n")
    doc = _doc(text)
    assert _targets(doc) == [(6800, "张")]


def test_a_present_state_heading_with_its_text_on_the_same_line():
    text = "一、总体要求\n\n（一）发展现状。截至2024年底，共有养老机构41家、床位4380张。\n\n（二）目标。到2027年，床位达到5000张。\n"
    doc = _doc(text)
    assert _targets(doc) == [(5000, "张")]


def test_invisible_characters_inside_names_and_numbers_do_not_hide_them():
    text = "一、任务\n\n1.建设床位。新增家庭养老床位300\u200b张。（牵头单位：县民\u200b政局；配合单位：县卫生\u00ad健康局）\n"
    doc = _doc(text)
    item = next(c for c in doc.clauses if c.path == ["一", "1"])
    assert "\u200b" in item.text  # the source text keeps them (provenance, lossless)
    assert [(d.name, d.role) for d in item.departments] == [("县民政局", "lead"), ("县卫生健康局", "support")]
    assert [(t.value, t.unit) for t in item.targets] == [(300, "张")]


def test_the_own_title_in_full_width_digits_is_not_a_citation():
    doc = _doc("一、目标\n\n《某县行动方案（2025—2027年）》已经县政府同意。\n", title="某县行动方案（２０２５—２０２７年）")
    assert doc.citations == []


def test_an_inspection_reports_progress_and_problems_are_not_targets():
    text = ("一、总体情况\n\n全县建成助餐点42个。\n\n二、各乡镇推进情况\n\n（一）甲镇。建成床位28张，完成率95%。\n\n"
            "三、存在的问题\n\n9个互助幸福院长期闭门。\n\n四、整改要求\n\n（一）加快建设。2025年底前新增助餐点12个。\n")
    doc = _doc(text)
    assert _targets(doc) == [(12, "个")]
