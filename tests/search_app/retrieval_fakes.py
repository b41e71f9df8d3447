"""Small stand-ins shared by the retrieval tests."""

from __future__ import annotations

import zlib

import numpy as np

from ingest.model import Clause, DepartmentMention, Document
from search_app.encoders import Encoder


class CharEncoder(Encoder):
    """Bag of hashed characters: texts sharing characters get similar vectors."""

    def __init__(self, name: str = "fake", dim: int = 64, multilingual: bool = False):
        self.name, self.dim, self.multilingual = name, dim, multilingual
        self.digest = f"{name}-{dim}"
        self.calls = 0

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        self.calls += len(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            for ch in t:
                out[i, zlib.crc32(ch.encode()) % self.dim] += 1.0
        return out


def clause(doc: str, n: int, text: str, **kw) -> Clause:
    return Clause(clause_id=f"{doc}:{n}", doc=doc, path=[str(n)], heading=text[:6], text=text, order=n, **kw)


def tiny_docs() -> list[Document]:
    """Two documents with a few clauses each (one with a 民政 lead department)."""
    a = Document(doc="甲政发〔2022〕1号", title="甲县养老方案", region="甲县", level="county", date="2022-03-01",
                 clauses=[
                     clause("甲政发〔2022〕1号", 1, "建设孝善食堂，为老年人提供助餐服务。确保孝善食堂持续健康运营。"),
                     clause("甲政发〔2022〕1号", 2, "建立养老服务联席会议制度。", departments=[
                         DepartmentMention("县民政局", "民政", "lead")]),
                     clause("甲政发〔2022〕1号", 3, "推进养老机构智慧消防建设，消防达标率达到100%。"),
                 ])
    b = Document(doc="乙办〔2024〕2号", title="乙区养老行动", region="乙区", level="county", date="2024-05-01",
                 clauses=[
                     clause("乙办〔2024〕2号", 1, "发展老年助餐服务，建设社区助餐点和孝善食堂。"),
                     clause("乙办〔2024〕2号", 2, "政府投资的养老服务设施不得转让或改变用途。"),
                 ])
    return [a, b]
