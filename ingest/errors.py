"""The one error ingestion raises for a file it cannot turn into a Document."""

from __future__ import annotations

from pathlib import Path


class IngestError(Exception):
    """A source file that is not a usable policy text.

    The message names the file and says what to do; ``path`` keeps the file
    so callers can report several failures together.
    """

    def __init__(self, path: str | Path, problem: str, advice: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem} — {advice}")
