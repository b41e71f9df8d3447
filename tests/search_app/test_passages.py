from ingest.model import Clause, Document
from search_app.passages import clause_context, make_passages, sentence_spans, windows

TEXT = "1. 完善清单。第一句说明内容；第二句补充要求！第三句？\n最后一行没有句号"


def test_sentences_end_at_chinese_punctuation_and_line_breaks():
    parts = [TEXT[s:e].strip() for s, e in sentence_spans(TEXT)]
    assert parts == ["1. 完善清单。", "第一句说明内容；", "第二句补充要求！", "第三句？", "最后一行没有句号"]


def test_long_sentence_is_cut_to_max_chars():
    long = "，".join(["养老服务设施建设"] * 40) + "。"
    assert all(e - s <= 50 for s, e in sentence_spans(long, max_chars=50))
    assert "".join(long[s:e] for s, e in sentence_spans(long, max_chars=50)) == long


def test_sliding_windows_start_at_every_sentence_and_respect_the_limit():
    spans = [(0, 10), (10, 20), (20, 30)]
    assert windows(spans, 20, overlap=True) == [(0, 20), (10, 30)]
    assert windows(spans, 20, overlap=False) == [(0, 20), (20, 30)]


def _doc():
    root = Clause("D:一", "D", ["一"], "重点工作", "一、重点工作", level=1)
    sub = Clause("D:一/1", "D", ["一", "1"], "完善清单", "1. **完善清单。**制定清单；动态调整。", level=2, parent_id="D:一")
    return Document(doc="D", title="某县方案", region="某县", clauses=[root, sub])


def test_passages_map_to_their_clause_and_its_text():
    doc = _doc()
    ps = make_passages([doc], max_chars=[6, 100])
    assert {p.clause_id for p in ps} == {"D:一", "D:一/1"}
    texts = {c.clause_id: c.text for c in doc.clauses}
    for p in ps:
        assert p.text.replace(" ", "") in texts[p.clause_id].replace("*", "").replace(" ", "")
    spans = [(p.clause_id, p.start, p.end) for p in ps]
    assert len(spans) == len(set(spans)), "a window found at two sizes is kept once"
    assert "**" not in "".join(p.text for p in ps)


def test_context_prefixes_ancestor_headings_and_region():
    doc = _doc()
    by_id = {c.clause_id: c for c in doc.clauses}
    sub = doc.clauses[1]
    assert clause_context(sub, by_id, "none") == ""
    assert clause_context(sub, by_id, "path") == "重点工作"
    assert clause_context(sub, by_id, "doc+path", doc) == "某县 > 重点工作"
    assert make_passages([doc], context="path")[-1].text.startswith("重点工作：")
