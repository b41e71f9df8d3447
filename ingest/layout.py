"""Where a document's regions begin: header, preamble, clauses, annexes, trailer.

Also the hard-wrap width of PDF exports (:func:`wrap_width`), which decides
whether a line break was the author's or the converter's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.headings import Heading, match_bold, match_heading
from ingest.normalize import FIELD_LINE, Line, is_aligned_row, is_complete

_PUNCT = re.compile(r"[，。；：,;！？]")
ANNEX = re.compile(r"^附\s*件\s*(?:[:：]|[0-9０-９]+|$)")
ANNEX_LIST = re.compile(r"^附\s*件\s*[:：]\s*(?:([0-9０-９]+)\s*[.．、]?)?\s*(.*)$")
_PRINTED = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印\s*发")
_TRAILER = re.compile(
    r"^(?:[（(]?\s*共印\s*\d+\s*份\s*[)）]?|抄\s*送.*|(?:【?(?:关闭窗口|打印本页|打印|关闭)】?\s*)+|[（(]此件.{0,12}[)）]"
    r"|(?:来源|作者|编辑|责编|审核|校对|排版)[:：].{0,20}|[—\-]+\s*END\s*[—\-]+"  # 公众号 article credits
    r"|扫一扫在手机打开当前页|.*(?:网站标识码|ICP备|公网安备|版权所有|Copyright|©).*|主办(?:单位)?[:：].*承办(?:单位)?[:：].*)$"
)  # 印发 lines, and the footer of a government web page
_PREAMBLE_OPENER = re.compile(r"^(?:为了?|根据|按照|依据|依照|贯彻|近年来|当前)")
_FIELD_ROW = re.compile(r"^[^：:，。；]{1,10}[:：][^，。；]*?[ \u3000]{2,}[^：:，。；\s]{1,10}[:：]")  # 文　号：…　　发布日期：…
TOC_LINE = re.compile(r"(?:…{2,}|\.{4,}|·{4,}|．{4,}|-{4,})\s*\d{1,3}$")  # 一、总体要求……………1: a table of contents
_OFFICE = re.compile(r"(?:办公室|办公厅|人民政府|委员会|政府|党委|局|厅|大队)$")
_NOT_IN_NAME = re.compile(r"[，。；,;：:！？]")


def is_office(text: str) -> bool:
    """True for an office's name (a signer, a 红头 line): 县人民政府办公室, 县民政局, 县消防救援大队."""
    return bool(_OFFICE.search(text)) and not _NOT_IN_NAME.search(text)


@dataclass(frozen=True)
class Layout:
    """Line-index boundaries of a document's regions (half-open ranges)."""

    body: int  # first line of preamble or first heading; header is lines[:body]
    first_heading: int  # first numbered heading (== annex when there is none)
    annex: int  # first annex line (== trailer when there is none)
    trailer: int  # first trailer line (== len(lines) when there is none)
    bold_from: int | None = None  # bold-only headings count from this line (a document with no numbered heading)
    wrap: tuple[int | None, int | None] = (None, None)  # the hard-wrap width of the source (:func:`wrap_width`)

    def heading(self, lines: list[Line], i: int) -> Heading | None:
        """The heading that line ``i`` opens, if any."""
        h = None if TOC_LINE.search(lines[i].text) else match_heading(lines[i].raw)
        if h is None and self.bold_from is not None and i >= self.bold_from:
            h = match_bold(lines[i].raw)
        return h


_READ_MORE = re.compile(r"^(?:往期推荐|推荐阅读|相关阅读|往期回顾|延伸阅读)$")


def _trailer_start(lines: list[Line]) -> int:
    """Index of the first line of the trailing 印发 block (or of a 公众号 article's 往期推荐 list)."""
    more = next((k for k in range(len(lines) // 2, len(lines)) if _READ_MORE.match(lines[k].text)), None)
    i = len(lines) if more is None else more
    while i > 0:
        t = lines[i - 1].text
        printed_below = i < len(lines) and _PRINTED.search(lines[i].text)
        if _PRINTED.search(t) or _TRAILER.match(t) or (printed_below and is_office(t)):
            i -= 1
        else:
            break
    return i


_LIST_ITEM = re.compile(r"^[0-9０-９]+\s*[.．、]")


def _annex_list_item(lines: list[Line], i: int) -> bool:
    """True for ``2．…任务分工表`` under ``附件：1．…方案``: an annex named in the list, not a heading."""
    while i > 0 and _LIST_ITEM.match(lines[i].text):
        i -= 1
        m = ANNEX_LIST.match(lines[i].text)
        if m:
            return m.group(1) is not None
    return False


def _bold_from(lines: list[Line], trailer: int) -> tuple[int, int] | None:
    """(where bold-only headings start, the first of them) in a document without numbered ones:
    after the first preamble (为…制定本方案), when two or more follow it. A bold line right above
    a preamble is the policy title, not a heading."""
    opener = next((i for i in range(trailer) if _PREAMBLE_OPENER.match(lines[i].text)
                   and _PUNCT.search(lines[i].text) and (i == 0 or not match_bold(lines[i].raw))), None)
    if opener is None:
        return None
    bolds = [i for i in range(opener + 1, trailer) if match_bold(lines[i].raw)
             and not (i + 1 < trailer and _PREAMBLE_OPENER.match(lines[i + 1].text))]
    return (opener + 1, bolds[0]) if len(bolds) >= 2 else None


def layout(lines: list[Line]) -> Layout:
    """Find where header, preamble, clauses, annexes and trailer begin."""
    trailer = _trailer_start(lines)
    first = next((i for i in range(trailer) if match_heading(lines[i].raw) and not _annex_list_item(lines, i)
                  and not TOC_LINE.search(lines[i].text)), None)
    bold = _bold_from(lines, trailer) if first is None else None
    bold_from, first = bold if bold else (None, first)
    start = 0 if first is None else first + 1
    annex = next((i for i in range(start, trailer) if ANNEX.match(lines[i].text)), trailer)
    first = annex if first is None else first
    body = first
    wrap = wrap_width(lines)

    def in_preamble(i: int) -> bool:  # a sentence line, or a full-width line of a wrapped sentence
        above = lines[i - 1] if i else None
        return bool(_PUNCT.search(lines[i].text)) or (is_full(lines[i], wrap) and (
            _PREAMBLE_OPENER.match(lines[i].text) is not None  # 为深入贯彻落实《…》 cut at the width
            or (above is not None and above.text[-1] not in "。！？；" and not _FIELD_ROW.match(above.text)  # …cut from the line above
                and (is_full(above, wrap) or (bool(_PUNCT.search(above.text)) and not is_complete(above.text))))))

    while body > 0 and in_preamble(body - 1) and not ANNEX.match(lines[body - 1].text):
        body -= 1
    return Layout(body, first, annex, trailer, bold_from, wrap)


def cut_by_wrap(line: Line, wrap: tuple[int | None, int | None]) -> bool:
    """True when ``line`` fills a hard-wrapped source's width and stops mid-sentence."""
    return (is_full(line, wrap) and not is_complete(line.text)
            and not FIELD_LINE.match(line.text) and not is_aligned_row(line.text))


def widths(line: Line) -> tuple[int, int]:
    """How wide a line is on the page, its indentation (　　为…) included: in characters,
    and in half-character cells (ASCII digits take one, Chinese characters two)."""
    shown = line.raw[: len(line.raw) - len(line.raw.lstrip())] + line.text
    return len(shown), sum(1 if c.isascii() else 2 for c in shown)


def wrap_width(lines: list[Line]) -> tuple[int | None, int | None]:
    """The width of a hard-wrapped source (PDF exports wrap every line at ~28 characters)
    by each measure of :func:`widths`, or None: the most common width of lines of 15+
    characters when at least a third of those lines are within a character of it."""
    found: list[int | None] = []
    for k, near in ((0, 1), (1, 2)):
        lengths = [w[k] for ln in lines if (w := widths(ln))[0] >= 15]
        common = max(set(lengths), key=lengths.count) if len(lengths) >= 12 else None
        ok = common is not None and sum(abs(n - common) <= near for n in lengths) * 3 >= len(lengths)
        found.append(common if ok else None)
    return found[0], found[1]


def is_full(line: Line, wrap: tuple[int | None, int | None]) -> bool:
    """True when ``line`` is as wide as the wrapped lines of its source: within a character
    of the wrap in cells, or in characters (up to three more, for the half-width digits
    a character count wraps too early on)."""
    chars, cells = widths(line)
    return ((wrap[0] is not None and wrap[0] - 1 <= chars <= wrap[0] + 3)
            or (wrap[1] is not None and abs(cells - wrap[1]) <= 2))
