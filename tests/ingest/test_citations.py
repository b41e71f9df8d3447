"""Cited policies, standards and lists."""

from ingest.citations import extract_citations


def pairs(text):
    return [(c.number, c.title) for c in extract_citations(text)]


def test_title_paired_with_its_number():
    text = "根据《山东省人民政府办公厅关于推进基本养老服务体系建设的实施意见》（鲁政办发〔2022〕18号）文件精神"
    [c] = extract_citations(text)
    assert (c.number, c.title, c.kind, c.basis) == (
        "鲁政办发〔2022〕18号", "山东省人民政府办公厅关于推进基本养老服务体系建设的实施意见", "policy", True)


def test_two_cited_policies_in_a_row():
    text = "根据《甲市养老服务实施方案》（甲政办发〔2023〕1号）、《乙省养老服务意见》（乙政发〔2022〕2号）精神"
    assert pairs(text) == [("甲政办发〔2023〕1号", "甲市养老服务实施方案"), ("乙政发〔2022〕2号", "乙省养老服务意见")]


def test_nested_titles_are_kept_whole():
    text = "落实《中共某省委办公厅印发〈关于加强养老服务体系建设的意见〉的通知》（某办〔2021〕33号）精神"
    assert pairs(text) == [("某办〔2021〕33号", "中共某省委办公厅印发〈关于加强养老服务体系建设的意见〉的通知")]


def test_half_width_angle_brackets_as_a_title():
    assert pairs("执行<某市养老机构管理办法>的规定。") == [(None, "某市养老机构管理办法")]


def test_bracket_variants_normalize_to_tortoise_shell():
    for raw in ("鲁政办发[2022]18号", "鲁政办发(2022)18号", "鲁政办发【2022】18号", "鲁政办发〔2022〕18 号"):
        assert pairs(f"按照{raw}文件要求。") == [("鲁政办发〔2022〕18号", None)]


def test_mangled_number_with_lost_bracket_is_repaired():
    assert pairs("《某市养老方案》（衢政办发〔202316号）") == [("衢政办发〔2023〕16号", "某市养老方案")]


def test_standard_codes_and_kinds():
    text = "《养老机构服务质量基本规范》（GB/T 35796-2017）《养老机构服务安全基本规范》（GB 38600-2019）《地方规范》(DB 3713/T 312—2023)达标"
    cs = extract_citations(text)
    assert [c.number for c in cs] == ["GB/T 35796-2017", "GB 38600-2019", "DB 3713/T 312-2023"]
    assert {c.kind for c in cs} == {"standard"}


def test_lists_are_other_and_plain_mentions_are_not_basis():
    [c] = extract_citations("对照《某市基本养老服务清单》制定发布本级清单。")
    assert (c.kind, c.basis) == ("other", False)
    [c] = extract_citations("贯彻落实《某市失能老年人照护服务条例》。")
    assert (c.kind, c.basis) == ("policy", False)


def test_issuer_from_number_prefix():
    [c] = extract_citations("《国务院办公厅关于发展银发经济增进老年人福祉的意见》（国办发〔2024〕1号）")
    assert c.issuer == "国务院办公厅"


def test_text_without_citations():
    assert extract_citations("到2025年，养老机构护理型床位占比达到65%以上。") == []


def test_a_bare_document_type_word_is_a_back_reference_not_a_citation():
    cites = extract_citations("制定发布本县基本养老服务清单，根据财力状况动态调整《清单》内容。")
    assert cites == []
