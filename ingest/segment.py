"""Split a policy document into header, clause tree, annexes and trailer.

The source is read as non-blank lines with offsets (:func:`source_lines`).
Regions, in reading order: the header (通知 wrapper, offices, dates, title),
the preamble (为…制定本方案), numbered clauses, annexes (from the first line
starting with 附件) and the trailer (印发 lines). Every non-blank line lands in
exactly one region, so no source text is lost; only markdown markup vanishes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ingest.headings import BOLD_STYLES, Heading, match_bold, match_heading
from ingest.model import Clause
from ingest.normalize import FIELD_LINE, NO_LINE_START, Line, fold_width, is_aligned_row, is_complete, repair_breaks, source_lines, squeeze_spaces

_PUNCT = re.compile(r"[，。；：,;！？]")
_ANNEX = re.compile(r"^附\s*件\s*(?:[:：]|[0-9０-９]+|$)")
_ANNEX_LIST = re.compile(r"^附\s*件\s*[:：]\s*(?:([0-9０-９]+)\s*[.．、]?)?\s*(.*)$")
_ANNEX_MARK = re.compile(r"^附\s*件\s*([0-9０-９]*)\s*[:：]?\s*(.*)$")
_PRINTED = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印\s*发")
_TRAILER = re.compile(
    r"^(?:[（(]?\s*共印\s*\d+\s*份\s*[)）]?|抄\s*送.*|(?:【?(?:关闭窗口|打印本页|打印|关闭)】?\s*)+|[（(]此件.{0,12}[)）]"
    r"|(?:来源|作者|编辑|责编|审核|校对|排版)[:：].{0,20}|[—\-]+\s*END\s*[—\-]+"  # 公众号 article credits
    r"|扫一扫在手机打开当前页|.*(?:网站标识码|ICP备|公网安备|版权所有|Copyright|©).*|主办(?:单位)?[:：].*承办(?:单位)?[:：].*)$"
)  # 印发 lines, and the footer of a government web page
_PREAMBLE_OPENER = re.compile(r"^(?:为了?|根据|按照|依据|依照|贯彻|近年来|当前)")
_FIELD_ROW = re.compile(r"^[^：:，。；]{1,10}[:：][^，。；]*?[ \u3000]{2,}[^：:，。；\s]{1,10}[:：]")  # 文　号：…　　发布日期：…
_OFFICE = re.compile(r"(?:办公室|办公厅|人民政府|委员会|政府|局|厅)$")


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
        h = match_heading(lines[i].raw)
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
        if _PRINTED.search(t) or _TRAILER.match(t) or (printed_below and _OFFICE.search(t) and not _PUNCT.search(t)):
            i -= 1
        else:
            break
    return i


_LIST_ITEM = re.compile(r"^[0-9０-９]+\s*[.．、]")


def _annex_list_item(lines: list[Line], i: int) -> bool:
    """True for ``2．…任务分工表`` under ``附件：1．…方案``: an annex named in the list, not a heading."""
    while i > 0 and _LIST_ITEM.match(lines[i].text):
        i -= 1
        m = _ANNEX_LIST.match(lines[i].text)
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
    first = next((i for i in range(trailer) if match_heading(lines[i].raw) and not _annex_list_item(lines, i)), None)
    bold = _bold_from(lines, trailer) if first is None else None
    bold_from, first = bold if bold else (None, first)
    start = 0 if first is None else first + 1
    annex = next((i for i in range(start, trailer) if _ANNEX.match(lines[i].text)), trailer)
    first = annex if first is None else first
    body = first
    wrap = wrap_width(lines)

    def in_preamble(i: int) -> bool:  # a sentence line, or a full-width line of a wrapped sentence
        above = lines[i - 1] if i else None
        return bool(_PUNCT.search(lines[i].text)) or (_full(lines[i], wrap) and (
            _PREAMBLE_OPENER.match(lines[i].text) is not None  # 为深入贯彻落实《…》 cut at the width
            or (above is not None and above.text[-1] not in "。！？；" and not _FIELD_ROW.match(above.text)  # …cut from the line above
                and (_full(above, wrap) or (bool(_PUNCT.search(above.text)) and not is_complete(above.text))))))

    while body > 0 and in_preamble(body - 1) and not _ANNEX.match(lines[body - 1].text):
        body -= 1
    return Layout(body, first, annex, trailer, bold_from, wrap)


def _annex_blocks(lines: list[Line]) -> list[list[Line]]:
    """Split the annex region at each 附件 line; a list line naming the annexes joins the next block."""
    blocks: list[list[Line]] = []
    for ln in lines:
        if _ANNEX.match(ln.text) or not blocks:
            blocks.append([ln])
        else:
            blocks[-1].append(ln)
    merged: list[list[Line]] = []
    for block in blocks:
        if merged and _ANNEX_LIST.match(merged[-1][0].text) and not _is_marked(merged[-1]):
            merged[-1] = merged[-1] + block
        else:
            merged.append(block)
    return merged


def is_annex_marker(text: str) -> bool:
    """True for a line that only marks an annex (附件1, 附件：), with no title after it."""
    m = _ANNEX_MARK.match(text)
    return bool(m) and not m.group(2)


def _is_marked(block: list[Line]) -> bool:
    """True when the block already contains a 附件 marker line besides a list line."""
    return any(_ANNEX.match(ln.text) and not _ANNEX_LIST.match(ln.text) for ln in block)


def _annex_label_and_title(block: list[Line]) -> tuple[str, str]:
    """(path label such as 附件1, title line) of one annex block."""
    marks = [k for k, ln in enumerate(block) if not _ANNEX_LIST.match(ln.text) and _ANNEX.match(ln.text)]
    if marks:
        k = marks[0]
        m = _ANNEX_MARK.match(block[k].text)
        num, title = m.group(1), m.group(2).strip()
    else:
        k = 0
        m = _ANNEX_LIST.match(block[0].text)
        num, title = m.group(1) or "", m.group(2).strip()
    if not title and k + 1 < len(block):
        title = block[k + 1].text
    return "附件" + fold_width(num), squeeze_spaces(title)


@dataclass
class _Node:
    path: list[str]
    heading: str
    lines: list[Line]
    kind: str
    parent: int | None
    head: Heading | None = None


def _tree(lines: list[Line], lay: Layout) -> list[_Node]:
    """Preamble and numbered clauses, nested by style rank in first-seen order."""
    nodes: list[_Node] = []
    if lay.body < lay.first_heading:
        nodes.append(_Node([], "", lines[lay.body:lay.first_heading], "preamble", None))
    ranks: dict[str, int] = {}
    stack: list[tuple[int, int]] = []  # (rank, node index)
    counts: dict[tuple[int | None, str], int] = {}
    for i in range(lay.first_heading, lay.annex):
        ln = lines[i]
        h = lay.heading(lines, i)
        if h is None or (nodes and _cut_by_wrap(nodes[-1].lines[-1], lay.wrap) and len(nodes[-1].lines) > 1):
            # 1∶ / 6、1∶3的标准… : a wrap, not a heading
            nodes[-1].lines.append(ln)
            continue
        rank = ranks.setdefault(h.style, len(ranks))
        while stack and stack[-1][0] >= rank:
            stack.pop()
        parent = stack[-1][1] if stack else None
        if h.style in BOLD_STYLES:  # unnumbered: §2 (the second bold section), ¶3 (its third bold item)
            counts[(parent, h.style)] = counts.get((parent, h.style), 0) + 1
            h = replace(h, label=("§" if h.style == "bold" else "¶") + str(counts[(parent, h.style)]))
        path = (nodes[parent].path if parent is not None else []) + [h.label]
        nodes.append(_Node(path, h.phrase, [ln], "clause", parent, h))
        stack.append((rank, len(nodes) - 1))
    for block in _annex_blocks(lines[lay.annex:lay.trailer]):
        label, title = _annex_label_and_title(block)
        nodes.append(_Node([label], title, block, "annex", None))
    return nodes


def _cut_by_wrap(line: Line, wrap: tuple[int | None, int | None]) -> bool:
    """True when ``line`` fills a hard-wrapped source's width and stops mid-sentence."""
    return (_full(line, wrap) and not is_complete(line.text)
            and not FIELD_LINE.match(line.text) and not is_aligned_row(line.text))


def _is_cell(ln: Line) -> bool:
    """A tab-indented line: one cell of a table exported one cell per line."""
    return "\t" in ln.raw[: len(ln.raw) - len(ln.raw.lstrip())]


def _annex_text(source: str, lines: list[Line], wrap: tuple[int | None, int | None] = (None, None)) -> str:
    """Annex lines kept as lines; cells of one tab-exported table row (no blank line between)
    share a line, and in a hard-wrapped source a full-width line that stops mid-sentence
    continues on the next (a task list's ``责任单位：县委宣传部（牵头`` / ``），县融媒体中心``)."""
    out = lines[0].text
    for prev, ln in zip(lines, lines[1:]):
        same_row = _is_cell(prev) and _is_cell(ln) and source.count("\n", prev.end, ln.start) == 1
        cut = ((_cut_by_wrap(prev, wrap) or ln.text[:1] in NO_LINE_START)
               and "|" not in prev.raw and not match_heading(ln.raw))
        out += "" if cut else (" " if same_row else "\n")
        out += ln.text
    return out


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


def _full(line: Line, wrap: tuple[int | None, int | None]) -> bool:
    """True when ``line`` is as wide as the wrapped lines of its source: within a character
    of the wrap in cells, or in characters (up to three more, for the half-width digits
    a character count wraps too early on)."""
    chars, cells = widths(line)
    return ((wrap[0] is not None and wrap[0] - 1 <= chars <= wrap[0] + 3)
            or (wrap[1] is not None and abs(cells - wrap[1]) <= 2))


def _text(source: str, node: _Node, wrap: tuple[int | None, int | None] = (None, None)) -> str:
    texts = [ln.text for ln in node.lines]
    if node.kind == "annex":
        return _annex_text(source, node.lines, wrap)
    # A heading line as wide as the source's wrapped lines was cut by the wrap, not by its author.
    wrapped = _full(node.lines[0], wrap)
    return repair_breaks(texts, first_is_heading=bool(node.head and node.head.heading_only) and not wrapped)


def segment(text: str, doc: str) -> tuple[str, list[Clause], str]:
    """Split a policy document into header, clauses and trailer.

    Parameters
    ----------
    text : str
        The decoded source file.
    doc : str
        The document number (文号), used in clause ids.

    Returns
    -------
    tuple of (str, list of Clause, str)
        Header text (the 通知 wrapper, title), clauses in reading order
        (preamble, numbered clauses, annexes) and trailer text (印发 lines,
        then the page marks such as ``－ 3 －`` taken out of the running text).
        Clause ids read ``{doc}:{path joined by /}`` (preamble ``{doc}:0``);
        a repeated path gets ``~2``, ``~3`` in reading order.
    """
    lines = source_lines(text)
    lay = layout(lines)
    nodes = _tree(lines, lay)
    ids: list[str] = []
    seen: dict[str, int] = {}
    clauses: list[Clause] = []
    for order, node in enumerate(nodes):
        base = f"{doc}:{'/'.join(node.path) if node.path else '0'}"
        seen[base] = seen.get(base, 0) + 1
        cid = base if seen[base] == 1 else f"{base}~{seen[base]}"
        ids.append(cid)
        clauses.append(Clause(
            clause_id=cid, doc=doc, path=list(node.path), heading=node.heading, text=_text(text, node, lay.wrap),
            level=len(node.path), kind=node.kind,
            parent_id=ids[node.parent] if node.parent is not None else None,
            order=order, start=node.lines[0].start, end=node.lines[-1].end,
        ))
    header = "\n".join(ln.text for ln in lines[:lay.body])
    trailer = "\n".join(ln.text for ln in lines[lay.trailer:] + source_lines(text, page_marks=True))
    return header, clauses, trailer
