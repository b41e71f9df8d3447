"""Node and edge types of the policy knowledge graph, and their stable ids.

Every node carries ``type`` (one of NODE_TYPES) and every edge ``type`` (one of
EDGE_TYPES); the edge key in the MultiDiGraph is its type, so a pair of nodes
holds at most one edge of each type. Ids are ``<prefix>:<natural key>`` so the
same real-world thing always gets the same id, whatever the build order.
"""

from __future__ import annotations

# Node types
POLICY = "Policy"  # a policy document, in the corpus or known only from citations
CLAUSE = "Clause"  # one node of a document's clause tree (preamble, clause, annex)
DEPARTMENT = "Department"  # a jurisdiction's office named in clauses (东阿县民政局)
DEPARTMENT_TYPE = "DepartmentType"  # the functional type shared across jurisdictions (民政)
TARGET = "Target"  # a quantitative target stated in a clause
REGION = "Region"  # county → city → province → 全国
STANDARD = "Standard"  # national, industry or local norm (GB/T 35796-2017)
OFFICE = "Office"  # an office that issues policies (东阿县人民政府办公室)

NODE_TYPES = (POLICY, CLAUSE, DEPARTMENT, DEPARTMENT_TYPE, TARGET, REGION, STANDARD, OFFICE)

# Edge types: name -> (source node type(s), target node type(s))
HAS_PART = "has_part"  # Policy -> Clause (every clause of the document)
PART_OF = "part_of"  # Clause -> parent Clause; Region -> enclosing Region
LEAD = "lead"  # Clause -> Department, by the department's role in the clause
SUPPORT = "support"
RESPONSIBLE = "responsible"
MENTIONED = "mentioned"
INSTANCE_OF = "instance_of"  # Department -> DepartmentType
IN = "in"  # Department/Office -> Region
SETS = "sets"  # Clause -> Target
CITES = "cites"  # Clause/Policy -> Policy/Standard
BASED_ON = "based_on"  # Policy -> Policy (根据/依据/贯彻落实…精神)
ISSUED_BY = "issued_by"  # Policy -> Office
APPLIES_TO = "applies_to"  # Policy -> Region

ROLE_EDGES = (LEAD, SUPPORT, RESPONSIBLE, MENTIONED)

EDGE_TYPES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    HAS_PART: ((POLICY,), (CLAUSE,)),
    PART_OF: ((CLAUSE, REGION), (CLAUSE, REGION)),
    LEAD: ((CLAUSE,), (DEPARTMENT,)),
    SUPPORT: ((CLAUSE,), (DEPARTMENT,)),
    RESPONSIBLE: ((CLAUSE,), (DEPARTMENT,)),
    MENTIONED: ((CLAUSE,), (DEPARTMENT,)),
    INSTANCE_OF: ((DEPARTMENT,), (DEPARTMENT_TYPE,)),
    IN: ((DEPARTMENT, OFFICE), (REGION,)),
    SETS: ((CLAUSE,), (TARGET,)),
    CITES: ((CLAUSE, POLICY), (POLICY, STANDARD)),
    BASED_ON: ((POLICY,), (POLICY,)),
    ISSUED_BY: ((POLICY,), (OFFICE,)),
    APPLIES_TO: ((POLICY,), (REGION,)),
}

# Administrative levels, from the top down; NATION is the root region's name.
LEVELS = ("national", "provincial", "city", "county")
NATION = "全国"


def policy_id(number: str) -> str:
    """Id of a policy known by its 文号 (brackets normalized to 〔〕)."""
    return f"policy:{number}"


def titled_policy_id(title_key: str) -> str:
    """Id of a policy known only by its (normalized) title."""
    return f"policy:title:{title_key}"


def standard_id(key: str) -> str:
    """Id of a standard: its code (GB/T 35796-2017), else its normalized title."""
    return f"standard:{key}"


def clause_id(cid: str) -> str:
    """Id of a clause from :attr:`ingest.model.Clause.clause_id`."""
    return f"clause:{cid}"


def department_id(jurisdiction: str, canonical: str) -> str:
    """Id of a jurisdiction's office of one functional type (东阿县 + 民政)."""
    return f"department:{jurisdiction}/{canonical}"


def department_type_id(canonical: str) -> str:
    return f"depttype:{canonical}"


def target_id(cid: str, index: int) -> str:
    """Id of the ``index``-th target of a clause."""
    return f"target:{cid}#{index}"


def region_id(name: str) -> str:
    return f"region:{name}"


def office_id(name: str) -> str:
    return f"office:{name}"
