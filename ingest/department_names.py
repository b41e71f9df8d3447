"""Department names: the vocabulary, list splitting and the functional type of a name.

``canonical`` maps a jurisdiction's office to a type shared across jurisdictions
(县民政局, 区民政局, 民政部门 → 民政) from the alias table in
``data/department_aliases.json`` (role labels, aliases, jurisdiction prefixes,
department-like endings), which is data, not code.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).resolve().parent / "data" / "department_aliases.json"
OPEN, CLOSE = "（(【", "）)】"
_ITEM_SEP = re.compile(r"[、，,；;/\s]+")
_PAREN = re.compile(r"[（(][^（()）]*[)）]")


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    """The department vocabulary from ``data/department_aliases.json``."""
    return json.loads(_DATA.read_text(encoding="utf-8"))


def _clean(name: str) -> str:
    """A list item without spaces, edge punctuation or a trailing 等/等部门 (县民政局等部门 → 县民政局)."""
    name = re.sub(r"\s+", "", name).strip("、，,；;：:。.")
    return re.sub(r"(?<=..)等(?:有关|相关)?(?:部门|单位)?$", "", name)


_BRANCH = ("分局", "分公司")


def _known(cand: str) -> str | None:
    """Type of the longest known suffix of ``cand``, or of ``cand`` as a bare short form (民政)."""
    v = vocabulary()
    for i in range(len(cand) - 1):
        if cand[i:] in v["aliases"]:
            return v["aliases"][cand[i:]]
    return v["short_forms"].get(cand)


def canonical(name: str) -> str:
    """Functional department type shared across jurisdictions (县民政局 → 民政).

    Parameters
    ----------
    name : str
        A department name as written.

    Returns
    -------
    str
        The alias of the longest known suffix of the name (with or without a
        trailing parenthetical such as ``（金融办）``), else of a distinctive name
        inside it (人民银行江西省分行 → 人民银行), else of the parent office a
        branch is named after (海口市公安局琼山分局 → 公安); otherwise the cleaned
        name without its jurisdiction prefix. Never raises.
    """
    v = vocabulary()
    clean = _clean(name)
    for cand in (clean, _PAREN.sub("", clean)):
        if kind := _known(cand):
            return kind
    for key, kind in v["contained_aliases"].items():
        if key in clean:
            return kind
    if clean.endswith(_BRANCH):  # 海口市医疗保障局琼山分局, 公安津南分局: the parent office's type
        for j in range(len(clean) - 3, 1, -1):
            if kind := _known(clean[:j]):
                return kind
    base = _PAREN.sub("", clean) or clean
    for p in sorted(v["prefixes"], key=len, reverse=True):
        if base.startswith(p) and len(base) - len(p) >= 3 and not base.startswith("市场"):
            return base[len(p):]
    return base


def looks_like_department(item: str) -> bool:
    v = vocabulary()
    base = _PAREN.sub("", item)
    if not 2 <= len(base) <= 30 or re.search(r"[，。；：:！？“”\d]", base):
        return False
    return base.endswith(tuple(v["suffixes"])) or canonical(item) in set(v["aliases"].values())


def _inside_name(before: str, after: str) -> bool:
    """True when a space falls inside one name: the text before it is no department yet and the
    text after it does not open a new one (县…, 市…, 各…)."""
    head, tail = _clean(before), after.lstrip()
    return bool(head) and bool(tail) and not looks_like_department(head) and tail[0] not in "县市区镇乡街各省州旗中"


def split_items(s: str) -> list[str]:
    """Split a department list at separators outside parentheses; re-join 1-char fragments
    and 各市、县（市、区）政府."""
    items, buf, depth = [], "", 0
    for k, ch in enumerate(s):
        depth += (ch in OPEN) - (ch in CLOSE)
        if depth == 0 and _ITEM_SEP.fullmatch(ch):
            if ch.isspace() and _inside_name(buf, s[k + 1:]):
                continue  # 县自然资源和 规划局, 县 卫健委: a space inside a name (a wrap, &nbsp;), not between names
            items.append(buf)
            buf = ""
        else:
            buf += ch
    items.append(buf)
    items = [_clean(x) for x in items if _clean(x)]
    out: list[str] = []
    for x in items:
        if out and (len(out[-1]) == 1 or len(x) == 1) and not looks_like_department(x):
            out[-1] += x
        elif out and re.fullmatch(r"各[市县区]", out[-1]) and looks_like_department(x):
            out[-1] += "、" + x  # 各市、县（市、区）政府: one name
        else:
            out.append(x)
    return out
