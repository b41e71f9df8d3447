"""Regions of a document (header, body, annexes, trailer) and the hard-wrap width of PDF exports."""

from __future__ import annotations

from ingest.layout import layout, wrap_width
from ingest.normalize import source_lines

DOC = ("XX县人民政府办公室\n关于印发XX县养老服务实施方案的通知\n各乡镇人民政府：\n现将方案印发给你们。\n"
       "XX县人民政府办公室\n2024年1月2日\nXX县养老服务实施方案\n为推进养老服务发展，制定本方案。\n"
       "一、总体要求\n（一）目标。到2025年，建成10处。\n二、保障措施\n附件：领导小组名单\n组长：张三\n"
       "抄送：县委办公室。\nXX县人民政府办公室 2024年1月3日印发\n")


def test_regions_of_a_wrapped_notice():
    lines = source_lines(DOC)
    lay = layout(lines)
    text = [ln.text for ln in lines]
    assert text[lay.body].startswith("为推进")  # the preamble opens the body; the 通知 wrapper is header
    assert text[lay.first_heading] == "一、总体要求"
    assert text[lay.annex].startswith("附件")
    assert text[lay.trailer].startswith("抄送")
    assert lay.bold_from is None and lay.wrap == (None, None)


def test_an_annex_named_in_the_annex_list_is_not_a_heading():
    doc = DOC.replace("附件：领导小组名单\n", "附件：1．XX县养老服务实施方案\n2．任务分工表\n")
    lines = source_lines(doc)
    lay = layout(lines)
    assert lines[lay.annex].text.startswith("附件：1")
    assert all(not lines[i].text.startswith("2．") for i in range(lay.first_heading, lay.annex))


def test_a_document_without_numbered_headings_is_headed_by_its_bold_lines():
    doc = ("XX县养老服务实施方案\n为推进养老服务发展，制定本方案。\n**总体要求**\n到2025年，建成10处。\n"
           "**重点任务**\n建设助餐点。\n")
    lay = layout(source_lines(doc))
    assert lay.bold_from == 2 and lay.first_heading == 2


def test_wrap_width_of_a_hard_wrapped_source_and_none_for_paragraphs():
    wrapped = "\n".join("养老服务设施建设是民生工程各地要加强统筹推进落实" for _ in range(14))
    assert wrap_width(source_lines(wrapped))[0] == 24
    prose = "\n".join("养老" * (8 + 3 * k) + "。" for k in range(14))
    assert wrap_width(source_lines(prose)) == (None, None)
