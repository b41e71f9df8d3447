"""Quantitative targets and standards stated in a clause.

Every number followed by a measure word (%, 张, 所, 平方米, 元, 人次 …) is a
candidate; its comparator comes from the words around it (不低于 → ``>=``,
…以上 → ``>=``, 不超过 → ``<=``), its deadline year from its sentence
(到2025年, 2024年底前), its scope (每百户, 全县, 单处) and indicator from the
phrase before it, or the noun after it for counts (建成1所示范性养老机构).
Numbers written in Chinese count too (百分之六十, 不少于四百五十户) when a cue
word says they are a goal. Tables are read by :mod:`ingest.target_tables`;
the vocabulary is data in ``data/target_rules.json``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ingest.model import Target
from ingest.numerals import chinese_number, to_number
from ingest.target_rules import rules, split_rate, unit_alternation
from ingest.target_tables import table_targets

_SENT = re.compile(r"[。；;！？!?\n]")
_PHRASE = re.compile(r"[，,；;。：:、\n]")
_YEAR = re.compile(r"(?:(20\d{2})\s*[-—–至到]\s*)?(20\d{2})\s*年(?:年)?(?:底|末|年底)?(?:以前|之前|前)?")
_DEADLINE = re.compile(r"到\s*(20\d{2})\s*年")
_FULL_SENT = re.compile(r"[。！？!?\n]")
_PAST_OPENER = re.compile(r"\s*(?:近年来|截至|截止|目前|现阶段|(?:全[县区市旗]|我[县区市旗])?现有)")
_FUTURE = re.compile(r"到\s*20\d{2}|20\d{2}\s*年(?:底|末)?(?:前|以前)|力争|确保|新增|新建|将|计划")
_TITLE = re.compile(r"《[^》]*》|〔[^〕]*〕|[（(]原[^（()）]*[)）]")  # titles, 文号 and （原标准为…） (the old value)


@lru_cache(maxsize=1)
def _number_re() -> re.Pattern[str]:
    units = unit_alternation()
    return re.compile(
        r"(?<![\d.A-Za-z/〔\-—])(?P<num2>\d+(?:\.\d+)?)(?P<mult>[万亿])\s*[至到\-—–~～]\s*"  # 5万—8万元
        rf"(?P<max3>\d+(?:\.\d+)?)(?P<unit2>(?P=mult)(?:{units}))"
        r"|(?<![\d.A-Za-z/〔\-—])(?<!\d )(?P<num>(?<=[\u4e00-\u9fff])\d{1,3}(?:[ \u00a0]\d{3})+"  # 1 200张 (grouped)
        rf"|(?<=[\u4e00-\u9fff])\d[ \u00a0]\d{{1,2}}(?=(?:{units}))"  # 5 0万元: an OCR space, the unit touching
        r"|\d+(?:\.\d+)?)"
        r"(?:\s*[-—–~～至到]\s*(?P<max>\d+(?:\.\d+)?))?[ \u00a0\u3000]?"  # 200至500平方米; a tab parts cells
        rf"(?P<unit>{units})"
        r"(?:\s*[至到\-—–~～]\s*(?P<max2>\d+(?:\.\d+)?)\s?(?P=unit))?"  # 800元至1200元
        r"|百分之(?P<pct>[〇零一二两三四五六七八九十百点]{1,8})"
        rf"|(?<![〇零一二两三四五六七八九十百千万每第前近后这漏落统唯同逐之])(?P<cn>[〇零一二两三四五六七八九十百千万]{{1,8}})(?P<cnunit>{units})"
    )


_BASELINE = re.compile(r"\s*(?:左右)?(?:提高|提升|增加|增长|扩大|降低|下降|减少|压减|调整|调增|调减)(?:到|至|为)")
_HEADING_LABEL = re.compile(r"^\s*(?:\d+\s*[.．、]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|第[一二三四五六七八九十百]+条)")
def _comparator(pre: str, post: str) -> str:
    """``>=``/``<=``/… from a word after the unit (…以上) or the last comparator word before the number."""
    comp = rules()["comparators"]
    for word in sorted(comp["after"], key=len, reverse=True):
        if post.startswith(word):
            return comp["after"][word]
    words = "|".join(map(re.escape, sorted(comp["before"], key=len, reverse=True)))
    hits = list(re.finditer(words, pre))
    return comp["before"][hits[-1].group(0)] if hits else "="


def _compared(pre: str, post: str, value: float) -> bool:
    """True when a comparator word touches the number (不超过3年, 5年以上) and the value is small."""
    comp = rules()["comparators"]
    return value < 100 and (pre.rstrip().endswith(tuple(comp["before"])) or post.startswith(tuple(comp["after"])))


def _year(text: str, start: int) -> Optional[int]:
    """Deadline year: the last year phrase of the number's sentence, else an earlier 到YYYY年 in the text."""
    s = max((m.end() for m in _SENT.finditer(text, 0, start)), default=0)
    years = [int(m.group(2)) for m in _YEAR.finditer(text, s, start) if int(m.group(2)) >= 2010]
    for name, y in rules()["plan_periods"].items():
        if name in text[s:start]:
            years.append(y)
    if years:
        return years[-1]
    earlier = [int(m.group(1)) for m in _DEADLINE.finditer(text, 0, start)]
    return earlier[-1] if earlier else None


def _scope(pre: str) -> Optional[str]:
    words = rules()["scope_words"]
    hits = [(m.start(), m.group(0)) for m in re.finditer(r"每[^，,。；;、的\d\s]{1,10}?(?=\s*(?:不|至少|最|配|有|按|建|开展|发布|提供|给予|[\d一两二三]|$))", pre)]
    hits += [(pre.rfind(w), w) for w in words if w in pre]
    return max(hits, key=lambda h: (h[0] + len(h[1]), len(h[1])))[1] if hits else None


def _strip(phrase: str, words: list[str], lead: bool) -> str:
    """Repeatedly remove any of ``words`` from the start (``lead``) or the end of ``phrase``."""
    ordered = sorted(words, key=len, reverse=True)
    changed = True
    while changed and phrase:
        changed = False
        for w in ordered:
            if lead and phrase.startswith(w):
                phrase, changed = phrase[len(w):], True
                break
            if not lead and phrase.endswith(w):
                phrase, changed = phrase[: -len(w)], True
                break
    return phrase


def _noun_after(post: str) -> str:
    """The noun phrase right after a number's unit (1所示范性养老机构 → 示范性养老机构),
    past further listed values (150 元、100 元、50 元的补贴 → 补贴)."""
    units = unit_alternation()
    post = re.sub(rf"^(?:\s*[、和或及]\s*\d+(?:\.\d+)?\s*(?:{units}))+", "", post)
    noun = _strip(post.lstrip(), rules()["after_unit_words"], lead=True)
    return re.split(r"[，,。；;、：:（(]|的(?!士)", noun)[0]


def _indicator(pre: str, post: str, unit: str, scope: Optional[str], before: str = "") -> str:
    """Short noun phrase for what is measured.

    The phrase before the number, cut at its comparator word and stripped of
    time, scope, lead-in and trailing verb words; for counts after a bare
    verb (建成1所…), or when nothing is left, the noun after the unit, else
    the ``before`` phrase of the same sentence.
    """
    r = rules()
    phrase = _YEAR.sub("", pre)
    comps = "|".join(map(re.escape, sorted(r["comparators"]["before"], key=len, reverse=True)))
    phrase = re.split(comps, phrase)[0]
    if scope:
        phrase = phrase.replace(scope, "")
    phrase = _strip(phrase.strip(), r["scope_words"] + r["lead_words"], lead=True)
    phrase = _strip(phrase, r["trailing_words"], lead=False)
    core = _strip(phrase, r["verbs_before_count"], lead=False)
    counted = unit in r["count_units"]
    if not core or (counted and core != phrase and len(core) <= 4):
        noun = _noun_after(post)
        if len(noun) >= 2:
            return noun + ("数量" if counted else "")
    if not (core or phrase) and before:
        return _indicator(before, "", "", None)
    return core or phrase


def _inline_targets(text: str, skip: list[tuple[int, int]]) -> list[Target]:
    r = rules()
    masked = _TITLE.sub(lambda m: "□" * len(m.group(0)), text)
    out: list[Target] = []
    last_sentence = -1
    for m in _number_re().finditer(masked):
        start = m.start()
        if any(s <= start < e for s, e in skip):
            continue
        phrase_start = max((x.end() for x in _PHRASE.finditer(masked, 0, start)), default=0)
        sent_start = max((x.end() for x in _SENT.finditer(masked, 0, start)), default=0)
        pre = text[phrase_start:start].strip()
        sentence = masked[sent_start:min([x.start() for x in _SENT.finditer(masked, start)] + [len(masked)])]
        if any(re.search(p, sentence.strip()) for p in r["not_target_sentences"]):
            continue  # 截至2023年底…达6.2万人 (the present), 得5分 (a scoring rule)
        whole = masked[max((x.end() for x in _FULL_SENT.finditer(masked, 0, start)), default=0):start]
        if _PAST_OPENER.match(whole) and not _FUTURE.search(sentence):
            continue  # 近年来，…；建成…412个、…58家: the rest of a sentence about the present
        if masked[start - 1:start] in ("“", '"', "‘"):
            continue  # “15分钟养老服务圈”: a name, not a standard
        if m.group("pct"):
            value, vmax, unit = chinese_number(m.group("pct")), None, "%"
            if value is None:
                continue
        elif m.group("cn"):
            value, vmax, unit = chinese_number(m.group("cn")), None, m.group("cnunit")
            lead = text[sent_start:start]
            if (not value  # 0: （万元） is a unit, not 万 of 元
                    or unit not in r["chinese_numeral_units"] or masked[m.end():m.end() + 1] in ("性", "一")
                    or text[start - 1:start] in ("“", "‘", '"')  # “一张图”: a slogan
                    or (sent_start == 0 and _HEADING_LABEL.match(text) and len(sentence) <= 20)):  # 一次性, 一人一档, 4. 建设四个阵地
                continue
            if unit == "次" and (not re.search(r"每|至少|不少于", lead) or re.search(r"每\d", lead)):
                continue  # 每2年调整一次: the period is the figure, not 一次
            if unit != "次" and not any(cue in lead for cue in r["chinese_numeral_cues"]):
                continue
            if unit in r["chinese_numeral_compared_units"] and not _compared(pre, "", value or 0):
                continue  # 享受两项补贴: a name, not 不少于五项
            if unit != "次" and sentence.count(m.group(0)) >= 2:  # 建成一处、运营一处、见效一处: a slogan
                continue
        else:
            value, unit = to_number(m.group("num") or m.group("num2")), m.group("unit") or m.group("unit2")
            high = m.group("max") or m.group("max2") or m.group("max3")
            vmax = to_number(high) if high else None
            if pre.endswith(("第", "满", "以下", "如下", "下列")) or unit in r["excluded_units"] \
                    or (value == 1 and re.search(r"每(?:超过|超出|增加|多|提供|新增|新建|建成|建设|改造|服务|接收|收住)?$", pre)):  # 第3条; 满6个月; 每超过1人
                continue
            if pre.endswith("前") and unit in r["calendar_units"]:  # 每季度末前5个工作日内报送: a calendar
                continue
            if unit in r["comparator_units"] and not _compared(pre, text[m.end():], value):
                continue  # 2025年, 每2年: a year or a period, not a duration standard
            if _BASELINE.match(text, m.end()) and re.search(r"[由从]", text[sent_start:start]):
                continue  # 由2023年的38%提高到60%: the baseline, not the target
        if unit in r["count_units"] and re.search(r"对(?:全[县区市旗])?\d+(?:所|家|个|处|张|名|户|间|座)",
                                                  masked[phrase_start:m.end()]):
            continue  # 对全县23所敬老院和9家民办养老机构实行包保: the objects of a duty, not a target
        bad_next = r["not_after_unit"].get(unit)
        if bad_next and re.match(bad_next, masked[m.end():]):
            continue
        post = text[m.end():]
        end = min([x.start() for x in _PHRASE.finditer(text, m.end())] + [len(text)])
        scope = _scope(text[sent_start:start])
        before = re.split(r"[，,；;：:、]", text[sent_start:phrase_start].rstrip("，,；;：:、 "))[-1]
        t = Target(
            indicator=_indicator(pre, post, unit, scope, before), value=value, unit=unit.replace("％", "%"),
            comparator=_comparator(pre, post), year=_year(text, start), scope=scope,
            text=text[phrase_start:end].strip(), value_max=vmax,
        )
        if not pre and text[phrase_start - 1:phrase_start] == "、" and out and last_sentence == sent_start:
            t.indicator, t.scope = out[-1].indicator, out[-1].scope  # 30平方米、20平方米: a listed value
            t.comparator = out[-1].comparator if t.comparator == "=" else t.comparator
        out.append(t)
        last_sentence = sent_start
    return out


def states_present(heading: str) -> bool:
    """True for a heading over the present, not goals: 一、发展基础, 第一节 “十三五”时期发展成就."""
    return bool(re.match(rules()["present_state_headings"], heading.strip()))


def extract_targets(text: str) -> list[Target]:
    """Quantitative targets and standards in one clause (also annex tables).

    Parameters
    ----------
    text : str
        The clause text; annex tables arrive one cell per line or one row per line.

    Returns
    -------
    list of Target
        One per stated number, running text first, then table rows (a number
        stated twice yields two targets). Years, dates, document and article numbers and
        ages (周岁) are not targets.
    """
    lines = text.split("\n")
    if states_present(lines[0]):
        return []  # 一、发展基础: the present, not a goal
    table, used = table_targets(lines)
    skip, pos = [], 0
    for i, line in enumerate(lines):
        if i in used:
            skip.append((pos, pos + len(line)))
        pos += len(line) + 1
    out = _inline_targets(text, skip) + table
    for t in out:  # 200元/人·月 → 200 元, scope 每人每月
        t.unit, per = split_rate(t.unit)
        t.scope = t.scope or per
    return out
