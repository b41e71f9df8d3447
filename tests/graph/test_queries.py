"""Lineage, departments, targets and stats over the graph."""

from __future__ import annotations

import pytest

from graph.queries import departments, find_policy, lineage, stats, targets

PROVINCIAL = "鲁政办发〔2022〕18号"


def test_lineage_goes_up_to_the_province_and_down_to_the_counties(graph):
    up = lineage(graph, "东政办字〔2023〕26号")
    assert up["chain"][0] == "东政办字〔2023〕26号" and up["chain"][-1] == PROVINCIAL
    assert [p["level"] for p in up["parents"] if p["number"] == PROVINCIAL] == ["provincial"]
    down = lineage(graph, "鲁政办发[2022]18号")  # any bracket style
    assert {c["number"] for c in down["children"]} == {"东政办字〔2023〕26号", "聊政办字〔2023〕19号",
                                                       "郯政办字〔2025〕20号"}
    assert all(c["clauses"] for c in down["children"])  # the preamble clauses citing it


def test_lineage_is_transitive(graph):
    # the county plan is based on the city plan, which is based on the provincial one
    city = lineage(graph, "聊政办字〔2023〕19号")
    assert "东政办字〔2023〕26号" in {c["number"] for c in city["children"]}
    national = lineage(graph, "中办发〔2022〕42号")
    assert national["policy"]["level"] == "national"
    assert {c["number"] for c in national["children"]} == {"郯政办字〔2025〕20号"}


def test_find_policy_by_title_and_unknown_reference(graph):
    assert find_policy(graph, "《聊城市养老服务实施方案》") == "policy:聊政办字〔2023〕19号"
    with pytest.raises(KeyError, match="文号"):
        find_policy(graph, "不存在的文件")


def test_departments_per_document_and_role(graph):
    rows = departments(graph, type="民政")
    by = {(r["department"], r["doc"]): r for r in rows}
    dong = by[("东阿县民政局", "东政办字〔2023〕26号")]
    assert [c["label"] for c in dong["lead"]] == ["一、1."]
    assert [c["label"] for c in dong["responsible"]] == ["一、2."]
    assert ("聊城市民政局", "东政办字〔2023〕26号") in by
    assert ("郯城县民政局", "郯政办字〔2025〕20号") in by
    leads = departments(graph, role="lead")
    assert {r["type"] for r in leads} == {"民政"} and all(set(r) >= {"lead"} and "support" not in r for r in leads)
    assert departments(graph, type="不存在") == []


def test_targets_filter_by_indicator_substring_and_year(graph):
    rows = targets(graph, indicator="护理型床位")
    assert [(t["doc"], t["value"], t["comparator"]) for t in rows] == [
        ("聊政办字〔2023〕19号", 60.0, ">="), ("东政办字〔2023〕26号", 65.0, ">=")]
    assert targets(graph, year=2024) == []
    assert rows[1]["label"] == "一、1." and rows[1]["scope"] == "全县"


def test_stats_count_every_node_and_edge(graph):
    s = stats(graph)
    assert s["nodes"] == graph.number_of_nodes() == sum(s["node_types"].values())
    assert s["edges"] == graph.number_of_edges() == sum(s["edge_types"].values())
    assert s["node_types"]["Clause"] == 5 + 2 + 2


def test_corpus_lineage_bar(corpus_graph):
    result = lineage(corpus_graph, "东政办字〔2023〕26号")
    assert PROVINCIAL in {p["number"] for p in result["parents"]}
    assert PROVINCIAL in result["chain"]
    children = {c["number"] for c in lineage(corpus_graph, PROVINCIAL)["children"]}
    assert {"东政办字〔2023〕26号", "郯政办字〔2025〕20号"} <= children
