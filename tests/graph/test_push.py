"""Push to a real Oxigraph server on loopback, query it back over HTTP, compare counts."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from graph.push import PushError, push_graph, store_url
from graph.sparql import to_ntriples

OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _select(endpoint: str, query: str) -> list[dict]:
    req = urllib.request.Request(f"{endpoint}/query", data=urllib.parse.urlencode({"query": query}).encode(),
                                 headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.load(resp)["results"]["bindings"]


@pytest.fixture()
def oxigraph(tmp_path):
    if not Path(OXIGRAPH).is_file():
        pytest.skip("the oxigraph server is not installed (pip install oxigraph)")
    port = _free_port()
    proc = subprocess.Popen([OXIGRAPH, "serve", "--location", str(tmp_path / "db"), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    endpoint = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                _select(endpoint, "SELECT * WHERE { ?s ?p ?o } LIMIT 1")
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    pytest.fail("oxigraph server did not start within 20 s")
                time.sleep(0.2)
        yield endpoint
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _count(endpoint: str, graph: str | None = None) -> int:
    where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
    return int(_select(endpoint, f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")[0]["n"]["value"])


def test_push_replaces_the_default_graph_and_queries_back(graph, oxigraph):
    expected = len(to_ntriples(graph).splitlines())
    assert push_graph(graph, oxigraph, timeout=10) == expected
    assert push_graph(graph, oxigraph, timeout=10) == expected  # PUT replaces, no duplicates
    assert _count(oxigraph) == expected
    rows = _select(oxigraph, 'PREFIX eli: <http://data.europa.eu/eli/ontology#> '
                             'SELECT ?p WHERE { ?p eli:id_local "中办发〔2022〕42号" }')
    assert len(rows) == 1


def test_push_into_a_named_graph(graph, oxigraph):
    name = "https://w3id.org/policykg/graph/test"
    n = push_graph(graph, oxigraph + "/store", graph=name, replace=False, timeout=10)
    assert _count(oxigraph, name) == n and _count(oxigraph) == 0


def test_unreachable_store_says_what_to_check(graph):
    with pytest.raises(PushError, match="oxigraph serve"):
        push_graph(graph, f"http://127.0.0.1:{_free_port()}", timeout=2)


def test_store_url_forms():
    assert store_url("http://h:1/") == "http://h:1/store?default"
    assert store_url("http://h:1/ds/data", store_path="") == "http://h:1/ds/data?default"
