"""Build the policy knowledge graph (networkx MultiDiGraph) from ingested documents.

Node and edge types are defined in :mod:`graph.schema`; references to the
same policy are resolved once for the whole corpus (:mod:`graph.references`),
so the graph is the same whatever the order of ``docs``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any, Optional

import networkx as nx

from graph import schema as S
from graph.departments import home, jurisdiction, preferred_name, qualified_name
from graph.references import References
from graph.regions import Place, chain, level_of_title, place_chain
from ingest.model import Citation, Clause, Document
from ingest.prefixes import issuer_for_number


def _node(G: nx.MultiDiGraph, nid: str, ntype: str, **attrs: Any) -> str:
    """Add (or update) a node; None values are not stored."""
    G.add_node(nid, type=ntype, **{k: v for k, v in attrs.items() if v is not None})
    return nid


def _edge(G: nx.MultiDiGraph, u: str, v: str, etype: str, **attrs: Any) -> None:
    """Add one edge of ``etype`` from u to v (the key is the type: never duplicated)."""
    if not G.has_edge(u, v, key=etype):
        G.add_edge(u, v, key=etype, type=etype, **{k: x for k, x in attrs.items() if x is not None})


def _places(G: nx.MultiDiGraph, places: list[Place]) -> Optional[str]:
    """Add a region chain (most specific first) with part_of edges; return the first region's id."""
    ids = [_node(G, S.region_id(name), S.REGION, name=name, level=level) for name, level in places]
    for child, parent in zip(ids, ids[1:]):
        _edge(G, child, parent, S.PART_OF)
    return ids[0] if ids else None


def _doc_chain(doc: Document, place: str) -> list[Place]:
    """The region chain of ``place`` using the document's own places when it is one of them."""
    full = chain(doc.region, doc.city, doc.province)
    names = [name for name, _ in full]
    return full[names.index(place):] if place in names else place_chain(place)


def _issuer_places(info: dict[str, str]) -> list[Place]:
    if info.get("level") == "national":
        return chain()
    return chain(info.get("region"), info.get("city"), info.get("province"))


def _offices(G: nx.MultiDiGraph, policy: str, names: list[str], places: list[Place]) -> None:
    region = _places(G, places) if places else None
    for name in names:
        office = _node(G, S.office_id(name), S.OFFICE, name=name)
        _edge(G, policy, office, S.ISSUED_BY)
        if region:
            _edge(G, office, region, S.IN)


def _add_document(G: nx.MultiDiGraph, doc: Document) -> str:
    pid = _node(
        G, S.policy_id(doc.doc), S.POLICY, number=doc.doc, name=doc.doc, title=doc.title, in_corpus=True,
        level=doc.level, date=doc.date, issuer="、".join(doc.issuers) or None, region=home(doc),
        kind="policy", source=doc.source or None,
    )
    places = chain(doc.region, doc.city, doc.province)
    _edge(G, pid, _places(G, places), S.APPLIES_TO)
    _offices(G, pid, doc.issuers, places)
    return pid


def _add_clause(G: nx.MultiDiGraph, pid: str, doc: Document, c: Clause, dept_names: dict) -> None:
    cid = _node(
        G, S.clause_id(c.clause_id), S.CLAUSE, clause_id=c.clause_id, doc=c.doc, path=list(c.path),
        label=c.label, name=f"{c.doc} {c.label or c.kind}", heading=c.heading, text=c.text, kind=c.kind,
        depth=c.level, order=c.order,
    )
    _edge(G, pid, cid, S.HAS_PART)
    if c.parent_id:
        _edge(G, cid, S.clause_id(c.parent_id), S.PART_OF)
    for m in c.departments:
        place = jurisdiction(m.name, doc)
        canonical = m.canonical or m.name
        did = _node(G, S.department_id(place, canonical), S.DEPARTMENT, canonical=canonical, jurisdiction=place)
        dept_names[did].append(qualified_name(m.name, doc))
        _edge(G, cid, did, m.role, name=m.name)
        _edge(G, did, _node(G, S.department_type_id(canonical), S.DEPARTMENT_TYPE, name=canonical), S.INSTANCE_OF)
        _edge(G, did, _places(G, _doc_chain(doc, place)), S.IN)
    for i, t in enumerate(c.targets):
        tid = _node(
            G, S.target_id(c.clause_id, i), S.TARGET, name=t.indicator or t.text, indicator=t.indicator,
            value=float(t.value), unit=t.unit, comparator=t.comparator, year=t.year, scope=t.scope, text=t.text,
            value_max=None if t.value_max is None else float(t.value_max), doc=c.doc, clause=c.clause_id,
        )
        _edge(G, cid, tid, S.SETS)


def _cite(G: nx.MultiDiGraph, refs: References, source: str, c: Citation, cited: dict) -> None:
    nid = refs.node_id(c)
    own = S.policy_id(G.nodes[source].get("doc", "")) if G.nodes[source]["type"] == S.CLAUSE else source
    if nid is None or nid == own:
        return
    cited[nid].append(c)
    _edge(G, source, nid, S.CITES)
    if c.basis and G.nodes[source]["type"] == S.POLICY and nid.startswith("policy:"):
        _edge(G, source, nid, S.BASED_ON)


def _add_external(G: nx.MultiDiGraph, refs: References, nid: str, cits: list[Citation]) -> None:
    """Attributes of a cited policy or standard that is not in the corpus."""
    title = refs.title_of(nid)
    if nid.startswith("standard:"):
        code = next((c.number for c in cits if c.number), None)
        key = nid[len("standard:"):]
        level = "national" if key.startswith("GB") else "local" if key.startswith("DB") else "industry"
        _node(G, nid, S.STANDARD, code=key if code else None, name=key if code else title, title=title,
              level=level if code else None)
        return
    number = next((c.number for c in cits if c.number), None)
    if number is None and nid.startswith("policy:") and not nid.startswith("policy:title:"):
        number = nid[len("policy:"):]
    info = issuer_for_number(number) if number else None
    issuers = Counter(c.issuer for c in cits if c.issuer)
    issuer = info["issuer"] if info else (issuers.most_common(1)[0][0] if issuers else None)
    _node(
        G, nid, S.POLICY, number=number, name=number or title, title=title, in_corpus=False,
        level=info["level"] if info else level_of_title(title), issuer=issuer,
        kind=Counter(c.kind for c in cits).most_common(1)[0][0],
    )
    if info:
        places = _issuer_places(info)
        _edge(G, nid, _places(G, places), S.APPLIES_TO)
        _offices(G, nid, issuer.split(), places)
    elif issuer:
        _offices(G, nid, issuer.split(), [])


def build_graph(docs: list[Document]) -> nx.MultiDiGraph:
    """The knowledge graph of a corpus.

    Parameters
    ----------
    docs : list of Document
        Ingested documents (with their clause trees and extractions).

    Returns
    -------
    networkx.MultiDiGraph
        Nodes and edges typed as in :mod:`graph.schema` (attribute ``type``);
        edge keys equal edge types. Policies cited but not in the corpus are
        external ``Policy`` nodes (``in_corpus=False``).
    """
    G = nx.MultiDiGraph(name="policykg")
    refs = References(docs)
    docs = sorted(docs, key=lambda d: d.doc)
    pids = {d.doc: _add_document(G, d) for d in docs}
    dept_names: dict[str, list[str]] = defaultdict(list)
    cited: dict[str, list[Citation]] = defaultdict(list)
    for d in docs:
        for c in d.clauses:
            _add_clause(G, pids[d.doc], d, c, dept_names)
    for d in docs:
        for cit in d.citations:
            _cite(G, refs, pids[d.doc], cit, cited)
        for c in d.clauses:
            for cit in c.citations:
                _cite(G, refs, S.clause_id(c.clause_id), cit, cited)
    for nid in sorted(cited):
        if not G.nodes[nid].get("in_corpus"):
            _add_external(G, refs, nid, cited[nid])
    for did, names in dept_names.items():
        G.nodes[did]["name"] = preferred_name(names)
    return G
