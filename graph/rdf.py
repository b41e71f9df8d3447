"""The knowledge graph as RDF, in established vocabularies (see docs/ontology.md).

ELI for policies and clauses, W3C ORG for offices and departments, SKOS for
department types and regions, DCTERMS where ELI is silent, and one small
project namespace (``pkg:``) for targets, department roles and the rest.
Each node type has one primary class and each edge type (with its source
type) one predicate, so counts carry over from the networkx graph unchanged.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, unquote

import networkx as nx
from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG

from graph import schema as S

ELI = Namespace("http://data.europa.eu/eli/ontology#")
PKG = Namespace("https://w3id.org/policykg/ontology#")
ID = "https://w3id.org/policykg/id/"

NODE_CLASS = {
    S.POLICY: ELI.LegalResource,
    S.CLAUSE: ELI.LegalResourceSubdivision,
    S.DEPARTMENT: PKG.Department,
    S.DEPARTMENT_TYPE: PKG.DepartmentType,
    S.TARGET: PKG.Target,
    S.REGION: PKG.Region,
    S.STANDARD: DCTERMS.Standard,
    S.OFFICE: PKG.Office,
}
EXTRA_CLASSES = {
    S.DEPARTMENT: (ORG.Organization,),
    S.OFFICE: (ORG.Organization,),
    S.DEPARTMENT_TYPE: (SKOS.Concept,),
    S.REGION: (SKOS.Concept, DCTERMS.Location),
}

EDGE_PREDICATE = {
    S.HAS_PART: ELI.has_part,
    S.PART_OF: ELI.is_part_of,  # clause tree; regions use skos:broader (REGION_PART_OF)
    S.LEAD: PKG.leadDepartment,
    S.SUPPORT: PKG.supportDepartment,
    S.RESPONSIBLE: PKG.responsibleDepartment,
    S.MENTIONED: PKG.mentionsDepartment,
    S.INSTANCE_OF: ORG.classification,
    S.IN: DCTERMS.spatial,
    S.SETS: PKG.setsTarget,
    S.CITES: ELI.cites,
    S.BASED_ON: ELI.based_on,
    S.ISSUED_BY: ELI.passed_by,
    S.APPLIES_TO: ELI.relevant_for,
}
REGION_PART_OF = SKOS.broader

# Attribute -> predicate; per node type where the vocabularies differ.
_ATTRS = {
    "number": ELI.id_local, "clause_id": ELI.id_local, "title": ELI.title, "heading": ELI.title,
    "label": ELI.number, "date": ELI.date_document, "level": PKG.level, "in_corpus": PKG.inCorpus,
    "source": PKG.sourceFile, "text": PKG.text, "kind": PKG.kind, "order": PKG.order, "depth": PKG.depth,
    "code": DCTERMS.identifier, "indicator": PKG.indicator, "value": PKG.value, "value_max": PKG.valueMax,
    "unit": PKG.unit, "comparator": PKG.comparator, "year": PKG.year, "scope": PKG.scope,
    "name": RDFS.label,
}
_TYPE_ATTRS = {
    S.STANDARD: {"title": DCTERMS.title},
    S.DEPARTMENT: {"name": SKOS.prefLabel},
    S.OFFICE: {"name": SKOS.prefLabel},
    S.DEPARTMENT_TYPE: {"name": SKOS.prefLabel},
    S.REGION: {"name": SKOS.prefLabel},
}
_DATATYPES = {"date": XSD.date, "value": XSD.double, "value_max": XSD.double, "year": XSD.integer,
              "order": XSD.integer, "depth": XSD.integer, "in_corpus": XSD.boolean}


def iri(node: str) -> URIRef:
    """Stable, URL-safe IRI of a graph node id (policy:鲁政办发〔2022〕18号 → …/id/policy/%E9%B2%81…)."""
    kind, _, rest = node.partition(":")
    return URIRef(f"{ID}{kind}/{quote(rest, safe='')}")


def edge_predicate(etype: str, source_type: str) -> URIRef:
    """The predicate an edge of ``etype`` from a node of ``source_type`` becomes."""
    if etype == S.PART_OF and source_type == S.REGION:
        return REGION_PART_OF
    return EDGE_PREDICATE[etype]


def _literal(attr: str, value: Any) -> Literal:
    dtype = _DATATYPES.get(attr)
    return Literal(value, datatype=dtype) if dtype else Literal(str(value))


def to_rdf(G: nx.MultiDiGraph) -> Graph:
    """The knowledge graph as an rdflib Graph (prefixes eli, org, skos, dcterms, pkg bound).

    Returns
    -------
    rdflib.Graph
        One subject per node typed with its NODE_CLASS, one triple per edge
        (EDGE_PREDICATE), and a literal per scalar attribute (lists and ids of
        other nodes are left to the edges).
    """
    g = Graph()
    for prefix, ns in (("eli", ELI), ("org", ORG), ("skos", SKOS), ("dcterms", DCTERMS), ("pkg", PKG)):
        g.bind(prefix, ns)
    for node, attrs in G.nodes(data=True):
        s, ntype = iri(node), attrs["type"]
        g.add((s, RDF.type, NODE_CLASS[ntype]))
        for cls in EXTRA_CLASSES.get(ntype, ()):
            g.add((s, RDF.type, cls))
        if ntype == S.DEPARTMENT_TYPE:
            g.add((s, SKOS.inScheme, PKG.DepartmentTypes))
        overrides = _TYPE_ATTRS.get(ntype, {})
        for attr, value in attrs.items():
            pred = overrides.get(attr) or _ATTRS.get(attr)
            if pred is not None and value is not None and not isinstance(value, (list, dict)):
                g.add((s, pred, _literal(attr, value)))
    for u, v, etype in G.edges(data="type"):
        g.add((iri(u), edge_predicate(etype, G.nodes[u]["type"]), iri(v)))
    return g


def node_of(term: str) -> str:
    """The graph node id of an IRI made by :func:`iri` (other strings are returned unchanged)."""
    if not term.startswith(ID):
        return term
    kind, _, rest = term[len(ID):].partition("/")
    return f"{kind}:{unquote(rest)}"
