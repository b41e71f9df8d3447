"""Graph commands of `policykg`: lineage, departments, targets, stats, export, sparql, push."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from search_app.cli_common import JsonFlag, KbOption, fail, open_kb_or_fail, print_json
from search_app.render import ROLE_LABELS, target_line

JSONL_FORMATS = ("clauses-jsonl", "documents-jsonl")


def _graph(kb_dir: Path):
    try:
        return open_kb_or_fail(kb_dir).graph
    except FileNotFoundError as e:
        fail(str(e))


def lineage(
    doc: Annotated[str, typer.Argument(help="文号 (e.g. 东政办字〔2023〕26号) or exact title.")],
    json_out: JsonFlag = False,
    kb: KbOption = Path("kb"),
) -> None:
    """政策沿革 / Policy lineage: what a policy is based on (up to national level) and what builds on it."""
    from graph.queries import lineage as run

    try:
        result = run(_graph(kb), doc)
    except KeyError as e:
        fail(e.args[0])
    if json_out:
        print_json(result)
        return
    out = Console()
    out.print(f"[bold]{' → '.join(result['chain'])}[/]")
    for title, key in (("上位依据与引用 / parents", "parents"), ("下位文件 / documents citing it", "children")):
        table = Table(title=title)
        for col in ("depth", "关系", "文号", "标题", "层级", "语料内"):
            table.add_column(col)
        for p in result[key]:
            table.add_row(str(p["depth"]), p["relation"], p["number"] or "", p["title"] or "", p["level"] or "",
                          "✓" if p["in_corpus"] else "")
        out.print(table)


def departments(
    type_: Annotated[Optional[str], typer.Option("--type", help="Department type, e.g. 民政.")] = None,
    role: Annotated[Optional[str], typer.Option("--role", help="lead | support | responsible | mentioned")] = None,
    json_out: JsonFlag = False,
    kb: KbOption = Path("kb"),
) -> None:
    """部门职责 / Per document, the clauses a department type leads, supports or is responsible for."""
    from graph.queries import departments as run

    if role and role not in ROLE_LABELS:
        fail(f"unknown --role {role}; choose one of {', '.join(ROLE_LABELS)}")
    rows = run(_graph(kb), type=type_, role=role)
    if json_out:
        print_json(rows)
        return
    table = Table(title=f"部门 / departments{f' — {type_}' if type_ else ''}", show_lines=True)
    for col in ("类型", "部门", "文号", *(ROLE_LABELS[r] for r in ROLE_LABELS if not role or r == role)):
        table.add_column(col)
    for r in rows:
        cells = [" ".join(c["label"] or c["clause_id"] for c in r[k]) for k in ROLE_LABELS if k in r]
        table.add_row(r["type"], r["department"] or "", r["doc"], *cells)
    Console().print(table)


def targets(
    indicator: Annotated[Optional[str], typer.Option("--indicator", help="Substring of the indicator.")] = None,
    year: Annotated[Optional[int], typer.Option("--year")] = None,
    json_out: JsonFlag = False,
    kb: KbOption = Path("kb"),
) -> None:
    """目标指标 / Quantitative targets across documents, comparable side by side."""
    from graph.queries import targets as run

    rows = run(_graph(kb), indicator=indicator, year=year)
    if json_out:
        print_json(rows)
        return
    table = Table(title="目标 / targets")
    for col in ("指标", "文号", "位置", "范围"):
        table.add_column(col)
    for t in rows:
        table.add_row(target_line(t), t["doc"], t["label"] or "", t["scope"] or "")
    Console().print(table)


def stats(json_out: JsonFlag = False, kb: KbOption = Path("kb")) -> None:
    """图谱统计 / Node and edge counts by type."""
    from graph.queries import stats as run

    result = run(_graph(kb))
    if json_out:
        print_json(result)
        return
    table = Table(title=f"{result['nodes']} nodes, {result['edges']} edges")
    table.add_column("kind")
    table.add_column("type")
    table.add_column("count", justify="right")
    for kind in ("node_types", "edge_types"):
        for t, n in result[kind].items():
            table.add_row(kind.split("_")[0], t, str(n))
    Console().print(table)


def export(
    fmt: Annotated[str, typer.Option("--format", help="graphml | gexf | cytoscape | nodelink | csv | turtle | "
                                     "jsonld | ntriples | clauses-jsonl | documents-jsonl")],
    out: Annotated[Path, typer.Option("--out", help="Output file (a folder for csv).")],
    kb: KbOption = Path("kb"),
) -> None:
    """导出 / Export the graph (visual tools, Neo4j, RDF) or clause/document records (JSONL)."""
    from graph.export import WRITERS, export_graph

    if fmt in JSONL_FORMATS:
        from ingest.records import clause_record, document_record, write_jsonl

        docs = open_kb_or_fail(kb).documents
        records = ([clause_record(c) for d in docs for c in d.clauses] if fmt == "clauses-jsonl"
                   else [document_record(d) for d in docs])
        n = write_jsonl(records, out)
        Console(stderr=True).print(f"[green]{n} records → {out}[/]")
        return
    if fmt not in WRITERS:
        fail(f"unknown --format {fmt}; choose one of {', '.join((*WRITERS, *JSONL_FORMATS))}")
    G = _graph(kb)
    export_graph(G, fmt, out)
    Console(stderr=True).print(f"[green]{G.number_of_nodes()} nodes, {G.number_of_edges()} edges → {out} ({fmt})[/]")


def sparql(
    query: Annotated[str, typer.Argument(help="SPARQL 1.1 query; prefixes eli org skos dcterms pkg rdf rdfs xsd "
                                        "are predeclared.")],
    json_out: JsonFlag = False,
    kb: KbOption = Path("kb"),
) -> None:
    """SPARQL 查询 / Run a SPARQL 1.1 query on the knowledge graph (embedded Oxigraph)."""
    from graph.rdf import node_of
    from graph.sparql import rdf_store, run_sparql

    try:
        result = run_sparql(rdf_store(_graph(kb)), query)
    except ValueError as e:
        fail(str(e))
    if json_out or isinstance(result, bool):
        print_json(result)
        return
    table = Table(title=f"{len(result)} rows")
    for col in (result[0] if result else {}):
        table.add_column(col)
    for row in result:
        table.add_row(*("" if v is None else node_of(str(v)) for v in row.values()))
    Console().print(table)


def push(
    endpoint: Annotated[str, typer.Option("--endpoint", help="SPARQL store base URL, e.g. http://127.0.0.1:7878")],
    graph: Annotated[Optional[str], typer.Option("--graph", help="Named graph IRI (default graph if omitted).")] = None,
    append: Annotated[bool, typer.Option("--append", help="POST (add) instead of PUT (replace).")] = False,
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds to wait for the store.")] = 60.0,
    kb: KbOption = Path("kb"),
) -> None:
    """推送 / Load the graph into a SPARQL 1.1 store (Graph Store Protocol, N-Triples)."""
    from graph.push import PushError, push_graph, store_url

    try:
        n = push_graph(_graph(kb), endpoint, graph=graph, replace=not append, timeout=timeout)
    except PushError as e:
        fail(str(e))
    Console(stderr=True).print(f"[green]{n} triples → {store_url(endpoint, graph)}[/]")


def register(app: typer.Typer) -> None:
    """Attach the graph commands to the policykg app."""
    for fn in (lineage, departments, targets, stats, export, sparql, push):
        app.command()(fn)
