"""Policies, standards and lists cited in a clause.

A citation is a title in 《》 (nested 〈〉 or <> kept as written; a bare 〈…〉 or
<…> group that reads like a title also counts), a 文号 (brackets normalized
to 〔〕 by :mod:`ingest.prefixes`, lost brackets repaired) or a standard code
(GB/T 35796-2017), paired when the number sits in brackets right after the
title. Kind and basis rules are data in ``data/citation_rules.json``.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Optional

from ingest.model import Citation
from ingest.prefixes import find_numbers, issuer_for_number, known_prefix

_DATA = Path(__file__).resolve().parent / "data" / "citation_rules.json"
_STANDARD = re.compile(
    r"(?<![A-Za-z0-9])(?P<code>[A-Z]{1,5}(?:\s*\d{2,6}(?=\s*/))?(?:\s*/\s*[A-Z]{1,3})?)\s*"
    r"(?P<num>\d+(?:\.\d+)*)\s*[-—–－]\s*(?P<year>(?:19|20)\d{2})(?!\d)"
)
_PAIR_GAP = re.compile(r"\s*[（(]\s*")
_SENTENCE_END = "。；;！？!?\n"
_WS = re.compile(r"\s+")
_WRAP = re.compile(r"\s*\n\s*")
_GAP = re.compile(r"[ \t\u3000\xa0]+")


def clean_title(raw: str) -> str:
    """A title as written: line breaks inside it dropped, a space between names kept as one
    (《民政部 公安部 市场监管总局…指导意见》 names its joint issuers that way)."""
    return _GAP.sub(" ", _WRAP.sub("", raw)).strip()


@lru_cache(maxsize=1)
def rules() -> dict:
    """Citation vocabulary from ``data/citation_rules.json``."""
    return json.loads(_DATA.read_text(encoding="utf-8"))


def _titles(text: str) -> list[tuple[int, int, str]]:
    """(start, end, title) of top-level 《…》 groups, then title-like 〈…〉/<…> groups outside them."""
    out, depth, start = [], 0, -1
    for i, ch in enumerate(text):
        if ch == "《":
            start = i if depth == 0 else start
            depth += 1
        elif ch == "》" and depth:
            depth -= 1
            if depth == 0:
                out.append((start, i + 1, clean_title(text[start + 1:i])))
    suffixes = tuple(rules()["title_suffixes"])
    # 《清单》, 《方案》: a bare document-type word refers back to a title named earlier
    # (动态调整《清单》内容), it is not a policy of its own.
    out = [t for t in out if t[2] not in suffixes]
    for m in re.finditer(r"[〈<]([^〈<>〉《》\n]{4,80})[〉>]", text):
        title = clean_title(m.group(1))
        if title.endswith(suffixes) and not any(s <= m.start() < e for s, e, _ in out):
            out.append((m.start(), m.end(), title))
    return sorted(out)


def _clean_prefix(prefix: str) -> str:
    """Drop running-text words glued before a 文号 prefix (根据鲁政办发 → 鲁政办发)."""
    known = known_prefix(prefix)
    if known:
        return known
    cut = 0
    for w in rules()["number_stop_words"]:
        k = prefix.rfind(w)
        if k >= 0 and k + len(w) < len(prefix):
            cut = max(cut, k + len(w))
    return prefix[cut:]


def _numbers(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, number, kind) of 文号 and standard codes, start at the cleaned number."""
    out = []
    for start, end, prefix, number in find_numbers(text):
        clean = _clean_prefix(prefix)
        out.append((start + len(prefix) - len(clean), end, clean + number[len(prefix):], "policy"))
    for m in _STANDARD.finditer(text):
        code = re.sub(r"\s*/\s*", "/", _WS.sub(" ", m.group("code").strip()))
        out.append((m.start(), m.end(), f"{code} {m.group('num')}-{m.group('year')}", "standard"))
    return sorted(out)


def citation_kind(title: Optional[str], number_kind: Optional[str]) -> str:
    """policy | standard | other, from the number type and the title's ending."""
    if number_kind == "standard":
        return "standard"
    if title:
        bare = title.rstrip("”’\"'）)")
        for kind in ("other", "standard"):
            if bare.endswith(tuple(rules()["kind_suffixes"][kind])):
                return kind
    return "policy"


def _is_basis(text: str, start: int, end: int) -> bool:
    """True when the citation's sentence cites it as a basis (根据…精神, 按照…要求)."""
    s = max(text.rfind(c, 0, start) for c in _SENTENCE_END) + 1
    ends = [k for k in (text.find(c, end) for c in _SENTENCE_END) if k >= 0]
    e = min(ends) if ends else len(text)
    r = rules()
    before, after = text[s:start], text[end:e]
    return any(w in before for w in r["basis_before"]) and any(w in after for w in r["basis_after"])


def _issuer(number: Optional[str], kind: str) -> Optional[str]:
    if not number or kind == "standard":
        return None
    info = issuer_for_number(number)
    return info.get("issuer") if info else None


def extract_citations(text: str) -> list[Citation]:
    """Policies, standards and lists cited in one clause.

    Parameters
    ----------
    text : str
        The clause text.

    Returns
    -------
    list of Citation
        In order of appearance, one per mention: a title with the number
        bracketed right after it, a bare title, or a bare number. ``basis``
        marks sentences like 根据《…》精神; ``issuer`` comes from the 文号 prefix.
    """
    titles = _titles(text)
    numbers = [n for n in _numbers(text) if not any(s <= n[0] < e for s, e, _ in titles)]
    used: set[int] = set()
    found: list[tuple[int, int, Citation]] = []
    for s, e, title in titles:
        number, kind, end = None, None, e
        gap = _PAIR_GAP.match(text, e)
        if gap:
            for k, (ns, ne, num, nkind) in enumerate(numbers):
                if k not in used and ns == gap.end():
                    used.add(k)
                    number, kind, end = num, nkind, ne
                    break
        found.append((s, end, Citation(number, title, citation_kind(title, kind))))
    for k, (ns, ne, num, nkind) in enumerate(numbers):
        if k not in used:
            found.append((ns, ne, Citation(num, None, citation_kind(None, nkind))))
    out = []
    for s, e, c in sorted(found, key=lambda x: x[0]):
        c.basis = _is_basis(text, s, e)
        c.issuer = _issuer(c.number, c.kind)
        c.text = text[s:e]
        out.append(c)
    return out
