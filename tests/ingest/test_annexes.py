"""Annex blocks: split at each 附件 marker, labelled 附件N, titled, text kept line by line."""

from __future__ import annotations

from ingest.annexes import annex_blocks, annex_label_and_title, annex_text, is_annex_marker
from ingest.normalize import source_lines


def test_blocks_labels_and_titles():
    src = "附件：1．领导小组名单\n2．任务分工表\n附件1\n领导小组名单\n组长：张三\n附件2\n任务分工表\n序号\t任务\n"
    blocks = annex_blocks(source_lines(src))
    assert [annex_label_and_title(b) for b in blocks] == [("附件1", "领导小组名单"), ("附件2", "任务分工表")]
    assert blocks[0][0].text.startswith("附件：1")  # the list line joins the first annex: nothing is lost


def test_marker_lines_and_annex_text_keeps_lines():
    assert is_annex_marker("附件1") and is_annex_marker("附件：")
    assert not is_annex_marker("附件1：领导小组名单")
    src = "附件\n领导小组名单\n组长：张三\n副组长：李四\n"
    lines = source_lines(src)
    assert annex_text(src, lines).split("\n") == ["附件", "领导小组名单", "组长：张三", "副组长：李四"]
