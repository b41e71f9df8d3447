"""The graph commands of `policykg` on a small knowledge base made from the real corpus (no embeddings)."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from graph.build import build_graph
from graph.store import save_graph
from search_app.cli import app
from search_app.kb import write_documents

runner = CliRunner()


@pytest.fixture(scope="module")
def kb(corpus_dir, tmp_path_factory) -> Path:
    from ingest.pipeline import ingest_corpus

    docs, _ = ingest_corpus(corpus_dir, progress=False)
    kb_dir = tmp_path_factory.mktemp("graphkb")
    save_graph(build_graph(docs), kb_dir / "graph.json")
    write_documents(docs, kb_dir / "documents.jsonl")
    (kb_dir / "manifest.json").write_text("{}", encoding="utf-8")
    return kb_dir


def run(kb: Path, *args: str):
    res = runner.invoke(app, [*args, "--kb", str(kb)])
    return res


def ok_json(kb: Path, *args: str):
    res = run(kb, *args, "--json")
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


def test_lineage_json_and_table(kb):
    result = ok_json(kb, "lineage", "东政办字〔2023〕26号")
    assert result["chain"][0] == "东政办字〔2023〕26号" and "鲁政办发〔2022〕18号" in result["chain"]
    table = run(kb, "lineage", "东政办字〔2023〕26号")
    assert table.exit_code == 0 and "→ 鲁政办发〔2022〕18号" in table.stdout


def test_lineage_of_an_unknown_policy_fails_with_advice(kb):
    res = run(kb, "lineage", "不存在〔2020〕1号")
    assert res.exit_code == 1 and "文号" in res.output


def test_departments_targets_stats(kb):
    rows = ok_json(kb, "departments", "--type", "民政", "--role", "lead")
    assert rows and all(r["type"] == "民政" and r["lead"] for r in rows)
    assert run(kb, "departments", "--role", "boss").exit_code == 1
    targets = ok_json(kb, "targets", "--indicator", "护理型床位", "--year", "2025")
    assert targets and all("护理型床位" in t["indicator"] and t["year"] == 2025 for t in targets)
    stats = ok_json(kb, "stats")
    assert stats["nodes"] == sum(stats["node_types"].values()) > 0


def test_sparql_json_rows_and_table(kb):
    q = 'SELECT ?n WHERE { ?p eli:id_local ?n ; pkg:level "national" } ORDER BY ?n'
    rows = ok_json(kb, "sparql", q)
    assert {"n": "中办发〔2022〕42号"} in rows
    table = run(kb, "sparql", 'SELECT ?c WHERE { ?c pkg:leadDepartment ?d } LIMIT 1')
    assert table.exit_code == 0 and "clause:" in table.stdout
    assert run(kb, "sparql", "SELECT WHERE").exit_code == 1


@pytest.mark.parametrize("fmt", ["graphml", "turtle", "csv"])
def test_export_graph_formats(kb, tmp_path, fmt):
    out = tmp_path / ("csv" if fmt == "csv" else f"g.{fmt}")
    res = run(kb, "export", "--format", fmt, "--out", str(out))
    assert res.exit_code == 0, res.output
    assert (out / "nodes.csv").is_file() if fmt == "csv" else out.stat().st_size > 0
    if fmt == "graphml":
        assert nx.read_graphml(out, force_multigraph=True).number_of_nodes() == ok_json(kb, "stats")["nodes"]


def test_export_records_jsonl(kb, tmp_path):
    out = tmp_path / "clauses.jsonl"
    assert run(kb, "export", "--format", "clauses-jsonl", "--out", str(out)).exit_code == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines and {"clause_id", "label", "departments"} <= lines[0].keys()
    out = tmp_path / "documents.jsonl"
    assert run(kb, "export", "--format", "documents-jsonl", "--out", str(out)).exit_code == 0
    n_docs = len((kb / "documents.jsonl").read_text(encoding="utf-8").splitlines())
    assert len(out.read_text(encoding="utf-8").splitlines()) == n_docs


def test_export_unknown_format_and_missing_kb(kb, tmp_path):
    assert run(kb, "export", "--format", "xlsx", "--out", str(tmp_path / "x")).exit_code == 1
    res = run(tmp_path / "nokb", "stats")
    assert res.exit_code == 1 and "policykg build" in res.output


def test_push_to_an_unreachable_store_fails_cleanly(kb):
    res = run(kb, "push", "--endpoint", "http://127.0.0.1:9", "--timeout", "2")
    assert res.exit_code == 1 and "cannot reach" in res.output
