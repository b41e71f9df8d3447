"""Export the knowledge graph for visual tools, graph databases and RDF stores.

=========  ==============================================  ===========================
format     file                                            for
=========  ==============================================  ===========================
graphml    one .graphml file                               yEd, Cytoscape, Gephi
gexf       one .gexf file (edge type in ``relation``)      Gephi (colour by ``type``)
cytoscape  Cytoscape.js JSON ``{"elements": {...}}``       Cytoscape.js / Cytoscape
nodelink   node-link JSON (as kb/graph.json)               D3 force layouts
csv        a folder with nodes.csv and edges.csv           Neo4j LOAD CSV / neo4j-admin import
turtle, jsonld, ntriples  RDF (:mod:`graph.rdf`)           triple stores, SPARQL
=========  ==============================================  ===========================

GraphML and GEXF hold scalar attributes only: lists are joined with ``;`` and
None values dropped. In GEXF the node label is the node's ``name`` (a clause's
position label moves to ``position``) and the edge type is the ``relation``
attribute, since GEXF reserves ``label`` and an edge's ``type``. In Cytoscape.js
JSON each node's ``value`` is its id (networkx convention), so a target's
number is in ``target_value``.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any, Callable

import networkx as nx

from graph.rdf import to_rdf
from graph.store import save_graph

LIST_SEP = ";"
RDF_FORMATS = {"turtle": "turtle", "jsonld": "json-ld", "ntriples": "nt"}


def _scalars(attrs: dict[str, Any]) -> dict[str, Any]:
    """Attributes valid in GraphML/GEXF: no None, lists joined with ';'."""
    out = {}
    for k, v in attrs.items():
        if v is None:
            continue
        out[k] = LIST_SEP.join(map(str, v)) if isinstance(v, (list, tuple)) else v
    return out


def scalar_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` whose attribute values are all scalars (for GraphML/GEXF)."""
    H = nx.MultiDiGraph()
    H.add_nodes_from((n, _scalars(a)) for n, a in G.nodes(data=True))
    H.add_edges_from((u, v, k, _scalars(a)) for u, v, k, a in G.edges(keys=True, data=True))
    return H


def _gexf_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    H = scalar_graph(G)
    for _, a in H.nodes(data=True):
        if "label" in a:
            a["position"] = a.pop("label")
        a["label"] = a.get("name") or ""
    for *_, a in H.edges(data=True):
        a["relation"] = a.pop("type")
    return H


def write_graphml(G: nx.MultiDiGraph, out: Path) -> None:
    nx.write_graphml(scalar_graph(G), out, encoding="utf-8")


def write_gexf(G: nx.MultiDiGraph, out: Path) -> None:
    nx.write_gexf(_gexf_graph(G), out, encoding="utf-8")


def write_cytoscape(G: nx.MultiDiGraph, out: Path) -> None:
    H = G.copy()
    for _, a in H.nodes(data=True):
        if "value" in a:
            a["target_value"] = a.pop("value")
    out.write_text(json.dumps(nx.cytoscape_data(H), ensure_ascii=False), encoding="utf-8")


def _csv_type(values: list[Any]) -> str:
    """The neo4j-admin header type of a column (empty for string)."""
    kinds = {type(v) for v in values if v is not None}
    if kinds and kinds <= {bool}:
        return ":boolean"
    if kinds and kinds <= {int}:
        return ":int"
    if kinds and kinds <= {int, float}:
        return ":float"
    return ":string[]" if kinds & {list, tuple} else ""


def _csv_cell(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return LIST_SEP.join(map(str, v)) if isinstance(v, (list, tuple)) else v


def _write_table(path: Path, fixed: list[str], rows: list[tuple[list[Any], dict[str, Any]]]) -> None:
    keys = sorted({k for _, attrs in rows for k in attrs})
    header = fixed + [k + _csv_type([attrs.get(k) for _, attrs in rows]) for k in keys]
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        for lead, attrs in rows:
            w.writerow(lead + [_csv_cell(attrs.get(k)) for k in keys])


def write_csv(G: nx.MultiDiGraph, out: Path) -> None:
    """nodes.csv (``id:ID``, ``:LABEL`` = node type, typed properties) and edges.csv
    (``:START_ID``, ``:END_ID``, ``:TYPE`` = edge type) in the folder ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    nodes = [([n, a["type"]], {k: v for k, v in a.items() if k != "type"}) for n, a in G.nodes(data=True)]
    _write_table(out / "nodes.csv", ["id:ID", ":LABEL"], nodes)
    edges = [([u, v, a["type"]], {k: x for k, x in a.items() if k != "type"}) for u, v, a in G.edges(data=True)]
    _write_table(out / "edges.csv", [":START_ID", ":END_ID", ":TYPE"], edges)


def _rdf_writer(fmt: str) -> Callable[[nx.MultiDiGraph, Path], None]:
    def write(G: nx.MultiDiGraph, out: Path) -> None:
        to_rdf(G).serialize(destination=str(out), format=RDF_FORMATS[fmt], encoding="utf-8")

    return write


WRITERS: dict[str, Callable[[nx.MultiDiGraph, Path], None]] = {
    "graphml": write_graphml,
    "gexf": write_gexf,
    "cytoscape": write_cytoscape,
    "nodelink": save_graph,
    "csv": write_csv,
    **{fmt: _rdf_writer(fmt) for fmt in RDF_FORMATS},
}


def export_graph(G: nx.MultiDiGraph, fmt: str, out: str | Path) -> Path:
    """Write ``G`` in format ``fmt`` (a key of WRITERS) to ``out`` (a folder for csv).

    Raises
    ------
    ValueError
        For an unknown format (the message lists the known ones).
    """
    if fmt not in WRITERS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(WRITERS)}")
    out = Path(out)
    if fmt != "csv":
        out.parent.mkdir(parents=True, exist_ok=True)
    WRITERS[fmt](G, out)
    return out
