"""Extraction survives the noise of other converters (issue #3, documents we have not seen).

Every labelled document is rewritten the way another PDF or web converter could have
produced it — prose hard-wrapped at 30 characters, blank lines between all lines,
page numbers between pages, half-width brackets and colons, [] in 文号, web page chrome,
a PDF's running heads — and must
still meet the bars with every document field exact. Character rewrites are applied
to the labels too (a half-width source has half-width names); 文号 stay normalized.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ingest.gold import score_corpus
from ingest.metadata import extract_metadata
from ingest.pipeline import ingest_corpus
from tests.ingest.test_gold import BARS, FIELDS, SETS, _labels

WRAP = 30
_TABLE = re.compile(r"[|\t<&]|\*\*| {2,}|\u3000{2,}\S")  # tables, HTML, entities and bold runs stay whole


def hard_wrap(text: str) -> str:
    """Cut prose lines every WRAP characters; tables, headings and short lines stay whole."""
    out: list[str] = []
    for line in text.split("\n"):
        prose = len(line) > WRAP + 6 and re.search("[，。]", line) and not line.startswith("#")
        if not prose or _TABLE.search(line.strip()):
            out.append(line)
            continue
        out.extend(line[i:i + WRAP] for i in range(0, len(line), WRAP))
    return "\n".join(out)


def blank_lines(text: str) -> str:
    """Hard-wrapped, with a blank line after every line (智慧养\\n\\n老)."""
    return hard_wrap(text).replace("\n", "\n\n")


def page_marks(text: str) -> str:
    """A page number (— 2 —) on its own line after every 25 lines."""
    lines = text.split("\n")
    out: list[str] = []
    for i, line in enumerate(lines):
        out.append(line)
        if i and i % 25 == 0 and i < len(lines) - 5:
            out.append(f"\n— {i // 25 + 1} —\n")
    return "\n".join(out)


def half_width(text: str) -> str:
    """Full-width brackets and colons typed half-width."""
    return text.translate(str.maketrans("（）：；", "():;"))


def square_numbers(text: str) -> str:
    """文号 written with [] instead of 〔〕."""
    return re.sub(r"〔(\d{4})〕", r"[\1]", text)


def crlf(text: str) -> str:
    """Windows line ends."""
    return text.replace("\n", "\r\n")


_HEAD = re.compile(r"^(\s*)([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])([^。\n]{2,30})(?=。|$)", re.M)


def markdown(text: str) -> str:
    """Headings made markdown the way web converters do: ## 一、… and **（一）…。** lead runs."""
    def head(m: re.Match) -> str:
        if m.group(2).endswith("、") and not m.group(1):
            return f"## {m.group(2)}{m.group(3)}"
        return f"{m.group(1)}**{m.group(2)}{m.group(3)}**"
    return _HEAD.sub(head, text)


_WEB_TOP = "首页 > 政务公开 > 政策文件\n\n字号：[ 大 中 小 ]　　浏览次数：128　　【打印本页】\n\n"
_WEB_BOTTOM = ("\n\n【打印本页】【关闭窗口】\n\n扫一扫在手机打开当前页\n\n"
               "主办：某县人民政府办公室　　承办：某县大数据中心\n\n网站标识码：3713290001　　鲁ICP备05012345号\n")


def web_page(text: str) -> str:
    """Copied from a government web page: breadcrumb and font-size bar above, print/close links,
    QR-code line and the site's 主办/承办/备案 footer below."""
    return _WEB_TOP + text + _WEB_BOTTOM


def running_heads(text: str) -> str:
    """A PDF's page break every 25 lines: the page number, then the first header line
    (红头 office or title) repeated as the next page's running head."""
    first = next((ln.strip() for ln in text.split("\n") if ln.strip()), "")
    head = first if len(first) <= 30 and not re.search(r"[:：#|*]", first) else ""
    lines = text.split("\n")
    out: list[str] = []
    for i, line in enumerate(lines):
        out.append(line)
        if i and i % 25 == 0 and i < len(lines) - 5:
            out.append(f"\n— {i // 25 + 1} —\n\n{head}\n" if head else f"\n— {i // 25 + 1} —\n")
    return "\n".join(out)


REWRITES = {  # name -> (rewrite of the source, rewrite of the labels' strings)
    "hard_wrap": (hard_wrap, None),
    "blank_lines": (blank_lines, None),
    "page_marks": (page_marks, None),
    "half_width": (half_width, half_width),
    "square_numbers": (square_numbers, square_numbers),
    "crlf": (crlf, None),
    "markdown": (markdown, None),
    "web_page": (web_page, None),
    "running_heads": (running_heads, None),
}
KEEP = {"type", "doc", "cited_number"}  # normalized in the labels whatever the source writes


def _relabel(record: dict, fn) -> dict:
    def conv(v):
        return fn(v) if isinstance(v, str) else [conv(x) for x in v] if isinstance(v, list) else v
    return {k: v if k in KEEP else conv(v) for k, v in record.items()}


def _rewrite(name: str, rewrite: str, out: Path) -> Path:
    docs, labels = SETS[name][0], _labels(name)
    fn, label_fn = REWRITES[rewrite]
    for path in labels.glob("*.jsonl"):
        (out / f"{path.stem}.txt").write_text(fn((docs / f"{path.stem}.txt").read_text(encoding="utf-8")),
                                              encoding="utf-8")
        records = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        if label_fn:
            records = [_relabel(r, label_fn) for r in records]
        (out / path.name).write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    return out


@pytest.mark.parametrize("rewrite", sorted(REWRITES))
@pytest.mark.parametrize("name", sorted(SETS))
def test_rewritten_documents_meet_the_bars(name, rewrite, tmp_path, capsys):
    folder = _rewrite(name, rewrite, tmp_path)
    docs, errors = ingest_corpus(folder)
    assert not errors, errors
    scores = score_corpus(docs, folder)
    with capsys.disabled():
        print(f"\n[robust:{name}:{rewrite}] " + " ".join(
            f"{c}={scores[c].f1:.3f}" for c in sorted(BARS)))
    for category, bar in BARS.items():
        assert scores[category].f1 >= bar, (category, scores[category].misses[:5], scores[category].extras[:5])
    for path in sorted(folder.glob("*.jsonl")):
        gold = next(r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if r["type"] == "document")
        meta = extract_metadata((folder / f"{path.stem}.txt").read_text(encoding="utf-8"))
        wrong = {f: (meta[f], gold[f]) for f in FIELDS if f in gold and meta[f] != gold[f]
                 and not (f == "title" and meta[f] in gold.get("title_variants", []))}
        assert not wrong, (path.name, wrong)
