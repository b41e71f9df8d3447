"""Markup stripping, line offsets, line-break repair and index folding."""

from __future__ import annotations

import pytest

from ingest.normalize import index_text, is_complete, repair_breaks, source_lines, squeeze_spaces, strip_markup


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("## 一、总体要求", "一、总体要求"),
        ("#### **四、实施步骤**", "四、实施步骤"),
        ("**3. 建立机制。**加强共享", "3. 建立机制。加强共享"),
        ("- 附件：1. 任务清单", "附件：1. 任务清单"),
        ("---", ""),
        ("|-----|------|---|", ""),
        ("| 组 长 | 张三 | 区委书记 |", "| 组 长 | 张三 | 区委书记 |"),
        ("|  1 |   建设  |", "| 1 | 建设 |"),
        ("——**保障基础，兜住底线。**着眼保基本", "——保障基础，兜住底线。着眼保基本"),
        ("GB/T 35796-2017 达标", "GB/T 35796-2017 达标"),
        ("&nbsp;&nbsp;（二）强化保障。", "（二）强化保障。"),
        ("&nbsp;", ""),
        ("配合单位:县住建局;&nbsp;县财政局", "配合单位:县住建局; 县财政局"),
        ("A&amp;B", "A&amp;B"),
    ],
)
def test_strip_markup_removes_only_markdown_and_whitespace_entities(raw, clean):
    assert strip_markup(raw) == clean


def test_source_lines_offsets_point_into_the_source():
    text = "\n\n# 标题\r\n\n  （一）正文。  \n---\n| a | b |\n"
    lines = source_lines(text)
    assert [ln.text for ln in lines] == ["标题", "（一）正文。", "| a | b |"]
    for ln in lines:
        assert text[ln.start:ln.end] == ln.raw.strip()


def test_repair_joins_a_cut_sentence_but_keeps_paragraphs():
    paras = ["（二）采取“公建民营、智慧养", "老”三位一体新模式。", "第二段落。"]
    assert repair_breaks(paras) == "（二）采取“公建民营、智慧养老”三位一体新模式。\n第二段落。"


def test_repair_joins_a_split_department_annotation():
    paras = ["建立探访制度。（牵头单位：", "县民政局；配合单位：县委宣传部）"]
    assert repair_breaks(paras) == "建立探访制度。（牵头单位：县民政局；配合单位：县委宣传部）"


def test_repair_never_joins_a_heading_line_to_its_body():
    paras = ["（一）坚持以人为本、共享发展", "牢固树立以人民为中心的发展思想。"]
    assert repair_breaks(paras, first_is_heading=True) == "\n".join(paras)


@pytest.mark.parametrize(
    ("para", "complete"),
    [("完成。", True), ("（责任单位：县民政局）", True), ("“十四五”。”", True),
     ("打造“虚拟养老院”", False), ("子女就学、", False), ("（牵头单位：", False), ("", True)],
)
def test_is_complete(para, complete):
    assert is_complete(para) is complete


def test_squeeze_spaces_drops_wrap_spaces_between_cjk():
    assert squeeze_spaces("河东区县域养老服务体系创新 示范区创建") == "河东区县域养老服务体系创新示范区创建"
    assert squeeze_spaces("GB  38600 标准") == "GB 38600 标准"


def test_index_text_folds_width_collapses_space_and_keeps_brackets():
    s = "## **鲁政办发〔２０２２〕１８号**\n\n  ＡＢＣ　养老  服务（一）"
    assert index_text(s) == "鲁政办发〔2022〕18号 ABC 养老 服务（一）"


def test_a_wrap_inside_a_square_bracket_annotation_joins_and_a_heading_line_label_ends_its_line():
    assert repair_breaks(["2.【牵头单位：市民政局；配合单位：各县（市、区）", "民政局】开展培训。"]) == \
        "2.【牵头单位：市民政局；配合单位：各县（市、区）民政局】开展培训。"
    assert repair_breaks(["（一）实施上门服务　责任单位：市民政局、各县（市、区）民政局", "对老年人提供服务。"]) == \
        "（一）实施上门服务　责任单位：市民政局、各县（市、区）民政局\n对老年人提供服务。"


def test_a_label_line_ending_in_a_name_is_not_joined_to_the_next_paragraph():
    got = repair_breaks(["22.强化督导考核。", "牵头单位：县政府督查室", "责任单位：县民政局", "各乡（镇）要按照任务分工，细化举措。"])
    assert got.split("\n")[-2:] == ["责任单位：县民政局", "各乡（镇）要按照任务分工，细化举措。"]
    # a label line cut inside a name by the source's wrap still joins
    assert repair_breaks(["1.建设中心。", "责任单位：县民政局、县财", "政局"]).endswith("责任单位：县民政局、县财政局")
    # …and so does one cut after 办 inside an annotation opened on the line above
    got = repair_breaks(["每餐补助2元。（牵头单位：旗民政局；", "配合单位：旗财政局、街道办", "事处）"])
    assert got.endswith("配合单位：旗财政局、街道办事处）")


def test_a_running_head_after_each_page_mark_leaves_the_text():
    text = ("某县人民政府办公室文件\n某县养老服务方案\n一、目标。建设中心（牵头单位：县民政局；\n\n— 2 —\n\n某县人民政府办公室文件\n"
            "配合单位：县财政局）。\n二、措施。\n\n— 3 —\n\n某县人民政府办公室文件\n内容。\n")
    assert [ln.text for ln in source_lines(text)] == [
        "某县人民政府办公室文件", "某县养老服务方案", "一、目标。建设中心（牵头单位：县民政局；", "配合单位：县财政局）。", "二、措施。", "内容。"]
    assert [ln.text for ln in source_lines(text, page_marks=True)] == [  # kept with the page marks: nothing lost
        "— 2 —", "某县人民政府办公室文件", "— 3 —", "某县人民政府办公室文件"]
    # a title that opens page 2 and then runs as the head of later pages is kept once
    titled = "通知正文。\n— 1 —\n某县方案\n一、目标。\n— 2 —\n某县方案\n内容。\n— 3 —\n某县方案\n内容。\n"
    assert [ln.text for ln in source_lines(titled)].count("某县方案") == 1


def test_a_footer_date_beside_the_page_number_and_a_two_line_running_head_leave_the_text():
    page = "\n2025年4月15日　　　　第 {n} 页 共 6 页\n\n沙洋县人民政府办公室文件\n　　　　沙政办发〔2025〕11号\n"
    text = ("沙洋县人民政府办公室文件\n沙政办发〔2025〕11号\n1.建设中心（牵头单位：县民政局；配合单位：" + page.format(n=1)
            + "县人社局）。\n2.发展助餐（牵头单位：" + page.format(n=2) + "县卫健局）。\n2025年4月15日\n")
    kept = [ln.text for ln in source_lines(text)]
    assert kept == ["沙洋县人民政府办公室文件", "沙政办发〔2025〕11号", "1.建设中心（牵头单位：县民政局；配合单位：",
                    "县人社局）。", "2.发展助餐（牵头单位：", "县卫健局）。", "2025年4月15日"]
