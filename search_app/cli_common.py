"""Options and helpers shared by every `policykg` subcommand."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

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
