from search_app.render import citation_line, departments_line, highlighted_html, position_line, target_line


def test_highlight_wraps_span_and_escapes_markup():
    text = "第一句。<b>第二句</b>。"
    out = highlighted_html(text, 4, len(text))
    assert out.startswith('<div class="clause">第一句。<mark>')
    assert "&lt;b&gt;" in out and "<b>" not in out
    assert out.endswith("</mark></div>")


def test_highlight_empty_span_shows_plain_text():
    assert highlighted_html("2. 甲\n乙", 0, 0) == '<div class="clause">2. 甲<br>乙</div>'


def test_departments_grouped_by_role_in_order():
    deps = [
        {"name": "县公安局", "canonical": "公安", "role": "support"},
        {"name": "县统计局", "canonical": "统计", "role": "lead"},
        {"name": "县民政局", "canonical": "民政", "role": "support"},
    ]
    assert departments_line(deps) == "牵头：县统计局；配合：县公安局、县民政局"


def test_target_and_citation_lines():
    t = {"indicator": "护理型床位占比", "value": 65.0, "unit": "%", "comparator": ">=", "year": 2025, "scope": None}
    assert target_line(t) == "护理型床位占比 ≥65%（2025年）"
    c = {"title": "实施意见", "number": "鲁政办发〔2022〕18号", "basis": True}
    assert citation_line(c) == "依据：《实施意见》（鲁政办发〔2022〕18号）"


def test_position_line_names_document_and_place():
    rec = {"doc": "X〔2023〕1号", "label": "二、（一）2.", "date": "2023-01-02", "kind": "clause"}
    assert position_line(rec) == "X〔2023〕1号 · 二、（一）2. · 2023-01-02"
    assert "前言" in position_line({"doc": "X", "label": "", "kind": "preamble"})


def test_lineage_lines_name_parents_and_implementing_documents():
    from search_app.render import lineage_lines

    item = {
        "policy": {"number": "甲〔2022〕1号", "title": "省级意见"},
        "parents": [{"relation": "based_on", "number": "国〔2021〕2号", "title": "国家意见"},
                    {"relation": "cites", "number": None, "title": "某标准"}],
        "children": [{"number": "县〔2023〕3号", "title": "县级方案"}],
    }
    lines = lineage_lines(item)
    assert lines[0] == "**省级意见**（甲〔2022〕1号）"
    assert "依据：国家意见（国〔2021〕2号）" in lines
    assert "落实文件：县级方案（县〔2023〕3号）" in lines
    assert not any("某标准" in line for line in lines), "plain citations are not listed as a basis"


def test_excerpt_keeps_a_short_clause_whole():
    from search_app.render import excerpt

    text = "1. 建立制度。每年发布一次数据。（牵头单位：县统计局）"
    assert excerpt(text, 7, 15) == (0, len(text))


def test_excerpt_of_a_long_clause_is_whole_sentences_around_the_best_one():
    from search_app.render import excerpt

    sentences = [f"第{i}句" + "养老服务" * 8 + "。" for i in range(12)]
    text = "".join(sentences)
    start = sum(map(len, sentences[:6]))
    end = start + len(sentences[6])
    lo, hi = excerpt(text, start, end, limit=120)
    assert lo <= start and end <= hi and hi - lo <= 120
    assert text[lo:hi].startswith("第") and text[lo:hi].endswith("。"), "cut at sentence ends"
    assert lo < start, "the sentence before comes along"
    out = highlighted_html(text, start, end, lo, hi)
    assert out.startswith('<div class="clause">…') and out.endswith("…</div>")
    assert "<mark>第6句" in out


def test_excerpt_without_a_best_sentence_shows_the_opening():
    from search_app.render import excerpt

    text = "附件\n" + "组 长：某某 区委书记\n" * 40
    lo, hi = excerpt(text, 0, 0, limit=100)
    assert lo == 0 and 0 < hi <= 100
