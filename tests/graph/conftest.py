"""Graph fixtures: three small hand-made documents and the graph of the real corpus."""

from __future__ import annotations

import pytest

from graph.build import build_graph
from ingest.model import Citation, Clause, DepartmentMention, Document, Target

PROVINCIAL = "鲁政办发〔2022〕18号"
PROVINCIAL_TITLE = "山东省人民政府办公厅关于推进基本养老服务体系建设的实施意见"


def _clause(doc: str, path: list[str], text: str, kind: str = "clause", parent=None, order=0, **extra) -> Clause:
    cid = f"{doc}:{'/'.join(path) or '0'}"
    return Clause(clause_id=cid, doc=doc, path=path, heading=text[:6], text=text, level=len(path), kind=kind,
                  parent_id=parent, order=order, **extra)


def county_doc() -> Document:
    """A county plan based on the provincial policy (by number) and on the city plan (by title only)."""
    d = "东政办字〔2023〕26号"
    basis = [
        Citation(number=PROVINCIAL, title=PROVINCIAL_TITLE, basis=True, issuer="山东省人民政府办公厅"),
        Citation(number=None, title="聊城市人民政府办公室关于印发《聊城市养老服务实施方案》的通知", basis=True),
    ]
    clauses = [
        _clause(d, [], "为推进养老服务……", kind="preamble", citations=basis),
        _clause(d, ["一"], "一、健全服务体系", order=1),
        _clause(d, ["一", "1"], "1.完善清单。（县民政局牵头，县财政局配合）", parent=f"{d}:一", order=2,
                departments=[DepartmentMention("县民政局", "民政", "lead"),
                             DepartmentMention("县财政局", "财政", "support")],
                targets=[Target("护理型床位占比", 65.0, "%", ">=", 2025, "全县")]),
        _clause(d, ["一", "2"], "2.加强监管。（民政局、市民政局负责）", parent=f"{d}:一", order=3,
                departments=[DepartmentMention("民政局", "民政", "responsible"),
                             DepartmentMention("市民政局", "民政", "responsible")],
                citations=[Citation("GB/T 35796-2017", "养老机构服务质量基本规范", kind="standard")]),
        _clause(d, ["附件1"], "附件1 清单", kind="annex", order=4),
    ]
    return Document(doc=d, title="东阿县养老服务实施方案", issuers=["东阿县人民政府办公室"], date="2023-12-26",
                    region="东阿县", city="聊城市", province="山东省", level="county", clauses=clauses,
                    citations=list(basis) + [clauses[3].citations[0]])


def city_doc() -> Document:
    """The city plan the county plan cites by title; it cites the provincial policy by title only."""
    d = "聊政办字〔2023〕19号"
    basis = [Citation(number=None, title=f"《{PROVINCIAL_TITLE}》", basis=True)]
    clauses = [
        _clause(d, [], "根据……", kind="preamble", citations=basis),
        _clause(d, ["一"], "一、目标。全市养老机构护理型床位占比达到60%", order=1,
                targets=[Target("养老机构护理型床位占比", 60.0, "%", ">=", 2025, "全市")]),
    ]
    return Document(doc=d, title="聊城市养老服务实施方案", issuers=["聊城市人民政府办公室"], date="2023-06-01",
                    city="聊城市", province="山东省", level="city", clauses=clauses, citations=list(basis))


def other_county_doc() -> Document:
    """Another county's plan citing the provincial and a national policy by number."""
    d = "郯政办字〔2025〕20号"
    basis = [
        Citation(number="中办发〔2022〕42号", title="中共中央办公厅国务院办公厅印发<关于推进基本养老服务体系建设的意见>的通知",
                 basis=True),
        Citation(number=PROVINCIAL, title=PROVINCIAL_TITLE, basis=True),
    ]
    clauses = [
        _clause(d, [], "为实施……", kind="preamble", citations=basis),
        _clause(d, ["一"], "一、任务。（县民政局负责）", order=1,
                departments=[DepartmentMention("县民政局", "民政", "lead")]),
    ]
    return Document(doc=d, title="郯城县养老服务实施方案", issuers=["郯城县人民政府办公室"], date="2025-07-17",
                    region="郯城县", city="临沂市", province="山东省", level="county", clauses=clauses,
                    citations=list(basis))


@pytest.fixture()
def county() -> Document:
    return county_doc()


@pytest.fixture()
def city() -> Document:
    return city_doc()


@pytest.fixture()
def docs() -> list[Document]:
    return [county_doc(), city_doc(), other_county_doc()]


@pytest.fixture()
def graph(docs):
    return build_graph(docs)


@pytest.fixture(scope="session")
def corpus_docs(corpus_dir):
    from ingest.pipeline import ingest_corpus

    docs, errors = ingest_corpus(corpus_dir, progress=False)
    assert not errors
    return docs


@pytest.fixture(scope="session")
def corpus_graph(corpus_docs):
    return build_graph(corpus_docs)
