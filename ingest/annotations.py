"""Responsibility annotations: which departments lead, support or are responsible for a clause.

An annotation closes the clause it belongs to: in parentheses with role labels
(（牵头单位：县民政局；配合单位：县财政局）), with role verbs (（县民政局牵头，县财政局配合）),
as an unlabeled list of departments after a sentence (（民政局、财政局）), or unbracketed on a
line of its own or at the end of a task-list line (责任单位：县民政局（牵头），县财政局).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator, Optional

from ingest.department_names import CLOSE, OPEN, canonical, looks_like_department, split_items, vocabulary
from ingest.model import DepartmentMention
from ingest.normalize import is_complete

_PART_SEP = "；;。"
_BEFORE_LIST = "。；;.!！?？\n"
_LEADER = re.compile(r"^[\u4e00-\u9fff]{0,4}(?:领导|责任人)\s*[:：∶][^；;（(]*[；;]\s*")
_LEAD_MARK = re.compile(r"[（(]牵头[）)]$")
_FIELD = re.compile(r"[\s；;，,。]*(?:[\u4e00-\u9fff]{0,2}(?:时限|时间|节点)|[\u4e00-\u9fff]{0,4}(?:责任人|负责人|联系人))"
                    r"\s*[:：∶]")  # 完成时限：…, 整改时限：…, 包保责任人：… after a department list


@lru_cache(maxsize=1)
def _label_re() -> re.Pattern[str]:
    v = vocabulary()
    stems = "|".join(sorted(map(re.escape, v["roles"]), key=len, reverse=True))
    nouns = "|".join(map(re.escape, v["role_nouns"]))
    bare = "|".join(map(re.escape, v["bare_roles"]))  # 牵头：县民政局；配合：县财政局 (no 单位)
    return re.compile(rf"(?:(?P<stem>{stems})(?:{nouns})|(?<![\u4e00-\u9fff])(?P<bare>{bare}))\s*[:：∶]\s*")  # ∶ from Word


@lru_cache(maxsize=1)
def _verb_re() -> re.Pattern[str]:
    verbs = "|".join(sorted(map(re.escape, vocabulary()["role_verbs"]), key=len, reverse=True))
    return re.compile(rf"^由?(?P<list>.+?)等?(?P<verb>{verbs})$")


def _groups(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, inner text) of top-level parenthesized groups; an unclosed group runs to the end."""
    depth, start = 0, -1
    for i, ch in enumerate(text):
        if ch in OPEN:
            if depth == 0:
                start = i
            depth += 1
        elif ch in CLOSE and depth > 0:
            depth -= 1
            if depth == 0:
                yield start, i + 1, text[start + 1:i]
    if depth > 0:
        yield start, len(text), text[start + 1:]


def _labeled(inner: str) -> list[DepartmentMention]:
    """Mentions of an annotation whose inner text holds one or more ``label：list`` parts."""
    label = _label_re()
    roles = vocabulary()["roles"]
    marks = list(label.finditer(inner))
    out = []
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(inner)
        body = _FIELD.split(inner[m.end():end])[0].split("。")[0].rstrip(_PART_SEP + " \n")  # 。列第一位的为牵头单位: a note
        role = roles[m.group("stem") or m.group("bare")]
        verbal = _verb_form(body, default=role)  # 责任单位：县民政局牵头，县财政局、县人社局按职责分工负责
        if verbal:
            out.extend(verbal)
            continue
        for name in split_items(body):
            name, marked = _marked_lead(name)  # 县民政局（牵头）
            out.append(DepartmentMention(name, canonical(name), "lead" if marked else role))
    return out


def _marked_lead(name: str) -> tuple[str, bool]:
    """``县民政局（牵头）`` → (``县民政局``, True): a lead marked inside a list."""
    m = _LEAD_MARK.search(name)
    return (name[:m.start()], True) if m and m.start() >= 2 else (name, False)


def _top_level_parts(inner: str) -> list[str]:
    """``inner`` split at ，； outside nested parentheses (各县（市、区）人民政府 stays whole)."""
    parts, buf, depth = [], "", 0
    for ch in inner:
        depth += (ch in OPEN) - (ch in CLOSE)
        if depth == 0 and ch in "，,；;":
            parts.append(buf)
            buf = ""
        else:
            buf += ch
    return [p.strip() for p in parts + [buf] if p.strip()]


def _verb_form(inner: str, default: Optional[str] = None) -> Optional[list[DepartmentMention]]:
    """Mentions of an annotation written with verbs instead of labels, or None.

    ``（省民政厅牵头，省财政厅、省国资委配合）``, ``（省住房城乡建设厅、省民政厅按职责分工负责）``:
    every part is a department list closed by a role verb (``role_verbs`` in the
    vocabulary). Beside a lead, the departments "responsible by their duties" support it.
    Inside a label (``default`` is the label's role) a part without a verb takes that
    role: 牵头单位：县民政局，县财政局、县卫健委配合.
    """
    verbs, kept = vocabulary()["role_verbs"], set(vocabulary()["verbs_kept_beside_lead"])
    parts: list[tuple[str | None, list[str], bool]] = []
    pending = 0  # parts without a verb waiting for the next one's: X、Y，Z按职责分工负责
    for part in _top_level_parts(inner):
        m = _verb_re().match(part)
        items = split_items(m.group("list") if m else part)
        if not items or not all(looks_like_department(x) for x in items):
            return None
        role = verbs[m.group("verb")] if m else default
        keep = bool(m) and m.group("verb") in kept
        if m and pending:
            parts[-pending:] = [(role, its, keep) for _, its, _ in parts[-pending:]]
        pending = pending + 1 if role is None else 0
        parts.append((role, items, keep))
    if pending:
        return None
    if not any(_verb_re().match(p) for p in _top_level_parts(inner)):
        return None
    has_lead = any(role == "lead" for role, _, _ in parts)
    return [DepartmentMention(x, canonical(x), "support" if role == "responsible" and has_lead and not keep else role)
            for role, items, keep in parts for x in items]


def _label_lines(text: str) -> list[tuple[int, int, list[DepartmentMention]]]:
    """Annotations not in parentheses, running to the end of their line: a line of its own
    below an item (``责任单位：县民政局、县财政局``, ``牵头单位：县民政局  配合单位：县卫健委``),
    the end of a task-list line after its sentence (``…调整。责任单位：县民政局（牵头），县财政局``)
    or a heading line after a gap (``（一）实施居家上门服务　责任单位：市民政局``)."""
    groups = [(s, e) for s, e, _ in _groups(text)]
    out, pos = [], 0
    for line in text.split("\n"):
        # at the start of the line, after the sentence it closes (…动态调整。责任单位：县民政局（牵头），…)
        # or apart from a heading (（一）实施居家上门服务　责任单位：市民政局)
        for m in _label_re().finditer(line):
            head = line[:m.start()]
            if head.strip() and head.rstrip()[-1] not in "。；;" and not head[-1:].isspace():
                continue
            start = pos + m.start()
            if any(s <= start < e for s, e in groups):
                break
            mentions = _labeled(line[m.start():].strip())
            if mentions and all(looks_like_department(d.name) for d in mentions):  # not a web footer
                out.append((start, pos + len(line.rstrip()), mentions))
            break
        pos += len(line) + 1
    return out


def annotations(text: str) -> list[tuple[int, int, list[DepartmentMention]]]:
    """Responsibility annotations in ``text`` as (start, end, mentions).

    A group counts when its inner text opens with a role label (牵头单位：…) or,
    following a sentence end, when it is written with role verbs (X牵头，Y配合) or
    is an unlabeled list whose every item looks like a department (then all are
    ``responsible``).
    """
    out = _label_lines(text)
    for start, end, inner in _groups(text):
        squeezed = _LEADER.sub("", inner.strip())  # 责任领导：县政府分管副县长；牵头单位：… names a post first
        m = _label_re().match(squeezed)
        if m:
            out.append((start, end, _labeled(squeezed)))
            continue
        before = text[:start].rstrip(" \t")
        if before and before[-1] not in _BEFORE_LIST:
            continue
        if verbal := _verb_form(squeezed):
            out.append((start, end, verbal))
            continue
        items = split_items(squeezed)
        if items and all(looks_like_department(x) for x in items):
            out.append((start, end, [DepartmentMention(x, canonical(x), "responsible") for x in items]))
    return out


def closing_annotation(text: str) -> Optional[tuple[int, list[DepartmentMention]]]:
    """An annotation ending ``text`` below its first line, as (start, mentions), or None.

    ``text`` is a list item (① …, （三）…); its first line must be a finished
    sentence (a heading-only line starts a section, not an item). An annotation
    on a later line — alone, or closing a paragraph that follows the item — closes
    the clause the items belong to, not the last item (see
    :func:`ingest.enrich.lift_closing_annotations`).
    """
    found = annotations(text)
    first, _, rest = text.partition("\n")
    if not found or not rest or not is_complete(first):
        return None
    start, end, mentions = found[-1]
    if text[end:].strip() or start <= len(first):
        return None
    return start, mentions
