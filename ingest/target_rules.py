"""The target vocabulary (units, comparators, scope and lead words …): data in ``data/target_rules.json``."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).resolve().parent / "data" / "target_rules.json"
LABEL_UNIT = re.compile(r"\s*[（(]([^（()）]{1,6})[)）]\s*$")  # 覆盖率（%）, 床位（张）, 标准（元/人/月）: a label's unit


@lru_cache(maxsize=1)
def rules() -> dict:
    """Target vocabulary from ``data/target_rules.json``."""
    return json.loads(_DATA.read_text(encoding="utf-8"))


_PER = "[人张床户次餐月年天日]"
RATE = rf"(?:万元|元)/{_PER}{{1,2}}(?:[·/]{_PER}{{1,2}})?"  # 3000元/张, 400元/张·月, 3元/人·餐


@lru_cache(maxsize=1)
def unit_alternation() -> str:
    """The units as a regex alternation: money rates first, then the units longest first
    (万平方米 before 平方米)."""
    return RATE + "|" + "|".join(map(re.escape, sorted(rules()["units"], key=len, reverse=True)))


def is_unit(unit: str) -> bool:
    """True for a known unit, a percentage or a rate of one (元/张·月)."""
    return unit in ("%", "％") or split_rate(unit)[0] in rules()["units"]


def split_rate(unit: str) -> tuple[str, str | None]:
    """A rate unit as its base unit and scope: 元/人·月 → (元, 每人每月); 张 → (张, None).

    So that 200元/人·月 and 每人每月200元 give the same target, whatever the writing.
    """
    base, _, per = unit.partition("/")
    if not per or base not in rules()["units"]:
        return unit, None
    return base, "".join(f"每{p}" for p in re.split(r"[/·]", per) if p)
