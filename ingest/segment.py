"""Split a policy document into header, clause tree, annexes and trailer.

The source is read as non-blank lines with offsets (:func:`source_lines`).
Regions, in reading order (found by :func:`ingest.layout.layout`): the header
(通知 wrapper, offices, dates, title), the preamble (为…制定本方案), numbered
clauses, annexes (from the first line starting with 附件) and the trailer (印发
lines). Every non-blank line lands in exactly one region, so no source text is
lost; only markdown markup vanishes.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ingest.annexes import annex_blocks, annex_label_and_title, annex_text
from ingest.headings import BOLD_STYLES, Heading
from ingest.layout import Layout, cut_by_wrap, is_full, layout
from ingest.model import Clause
from ingest.normalize import Line, repair_breaks, source_lines


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
        if h is None or (nodes and cut_by_wrap(nodes[-1].lines[-1], lay.wrap) and len(nodes[-1].lines) > 1):
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
    for block in annex_blocks(lines[lay.annex:lay.trailer]):
        label, title = annex_label_and_title(block)
        nodes.append(_Node([label], title, block, "annex", None))
    return nodes


def _text(source: str, node: _Node, wrap: tuple[int | None, int | None] = (None, None)) -> str:
    texts = [ln.text for ln in node.lines]
    if node.kind == "annex":
        return annex_text(source, node.lines, wrap)
    # A heading line as wide as the source's wrapped lines was cut by the wrap, not by its author.
    wrapped = is_full(node.lines[0], wrap)
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
