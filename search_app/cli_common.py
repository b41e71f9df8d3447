"""Options and helpers shared by every `policykg` subcommand."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

KbOption = Annotated[
    Path,
    typer.Option("--kb", envvar="POLICYKG_KB", help="Knowledge-base directory (default kb/, or $POLICYKG_KB)."),
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def print_json(obj: Any) -> None:
    """Write ``obj`` to stdout as UTF-8 JSON (Chinese kept readable)."""
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


def fail(message: str, code: int = 1) -> None:
    """Print an error that says what to do, and exit non-zero."""
    typer.secho(f"错误 / error: {message}", fg=typer.colors.RED, err=True)
    raise typer.Exit(code)


def open_kb_or_fail(kb_dir: Path, search: bool = False):
    """Open the knowledge base, or exit with the message that says how to build it.

    With ``search``, also load the search indexes and models (failing clearly when the
    model weights changed since the build) and warn when the corpus the kb was built
    from has changed since.
    """
    from search_app.kb import KBError, open_kb

    try:
        kb = open_kb(kb_dir)
        if search:
            _ = kb.searcher
            if reason := kb.stale_reason():
                typer.secho(f"警告 / warning: {reason}", fg=typer.colors.YELLOW, err=True)
        return kb
    except KBError as e:
        fail(str(e))


def clause_table(records: list[dict[str, Any]], title: str = "", score: bool = True) -> Table:
    """Ranked clause records as a rich table: rank, score, 文号 and title, position, text."""
    columns = ["#", "score", "文号 / 标题", "位置", "条文"] if score else ["#", "文号 / 标题", "位置", "条文"]
    table = Table(*columns, title=title or None, show_lines=True)
    for r in records:
        cells = [str(r["rank"])] + ([f"{r['score']:.4f}"] if score else [])
        table.add_row(*cells, f"{r['doc']}\n{r['title']}", r["label"], r["text"])
    return table
