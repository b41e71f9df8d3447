"""Records that flow from ingestion to the graph and the search indexes.

Defined once here and imported everywhere else. Plain dataclasses, so they
serialize with :func:`dataclasses.asdict` and compare by value in tests.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Optional

SCHEMA_VERSION = 1

ROLES = ("lead", "support", "responsible", "mentioned")
COMPARATORS = ("=", ">=", "<=", ">", "<")
LEVELS = ("national", "provincial", "city", "county")


@dataclass
class DepartmentMention:
    """A department named in a clause.

    ``name`` is the surface form as written (县民政局), ``canonical`` the
    functional type shared across jurisdictions (民政), ``role`` one of ROLES.
    """

    name: str
    canonical: str
    role: str


@dataclass
class Target:
    """A quantitative target or standard stated in a clause."""

    indicator: str
    value: float
    unit: str
    comparator: str = "="
    year: Optional[int] = None
    scope: Optional[str] = None
    text: str = ""
    value_max: Optional[float] = None


@dataclass
class Citation:
    """A policy, standard or list referred to by a document or clause.

    ``number`` is the 文号 or standard code (normalized brackets 〔〕), ``title``
    the text inside 《》; either may be None but not both. ``basis`` is True
    when the document is based on it (根据/依据/贯彻落实…精神).
    """

    number: Optional[str]
    title: Optional[str]
    kind: str = "policy"  # policy | standard | other
    basis: bool = False
    issuer: Optional[str] = None
    text: str = ""


@dataclass
class Clause:
    """One node of a document's clause tree.

    ``text`` is the clause's own heading and body up to its first child
    (never the children's text), as it appears in the source with line-break
    repairs; ``start``/``end`` are character offsets of the clause's span in
    the source file (its own part only). ``path`` lists heading labels from
    the document root down, e.g. ``["二", "（一）", "2"]``.
    """

    clause_id: str
    doc: str
    path: list[str]
    heading: str
    text: str
    level: int = 0
    kind: str = "clause"  # preamble | clause | annex
    parent_id: Optional[str] = None
    order: int = 0
    start: int = 0
    end: int = 0
    norm_text: str = ""  # for indexing: markup stripped, full-width folded, whitespace collapsed
    departments: list[DepartmentMention] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)

    @property
    def label(self) -> str:
        """Human position in the document, e.g. ``二、（一）2.``."""
        return position_label(self.path)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["label"] = self.label
        return d


@dataclass
class Document:
    """A policy document with its metadata and clause tree (clauses in reading order)."""

    doc: str  # 文号, brackets normalized to 〔〕
    title: str
    source: str = ""  # file name inside the corpus
    issuers: list[str] = field(default_factory=list)
    date: Optional[str] = None  # YYYY-MM-DD
    region: Optional[str] = None
    city: Optional[str] = None
    province: Optional[str] = None
    level: Optional[str] = None
    header: str = ""  # the 通知 wrapper and everything before the first clause
    trailer: str = ""  # 印发 lines after the last clause or annex (2022年3月2日印发), then page marks (－ 3 －)
    clauses: list[Clause] = field(default_factory=list)  # reading order; annexes are kind="annex"
    citations: list[Citation] = field(default_factory=list)
    digest: str = ""  # sha256 of the source bytes

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["clauses"] = [c.to_dict() for c in self.clauses]
        return d


def position_label(path: list[str]) -> str:
    """Render a heading path as Chinese readers write it: 二、（一）2.

    Labels already carrying their own punctuation (（一）, ①, 第一条) are kept;
    bare Chinese numerals get 、 and bare digits get a full stop; the
    position labels of unnumbered bold headings read §4 ¶1.
    """
    out = []
    for p in path:
        if not p:
            continue
        if p[0] in "§¶":  # unnumbered bold headings, numbered by position: §4 ¶1
            out.append(p + " ")
        elif p[0] in "（(【①②③④⑤⑥⑦⑧⑨⑩第" or p[-1] in "）)】" or p.startswith("附件"):
            out.append(p)
        elif p.isdigit():
            out.append(p + ".")
        else:
            out.append(p + "、")
    return "".join(out).strip()


def clause_from_dict(d: dict[str, Any]) -> Clause:
    """Inverse of :meth:`Clause.to_dict`."""
    d = dict(d)
    d.pop("label", None)
    d["departments"] = [DepartmentMention(**x) for x in d.get("departments", [])]
    d["targets"] = [Target(**x) for x in d.get("targets", [])]
    d["citations"] = [Citation(**x) for x in d.get("citations", [])]
    return Clause(**d)


def document_from_dict(d: dict[str, Any]) -> Document:
    """Inverse of :meth:`Document.to_dict`."""
    d = dict(d)
    d["clauses"] = [clause_from_dict(c) for c in d.get("clauses", [])]
    d["citations"] = [Citation(**c) for c in d.get("citations", [])]
    return Document(**d)
