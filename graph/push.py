"""Load the knowledge graph into a running SPARQL 1.1 store (Graph Store Protocol).

The graph goes over HTTP as N-Triples: PUT replaces the target graph, POST
adds to it. The target is ``<endpoint>/store?default`` (the default graph) or
``<endpoint>/store?graph=<iri>`` (a named graph); an endpoint already ending
in ``/store`` is used as given. This is Oxigraph's layout (``oxigraph serve``);
Apache Jena Fuseki serves the protocol at ``<dataset>/data`` — pass that URL
with ``store_path=""``.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from typing import Optional
from urllib.parse import quote

import networkx as nx

from graph.sparql import to_ntriples

CONTENT_TYPE = "application/n-triples"


class PushError(RuntimeError):
    """The store refused the graph or could not be reached; the message says what to check."""


def store_url(endpoint: str, graph: Optional[str] = None, store_path: str = "/store") -> str:
    """The Graph Store Protocol URL for the default graph or the named graph ``graph``.

    Examples
    --------
    >>> store_url("http://127.0.0.1:7878")
    'http://127.0.0.1:7878/store?default'
    >>> store_url("http://127.0.0.1:7878/store", graph="https://example.org/g")
    'http://127.0.0.1:7878/store?graph=https%3A%2F%2Fexample.org%2Fg'
    """
    base = endpoint.rstrip("/")
    if store_path and not base.endswith(store_path):
        base += store_path
    return f"{base}?graph={quote(graph, safe='')}" if graph else f"{base}?default"


def push_graph(
    G: nx.MultiDiGraph,
    endpoint: str,
    graph: Optional[str] = None,
    replace: bool = True,
    timeout: float = 60.0,
    store_path: str = "/store",
) -> int:
    """Send the knowledge graph to a SPARQL store over the Graph Store Protocol.

    Parameters
    ----------
    G : networkx.MultiDiGraph
    endpoint : str
        Base URL of the store, e.g. ``http://127.0.0.1:7878``.
    graph : str, optional
        IRI of a named graph; the default graph when None.
    replace : bool
        PUT (replace the graph's content) when True, else POST (add to it).
    timeout : float
        Seconds to wait for the store.

    Returns
    -------
    int
        The number of triples sent.

    Raises
    ------
    PushError
        When the store is unreachable or answers with an HTTP error.
    """
    body = to_ntriples(G).encode("utf-8")
    url = store_url(endpoint, graph, store_path)
    req = urllib.request.Request(url, data=body, method="PUT" if replace else "POST",
                                 headers={"Content-Type": CONTENT_TYPE})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            resp.read()
    except urllib.error.HTTPError as err:
        detail = err.read().decode("utf-8", "replace")[:300]
        raise PushError(f"store at {url} answered HTTP {err.code}: {detail}") from err
    except (urllib.error.URLError, OSError) as err:
        raise PushError(f"cannot reach the store at {url} ({err}); is it running? e.g. "
                        f"`oxigraph serve --location DIR --bind 127.0.0.1:7878`") from err
    return sum(1 for line in body.splitlines() if line.strip())
