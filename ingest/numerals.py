"""Numbers as policy texts write them: Arabic (12, 0.5) or Chinese (十二, 四百五十, 百分之六十)."""

from __future__ import annotations

from typing import Optional

_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SCALES = {"十": 10, "百": 100, "千": 1000, "万": 10000}


def to_number(s: str) -> float:
    """``"12.0"`` → 12, ``"0.5"`` → 0.5, ``"1 200"`` → 1200: an int when the value is whole."""
    v = float(s.replace(" ", "").replace("\u00a0", ""))
    return int(v) if v.is_integer() else v


def chinese_number(s: str) -> Optional[float]:
    """Value of a number written in Chinese: 十二 → 12, 四百五十 → 450, 六千 → 6000, 九十点五 → 90.5,
    百 → 100 (百分之百); None when ``s`` is not one."""
    whole, _, frac = s.partition("点")
    total, section, digit = 0, 0, None
    for ch in whole:
        if ch in "〇零" and len(whole) > 1:  # 一千零五十: a placeholder
            continue
        if ch in _CN_DIGITS:
            if digit is not None:  # 二三 is not a number
                return None
            digit = _CN_DIGITS[ch]
        elif ch in _CN_SCALES:
            scale = _CN_SCALES[ch]
            if scale == 10000:
                total, section = (total + section + (digit or 0)) * scale, 0
            else:
                section += (1 if digit is None else digit) * scale
            digit = None
        else:
            return None
    value: float = total + section + (digit or 0)
    if frac:
        if any(c not in _CN_DIGITS for c in frac):
            return None
        value += float("0." + "".join(str(_CN_DIGITS[c]) for c in frac))
    return to_number(str(value)) if whole or frac else None
