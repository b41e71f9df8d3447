"""`policykg ask` (structured answers) and `policykg similar` (precedent lookup)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from search_app.cli_common import JsonFlag, KbOption, clause_table, fail, open_kb_or_fail, print_json
from search_app.render import ROLE_LABELS, target_line


def ask(
    question: Annotated[str, typer.Argument(help="e.g. 哪个部门牵头老年人口数据发布？")],
    k: Annotated[int, typer.Option("--k", min=1)] = 5,
    mode: Annotated[str, typer.Option("--mode", help="hybrid | dense | bm25")] = "hybrid",
    json_out: JsonFlag = False,
    kb: KbOption = Path("kb"),
) -> None:
    """Answer from the graph as well as from text: departments, targets or parent policies."""
    from search_app.answer import ask as run_ask

    result = run_ask(open_kb_or_fail(kb, search=True), question, k=k, mode=mode)
    if json_out:
        print_json(result)
        return
    out = Console()
    out.print(f"[bold]意图 / intent:[/] {result['intent']}")
    ans = result["answer"]
    for e in ans.get("departments", []):
        roles = "；".join(f"{ROLE_LABELS[r]}：{'、'.join(e[r])}" for r in ROLE_LABELS if e.get(r))
        out.print(f"  {e['doc']} {e['label']}  {roles}")
    for t in ans.get("targets", []):
        out.print(f"  {t['doc']} {t['label']}  {target_line(t)}")
    for p in ans.get("policies", []) + ans.get("documents", []):
        out.print(f"  {p}")
    out.print(clause_table(result["clauses"], score=False))


def similar(
    clause_id: Annotated[str, typer.Argument(help="A clause id, e.g. 东政办字〔2023〕26号:二/（一）/2")],
    k: Annotated[int, typer.Option("--k", min=1)] = 5,
    json_out: JsonFlag = False,
    kb: KbOption = Path("kb"),
) -> None:
    """The most similar clauses in OTHER documents: how have other counties worded this?"""
    from search_app.results import clause_result

    knowledge = open_kb_or_fail(kb, search=True)
    if clause_id not in knowledge.clauses:
        fail(f"no clause {clause_id!r} in {kb}; take a clause_id from `policykg search … --json`")
    hits = knowledge.searcher.similar(clause_id, k=k)
    records = []
    for rank, hit in enumerate(hits, start=1):
        clause = knowledge.clauses[hit.clause_id]
        records.append(clause_result(rank, hit.score, clause, knowledge.by_doc[clause.doc]))
    if json_out:
        print_json(records)
        return
    Console().print(clause_table(records, title=f"与 {clause_id} 相似的其他地区条款"))


def register(app: typer.Typer) -> None:
    """Attach `ask` and `similar` to the policykg app."""
    app.command()(ask)
    app.command()(similar)
