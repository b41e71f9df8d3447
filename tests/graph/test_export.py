"""Every export read back by an independent reader: same node and edge counts and types."""

from __future__ import annotations

import csv
import json
from collections import Counter

import networkx as nx
import pytest
from rdflib import RDF, Graph

from graph.export import RDF_FORMATS, WRITERS, export_graph
from graph.rdf import NODE_CLASS, edge_predicate, to_rdf


def node_types(G) -> Counter:
    return Counter(a["type"] for _, a in G.nodes(data=True))


def edge_types(G, attr: str = "type") -> Counter:
    return Counter(a[attr] for *_, a in G.edges(data=True))


@pytest.fixture(scope="module")
def exported(corpus_graph, tmp_path_factory):
    out = tmp_path_factory.mktemp("exports")
    return {fmt: export_graph(corpus_graph, fmt, out / ("csv" if fmt == "csv" else f"graph.{fmt}")) for fmt in WRITERS}


def test_graphml_round_trip(corpus_graph, exported):
    back = nx.read_graphml(exported["graphml"], force_multigraph=True)
    assert (back.number_of_nodes(), back.number_of_edges()) == (corpus_graph.number_of_nodes(),
                                                                corpus_graph.number_of_edges())
    assert node_types(back) == node_types(corpus_graph) and edge_types(back) == edge_types(corpus_graph)
    clause = next(n for n, a in back.nodes(data=True) if a["type"] == "Clause" and ";" in a.get("path", ""))
    assert isinstance(back.nodes[clause]["depth"], int)


def test_gexf_round_trip_with_type_for_colouring(corpus_graph, exported):
    back = nx.read_gexf(exported["gexf"])
    assert (back.number_of_nodes(), back.number_of_edges()) == (corpus_graph.number_of_nodes(),
                                                                corpus_graph.number_of_edges())
    assert node_types(back) == node_types(corpus_graph)
    assert edge_types(back, "relation") == edge_types(corpus_graph)
    assert back.nodes["department:东阿县/民政"]["label"] == "东阿县民政局"


def test_cytoscape_round_trip(corpus_graph, exported):
    data = json.loads(exported["cytoscape"].read_text(encoding="utf-8"))
    assert set(data["elements"]) == {"nodes", "edges"} and "data" in data["elements"]["nodes"][0]
    back = nx.cytoscape_graph(data)
    assert (back.number_of_nodes(), back.number_of_edges()) == (corpus_graph.number_of_nodes(),
                                                                corpus_graph.number_of_edges())
    assert node_types(back) == node_types(corpus_graph) and edge_types(back) == edge_types(corpus_graph)
    target = next(a for _, a in back.nodes(data=True) if a["type"] == "Target")
    assert isinstance(target["target_value"], float)


def test_nodelink_round_trip(corpus_graph, exported):
    data = json.loads(exported["nodelink"].read_text(encoding="utf-8"))
    back = nx.node_link_graph(data, edges="edges")
    assert nx.utils.graphs_equal(back, corpus_graph)


def test_neo4j_csv_round_trip(corpus_graph, exported):
    with (exported["csv"] / "nodes.csv").open(encoding="utf-8", newline="") as f:
        nodes = list(csv.DictReader(f))
    with (exported["csv"] / "edges.csv").open(encoding="utf-8", newline="") as f:
        edges = list(csv.DictReader(f))
    assert Counter(r[":LABEL"] for r in nodes) == node_types(corpus_graph)
    assert Counter(r[":TYPE"] for r in edges) == edge_types(corpus_graph)
    assert {"id:ID", "value:float", "year:int", "in_corpus:boolean", "path:string[]"} <= set(nodes[0])
    ids = {r["id:ID"] for r in nodes}
    assert len(ids) == len(nodes) and all(r[":START_ID"] in ids and r[":END_ID"] in ids for r in edges)


@pytest.mark.parametrize("fmt", sorted(RDF_FORMATS))
def test_rdf_round_trip(corpus_graph, exported, fmt):
    back = Graph().parse(exported[fmt], format=RDF_FORMATS[fmt])
    assert len(back) == len(to_rdf(corpus_graph))
    classes = {c: t for t, c in NODE_CLASS.items()}
    assert Counter(classes[o] for _, o in back.subject_objects(RDF.type) if o in classes) == node_types(corpus_graph)
    want = Counter(edge_predicate(t, corpus_graph.nodes[u]["type"]) for u, _, t in corpus_graph.edges(data="type"))
    got = Counter(p for _, p, _ in back)
    assert all(got[p] == n for p, n in want.items())


def test_unknown_format_lists_the_known_ones(corpus_graph, tmp_path):
    with pytest.raises(ValueError, match="graphml"):
        export_graph(corpus_graph, "xlsx", tmp_path / "g.xlsx")
