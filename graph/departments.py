"""Which jurisdiction's office a department mention names, and its full name.

A county document writes 县民政局 or just 民政局 for its own county's office;
市民政局 for its city's, 省民政厅 for its province's. One office is one node,
keyed by jurisdiction and functional type (东阿县 + 民政), whatever the wording.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable, Optional

from graph.regions import leading_place
from graph.schema import NATION
from ingest.model import Document

_OFFICE_ENDINGS = ("局", "委", "办", "部", "厅", "中心", "会", "联", "队", "院", "集团")


def home(doc: Document) -> str:
    """The issuing jurisdiction of a document: its most specific place, else 全国."""
    return doc.region or doc.city or doc.province or NATION


def _doc_places(doc: Document) -> tuple[str, ...]:
    return tuple(p for p in (doc.region, doc.city, doc.province) if p)


def jurisdiction(name: str, doc: Document) -> str:
    """The place whose office ``name`` is, read in the context of ``doc``.

    Examples: 聊城市民政局 → 聊城市; 县民政局/区民政局/民政局 → the document's
    own place; 市民政局 in a county document → its city (or the county when
    it is a county-level 市); 省民政厅 → its province; 国家… → 全国.
    """
    place = leading_place(name, _doc_places(doc))
    if place:
        return place
    if name.startswith(("国家", "国务院", "中央")):
        return NATION
    if name.startswith("省"):
        return doc.province or home(doc)
    if name.startswith("市") and not name.startswith("市场"):
        if doc.region and doc.region.endswith("市"):
            return doc.region
        return doc.city or home(doc)
    return home(doc)


def qualified_name(name: str, doc: Document) -> str:
    """The mention with its jurisdiction written out: 县民政局 in 东阿县's document → 东阿县民政局."""
    if leading_place(name, _doc_places(doc)) or name.startswith(("国家", "国务院", "中央")):
        return name
    place = jurisdiction(name, doc)
    generic = place[-1] if place[-1] in "省市县区" else ""
    if generic and name.startswith(generic) and not name.startswith("市场"):
        return place + name[1:]
    return place + name


def preferred_name(names: Iterable[str]) -> Optional[str]:
    """The display name of an office among its qualified surface names.

    Formal office names (ending 局, 委, 中心 …) come first, then the most
    frequent, then the longest, then alphabetical (deterministic).
    """
    counts = Counter(names)
    if not counts:
        return None
    return min(counts, key=lambda n: (not n.endswith(_OFFICE_ENDINGS), -counts[n], -len(n), n))
