"""Document metadata from the header: 文号, title, issuers, date and jurisdiction.

Everything is read from the header region (the lines before the preamble or
the first numbered clause, see :func:`ingest.segment.layout`), so numbers and
offices cited in the body never leak in. Jurisdiction comes from office names
(中共周口市淮阳区委办公室 → 淮阳区, 周口市), then the 文号 prefix table, then the
county → city → province gazetteer.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Optional

from ingest.normalize import Line, fold_width, source_lines, squeeze_spaces
from ingest.prefixes import city_of, find_numbers, issuer_for_number, normalize_number, province_of
from ingest.annexes import is_annex_marker
from ingest.layout import TOC_LINE, is_office, layout

_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "O": 0}
_DATE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
_CN_DATE = re.compile(r"^([〇○零一二三四五六七八九O]{4})年([十一二三四五六七八九]{1,3})月([十一二三四五六七八九]{1,3})日$")
_WEB_DATE = re.compile(r"成文日期\s*[:：]?\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})")
_JURISDICTION = re.compile(
    r"^(?:中共|中国共产党)?(?P<province>[\u4e00-\u9fff]{2,3}省|[\u4e00-\u9fff]{2,6}?自治区)?"
    r"(?P<city>[\u4e00-\u9fff]{2,4}?市|[\u4e00-\u9fff]{2,9}?自治州|[\u4e00-\u9fff]{2,4}?(?:地区|盟))?"
    r"(?P<county>[\u4e00-\u9fff]{2,9}?自治[县旗]|[\u4e00-\u9fff]{1,4}?[县区旗])?"
    r"(?=[县区市旗]?委|人民政府|政府|人大|政协|党委|办公|[\u4e00-\u9fff]{1,10}(?:局|厅|委|办公室|大队)$)"  # 献县县委, 平遥县民政局, 湖北省民政厅
)
_NOTICE_TITLE = re.compile(r"《(.+?)》")
_ISSUED_AS = re.compile(r"印发(?:了)?《([^《》]+)》\s*[（(]([^（()）]{6,24})[)）]")
_HEADER_ISSUER = re.compile(r"^((?:\S+(?:办公室|办公厅|人民政府|委员会|政府))(?:\s+\S+(?:办公室|办公厅|人民政府|委员会|政府))*)\s*文件$")
SIGNATURE_AFTER_ANNEX_LIST = 6  # lines after a 附件： list line where the signature may still stand
_META_ISSUER = re.compile(r"(?:发文机关|发布机构|发文单位)\s*[:：]?\s*(\S+?(?:办公室|办公厅|人民政府|委员会|政府|局|厅))(?:\s|$)")
_META_KEY = (r"(?:发布机构|发文机关|发文单位|成文日期|发布日期|印发日期|文号|发文字号|主题分类|索引号|主题词|"
             r"有效性|公开方式|体裁分类|组配分类)")
_META_LABEL = re.compile(rf"^{_META_KEY}\s*[:：]?$")
_META_FIELD = re.compile(rf"^{_META_KEY}\s*[:：]?\s")
_BAR = re.compile(r"\s*\|\s*")
_PERIOD_LINE = re.compile(r"^[（(]\s*(?:\d{4}\s*[—–\-至~]+\s*\d{4}\s*年?|征求意见稿|试行|暂行|草案|送审稿|修订稿?)\s*[）)]$")
_PUNCT = re.compile(r"[，。；,;：:！？]")
_CRUMB = re.compile(r"^(?:当前位置|您的位置)|\s*(?:[>＞»›]|&gt;)\s*\S")  # 首页 > 政务公开 > 政策文件
_TITLE_END = re.compile(r"(?:方案|意见|办法|规划|通知|规定|细则|措施|决定|计划|要点|清单|标准|（\d{4}—\d{4}年）)$")


def _cn_number(s: str) -> int:
    """Chinese numeral up to 31 (十二, 二十六) → int."""
    if "十" not in s:
        return _CN_DIGIT[s]
    tens, _, ones = s.partition("十")
    return (_CN_DIGIT[tens] if tens else 1) * 10 + (_CN_DIGIT[ones] if ones else 0)


def _iso(y: str | int, m: str | int, d: str | int) -> str:
    return f"{int(y):04d}-{int(m):02d}-{int(d):02d}"


def _date_of(text: str) -> Optional[str]:
    compact = fold_width(text).replace(" ", "").replace("\u3000", "")
    if m := _DATE.match(compact):
        return _iso(*m.groups())
    if m := _CN_DATE.match(compact):
        year = "".join(str(_CN_DIGIT[c]) for c in m.group(1))
        return _iso(year, _cn_number(m.group(2)), _cn_number(m.group(3)))
    return None


def _cells(text: str) -> list[str]:
    """Parts of a line set apart by two or more spaces."""
    return [p for p in re.split(r"\s{2,}|\u3000+", text.strip()) if p]


def _sign_date(text: str) -> Optional[str]:
    """The date of a signature line: the date alone, or offices then the date on one line."""
    if date := _date_of(text):
        return date
    cells = _cells(text)
    if len(cells) >= 2 and all(is_office(c) for c in cells[:-1]):
        return _date_of(cells[-1])
    return None


def _doc_number(header: list[Line]) -> Optional[str]:
    """The header's own 文号: a line that is just the number, else the first in the header outside
    a citing sentence, else the number a report of its issue gives the title standing in the header."""
    for ln in header:
        compact = re.sub(r"^(?:发文字号|发文文号|文号|字号)\s*[:：]?", "", ln.text.replace(" ", ""))
        if (n := normalize_number(compact)) and len(compact) <= len(n) + 2:
            return n
    own = (ln for ln in header if "。" not in ln.text and "《" not in ln.text)  # not a citing sentence
    if found := next((n for ln in own for _, _, _, n in find_numbers(ln.text)), None):
        return found
    lines = {squeeze_spaces(ln.text) for ln in header}
    for ln in header:  # a news post: …印发《沛县…方案》（沛政办发〔2025〕23号）… above that very title
        for m in _ISSUED_AS.finditer(ln.text):
            if squeeze_spaces(m.group(1)) in lines and (n := normalize_number(m.group(2))):
                return n
    return None


def _signing(lines: list[Line], last: bool = False, named: tuple[str, ...] = ()) -> tuple[Optional[int], list[str]]:
    """(index of the first, or ``last``, date-only line; office names signed right above it).

    With ``last``, a signature by one of the ``named`` offices (those in the header) wins
    over later ones: a 政策解读 appended below the policy is signed by a department.
    """
    blocks = []
    for i in range(len(lines)):
        if _sign_date(lines[i].text):
            offices = _cells(lines[i].text)[:-1]  # 山南市乃东区人民政府办公室　　　　2024年8月20日
            j = i - 1
            while j >= 0 and is_office(lines[j].text):
                offices[:0] = _cells(lines[j].text)
                j -= 1
            if not last:
                return i, offices
            blocks.append((i, offices))
    if not blocks:
        return None, []
    return next((b for b in blocks if set(b[1]) & set(named)), blocks[-1])


def _undated_signature(lines: list[Line]) -> list[str]:
    """Offices of the last line made only of office names (a signature with no date), or []."""
    for ln in reversed(lines):
        cells = _cells(ln.text)
        if cells and all(is_office(c) and len(c) <= 25 for c in cells) \
                and not ln.text.startswith("附件"):
            return cells
    return []


def _title_like(text: str) -> bool:
    """A header line that can be (part of) the policy title: not an office, date, number or note."""
    flat = squeeze_spaces(text)
    return (len(flat) >= 2 and not _PUNCT.search(flat) and not _date_of(flat) and "此件" not in flat
            and not _CRUMB.search(flat) and flat not in ("目录", "目次") and not TOC_LINE.search(flat)
            and not _META_FIELD.match(text) and not is_annex_marker(flat)
            and "印发" not in flat and normalize_number(flat) is None and flat.count("《") == flat.count("》")
            and (not is_office(flat.removesuffix("文件")) or bool(_TITLE_END.search(flat))))


def _open_bracket(text: str) -> bool:
    """True when ``text`` opens more （《 than it closes: the line was cut inside them."""
    return text.count("（") + text.count("(") + text.count("《") > text.count("）") + text.count(")") + text.count("》")


def _title(header: list[Line], zone: list[Line]) -> Optional[str]:
    """The policy title: the 《》 of the 关于印发《…》的通知 line in ``header`` (the title
    as officially quoted; a body title line may drop a word, as 淮办〔2022〕2号 does),
    else the title line(s) closing ``zone`` (the lines above the body). A title the
    source broke over two lines is joined, and wrapping spaces between Chinese
    characters are dropped."""
    joined = "".join(ln.text for ln in header)
    notice = next((squeeze_spaces(m.group(1)) for m in _NOTICE_TITLE.finditer(joined)
                   if "印发" in joined[max(0, m.start() - 12):m.start()]), None)
    texts: list[str] = []
    for ln in zone:  # a wrap inside brackets (…（2024—2026年 / ）) continues the line above
        if texts and _open_bracket(texts[-1]):
            texts[-1] += ln.text
        else:
            texts.append(ln.text)
    while texts and not _title_like(texts[-1]):
        texts.pop()
    run: list[str] = []
    while texts and sum(not _PERIOD_LINE.match(r) for r in run) < 2 and _title_like(texts[-1]) and not (
            run and _TITLE_END.search(texts[-1]) and not _PERIOD_LINE.match(run[0])):  # …方案 / （2024—2025年）
        run.insert(0, texts.pop())
    if notice:
        return notice
    if run and len(title := squeeze_spaces("".join(run))) >= 6:
        return title
    m = re.search(r"关于印发(.+?)的通知", joined)
    return squeeze_spaces(m.group(1)) if m else None


def _jurisdiction(names: list[str], number: Optional[str]) -> dict[str, Optional[str]]:
    """region/city/province/level from office names, then the 文号 prefix, then the gazetteer."""
    county = city = province = None
    national = any(n.startswith(("国务院", "中共中央", "中华人民共和国")) for n in names)
    for name in names:
        m = _JURISDICTION.match(name.replace(" ", ""))
        if not m:
            continue
        c, m_city = m.group("county"), m.group("city")
        if m_city and not c and city_of(m_city):  # a county-level city such as 临清市
            c, m_city = m_city, None
        county = county or c
        if m_city and (c is None or c == county):
            city = city or m_city
        province = province or m.group("province")
    known = issuer_for_number(number) if number else None
    home = city_of(county) if county else None
    if known and county and (known.get("region") not in (None, county)
                             or (home and known.get("city") not in (None, home))
                             or (home and known.get("province") not in (None, province_of(home)))):
        known = None  # 临政发 is 临沂's prefix and 黑政办发 黑龙江's, but 临泽县/黑山县 issued these: the office names win
    if known and not national:
        county = county or known.get("region")
        city = city or known.get("city")
        province = province or known.get("province")
    city = city or (city_of(county) if county else None)
    province = province or (province_of(city) if city else None)
    if national or (known and known["level"] == "national" and not (county or city or province)):
        return {"region": None, "city": None, "province": None, "level": "national"}
    level = "county" if county else "city" if city else "provincial" if province else None
    return {"region": county or city or province, "city": city, "province": province, "level": level}


def _label_values(lines: list[Line]) -> list[Line]:
    """A web page's metadata label on a line of its own (**成文日期**) joined with the value below it."""
    out: list[Line] = []
    for ln in lines:
        if out and _META_LABEL.match(out[-1].text) and not _META_LABEL.match(ln.text):
            out[-1] = replace(out[-1], end=ln.end, text=f"{out[-1].text.rstrip(':：')}  {ln.text}")
        else:
            out.append(ln)
    return out


def extract_metadata(text: str) -> dict[str, Any]:
    """Read a document's metadata from its header.

    Parameters
    ----------
    text : str
        The decoded source file.

    Returns
    -------
    dict
        Keys ``doc`` (文号 with 〔〕, or None), ``title``, ``issuers`` (list),
        ``date`` (YYYY-MM-DD or None), ``region``, ``city``, ``province`` and
        ``level`` (national|provincial|city|county or None).
    """
    lines = _label_values([replace(ln, text=_BAR.sub("  ", ln.text).strip()) if "|" in ln.text else ln
                           for ln in source_lines(text)])  # web metadata blocks come as table rows: | 发文字号 | … |
    lay = layout(lines)
    header = lines[: lay.body]
    number = _doc_number(header)
    web = next((m for ln in header + lines[lay.annex:] if (m := _WEB_DATE.search(ln.text))), None)  # or its footer
    sign_at, issuers = _signing(header)
    header_offices = tuple(p for ln in header for p in _cells(ln.text.removesuffix("文件"))
                           if is_office(p))
    date = _sign_date(header[sign_at].text) if sign_at is not None else None
    if sign_at is None:  # signed at the end of the body instead (意见 issued without a 通知 wrapper)
        for body_end in (lines[lay.first_heading:lay.annex],  # a list of annexes (附件：…) may
                         lines[lay.annex:min(lay.annex + SIGNATURE_AFTER_ANNEX_LIST, lay.trailer)]):  # precede it
            end_at, issuers = _signing(body_end, last=True, named=header_offices)
            date = _sign_date(body_end[end_at].text) if end_at is not None else None
            if date:
                break
    if not issuers:  # signed without a date: 盐池县人民政府 under the list of annexes
        issuers = _undated_signature(lines[max(lay.first_heading, lay.annex - 3):
                                           min(lay.annex + SIGNATURE_AFTER_ANNEX_LIST, lay.trailer)])
    date = _iso(*web.groups()) if web else date
    if not issuers:  # a web page's metadata names the issuer: 发文机关 | 梨树县人民政府办公室 |
        issuers = next((m.group(1).split() for ln in header if (m := _META_ISSUER.search(ln.text))), [])
    if not issuers:  # the red header names the issuer: 安庆市人民政府办公室文件
        issuers = next((_HEADER_ISSUER.match(ln.text).group(1).split() for ln in header
                        if _HEADER_ISSUER.match(ln.text)), [])
    if not issuers and number and (known := issuer_for_number(number)):
        issuers = known["issuer"].split()
    title_zone = header[sign_at + 1:] if sign_at is not None else header
    title = _title(header, title_zone)
    offices = issuers + [ln.text for ln in header if is_office(ln.text.removesuffix("文件"))]
    return {"doc": number, "title": title, "issuers": issuers, "date": date, **_jurisdiction(offices, number)}
