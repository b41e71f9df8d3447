"""Text normalization shared by segmentation, metadata and indexing.

Policy files arrive as markdown-ish web exports: ``#`` headings, ``**bold**``
runs, ``- `` list markers, pipe tables and lines broken in the middle of a
word. This module turns source lines into clean display text (markup removed,
characters otherwise kept) and repairs broken lines, and it folds text for
indexing. Only markup characters (``#``, ``*``, ``|``, list/rule ``-``) and
whitespace are ever dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Sentence-final marks: a paragraph ending in one of these is complete.
SENTENCE_END = "。！？；!?;）)】〕"
_QUOTE_END = "”’\"'"
# Marks no paragraph starts with: a line opening with one continues the line above (…（牵头）\n，县财政局).
NO_LINE_START = "，、。；：,;:）)》〉"

# A page number printed between pages of a PDF export: － 3 －, — 12 —, -5-, 第 3 页, 第3页 共9页.
PAGE_MARK = re.compile(
    r"^[\s\f]*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[\s\u3000]+)?"  # a footer date before the number
    r"(?:[-—－–−]{1,2}\s*(?:[0-9０-９]{1,3}|第\s*[0-9０-９]{1,3}\s*页)\s*[-—－–−]{1,2}"
    r"|第\s*[0-9０-９]{1,3}\s*页(?:\s*[,，/]?\s*共\s*[0-9０-９]{1,3}\s*页)?)[\s\f]*$"
)
_RULE_LINE = re.compile(r"^\s*(?:[-*]\s*){3,}$|^\s*\|?(?:\s*-{2,}\s*\|)+\s*-*\s*$")
_LEAD_HASH = re.compile(r"^\s*#{1,6}(?:\s+|(?=\S))")
_LEAD_BULLET = re.compile(r"^\s*[-*]\s+")
_LEAD_DECOR = re.compile(r"^[▌▍▎■□◆◇●○★☆▶►▲△❖]+\s*")  # 公众号 decorations: ▌一、总体要求 (kept in the text)
_SPACES = re.compile(r"[ \t\u3000\xa0]+")
# Whitespace written as HTML entities by web and Word exports (&nbsp; &#12288; …): whitespace.
WS_ENTITY = re.compile(r"&(?:nbsp|ensp|emsp|thinsp|#160|#xa0|#12288|#x3000);?", re.IGNORECASE)
_WS = re.compile(r"\s+")
_TABLE_EDGE = "|"
HTML_TAG = re.compile(r"</?(?:table|tbody|thead|tr|td|th|p|span|br|strong|b|div|font)\b[^<>]{0,300}>", re.IGNORECASE)
_CELL_END = re.compile(r"</t[dh]\s*>", re.IGNORECASE)
_ROW_END = re.compile(r"</tr\s*>", re.IGNORECASE)
_CELL_GAP = re.compile(r"(?<=\S)(?: {2,}|\t|\u3000{2,})(?=\S)")
# A line that opens with a field label: 责任单位：…, 牵头部门：…, 完成时限：…, 时间节点：…
_GAP_FIELD = re.compile(r"[ \u3000]+[\u4e00-\u9fff]{2,4}(?:单位|部门|主体)\s*[:：][^。；;：:]*$")
_FIELD_END = re.compile(r"(?:[局委办室院会心府处队所站部门位司道社联）)]|前|底|止|推进|坚持)$")  # a name or time limit ends
FIELD_LINE = re.compile(r"^[\u4e00-\u9fff]{2,4}(?:单位|部门|时限|时间|节点)\s*[:：]")
_CJK = "\u3400-\u9fff\uf900-\ufaff"
_CJK_GAP = re.compile(rf"(?<=[{_CJK}，。、；：《》（）“”])\s+(?=[{_CJK}，。、；：《》（）“”])")


@dataclass(frozen=True)
class Line:
    """A non-blank source line: character offsets into the source and its clean text."""

    start: int
    end: int
    raw: str
    text: str


def strip_lead(raw: str) -> str:
    """Remove leading whitespace, markdown heading hashes and a list bullet or decoration (▌一、)."""
    return _LEAD_DECOR.sub("", _strip_md_lead(raw), count=1)


def _strip_md_lead(raw: str) -> str:
    """Remove leading whitespace, markdown heading hashes and a markdown list bullet."""
    s = _LEAD_HASH.sub("", raw, count=1)
    return _LEAD_BULLET.sub("", s, count=1).strip()


def strip_markup(raw: str) -> str:
    """Clean one source line for display: markdown markup removed, characters kept.

    Horizontal rules and table separator rows become empty; table rows keep
    their ``|`` bars with spaces collapsed; ``**`` bold markers and leading ``#``/``- `` disappear;
    whitespace entities (``&nbsp;``) become spaces.
    """
    raw = WS_ENTITY.sub(" ", raw)
    if HTML_TAG.search(raw):
        raw = _html_line(raw)
    if _RULE_LINE.match(raw):
        return ""
    s = _strip_md_lead(raw).replace("**", "")
    if "|" in s:  # a table row keeps its cell bars (snippets quote them), spaces collapsed
        s = _WS.sub(" ", s)
    return s.strip()


def _html_line(raw: str) -> str:
    """A line of an HTML table left in a web export, as a markdown table line: the cells it
    closes become ``| 补贴类别 |`` (one row may span several lines), ``</tr>`` alone becomes
    ``|`` (a row ends); other tags are dropped."""
    parts = _CELL_END.split(raw)
    if len(parts) > 1:
        cells = [HTML_TAG.sub("", p).strip() for p in parts[:-1]]
        return "| " + " | ".join(cells) + " |"
    text = HTML_TAG.sub(" ", raw).strip()
    return text or ("|" if _ROW_END.search(raw) else "")


def source_lines(text: str, page_marks: bool = False) -> list[Line]:
    """Split ``text`` into non-blank lines carrying offsets and clean text.

    Lines whose clean text is empty (blank lines, rules, separator rows) are
    dropped; their characters are whitespace or markup only. Page marks
    (:data:`PAGE_MARK`) are left out too — they cut sentences and department
    lists in PDF exports — unless ``page_marks`` asks for exactly those lines
    (segmentation keeps them, so no character is lost).
    """
    out: list[Line] = []
    pos = 0
    pieces = text.splitlines(keepends=True)
    bodies = [p.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029") for p in pieces]
    heads = _running_heads(bodies)
    for k, (piece, body) in enumerate(zip(pieces, bodies)):
        clean = strip_markup(body)
        if clean and (bool(PAGE_MARK.match(body)) or k in heads) == page_marks:
            lead = len(body) - len(body.lstrip())
            out.append(Line(pos + lead, pos + len(body.rstrip()), body, clean))
        pos += len(piece)
    return out


def _running_heads(bodies: list[str]) -> set[int]:
    """Indices of a PDF's page furniture around its page marks: a short line (the office, the
    title, the 文号, a footer date) standing right before a page mark, or among the two lines
    right after one, on two or more pages. When every occurrence stands there, the first is the
    real line (a title opening page 2) and is kept."""
    lines = [(k, t) for k, b in enumerate(bodies) if (t := _WS.sub("", b))]
    marks = [i for i, (k, _) in enumerate(lines) if PAGE_MARK.match(bodies[k])]
    near: dict[str, list[int]] = {}
    for i in marks:
        for j in (i - 1, i + 1, i + 2):
            if 0 <= j < len(lines) and j not in marks and (j < i or i + 1 not in marks):
                k, t = lines[j]
                if len(t) <= 40 and not re.search(r"[，。；：,;:]", t):
                    near.setdefault(t, []).append(k)
    heads = set()
    for t, ks in near.items():
        ks = sorted(set(ks))
        if len(ks) >= 2:
            elsewhere = any(t == u and k not in ks for k, u in lines)
            heads |= set(ks if elsewhere else ks[1:])
    return heads


_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def strip_invisible(s: str) -> str:
    """Drop zero-width spaces, joiners, BOMs and soft hyphens (Word/WPS copy-paste leaves them
    inside names and numbers: 县民\u200b政局, 300\u200b张); the source text keeps them."""
    return _INVISIBLE.sub("", s)


def is_complete(paragraph: str) -> bool:
    """True when ``paragraph`` ends a sentence (so the next line is a new paragraph)."""
    s = paragraph.rstrip()
    if not s:
        return True
    if s[-1] in _QUOTE_END:
        return len(s) > 1 and s[-2] in SENTENCE_END
    return s[-1] in SENTENCE_END


def repair_breaks(paragraphs: list[str], first_is_heading: bool = False) -> str:
    """Join paragraphs into clause text, repairing line breaks that cut a sentence.

    A paragraph that does not end with sentence-final punctuation continues on
    the next one (``智慧养`` + ``老”三位一体`` → ``智慧养老”三位一体``); other
    paragraphs stay on their own lines. A heading-only first line is never
    joined to the body below it, nor a markdown table row to its neighbours, nor
    a field line (责任单位：…, 完成时限：…) to the line above, nor anything to a heading line
    that ends with one (（一）实施上门服务　责任单位：市民政局).
    """
    out = ""
    for i, p in enumerate(paragraphs):
        if i == 0:
            out = p
        elif (i == 1 and first_is_heading) or (is_complete(out) and not _cut_in_brackets(out)
                                                and p[:1] not in NO_LINE_START) \
                or _TABLE_EDGE in (out[-1:], p[:1]) \
                or is_aligned_row(p) or is_aligned_row(out.rsplit("\n", 1)[-1]) \
                or (FIELD_LINE.match(p) and not _open_paren(out)) \
                or (_GAP_FIELD.search(out.rsplit("\n", 1)[-1]) and not _open_paren(out) and out[-1] not in "、，,") \
                or (FIELD_LINE.match(out.rsplit("\n", 1)[-1]) and _FIELD_END.search(out) and not _open_paren(out, whole=True)
                    and p[:1] not in NO_LINE_START + "（("):  # 责任单位：县民政局 / 各乡（镇）要…: a new paragraph
            out += "\n" + p  # a table row or a field line (责任单位：…, 完成时限：…) is a line of its own
        else:
            out += p
    return out


def is_aligned_row(line: str) -> bool:
    """True for a row of a whitespace-aligned table: three or more cells apart by 2+ spaces or tabs."""
    return len(_CELL_GAP.findall(line.strip())) >= 2


def _cut_in_brackets(text: str) -> bool:
    """True when ``text`` ends with a bracket closing something inside a still open one:
    ``（责任单位：各乡（镇）`` was cut by the wrap, ``…。（责任单位：县民政局）`` was not."""
    return text[-1:] in "）)" and _open_paren(text)


def _open_paren(text: str, whole: bool = False) -> bool:
    """True when the last line of ``text`` (or all of it) leaves a parenthesis open (an annotation wraps on)."""
    last = text if whole else text.rsplit("\n", 1)[-1]
    return sum(last.count(c) for c in "（(【") > sum(last.count(c) for c in "）)】")


def squeeze_spaces(s: str) -> str:
    """Drop whitespace between CJK characters (left by line wrapping) and collapse the rest."""
    return _SPACES.sub(" ", _CJK_GAP.sub("", s)).strip()


def fold_width(s: str) -> str:
    """Fold full-width ASCII letters and digits to half-width; punctuation is kept."""
    return "".join(
        chr(ord(c) - 0xFEE0) if ("０" <= c <= "９" or "Ａ" <= c <= "Ｚ" or "ａ" <= c <= "ｚ") else c
        for c in s
    )


def index_text(s: str) -> str:
    """Normalize text for indexing.

    Parameters
    ----------
    s : str
        Display or source text (may still carry markdown).

    Returns
    -------
    str
        Markdown stripped line by line, full-width letters/digits folded,
        whitespace collapsed to single spaces; 〔〕 and other punctuation kept.
    """
    lines = (strip_markup(x).replace("|", " ") for x in s.splitlines())
    return _WS.sub(" ", fold_width(" ".join(x for x in lines if x))).strip()
