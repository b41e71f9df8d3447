"""RDF mapping and embedded SPARQL: the same facts as the networkx graph."""

from __future__ import annotations

from collections import Counter

import pytest
from rdflib import RDF

from graph import schema as S
from graph.queries import departments
from graph.rdf import NODE_CLASS, edge_predicate, iri, node_of, to_rdf
from graph.sparql import rdf_store, run_sparql

LEAD_MINZHENG = """
SELECT DISTINCT ?clause WHERE {
  ?clause pkg:leadDepartment ?dept .
  ?dept org:classification ?type .
  ?type skos:prefLabel "民政" .
}"""


def rdf_counts(g) -> tuple[Counter, Counter]:
    """Node types by primary class and edge types by predicate, read from an RDF graph."""
    classes = {c: t for t, c in NODE_CLASS.items()}
    nodes = Counter(classes[o] for _, o in g.subject_objects(RDF.type) if o in classes)
    return nodes, Counter(p for _, p, _ in g)


def expected_counts(G) -> tuple[Counter, Counter]:
    edges = Counter(edge_predicate(t, G.nodes[u]["type"]) for u, _, t in G.edges(data="type"))
    return Counter(a["type"] for _, a in G.nodes(data=True)), edges


def test_iris_are_url_safe_and_reversible():
    node = "clause:东政办字〔2023〕26号:二/（一）/1"
    assert str(iri(node)).isascii() and " " not in str(iri("standard:GB/T 35796-2017"))
    assert node_of(str(iri(node))) == node


def test_rdf_has_one_typed_subject_per_node_and_one_triple_per_edge(graph):
    nodes, predicates = rdf_counts(to_rdf(graph))
    want_nodes, want_edges = expected_counts(graph)
    assert nodes == want_nodes
    for pred, n in want_edges.items():
        assert predicates[pred] == n, pred


def test_sparql_lead_clauses_of_minzheng_match_the_graph_query(corpus_graph):
    rows = run_sparql(rdf_store(corpus_graph), LEAD_MINZHENG)
    via_sparql = {node_of(r["clause"]) for r in rows}
    via_graph = {S.clause_id(c["clause_id"]) for r in departments(corpus_graph, type="民政", role="lead")
                 for c in r["lead"]}
    assert via_graph and via_sparql == via_graph


def test_sparql_values_are_typed_and_ask_works(graph):
    store = rdf_store(graph)
    rows = run_sparql(store, "SELECT ?v ?y ?in WHERE { ?t pkg:value ?v ; pkg:year ?y . "
                             "?c pkg:setsTarget ?t . ?p eli:has_part ?c ; pkg:inCorpus ?in } ORDER BY ?v")
    assert rows == [{"v": 60.0, "y": 2025, "in": True}, {"v": 65.0, "y": 2025, "in": True}]
    assert run_sparql(store, 'ASK { ?p eli:id_local "中办发〔2022〕42号" ; pkg:level "national" }') is True
    with pytest.raises(ValueError, match="syntax"):
        run_sparql(store, "SELECT WHERE")


def test_the_sparql_examples_in_the_ontology_doc_answer_on_the_corpus(corpus_graph):
    import re
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "ontology.md").read_text(encoding="utf-8")
    queries = re.findall(r"```sparql\n(.*?)```", doc, re.S)
    store = rdf_store(corpus_graph)
    assert queries and all(run_sparql(store, q) for q in queries)
