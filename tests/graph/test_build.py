"""The graph built from documents: one node per real-world thing, typed edges, order-free."""

from __future__ import annotations

import networkx as nx

from graph import schema as S
from graph.build import build_graph
from ingest.model import Citation

PROVINCIAL = "鲁政办发〔2022〕18号"


def _typed(G, t):
    return {n for n, a in G.nodes(data=True) if a["type"] == t}


def test_every_node_and_edge_follows_the_schema(graph):
    for _, a in graph.nodes(data=True):
        assert a["type"] in S.NODE_TYPES
    for u, v, k, a in graph.edges(keys=True, data=True):
        sources, targets = S.EDGE_TYPES[a["type"]]
        assert k == a["type"]
        assert graph.nodes[u]["type"] in sources and graph.nodes[v]["type"] in targets, (u, v, k)


def test_build_order_does_not_matter(docs):
    a, b = build_graph(docs), build_graph(list(reversed(docs)))
    assert nx.utils.graphs_equal(a, b)
    assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))


def test_title_only_and_numbered_citations_reach_one_node(graph):
    provincial = S.policy_id(PROVINCIAL)
    citing = {u for u, _, t in graph.in_edges(provincial, data="type") if t == S.BASED_ON}
    # the city plan cites it by title alone, the counties by number
    assert citing == {S.policy_id("东政办字〔2023〕26号"), S.policy_id("聊政办字〔2023〕19号"),
                      S.policy_id("郯政办字〔2025〕20号")}
    assert not any(n.startswith("policy:title:") and "实施意见" in n for n in graph)


def test_external_policy_merges_into_the_corpus_document_it_names(docs, county):
    city = S.policy_id("聊政办字〔2023〕19号")
    with_city = build_graph(docs)
    assert with_city.nodes[city]["in_corpus"] is True
    assert with_city.has_edge(S.policy_id("东政办字〔2023〕26号"), city, key=S.BASED_ON)
    without = build_graph([county])
    stub = [n for n, a in without.nodes(data=True) if a["type"] == S.POLICY and not a["in_corpus"]
            and "聊城市养老服务实施方案" in a["title"]]
    assert stub and stub[0].startswith("policy:title:")
    assert without.nodes[stub[0]]["level"] == "city"


def test_external_numbered_policy_gets_issuer_level_and_region(graph):
    a = graph.nodes[S.policy_id("中办发〔2022〕42号")]
    assert (a["in_corpus"], a["level"]) == (False, "national")
    assert graph.has_edge(S.policy_id("中办发〔2022〕42号"), S.region_id(S.NATION), key=S.APPLIES_TO)
    assert graph.has_edge(S.policy_id(PROVINCIAL), S.office_id("山东省人民政府办公厅"), key=S.ISSUED_BY)


def test_bare_and_county_prefixed_names_are_one_office(graph):
    dept = S.department_id("东阿县", "民政")
    assert graph.nodes[dept]["name"] == "东阿县民政局"
    roles = {k for _, _, k in graph.in_edges(dept, keys=True)}
    assert roles == {S.LEAD, S.RESPONSIBLE}
    assert graph.has_edge(dept, S.department_type_id("民政"), key=S.INSTANCE_OF)
    assert graph.has_edge(dept, S.region_id("东阿县"), key=S.IN)
    # 市民政局 in a county document is the city's office; 郯城县's is another node
    assert graph.nodes[S.department_id("聊城市", "民政")]["name"] == "聊城市民政局"
    assert S.department_id("郯城县", "民政") in graph


def test_regions_chain_up_to_the_nation(graph):
    chain = ["东阿县", "聊城市", "山东省", S.NATION]
    for child, parent in zip(chain, chain[1:]):
        assert graph.has_edge(S.region_id(child), S.region_id(parent), key=S.PART_OF)
    assert graph.nodes[S.region_id("山东省")]["level"] == "provincial"


def test_clause_tree_targets_and_clause_level_citations(graph):
    d = "东政办字〔2023〕26号"
    parts = {v for _, v, k in graph.out_edges(S.policy_id(d), keys=True) if k == S.HAS_PART}
    assert len(parts) == 5
    assert graph.has_edge(S.clause_id(f"{d}:一/1"), S.clause_id(f"{d}:一"), key=S.PART_OF)
    annex = graph.nodes[S.clause_id(f"{d}:附件1")]
    assert annex["kind"] == "annex"
    target = graph.nodes[S.target_id(f"{d}:一/1", 0)]
    assert (target["indicator"], target["value"], target["year"]) == ("护理型床位占比", 65.0, 2025)
    standard = S.standard_id("GB/T 35796-2017")
    assert graph.has_edge(S.clause_id(f"{d}:一/2"), standard, key=S.CITES)
    assert graph.nodes[standard]["level"] == "national"


def test_a_document_never_cites_itself(city):
    own = Citation(number=city.doc, title=None)
    city.clauses[1].citations.append(own)
    city.citations.append(own)
    G = build_graph([city])
    assert [k for _, _, k in G.in_edges(S.policy_id(city.doc), keys=True)] == []


# The real corpus: the bars of issue #4.

def test_corpus_provincial_policy_is_one_node_cited_by_two_documents(corpus_graph):
    node = S.policy_id(PROVINCIAL)
    citing = {u for u, _, k in corpus_graph.in_edges(node, keys=True) if k in (S.CITES, S.BASED_ON)
              and corpus_graph.nodes[u]["type"] == S.POLICY}
    assert citing >= {S.policy_id("东政办字〔2023〕26号"), S.policy_id("郯政办字〔2025〕20号")}
    assert corpus_graph.nodes[node]["in_corpus"] is False


def test_corpus_national_policy_is_external_and_national(corpus_graph):
    a = corpus_graph.nodes[S.policy_id("中办发〔2022〕42号")]
    assert (a["type"], a["in_corpus"], a["level"]) == (S.POLICY, False, "national")


def test_corpus_graph_has_every_clause_and_department_types(corpus_graph, corpus_docs):
    assert len(_typed(corpus_graph, S.CLAUSE)) == sum(len(d.clauses) for d in corpus_docs)
    assert {d.doc for d in corpus_docs} == {a["number"] for n, a in corpus_graph.nodes(data=True)
                                             if a["type"] == S.POLICY and a["in_corpus"]}
    assert S.department_type_id("民政") in corpus_graph
