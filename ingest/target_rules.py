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
