"""Node-link JSON round trip."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.store import load_graph, save_graph


def test_saved_graph_loads_back_equal_and_readable(graph, tmp_path):
    path = tmp_path / "kb" / "graph.json"
    save_graph(graph, path)
    assert "东阿县民政局" in path.read_text(encoding="utf-8")
    loaded = load_graph(path)
    assert isinstance(loaded, nx.MultiDiGraph)
    assert nx.utils.graphs_equal(loaded, graph)
    assert dict(loaded.nodes(data=True)) == dict(graph.nodes(data=True))


def test_missing_graph_file_says_to_build(tmp_path):
    with pytest.raises(FileNotFoundError, match="policykg build"):
        load_graph(tmp_path / "graph.json")
