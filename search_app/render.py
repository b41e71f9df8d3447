"""Pure helpers that turn result records into the app's Chinese display strings."""

from __future__ import annotations

import html
import re
from typing import Any

ROLE_LABELS = {"lead": "牵头", "support": "配合", "responsible": "责任", "mentioned": "提及"}
MODE_LABELS = {"hybrid": "混合检索", "dense": "语义检索", "bm25": "关键词检索"}
COMPARATOR_LABELS = {"=": "", ">=": "≥", "<=": "≤", ">": ">", "<": "<"}


EXCERPT_CHARS = 200  # a result card shows about this much of a long clause around its best sentence
_SENTENCE_END = re.compile(r"[。；！？!?;\n]")


def excerpt(text: str, start: int, end: int, limit: int = EXCERPT_CHARS) -> tuple[int, int]:
    """Bounds ``(lo, hi)`` of the part of ``text`` a result card shows.

    A clause up to a quarter longer than ``limit`` is shown whole. A longer one shows
    its best sentence ``text[start:end]`` (the opening when there is none) with whole
    neighbouring sentences, the one before first, while they fit in ``limit``; the
    full text stays one click away, so a roster or a long section does not push the
    other results off the first screen.
    """
    if len(text) <= limit * 1.25:
        return 0, len(text)
    if start >= end:
        start, end = 0, 0
    cuts = sorted({0, len(text)} | {m.end() for m in _SENTENCE_END.finditer(text)})
    lo = max(c for c in cuts if c <= start)
    hi = min(c for c in cuts if c >= max(end, lo + 1))
    while True:
        before = max((c for c in cuts if c < lo), default=None)
        after = min((c for c in cuts if c > hi), default=None)
        if before is not None and hi - before <= limit:
            lo = before
        elif after is not None and after - lo <= limit:
            hi = after
        else:
            return lo, hi


def highlighted_html(text: str, start: int, end: int, lo: int = 0, hi: int | None = None) -> str:
    """Escape ``text[lo:hi]`` and wrap ``text[start:end]`` in <mark>, keeping line breaks.

    A window that leaves text out shows … at the cut. The result is one <div> so
    markdown leaves it alone (a clause starting "2. " must not turn into a numbered list).
    """
    hi = len(text) if hi is None else hi
    start, end = max(lo, start), min(hi, end)
    if start >= end:
        body = html.escape(text[lo:hi])
    else:
        body = (
            html.escape(text[lo:start])
            + "<mark>" + html.escape(text[start:end]) + "</mark>"
            + html.escape(text[end:hi])
        )
    body = ("…" if lo > 0 else "") + body.strip("\n") + ("…" if hi < len(text) else "")
    return '<div class="clause">' + body.replace("\n", "<br>") + "</div>"


def departments_line(departments: list[dict[str, Any]]) -> str:
    """`牵头：县统计局；配合：县公安局、县民政局` — grouped by role in a fixed order."""
    groups: dict[str, list[str]] = {}
    for d in departments:
        names = groups.setdefault(d["role"], [])
        if d["name"] not in names:
            names.append(d["name"])
    return "；".join(
        f"{ROLE_LABELS.get(role, role)}：{'、'.join(groups[role])}" for role in ROLE_LABELS if role in groups
    )


def target_line(t: dict[str, Any]) -> str:
    """`养老机构护理型床位占比 ≥ 65%（2025年）`."""
    value = t["value"]
    value = int(value) if float(value).is_integer() else value
    comp = COMPARATOR_LABELS.get(t.get("comparator") or "=", "")
    year = f"（{t['year']}年）" if t.get("year") else ""
    scope = f"［{t['scope']}］" if t.get("scope") else ""
    return f"{t['indicator']}{scope} {comp}{value}{t['unit']}{year}".strip()


def citation_line(c: dict[str, Any]) -> str:
    """`《title》（number）`, marked 依据 when it is a basis."""
    parts = []
    if c.get("title"):
        parts.append(f"《{c['title']}》")
    if c.get("number"):
        parts.append(f"（{c['number']}）")
    return ("依据：" if c.get("basis") else "") + "".join(parts)


def position_line(rec: dict[str, Any]) -> str:
    """`东政办字〔2023〕26号 · 二、（一）2. · 2023-12-26`."""
    label = rec.get("label") or ("附件" if rec.get("kind") == "annex" else "前言")
    return " · ".join(x for x in (rec["doc"], label, rec.get("date") or "") if x)


RELATION_LABELS = {"based_on": "依据", "cites": "引用"}


def lineage_lines(item: dict[str, Any]) -> list[str]:
    """A policy's lineage as lines: the policy, what it is based on, what implements it."""
    p = item["policy"]
    head = f"**{p.get('title') or p.get('number')}**" + (f"（{p['number']}）" if p.get("number") and p.get("title") else "")
    lines = [head]
    for parent in item.get("parents", []):
        if parent.get("relation") == "based_on":
            lines.append(f"依据：{parent.get('title') or ''}（{parent.get('number') or '无文号'}）")
    for child in item.get("children", []):
        lines.append(f"落实文件：{child.get('title') or ''}（{child.get('number') or '无文号'}）")
    return lines
