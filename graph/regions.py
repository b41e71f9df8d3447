"""Places: the county → city → province → 全国 chain of a jurisdiction, and place names in text.

The gazetteer is data owned by ingestion (:func:`ingest.gazetteer.gazetteer`);
a document's own region/city/province fill what the gazetteer lacks.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

from graph.schema import NATION
from ingest.gazetteer import city_of, curated, gazetteer, province_of

# One place with its level: ("东阿县", "county")
Place = tuple[str, str]


@lru_cache(maxsize=1)
def _levels() -> dict[str, str]:
    g = gazetteer()
    out = {p: "provincial" for p in g["cities"].values()}
    out.update({c: "city" for c, p in g["cities"].items() if c != p})
    out.update({c: "county" for c in g["counties"]})
    out[NATION] = "national"
    return out


def short_name(place: str) -> str:
    """A place without its administrative suffix when that leaves 2+ characters (东阿县 → 东阿)."""
    return place[:-1] if len(place) > 2 and place[-1] in "省市县区" else place


def chain(region: Optional[str] = None, city: Optional[str] = None, province: Optional[str] = None) -> list[Place]:
    """The places from the most specific given one up to 全国, gaps filled from the gazetteer.

    Examples
    --------
    >>> chain("东阿县", "聊城市", "山东省")
    [('东阿县', 'county'), ('聊城市', 'city'), ('山东省', 'provincial'), ('全国', 'national')]
    """
    if region and region in (city, province):
        region = None
    if region and not city:
        city = city_of(region)
    if city and not province:
        province = province_of(city)
    if city == province:  # a municipality (北京市) is city and province in one
        city = None
    out: list[Place] = []
    if region:
        out.append((region, "county"))
    if city:
        out.append((city, "city"))
    if province:
        out.append((province, "provincial"))
    out.append((NATION, "national"))
    return out


def place_chain(place: str) -> list[Place]:
    """:func:`chain` for one known place name, whatever its level."""
    level = _levels().get(place)
    if level == "county":
        return chain(region=place)
    if level == "city":
        return chain(city=place)
    if level == "provincial":
        return chain(province=place)
    return [(NATION, "national")] if place == NATION else chain(region=place)


@lru_cache(maxsize=1)
def _forms() -> dict[str, list[tuple[str, str]]]:
    """First character → [(form, place)]: every gazetteer place by its full name,
    curated places also by their short name (东阿 for 东阿县). Short names of the
    whole country are not used: 公安县 would claim every 公安局."""
    g = curated()
    short = {*g["cities"].values(), *g["cities"], *g["counties"]}
    out: dict[str, list[tuple[str, str]]] = {}
    for place in _levels():
        for form in {place, short_name(place)} if place in short else {place}:
            out.setdefault(form[0], []).append((form, place))
    return out


def leading_place(text: str, extra: tuple[str, ...] = ()) -> Optional[str]:
    """The known place (gazetteer, or ``extra`` by full or short name) that ``text`` starts with."""
    if not text:
        return None
    candidates = [(f, p) for p in extra for f in {p, short_name(p)}] + _forms().get(text[0], [])
    hits = [(len(f), p) for f, p in candidates if text.startswith(f)]
    return max(hits)[1] if hits else None


def level_of_title(title: str) -> Optional[str]:
    """Level of a policy known only by title, from its issuer words (国务院…, 省…, 聊城市…)."""
    if title.startswith(("中共中央", "国务院", "国家", "全国", "中办", "国办")):
        return "national"
    place = leading_place(title)
    if place:
        return _levels().get(place)
    if title.startswith(("省", "中共省")):
        return "provincial"
    if title.startswith(("市", "中共市")):
        return "city"
    return None
