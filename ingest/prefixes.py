"""Document numbers (文号): parsing, normalization and the issuer behind a prefix.

A 文号 is ``<prefix>〔<year>〕<n>号`` (鲁政办发〔2022〕18号). Sources write the
brackets in many ways (〔〕 [] 【】 () ［］ （）) or mangle them
(衢政办发〔202316号); :func:`normalize_number` repairs all of these to 〔〕.
Which office a prefix belongs to is DATA (``data/wenhao_prefixes.json``), as
is the county → city → province gazetteer (:mod:`ingest.gazetteer`).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Optional

from ingest.gazetteer import city_of, gazetteer, province_of  # noqa: F401  (re-exported)
from ingest.normalize import fold_width

_DATA = Path(__file__).resolve().parent / "data"
_OPEN = "〔[【(（［{｛"
_CLOSE = "〕]】)）］}｝"
NUMBER = re.compile(
    rf"(?P<prefix>[\u4e00-\u9fff]{{1,12}})\s*(?P<open>[{re.escape(_OPEN)}])?\s*"
    rf"(?P<year>(?:19|20)\d{{2}})\s*(?P<close>[{re.escape(_CLOSE)}])?\s*(?P<num>\d{{1,4}})\s*号"
)


def _valid(m: re.Match[str]) -> bool:
    return bool(m.group("open") or m.group("close"))


def _render(m: re.Match[str], prefix: Optional[str] = None) -> str:
    return f"{prefix or m.group('prefix')}〔{m.group('year')}〕{int(m.group('num'))}号"


def find_numbers(text: str) -> Iterator[tuple[int, int, str, str]]:
    """Yield ``(start, end, prefix, normalized number)`` for every 文号 in ``text``.

    The prefix is the run of Chinese characters before the year, so in running
    text it may carry preceding words (根据鲁政办发…); :func:`issuer_for_number`
    matches known prefixes as suffixes of it.
    """
    for m in NUMBER.finditer(fold_width(text)):  # 尤政办〔２０２４〕１８号: full-width digits, same offsets
        if _valid(m):
            yield m.start(), m.end(), m.group("prefix"), _render(m)


def normalize_number(s: str) -> Optional[str]:
    """The 文号 in ``s`` with brackets normalized to 〔〕, or None.

    ``s`` should hold just the number (as printed in a header line); a
    mangled number such as ``衢政办发〔202316号`` becomes ``衢政办发〔2023〕16号``.
    """
    m = NUMBER.search(fold_width(s).replace(" ", "").replace("\u3000", ""))
    return _render(m) if m and _valid(m) else None


@lru_cache(maxsize=1)
def prefix_table() -> dict[str, dict[str, str]]:
    """文号 prefix → {issuer, level, province?, city?, region?} (from data/wenhao_prefixes.json)."""
    return json.loads((_DATA / "wenhao_prefixes.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _glue_words() -> tuple[str, ...]:
    rules = json.loads((_DATA / "citation_rules.json").read_text(encoding="utf-8"))
    return tuple(rules["number_stop_words"])


def known_prefix(prefix: str) -> Optional[str]:
    """The longest known prefix that ``prefix`` is, or ends with after a running-text word
    (鲁政办发 for 根据鲁政办发). An unknown prefix that merely ends like a known one
    (北川政办发, a county's) is not claimed by the province's 川政办发."""
    table = prefix_table()
    hits = [k for k in table if prefix == k or (prefix.endswith(k) and prefix[: -len(k)].endswith(_glue_words()))]
    return max(hits, key=len) if hits else None


def issuer_for_number(number: str) -> Optional[dict[str, str]]:
    """Issuing office of a 文号, from its prefix.

    Parameters
    ----------
    number : str
        A document number in any bracket style, e.g. ``鲁政办发〔2022〕18号``.

    Returns
    -------
    dict or None
        ``{"issuer", "level", "province"?, "city"?, "region"?}`` for a known
        prefix, else None.
    """
    m = NUMBER.search(number.replace(" ", ""))
    if not m or not _valid(m):
        return None
    key = known_prefix(m.group("prefix"))
    return dict(prefix_table()[key]) if key else None
