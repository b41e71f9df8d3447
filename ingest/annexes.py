"""Annexes (附件): one block per 附件 marker, its label (附件1) and title, its text.

An annex keeps its lines as lines (a member list, a task table) instead of
being repaired into running text like a clause.
"""

from __future__ import annotations

import re

from ingest.headings import match_heading
from ingest.layout import ANNEX, ANNEX_LIST, cut_by_wrap
from ingest.normalize import NO_LINE_START, Line, fold_width, squeeze_spaces

_ANNEX_MARK = re.compile(r"^附\s*件\s*([0-9０-９]*)\s*[:：]?\s*(.*)$")


def annex_blocks(lines: list[Line]) -> list[list[Line]]:
    """Split the annex region at each 附件 line; a list line naming the annexes joins the next block."""
    blocks: list[list[Line]] = []
    for ln in lines:
        if ANNEX.match(ln.text) or not blocks:
            blocks.append([ln])
        else:
            blocks[-1].append(ln)
    merged: list[list[Line]] = []
    for block in blocks:
        if merged and ANNEX_LIST.match(merged[-1][0].text) and not _is_marked(merged[-1]):
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
    return any(ANNEX.match(ln.text) and not ANNEX_LIST.match(ln.text) for ln in block)


def annex_label_and_title(block: list[Line]) -> tuple[str, str]:
    """(path label such as 附件1, title line) of one annex block."""
    marks = [k for k, ln in enumerate(block) if not ANNEX_LIST.match(ln.text) and ANNEX.match(ln.text)]
    if marks:
        k = marks[0]
        m = _ANNEX_MARK.match(block[k].text)
        num, title = m.group(1), m.group(2).strip()
    else:
        k = 0
        m = ANNEX_LIST.match(block[0].text)
        num, title = m.group(1) or "", m.group(2).strip()
    if not title and k + 1 < len(block):
        title = block[k + 1].text
    return "附件" + fold_width(num), squeeze_spaces(title)


def _is_cell(ln: Line) -> bool:
    """A tab-indented line: one cell of a table exported one cell per line."""
    return "\t" in ln.raw[: len(ln.raw) - len(ln.raw.lstrip())]


def annex_text(source: str, lines: list[Line], wrap: tuple[int | None, int | None] = (None, None)) -> str:
    """Annex lines kept as lines; cells of one tab-exported table row (no blank line between)
    share a line, and in a hard-wrapped source a full-width line that stops mid-sentence
    continues on the next (a task list's ``责任单位：县委宣传部（牵头`` / ``），县融媒体中心``)."""
    out = lines[0].text
    for prev, ln in zip(lines, lines[1:]):
        same_row = _is_cell(prev) and _is_cell(ln) and source.count("\n", prev.end, ln.start) == 1
        cut = ((cut_by_wrap(prev, wrap) or ln.text[:1] in NO_LINE_START)
               and "|" not in prev.raw and not match_heading(ln.raw))
        out += "" if cut else (" " if same_row else "\n")
        out += ln.text
    return out
