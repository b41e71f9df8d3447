"""`policykg tune`: adapt m3e-small to a corpus without labels (see search_app/tune.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from search_app.cli_common import JsonFlag, fail, print_json

console = Console(stderr=True)


def tune(
    corpus_dir: Annotated[Path, typer.Argument(help="Folder of policy .txt/.md files.")] = Path("corpus"),
    out: Annotated[Optional[Path], typer.Option("--out", help="Where to save the tuned model "
                                                 "(default: the cache, used by --model m3e-small-tuned).")] = None,
    epochs: Annotated[int, typer.Option("--epochs", min=1, help="Passes over the training pairs.")] = 3,
    learning_rate: Annotated[float, typer.Option("--lr", help="Learning rate.")] = 5e-5,
    base: Annotated[Optional[Path], typer.Option("--base", help="Model folder to start from (default m3e-small).")] = None,
    json_out: JsonFlag = False,
) -> None:
    """Adapt m3e-small to the corpus's own heading/body and question/clause pairs (no labels).

    The result is opt-in: `policykg build --model m3e-small-tuned --model use`.
    """
    from ingest.pipeline import ingest_corpus
    from search_app.fetch_model import default_model_dir
    from search_app.tune import TuneSettings, corpus_pairs, train, tuned_model_dir

    if not Path(corpus_dir).is_dir():
        fail(f"corpus folder {corpus_dir} not found; pass the folder of policy files")
    base = base or default_model_dir()
    if not Path(base).is_dir():
        fail(f"model folder {base} not found; run `python -m search_app.fetch_model` first")
    docs, errors = ingest_corpus(corpus_dir)
    for e in errors:
        console.print(f"[yellow]skipped {e}[/]")
    pairs = corpus_pairs(docs)
    console.print(f"{len(pairs)} training pairs from {len(docs)} documents")
    try:
        info = train(base, pairs, out or tuned_model_dir(), TuneSettings(epochs=epochs, learning_rate=learning_rate),
                     log=lambda m: console.print(f"[green]{m}[/]"))
    except ValueError as e:
        fail(str(e))
    if json_out:
        print_json({"out": str(out or tuned_model_dir()), **info})


def register(app: typer.Typer) -> None:
    """Attach `tune` to the policykg app."""
    app.command()(tune)
