"""Which documents a question names by their place: 东阿县…, 郯城…, "in Sucheng District".

County documents are one per place, so a question that names a county asks about
that county's document. Places are matched by full name (东阿县), short name (东阿)
and, for English questions, pinyin (Dong'e, Sucheng; from ``pypinyin``). Only a
document's own jurisdiction counts — its region, or its city when the document is
a city's — not the city above a county: 临沂 names neither 河东区 nor 郯城县.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pypinyin import lazy_pinyin

from ingest.model import Document

_SUFFIXES = ("自治县", "县", "区", "市", "旗", "省")
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def short_name(place: str) -> str:
    """A place without its administrative suffix when 2+ characters remain (东阿县 → 东阿)."""
    for s in _SUFFIXES:
        if place.endswith(s) and len(place) - len(s) >= 2:
            return place[: -len(s)]
    return place


@lru_cache(maxsize=1024)
def pinyin_of(name: str) -> str:
    """Toneless pinyin run together, apostrophes dropped: 东阿 → donge."""
    return "".join(lazy_pinyin(name)).lower()


def own_place(doc: Document) -> str | None:
    """A document's own jurisdiction: its region, or its city/province at those levels."""
    return doc.region or doc.city or doc.province


def _latin_runs(query: str) -> set[str]:
    """Lower-case words of ``query`` and adjacent pairs run together ("su cheng" → sucheng)."""
    words = [w.replace("'", "") for w in _WORD.findall(query.lower())]
    return set(words) | {a + b for a, b in zip(words, words[1:])}


def named_documents(query: str, docs: list[Document]) -> set[str]:
    """Document numbers whose own place ``query`` names.

    Returns an empty set when the question names no document's place, and also
    when it names every document's (nothing to prefer).
    """
    latin = _latin_runs(query)
    named = set()
    for d in docs:
        place = own_place(d)
        if not place:
            continue
        short = short_name(place)
        if short in query or place in query or (latin and pinyin_of(short) in latin):
            named.add(d.doc)
    return set() if len(named) == len({d.doc for d in docs}) else named
