"""Recognize numbered clause headings and their labels.

Chinese policy documents number clauses with a handful of styles (一、
（一） 1. （1） ① 第一条 第一章 第一部分), in full- or half-width punctuation, often
decorated with markdown (``## 一、``, ``**3. 建立….**``). A heading is
recognized from its numbering only; markdown decoration never decides the
level. Labels are normalized (（一）, （1）, bare 二 and 2) so clause paths read
the same whatever the source punctuation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.normalize import fold_width, strip_lead

CN_NUM = "一二三四五六七八九十百零〇两"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# (style, pattern); the label is group 1. Order matters: more specific first.
_STYLES: list[tuple[str, re.Pattern[str]]] = [
    ("bufen", re.compile(rf"^(第[{CN_NUM}\d]+部分)\s*")),
    ("zhang", re.compile(rf"^(第[{CN_NUM}\d]+章)\s*")),
    ("jie", re.compile(rf"^(第[{CN_NUM}\d]+节)\s*")),
    ("tiao", re.compile(rf"^(第[{CN_NUM}\d]+条)\s*")),
    ("paren_cn", re.compile(rf"^[（(]\s*([{CN_NUM}]+)\s*[)）]\s*")),
    ("square_cn", re.compile(rf"^【\s*([{CN_NUM}]+)\s*】\s*")),
    ("paren_arabic", re.compile(r"^[（(]\s*([0-9０-９]{1,3})\s*[)）]\s*")),
    ("cn", re.compile(rf"^([{CN_NUM}]+)\s*[、．.]\s*")),
    ("arabic", re.compile(r"^([1-9１-９][0-9０-９]{0,2})\s*(?:[、．]|\.(?![0-9０-９]))\s*")),
    ("circled", re.compile(rf"^([{CIRCLED}])\s*")),
]

_MAX_HEADING_ONLY = 40  # a numbered line this short without a full stop is a heading line


@dataclass(frozen=True)
class Heading:
    """A recognized heading: numbering style, normalized label and heading phrase.

    ``heading_only`` is True when the line holds just the heading (no body
    sentence), so the next line is body text, never its continuation.
    """

    style: str
    label: str
    phrase: str
    heading_only: bool


def _label(style: str, raw: str) -> str:
    raw = fold_width(raw)
    if style == "paren_cn" or style == "paren_arabic":
        return f"（{raw}）"
    if style == "square_cn":
        return f"【{raw}】"
    return raw


_STOP = re.compile(r"[。；;！？!?]")


def _phrase(rest: str, bold: str | None) -> str:
    """Heading phrase: the bold run, else the first sentence (shortened at a comma if long)."""
    if bold:
        return bold.strip().rstrip("。；;：:，,")
    cut = _STOP.search(rest)
    head = rest[: cut.start()] if cut else rest
    if len(head) > _MAX_HEADING_ONLY:
        comma = re.search(r"[，,：:]", head)
        head = head[: comma.start() if comma else _MAX_HEADING_ONLY]
    return head.strip()


def match_heading(raw_line: str) -> Heading | None:
    """Recognize a numbered heading at the start of a raw source line.

    Parameters
    ----------
    raw_line : str
        The line as in the source, markdown included (``#### **四、实施步骤**``,
        ``**3. 建立精准服务主动响应机制。**加强…``, ``2. **完善….**``).

    Returns
    -------
    Heading or None
        None when the line does not start with a numbering label.
    """
    s = strip_lead(raw_line)
    lead_bold = s.startswith("**")
    plain = s.replace("**", "")
    for style, pat in _STYLES:
        m = pat.match(plain)
        if not m or m.end() >= len(plain):
            continue
        rest = plain[m.end():]
        if lead_bold:
            bold = pat.sub("", s[2:].split("**", 1)[0], count=1)
        else:
            after = pat.sub("", s, count=1)
            bold = after[2:].split("**", 1)[0] if after.startswith("**") else None
        # A line ending mid-sentence (，、) is a wrapped sentence, not a heading-only line.
        only = not _STOP.search(rest) and len(rest) <= _MAX_HEADING_ONLY and not rest.rstrip().endswith(("，", "、", ","))
        return Heading(style, _label(style, m.group(1)), _phrase(rest, bold or None), only)
    return None


_BOLD_RUN = re.compile(r"^\*\*(?P<run>[^*]{2,60}?)\*\*(?P<rest>.*)$")
BOLD_STYLES = ("bold", "bold_lead")


def match_bold(raw_line: str) -> Heading | None:
    """Recognize an unnumbered heading written only in bold (Word exports that lost the numbering).

    ``**总体要求**`` alone on its line is a section (style ``bold``);
    ``**提升中心功能。**按照…`` opens an item with a bold lead sentence (style
    ``bold_lead``). The label is empty: :mod:`ingest.segment` numbers these by
    position. Only used for documents without any numbered heading.
    """
    m = _BOLD_RUN.match(strip_lead(raw_line))
    if not m:
        return None
    run, rest = m.group("run").strip(), m.group("rest").strip()
    if not rest and len(run) <= _MAX_HEADING_ONLY and not _STOP.search(run):
        return Heading("bold", "", run, True)
    if run[-1] in "。：:" and not _STOP.search(run[:-1]):
        return Heading("bold_lead", "", run.rstrip("。：:"), not rest)
    return None
