"""Export record shapes (clauses-jsonl, documents-jsonl) and enrich(doc)."""

import json

from ingest.enrich import enrich
from ingest.model import Clause, Document
from ingest.records import clause_record, document_record, write_jsonl

CLAUSE_KEYS = {"clause_id", "doc", "path", "heading", "text", "departments", "targets", "citations"}
DOC_KEYS = {"doc", "title", "issuers", "date", "region", "city", "province", "level", "citations"}


def _doc():
    text = ("1. 完善服务清单。根据《某市养老服务实施方案》（某政办发〔2023〕9号）精神，"
            "到2025年，护理型床位占比达到60%以上。（牵头单位：县民政局；配合单位：县财政局）")
    annex = Clause("某政发〔2024〕1号:附件1", "某政发〔2024〕1号", ["附件1"], "重点任务表", "附件1\n重点任务表", kind="annex")
    again = Clause("某政发〔2024〕1号:2", "某政发〔2024〕1号", ["2"], "", "按照《某市养老服务实施方案》要求，参照《重点任务表》执行。")
    return Document(
        doc="某政发〔2024〕1号", title="某县养老服务方案", issuers=["某县人民政府"], date="2024-01-02",
        region="某县", city="某市", province="某省", level="county",
        clauses=[Clause("某政发〔2024〕1号:1", "某政发〔2024〕1号", ["1"], "完善服务清单", text), again, annex],
    )


def test_enrich_fills_clauses_and_merges_document_citations():
    doc = enrich(_doc())
    first = doc.clauses[0]
    assert [(d.name, d.role) for d in first.departments] == [("县民政局", "lead"), ("县财政局", "support")]
    assert [(t.value, t.unit, t.comparator, t.year) for t in first.targets] == [(60, "%", ">=", 2025)]
    assert [(c.number, c.title, c.basis) for c in doc.citations] == [
        ("某政办发〔2023〕9号", "某市养老服务实施方案", True)]


def test_own_annex_and_own_number_are_not_citations():
    doc = _doc()
    doc.clauses[1].text += "本方案（某政发〔2024〕1号）自印发之日起施行。"
    enrich(doc)
    assert all(c.title != "重点任务表" and c.number != doc.doc for c in doc.citations)


def test_record_shapes_and_jsonl(tmp_path):
    doc = enrich(_doc())
    rec = clause_record(doc.clauses[0])
    assert CLAUSE_KEYS <= set(rec)
    assert set(rec["departments"][0]) >= {"name", "canonical", "role"}
    assert set(rec["targets"][0]) >= {"indicator", "value", "unit", "comparator", "year", "scope", "text"}
    assert set(rec["citations"][0]) >= {"number", "title", "kind", "basis"}
    drec = document_record(doc)
    assert DOC_KEYS <= set(drec) and drec["date"] == "2024-01-02"
    path = tmp_path / "out" / "clauses.jsonl"
    assert write_jsonl([rec, clause_record(doc.clauses[1])], path) == 2
    raw = path.read_text(encoding="utf-8")
    assert "县民政局" in raw and "\\u" not in raw
    assert json.loads(raw.splitlines()[0]) == rec


def test_position_labels_read_as_chinese_readers_write_them():
    from ingest.model import position_label

    assert position_label(["二", "（一）", "2"]) == "二、（一）2."
    assert position_label(["第三章", "第十四条"]) == "第三章第十四条"
    assert position_label(["§4", "¶1"]) == "§4 ¶1"
