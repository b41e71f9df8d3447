"""Targets stated in tables: one row per line, a header row over a value row, and tables
whose columns are aligned by spaces or drawn with markdown bars under a header that names the
indicator, unit and target columns (a baseline column such as 2023年基数 is not a target)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ingest.model import Target
from ingest.numerals import to_number
from ingest.target_rules import LABEL_UNIT, is_unit, rules, split_rate, unit_alternation

_CELLS = re.compile(r"\s{2,}|\t")


def _cells(line: str) -> list[str]:
    """The cells of a table row: parts apart by two or more spaces or a tab (markdown bars are gaps by now)."""
    return [c for c in _CELLS.split(line.strip()) if c]


def _is_rule(cells: list[str]) -> bool:
    """True for the ``| --- | --- |`` line under a markdown header."""
    return all(set(c) <= set("-:—") for c in cells)


@lru_cache(maxsize=1)
def _row_re() -> re.Pattern[str]:
    units = unit_alternation()
    return re.compile(
        r"^\s*(?:\d{1,3}\s+)?(?P<label>[^，,。；;\s][^，,。；;]*?)\s+"
        rf"(?P<num>\d+(?:\.\d+)?)\s?(?P<unit>{units})?(?=\s|$)(?P<rest>[^，,。；;]*)"
    )


def _row_target(line: str) -> Optional[Target]:
    """A target from a table row on one line: ``[序号] label value [period …]``.

    The unit is the value cell's, else the label's trailing ``（个）``; the
    year is the last year of the cell after the value (2024—2025年 → 2025).
    """
    m = _row_re().match(line)
    if not m:
        return None
    label = m.group("label").strip()
    label_unit = LABEL_UNIT.search(label)
    unit = m.group("unit") or (label_unit.group(1) if label_unit else None)
    if not unit or not is_unit(unit) or unit in rules()["excluded_units"] + rules()["comparator_units"]:
        return None
    if not (label_unit or m.group("rest").strip()):
        return None
    period = m.group("rest").split()
    years = [int(y) for y in re.findall(r"20\d{2}", period[0])] if period else []
    return Target(indicator=LABEL_UNIT.sub("", label).strip(), value=to_number(m.group("num")),
                  unit=unit.replace("％", "%"), comparator="=", year=max(years) if years else None,
                  text=line.strip())


def _unit_row_targets(lines: list[str], i: int) -> list[Target]:
    """Targets of a row that names its unit and holds one value per column:
    ``机构护理（元/人·天） | 40 | 50 | 60`` under ``护理服务方式 | 一级 | 二级 | 三级`` gives 40, 50, 60 元,
    each scoped by its column."""
    cells = _cells(lines[i])
    label = LABEL_UNIT.search(cells[0]) if cells else None
    if len(cells) < 3 or not label or not is_unit(label.group(1)) \
            or not all(_CELL_VALUE.match(c) for c in cells[1:]):
        return []
    head: list[str] = []
    for k in range(i - 1, max(i - 6, -1), -1):  # the nearest header line of as many cells, without figures
        above = _cells(lines[k])
        if _is_rule(above):
            continue
        if len(above) == len(cells) and not any(re.search(r"\d", c) for c in above):
            head = above
            break
    unit, per = split_rate(label.group(1).replace("％", "%"))
    out = []
    for j, cell in enumerate(cells[1:], 1):
        m = _CELL_VALUE.match(cell)
        scope = "".join(x for x in (head[j] if head else None, per) if x) or None
        out.append(Target(indicator=LABEL_UNIT.sub("", cells[0]).strip(), value=to_number(m.group("num")),
                          unit="%" if m.group("unit") else unit, comparator=_CELL_CMP.get(m.group("cmp") or "", "="),
                          scope=scope, text=lines[i].strip()))
    return out


def _column_targets(header: str, values: str) -> list[Target]:
    """Targets of a table laid out as one header row over one value row (cells space-separated)."""
    heads, vals = header.split(), values.split()
    if len(vals) < 2 or len(heads) != len(vals) or not all(re.fullmatch(r"[\d.]+%?", v) for v in vals):
        return []
    out = []
    for h, v in zip(heads, vals):
        lu = LABEL_UNIT.search(h)
        unit = "%" if v.endswith("%") else (lu.group(1) if lu else "")
        if unit and is_unit(unit):
            out.append(Target(indicator=LABEL_UNIT.sub("", h), value=to_number(v.rstrip("%")), unit=unit,
                              text=f"{h} {v}"))
    return out


_PIPE = re.compile(r"\|")
_ONE_CELL = re.compile(r"^\|[^|]*\|$")
_CELL_VALUE = re.compile(r"^(?P<cmp>≥|≤|>|<|＞|＜|不低于|不少于|不超过|不高于|力争)?\s*(?P<num>\d+(?:\.\d+)?)"
                         r"(?:\s*[—–\-~～至]\s*(?P<max>\d+(?:\.\d+)?))?\s*(?P<unit>%|％)?$")  # 60, ≥80%, 50—55
_CELL_CMP = {"≥": ">=", "不低于": ">=", "不少于": ">=", "≤": "<=", "不超过": "<=", "不高于": "<=",
             ">": ">", "＞": ">", "<": "<", "＜": "<"}


_BASE_COLUMN = re.compile(r"基数|基期|基准|现状|实际|预计|完成")


def _header_columns(cells: list[str]) -> Optional[tuple[int, Optional[int], list[tuple[int, Optional[int]]]]]:
    """(label column, unit column, [(target column, its year)]) of a table header row, or None.

    A header names an indicator column (指标/名称/项目/内容/任务) and target columns (each
    …目标…, else every year column but a baseline: 2026年 | 2028年 | 2030年, not 2025年基数). The unit is a column of its own (单位) or
    written into each row's label (社区长者食堂累计数（家）).
    """
    label = next((i for i, c in enumerate(cells) if re.search(r"指标|名称|项目|内容|任务", c)), None)
    unit = next((i for i, c in enumerate(cells) if c in ("单位", "计量单位")), None)
    goals = [i for i, c in enumerate(cells) if "目标" in c] or [
        i for i, c in enumerate(cells) if re.search(r"20\d{2}\s*年", c) and not _BASE_COLUMN.search(c)]
    if label is None or not goals or label in goals:
        return None
    years = [re.findall(r"20\d{2}", cells[g]) for g in goals]
    return label, unit, [(g, int(y[-1]) if y else None) for g, y in zip(goals, years)]


_NOTE = re.compile(r"\s*[（(][^（()）]*[)）]\s*$")


def _label_unit(name: str) -> tuple[str, str]:
    """(unit, indicator) of a row label: 床位总数（张） → (张, 床位总数); a label whose bracket is a
    note, not a unit, counts in the unit it ends with: 培训人次（“十四五”累计） → (人次, the label)."""
    m = LABEL_UNIT.search(name)
    if m and is_unit(m.group(1)):
        return m.group(1), LABEL_UNIT.sub("", name).strip()
    bare = _NOTE.sub("", name)
    ends = [u for u in rules()["count_units"] if bare.endswith(u)]
    return (max(ends, key=len), name) if ends else ((m.group(1), name) if m else ("", name))


def _aligned_table(lines: list[str]) -> tuple[list[Target], set[int]]:
    """Targets of whitespace-aligned tables (cells apart by 2+ spaces or tabs) under a header row
    with indicator, unit and target columns; baseline columns (2022年基数) are not targets.

    Returns the targets and the indices of the lines they consumed.
    """
    out: list[Target] = []
    used: set[int] = set()
    cols = None
    for i, line in enumerate(lines):
        cells = _cells(line)
        if cols is not None and len(cells) == 1 and not re.search(r"[\d，,。；;]", cells[0]):
            continue  # | 一、养老服务供给 | | | |: a category row inside the table
        if len(cells) < 3:
            cols = None
            continue
        header = _header_columns(cells)
        if header:
            cols = header
            used.add(i)
            continue
        if cols is None:
            continue
        label, unit_col, goals = cols
        offset = 0 if re.fullmatch(r"\d{1,3}", cells[0]) or label == 0 else -1  # rows without a 序号 cell
        try:
            name = cells[label + offset]
            unit = cells[unit_col + offset] if unit_col is not None else None
        except IndexError:
            continue
        if unit is None:
            unit, name = _label_unit(name)
        for goal, year in goals:
            m = _CELL_VALUE.match(cells[goal + offset]) if 0 <= goal + offset < len(cells) else None
            if not m:
                continue
            unit_here = "%" if m.group("unit") else unit.replace("％", "%")
            if not is_unit(unit_here):
                continue
            out.append(Target(indicator=name, value=to_number(m.group("num")), unit=unit_here,
                              comparator=_CELL_CMP.get(m.group("cmp") or "", "="), year=year, text=line.strip(),
                              value_max=to_number(m.group("max")) if m.group("max") else None))
            used.add(i)
    return out, used


def _header_unit(head: str) -> tuple[str, Optional[str]]:
    """Unit and scope of a column header: 新增床位（张） → (张, None); 标准（元/人/月） → (元, 每人每月)."""
    m = LABEL_UNIT.search(head)
    return split_rate(m.group(1).replace("％", "%") if m else "")


_TOTALS = ("合计", "总计", "小计")
_EMPTY = ("—", "-", "－", "——", "/", "／", "无")  # a cell with no value: 三档 | 300 | — | 3
_YEAR_CELL = re.compile(r"^(20\d{2})\s*年(?:底|末)?(?:前|以前)?$")


def _matrix_table(lines: list[str]) -> tuple[list[Target], set[int]]:
    """Targets of a table whose header gives value columns a unit and whose rows are named.

    新增护理型床位（张）, …占比（%） over rows 万秀区 | 650 | ≥65: one target per value cell,
    scoped to its row; a single value column (标准（元/人/月）) over rows 轻度失能护理补贴 | … | 100
    gives one target per row, named by the row.
    """
    out: list[Target] = []
    used: set[int] = set()
    header: Optional[list[str]] = None
    value_cols: list[int] = []
    col_year: dict[int, int] = {}
    name = 0  # the column naming each row: the first, or the one after a 序号 column
    for i, line in enumerate(lines):
        cells = _cells(line)
        if not cells or (header is not None and len(cells) == 1 and cells[0] not in _TOTALS):
            continue  # a row end, a line joined into the row above, or a page's running head between rows
        if header is not None and len(cells) == len(value_cols) and all(
                re.search(r"20\d{2}", c) and not _CELL_VALUE.match(c) for c in cells):
            col_year = {j: int(re.findall(r"20\d{2}", c)[-1]) for j, c in zip(value_cols, cells)}
            used.add(i)  # a second header line: 2025—2027年累计 | 2027年底 | 2025年底, one per value column
            continue
        if header is not None and len(cells) != len(header) and not (
                cells[0] in _TOTALS and len(cells) == 2 and len(value_cols) == 1):
            header = None  # the table ended: this line may head the next one
        if header is None:
            name = 1 if cells[0] in ("序号", "编号", "序") else 0
            value_cols = [j for j, c in enumerate(cells) if j > name and LABEL_UNIT.search(c)
                          and is_unit(_header_unit(c)[0])]  # 标准（元/人/月）, not 建床补贴（一次性）
            if len(cells) >= 2 and value_cols and (len(value_cols) >= 2 or len(cells) - name <= 4) \
                    and not any(_CELL_VALUE.match(c) for c in cells):
                header, col_year = cells, {}
                used.add(i)
            continue
        if _is_rule(cells):
            continue
        if cells[0] in _TOTALS and len(cells) == 2 and len(value_cols) == 1 and (m := _CELL_VALUE.match(cells[1])):
            unit, per = _header_unit(header[value_cols[0]])  # 合计 390: the column's total
            out.append(Target(indicator=LABEL_UNIT.sub("", header[value_cols[0]]), value=to_number(m.group("num")),
                              unit="%" if m.group("unit") else unit, scope=cells[0], text=line.strip()))
            used.add(i)
            continue
        values = {j: _CELL_VALUE.match(cells[j]) for j in value_cols if j < len(cells) and cells[j] not in _EMPTY}
        if _CELL_VALUE.match(cells[name]):  # a row names itself
            header = None
            continue
        if not all(values.values()):  # 6O: an unreadable cell spoils its row, not the table
            continue
        year = next((int(y.group(1)) for c in cells if (y := _YEAR_CELL.match(c))), None)  # 完成时间 | 2026年
        for j, m in values.items():
            unit, per = _header_unit(header[j])
            unit = "%" if m.group("unit") else unit
            if is_unit(unit):
                many = len(value_cols) >= 2
                out.append(Target(indicator=LABEL_UNIT.sub("", header[j]) if many else cells[name],
                                  value=to_number(m.group("num")), unit=unit,
                                  comparator=_CELL_CMP.get(m.group("cmp") or "", "="), year=year or col_year.get(j),
                                  scope=cells[name] if many else per, text=line.strip()))
        for j, cell in enumerate(cells[1:], 1):  # 每月服务时长 | 不少于12小时: the unit in the cell
            if j not in values and (m := _unit_cell_re().match(cell)) \
                    and m.group("unit") not in rules()["excluded_units"] + rules()["comparator_units"]:
                out.append(Target(indicator=header[j], value=to_number(m.group("num")), unit=m.group("unit"),
                                  comparator=_CELL_CMP.get(m.group("cmp") or "", "="), scope=cells[name],
                                  year=year, text=line.strip()))
        used.add(i)
    return out, used


@lru_cache(maxsize=1)
def _unit_cell_re() -> re.Pattern[str]:
    """A table cell holding one figure with its unit: ``不少于12小时``, ``≥80%``."""
    units = unit_alternation()
    return re.compile(rf"^(?P<cmp>≥|≤|>|<|＞|＜|不低于|不少于|不超过|不高于)?\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>{units})$")


def _merge_cell_lines(lines: list[str]) -> tuple[list[str], dict[int, list[int]]]:
    """Rows of an HTML table written one cell per line (``| 补贴类别 |`` … then ``|``) joined into
    one line each, placed at the row's first line; returns the lines and, per joined row, the
    indices of the lines it took."""
    out, groups, run = list(lines), {}, []
    for i, line in enumerate(lines + ["|"]):
        if _ONE_CELL.match(line.strip()):
            run.append(i)
            continue
        if len(run) >= 2 and line.strip() == "|":
            out[run[0]] = "| " + " | ".join(lines[k].strip().strip("|").strip() for k in run) + " |"
            for k in run[1:]:
                out[k] = ""
            groups[run[0]] = run + ([i] if i < len(lines) else [])
        run = []
    return out, groups


def table_targets(lines: list[str]) -> tuple[list[Target], set[int]]:
    """Targets of the table rows among ``lines`` and the indices of the lines they came from.

    Markdown bars count as cell gaps, so a drawn table reads like an aligned one.
    """
    lines, groups = _merge_cell_lines(lines)
    lines = [_PIPE.sub("  ", ln) for ln in lines]
    table, used = _aligned_table(lines)
    matrix, in_matrix = _matrix_table([ln if i not in used else "" for i, ln in enumerate(lines)])
    table, used = table + matrix, used | in_matrix
    for i, line in enumerate(lines):
        if i in used:
            continue
        row = _unit_row_targets(lines, i) or (_column_targets(lines[i - 1], line) if i > 0 else []) or _row_target(line)
        rows = row if isinstance(row, list) else [row] if row else []
        if rows:
            table.extend(rows)
            used.add(i)
    return table, used | {k for i in used & groups.keys() for k in groups[i]}
