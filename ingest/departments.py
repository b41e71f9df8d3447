"""Departments named in a clause: responsibility annotations and running-text mentions.

Annotations (:mod:`ingest.annotations`) assign lead / support / responsible roles;
department names found elsewhere in the text are ``mentioned``. Names and their
functional types come from :mod:`ingest.department_names`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.annotations import annotations
from ingest.department_names import canonical, vocabulary
from ingest.model import DepartmentMention

__all__ = ["canonical", "extract_departments"]


@lru_cache(maxsize=1)
def _mention_re() -> re.Pattern[str]:
    v = vocabulary()
    names = sorted((k for k, c in v["aliases"].items()
                    if (len(k) >= 3 or k.endswith(("局", "委", "办"))) and c not in v["not_mentioned"]),
                   key=len, reverse=True)
    short = "|".join(map(re.escape, sorted(v["short_forms"], key=len, reverse=True)))
    prefix = r"(?:[县区市省]委?|本级|同级)?"
    return re.compile(
        rf"(?P<name>{prefix}(?:{'|'.join(map(re.escape, names))}))"
        rf"|(?P<run>(?:{short})(?:[、和及与](?:{short}))*)(?=等?(?:部门|牵头))"
    )


_TITLE = re.compile(r"《[^》]*》")
_RUN_SEP = re.compile(r"[、和及与]")


def extract_departments(text: str) -> list[DepartmentMention]:
    """Departments of one clause with their roles.

    Parameters
    ----------
    text : str
        The clause text (heading and body).

    Returns
    -------
    list of DepartmentMention
        Annotated departments (lead / support / responsible) in order of
        appearance, then departments named in running text as ``mentioned``,
        skipping any whose canonical type is already annotated. No duplicates.
    """
    found: list[DepartmentMention] = []
    seen: set[tuple[str, str]] = set()
    spans = []
    for start, end, mentions in annotations(text):
        spans.append((start, end))
        for d in mentions:
            if (d.name, d.role) not in seen:
                seen.add((d.name, d.role))
                found.append(d)
    assigned = {d.canonical for d in found}
    spans += [m.span() for m in _TITLE.finditer(text)]
    for m in _mention_re().finditer(text):
        if any(s <= m.start() < e for s, e in spans):
            continue
        names = [m.group("name")] if m.group("name") else _RUN_SEP.split(m.group("run"))
        for name in names:
            canon = canonical(name)
            if canon not in assigned:
                assigned.add(canon)
                found.append(DepartmentMention(name, canon, "mentioned"))
    return found
