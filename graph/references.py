"""Resolve every policy and standard reference of a corpus to one node id.

A policy may be cited by 文号 in one place and by title alone in another, with
or without the 关于印发《…》的通知 wrapper or the issuer's name; both must reach
the same node. Resolution sees the whole corpus at once (corpus documents and
every citation), so the result does not depend on build order:

1. a number is its own id (``policy:鲁政办发〔2022〕18号``) and never merges with
   another number;
2. a title-only reference goes to the one numbered policy with the same full
   normalized title, else the one with the same inner title (wrapper and issuer
   removed), else — when the title starts with a place (宿迁市…) — the one numbered
   policy issued in that place whose inner title is nearly the same (documents
   cite their own city's plan as 宿迁市…方案 and as 市政府办公室印发关于…方案);
   when none or several match, to a title node keyed by the inner title.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from dataclasses import dataclass, field
from typing import Iterable, Optional

from graph.schema import policy_id, standard_id, titled_policy_id
from ingest.model import Citation, Document
from ingest.prefixes import issuer_for_number

NEAR_TITLE = 0.9  # difflib ratio; 推进… vs 推进城乡… of a 40-character title is 0.97

_DROP = re.compile(r"[\s《》〈〉<>＜＞「」“”\"'‘’]")
_FOLD = str.maketrans({"（": "(", "）": ")", "—": "-", "–": "-", "－": "-", "，": ",", "：": ":", "；": ";"})
_INNER = re.compile(r"[〈<＜](?P<t>[^〉>＞]+)[〉>＞]")
_WRAPPER = re.compile(r"印发(?P<t>.+?)的?通知$")


def full_key(title: str) -> str:
    """A title with whitespace, title brackets and quotes removed and punctuation folded."""
    return _DROP.sub("", title.translate(_FOLD))


def inner_key(title: str) -> str:
    """The title a notice wraps, without issuer words: the policy's own name.

    Examples
    --------
    >>> inner_key("中共中央办公厅国务院办公厅印发<关于推进基本养老服务体系建设的意见>的通知")
    '推进基本养老服务体系建设的意见'
    >>> inner_key("山东省人民政府办公厅关于推进基本养老服务体系建设的实施意见")
    '推进基本养老服务体系建设的实施意见'
    """
    m = _INNER.search(title)
    inner = m.group("t") if m else title
    if not m:
        w = _WRAPPER.search(full_key(title))
        inner = w.group("t") if w else inner
    key = full_key(inner)
    return key.split("关于", 1)[1] if "关于" in key[:-2] else key


def standard_code(code: str) -> str:
    """A standard code with dashes folded and spaces collapsed (GB/T 35796—2017 → GB/T 35796-2017)."""
    return " ".join(code.translate(_FOLD).split())


@dataclass
class _Index:
    """Numbered items of one kind and the titles they were seen with."""

    titles: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))

    def add(self, key: str, title: Optional[str]) -> None:
        counts = self.titles[key]
        if title:
            counts[title] += 1

    def by(self, keyfn) -> dict[str, set[str]]:
        out: dict[str, set[str]] = defaultdict(set)
        for key, titles in self.titles.items():
            for t in titles:
                if t:
                    out[keyfn(t)].add(key)
        return out


def _cited(docs: Iterable[Document]) -> Iterable[Citation]:
    for d in docs:
        yield from d.citations
        for c in d.clauses:
            yield from c.citations


class References:
    """Node ids and display titles for the policies and standards of a corpus."""

    def __init__(self, docs: list[Document]):
        self.policies, self.standards = _Index(), _Index()
        self.titled: dict[str, Counter] = defaultdict(Counter)
        for d in docs:
            self.policies.add(d.doc, d.title)
        for c in _cited(docs):
            if c.kind == "standard" and c.number:
                self.standards.add(standard_code(c.number), c.title)
            elif c.number:
                self.policies.add(c.number, c.title)
        self._maps = {
            "policy": (self.policies.by(full_key), self.policies.by(inner_key)),
            "standard": (self.standards.by(full_key), self.standards.by(inner_key)),
        }
        for c in _cited(docs):
            if not c.number and c.title and self._numbered(c) is None:
                self.titled[self.node_id(c)][c.title] += 1

    def _numbered(self, c: Citation) -> Optional[str]:
        """The number of the one numbered item a title-only citation names, if any."""
        by_full, by_inner = self._maps["standard" if c.kind == "standard" else "policy"]
        for index, key in ((by_full, full_key(c.title or "")), (by_inner, inner_key(c.title or ""))):
            hits = index.get(key, set())
            if len(hits) == 1:
                return next(iter(hits))
        return None if c.kind == "standard" else self._same_place(inner_key(c.title or ""), by_inner)

    @staticmethod
    def _same_place(title: str, by_inner: dict[str, set[str]]) -> Optional[str]:
        """The one numbered policy issued in the place ``title`` starts with, with a nearly equal title."""
        hits = set()
        for inner, numbers in by_inner.items():
            for number in numbers:
                info = issuer_for_number(number) or {}
                place = info.get("region") or info.get("city") or info.get("province")  # the issuer's own
                if place and title.startswith(place) and SequenceMatcher(None, title[len(place):], inner.removeprefix(place)).ratio() >= NEAR_TITLE:
                    hits.add(number)
        return next(iter(hits)) if len(hits) == 1 else None

    def node_id(self, c: Citation) -> Optional[str]:
        """Id of the node a citation refers to (None for a citation with neither number nor title)."""
        standard = c.kind == "standard"
        key = standard_code(c.number) if standard and c.number else c.number
        if not key and c.title:
            key = self._numbered(c)
        if key:
            return standard_id(key) if standard else policy_id(key)
        if not c.title:
            return None
        return standard_id(full_key(c.title)) if standard else titled_policy_id(inner_key(c.title))

    def title_of(self, node: str) -> str:
        """The display title of a policy or standard node: its most frequent title, then the shortest."""
        kind, _, key = node.partition(":")
        index = self.standards if kind == "standard" else self.policies
        titles = self.titled.get(node) or index.titles.get(key, Counter())
        ranked = sorted((t for t in titles if t), key=lambda t: (-titles[t], len(t), t))
        return ranked[0] if ranked else ""
