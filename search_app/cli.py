"""The `policykg` command line: build, search, eval, app (+ graph commands from cli_graph)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from search_app import cli_answer, cli_graph, cli_tune
from search_app.cli_common import JsonFlag, KbOption, clause_table, fail, open_kb_or_fail, print_json

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

app = typer.Typer(
    help="policykg — 养老服务政策知识图谱与语义检索 / knowledge graph and search over policy text.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console(stderr=True)

ModeOption = Annotated[str, typer.Option("--mode", help="hybrid | dense | bm25")]


def _filters(**kw) -> dict:
    return {k: v for k, v in kw.items() if v not in (None, "")}


@app.command()
def build(
    corpus_dir: Annotated[Path, typer.Argument(help="Folder of policy .txt/.md files.")] = Path("corpus"),
    kb: KbOption = Path("kb"),
    model: Annotated[
        Optional[list[str]],
        typer.Option("--model", help="Encoder(s): m3e-small, use, or a sentence-transformers model folder. Repeatable."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Rebuild even when the kb is up to date.")] = False,
    index: Annotated[str, typer.Option("--index", help="FAISS index: flat (exact) or hnsw (approximate, for very large corpora).")] = "flat",
) -> None:
    """Ingest the corpus and build graph and search indexes (reuses an up-to-date kb)."""
    from search_app.kb import KBError, build_kb

    try:
        report = build_kb(corpus_dir, kb, encoders=tuple(model) if model else None, force=force,
                          log=lambda m: console.print(f"[yellow]{m}[/]"), index=index)
    except KBError as e:
        fail(str(e))
    state = "已是最新 / up to date" if report.reused else f"built in {report.seconds:.1f}s"
    console.print(
        f"[green]知识库 {report.kb_dir}[/]: {report.documents} documents, {report.clauses} clauses — {state}"
        + (f"; {len(report.errors)} file(s) skipped" if report.errors else "")
    )


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="The question, e.g. 哪个部门牵头老年人口数据发布？")],
    k: Annotated[int, typer.Option("--k", min=1, help="Number of clauses.")] = 5,
    mode: ModeOption = "hybrid",
    json_out: JsonFlag = False,
    kb: KbOption = Path("kb"),
    doc: Annotated[Optional[str], typer.Option("--doc", help="Only this document (文号).")] = None,
    region: Annotated[Optional[str], typer.Option("--region")] = None,
    city: Annotated[Optional[str], typer.Option("--city")] = None,
    province: Annotated[Optional[str], typer.Option("--province")] = None,
    level: Annotated[Optional[str], typer.Option("--level", help="national|provincial|city|county")] = None,
    year_from: Annotated[Optional[int], typer.Option("--year-from")] = None,
    year_to: Annotated[Optional[int], typer.Option("--year-to")] = None,
    department_type: Annotated[Optional[str], typer.Option("--dept-type", help="e.g. 民政")] = None,
    role: Annotated[Optional[str], typer.Option("--role", help="lead|support|responsible|mentioned")] = None,
) -> None:
    """Ranked clauses for a question, with document, position and text."""
    from search_app.query import MODES, search_records

    if mode not in MODES:
        fail(f"unknown --mode {mode}; choose one of {', '.join(MODES)}")
    knowledge = open_kb_or_fail(kb, search=True)
    filters = _filters(doc=doc, region=region, city=city, province=province, level=level, year_from=year_from,
                       year_to=year_to, department_type=department_type, role=role)
    records = search_records(knowledge, query, k=k, mode=mode, filters=filters)
    if json_out:
        print_json(records)
        return
    Console().print(clause_table(records, title=f"{query}  ({mode})"))


@app.command("eval")
def eval_cmd(
    questions: Annotated[Path, typer.Argument(help="Questions JSONL (format of shared/eval/dev_questions.jsonl).")],
    k: Annotated[int, typer.Option("--k", min=1)] = 10,
    mode: ModeOption = "hybrid",
    json_out: JsonFlag = False,
    details: Annotated[bool, typer.Option("--details", help="Add each question's top-k results.")] = False,
    ask: Annotated[bool, typer.Option("--ask", help="Score `ask` instead: intent and structured answer.")] = False,
    kb: KbOption = Path("kb"),
) -> None:
    """Score retrieval on a question file: recall@1/5/10 and MRR@10, overall and by kind."""
    from search_app.evaluate import evaluate, load_questions
    from search_app.query import search_records

    if not questions.is_file():
        fail(f"question file {questions} not found")
    knowledge = open_kb_or_fail(kb, search=True)
    qs = load_questions(questions)
    if ask:
        from search_app.ask_eval import evaluate_ask

        print_json(evaluate_ask(knowledge, qs))
        return

    def search_fn(text: str, kk: int):
        return search_records(knowledge, text, k=kk, mode=mode, highlight=False)

    result = evaluate(qs, search_fn, k=k, details=details)
    if json_out:
        print_json(result)
        return
    table = Table(title=f"{questions.name} — mode {mode}, n={result['n']}")
    keys = ("recall@1", "recall@5", "recall@10", "mrr@10")
    table.add_column("kind")
    for key in keys:
        table.add_column(key, justify="right")
    table.add_row("all", *(f"{result[key]:.3f}" for key in keys))
    for kind, sub in sorted(result["by_kind"].items()):
        table.add_row(kind, *(f"{sub[key]:.3f}" for key in keys))
    Console().print(table)


@app.command("app")
def app_cmd(
    port: Annotated[int, typer.Option("--port")] = 8501,
    host: Annotated[str, typer.Option("--host")] = "127.0.0.1",
    kb: KbOption = Path("kb"),
) -> None:
    """Serve the Streamlit app (Chinese UI); `?q=…` in the URL runs that question on load."""
    open_kb_or_fail(kb)  # fail early with a clear message when there is no kb
    script = Path(__file__).with_name("app.py")
    env = dict(os.environ, POLICYKG_KB=str(Path(kb).resolve()))
    cmd = [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port),
           "--server.address", host, "--server.headless", "true", "--browser.gatherUsageStats", "false",
           "--client.toolbarMode", "minimal"]
    console.print(f"[green]policykg app on http://{'localhost' if host in ('127.0.0.1', '0.0.0.0') else host}:{port}[/]")
    sys.stdout.flush()
    # Replace this process with the server, so stopping `policykg app` (Ctrl-C, SIGTERM) stops it.
    os.execve(sys.executable, cmd, env)


for _module in (cli_graph, cli_answer, cli_tune):
    _module.register(app)
