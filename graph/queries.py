"""Questions answered from the graph: policy lineage, departments' clauses, targets, counts.

All functions take the graph built by :func:`graph.build.build_graph` and
return plain JSON-ready dicts and lists (the CLI prints them as tables or JSON).
"""

from __future__ import annotations

from collections import Counter, deque
from typing import Any, Optional

import networkx as nx

from graph import schema as S
from graph.references import full_key, inner_key
from ingest.prefixes import normalize_number

_UP = (S.BASED_ON, S.CITES)
_LEVEL_RANK = {level: i for i, level in enumerate(reversed(S.LEVELS))}  # county 0 … national 3


def find_policy(G: nx.MultiDiGraph, ref: str) -> str:
    """The Policy node named by a node id, a 文号 (any bracket style) or a title.

    Raises
    ------
    KeyError
        When no policy matches; the message says what to pass instead.
    """
    number = normalize_number(ref)
    for nid in (ref, S.policy_id(ref), S.policy_id(number) if number else None):
        if nid and G.nodes.get(nid, {}).get("type") == S.POLICY:
            return nid
    for keyfn in (full_key, inner_key):
        hits = sorted(n for n, a in G.nodes(data=True) if a.get("type") == S.POLICY and a.get("title")
                      and keyfn(a["title"]) == keyfn(ref))
        if len(hits) == 1:
            return hits[0]
    raise KeyError(f"no policy {ref!r} in the graph; pass a 文号 such as 鲁政办发〔2022〕18号 or an exact title")


def _summary(G: nx.MultiDiGraph, nid: str) -> dict[str, Any]:
    a = G.nodes[nid]
    return {"id": nid, "number": a.get("number"), "title": a.get("title"), "level": a.get("level"),
            "in_corpus": bool(a.get("in_corpus"))}


def _policy_of(G: nx.MultiDiGraph, nid: str) -> Optional[str]:
    """A policy node itself, or the document of a clause."""
    a = G.nodes[nid]
    if a["type"] == S.POLICY:
        return nid
    return S.policy_id(a["doc"]) if a["type"] == S.CLAUSE else None


def _walk(G: nx.MultiDiGraph, start: str, up: bool) -> list[dict[str, Any]]:
    """Policies reachable through based_on/cites edges, upward (parents) or downward (what cites it)."""
    seen, out, queue = {start}, [], deque([(start, 0)])
    while queue:
        node, depth = queue.popleft()
        if up:
            parts = [v for _, v, t in G.out_edges(node, data="type") if t == S.HAS_PART]
            edges = list(G.out_edges([node, *parts], data="type"))
        else:
            edges = list(G.in_edges(node, data="type"))
        found: dict[str, dict[str, Any]] = {}
        for u, v, etype in edges:
            other = _policy_of(G, v if up else u)
            if etype not in _UP or other is None or other in seen or G.nodes[v]["type"] != S.POLICY:
                continue
            entry = found.setdefault(other, {"relation": S.CITES, "clauses": set()})
            if etype == S.BASED_ON:
                entry["relation"] = S.BASED_ON
            if G.nodes[u]["type"] == S.CLAUSE:
                entry["clauses"].add(G.nodes[u]["clause_id"])
        for other, entry in sorted(found.items()):
            seen.add(other)
            out.append(_summary(G, other) | {"depth": depth + 1, "relation": entry["relation"],
                                              "via": G.nodes[node].get("number") or node,
                                              "clauses": sorted(entry["clauses"])})
            queue.append((other, depth + 1))
    return out


def lineage(G: nx.MultiDiGraph, doc: str) -> dict[str, Any]:
    """Where a policy comes from and what builds on it.

    Parameters
    ----------
    G : networkx.MultiDiGraph
    doc : str
        A 文号, node id or title.

    Returns
    -------
    dict
        ``policy`` (summary), ``parents`` (policies it is based on or cites,
        transitively, each with ``depth``, ``relation``, ``via``), ``children``
        (policies citing it, transitively); each entry lists the citing
        ``clauses``. ``chain``: the policy and the parents it is based on,
        ordered from local to national (文号, else title).
    """
    nid = find_policy(G, doc)
    parents = _walk(G, nid, up=True)
    children = _walk(G, nid, up=False)
    basis = [p for p in parents if p["relation"] == S.BASED_ON]
    chain = [_summary(G, nid)] + sorted(basis, key=lambda p: (_LEVEL_RANK.get(p["level"], -1), p["depth"], p["id"]))
    return {"policy": _summary(G, nid), "parents": parents, "children": children,
            "chain": [p["number"] or p["title"] for p in chain]}


def departments(G: nx.MultiDiGraph, type: Optional[str] = None, role: Optional[str] = None) -> list[dict[str, Any]]:
    """Per department and document, the clauses it leads, supports, is responsible for or is mentioned in.

    Parameters
    ----------
    type : str, optional
        A department type (mention canonical, e.g. 民政); all types when None.
    role : str, optional
        Keep only this role (lead | support | responsible | mentioned).

    Returns
    -------
    list of dict
        ``type, department, department_id, jurisdiction, doc, title`` and one
        list per role of ``{clause_id, label, heading}``, sorted by type, document, department.
    """
    roles = (role,) if role else S.ROLE_EDGES
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for u, v, etype in G.edges(data="type"):
        if etype not in roles or G.nodes[v].get("type") != S.DEPARTMENT:
            continue
        d, c = G.nodes[v], G.nodes[u]
        if type is not None and d["canonical"] != type:
            continue
        row = rows.setdefault((v, c["doc"]), {
            "type": d["canonical"], "department": d.get("name"), "department_id": v,
            "jurisdiction": d.get("jurisdiction"), "doc": c["doc"],
            "title": G.nodes.get(S.policy_id(c["doc"]), {}).get("title"), **{r: [] for r in roles},
        })
        row[etype].append({"clause_id": c["clause_id"], "label": c.get("label"), "heading": c.get("heading"),
                           "order": c.get("order", 0)})
    out = sorted(rows.values(), key=lambda r: (r["type"], r["doc"], r["department"] or ""))
    for row in out:
        for r in roles:
            row[r] = [{k: x for k, x in c.items() if k != "order"} for c in sorted(row[r], key=lambda c: c["order"])]
    return out


def targets(G: nx.MultiDiGraph, indicator: Optional[str] = None, year: Optional[int] = None) -> list[dict[str, Any]]:
    """Targets across documents in one comparable shape.

    Parameters
    ----------
    indicator : str, optional
        Keep targets whose indicator contains this text.
    year : int, optional
        Keep targets for this year.

    Returns
    -------
    list of dict
        ``indicator, value, value_max, unit, comparator, year, scope, text,
        doc, clause, label``, sorted by indicator, document and clause order.
    """
    out = []
    for nid, a in G.nodes(data=True):
        if a.get("type") != S.TARGET:
            continue
        if indicator and indicator not in (a.get("indicator") or ""):
            continue
        if year is not None and a.get("year") != year:
            continue
        clause = G.nodes.get(S.clause_id(a["clause"]), {})
        out.append({k: a.get(k) for k in ("indicator", "value", "value_max", "unit", "comparator", "year",
                                         "scope", "text", "doc", "clause")}
                   | {"label": clause.get("label"), "_order": clause.get("order", 0), "id": nid})
    out.sort(key=lambda t: (t["indicator"] or "", t["doc"], t.pop("_order"), t.pop("id")))
    return out


def stats(G: nx.MultiDiGraph) -> dict[str, Any]:
    """Counts of nodes and edges, in total and by type."""
    return {
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "node_types": dict(sorted(Counter(a.get("type") for _, a in G.nodes(data=True)).items())),
        "edge_types": dict(sorted(Counter(t for *_, t in G.edges(data="type")).items())),
    }
