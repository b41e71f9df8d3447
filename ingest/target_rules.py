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


@lru_cache(maxsize=1)
def unit_alternation() -> str:
    """The units as a regex alternation, longest first (万平方米 before 平方米)."""
    return "|".join(map(re.escape, sorted(rules()["units"], key=len, reverse=True)))


def split_rate(unit: str) -> tuple[str, str | None]:
    """A rate unit as its base unit and scope: 元/人·月 → (元, 每人每月); 张 → (张, None).

    So that 200元/人·月 and 每人每月200元 give the same target, whatever the writing.
    """
    base, _, per = unit.partition("/")
    if not per or base not in rules()["units"]:
        return unit, None
    return base, "".join(f"每{p}" for p in re.split(r"[/·]", per) if p)
