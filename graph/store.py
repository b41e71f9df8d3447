"""Save and load the graph as node-link JSON (UTF-8, Chinese kept readable)."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx


def save_graph(G: nx.MultiDiGraph, path: str | Path) -> None:
    """Write ``G`` as node-link JSON (``{"nodes": [...], "edges": [...]}``) to ``path``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = nx.node_link_data(G, edges="edges")
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def load_graph(path: str | Path) -> nx.MultiDiGraph:
    """Read a graph written by :func:`save_graph`.

    Raises
    ------
    FileNotFoundError
        When ``path`` does not exist (build the knowledge base first: ``policykg build``).
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"graph file {path} not found; build the knowledge base with `policykg build`")
    data = json.loads(path.read_text(encoding="utf-8"))
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
