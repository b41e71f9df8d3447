"""Ingest policy files into :class:`~ingest.model.Document` records.

I/O lives here: reading and decoding files, walking the corpus directory and
reporting progress. The pure work is done by :mod:`ingest.metadata`,
:mod:`ingest.segment` and (when present) :mod:`ingest.enrich`.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ingest.enrich import enrich
from ingest.errors import IngestError
from ingest.metadata import extract_metadata
from ingest.model import Document
from ingest.normalize import index_text
from ingest.segment import segment

ENCODINGS = ("utf-8-sig", "gb18030")
SUFFIXES = (".txt", ".md")


def decode(path: Path, data: bytes) -> str:
    """Decode file bytes as UTF-8 (with or without BOM), else GB18030.

    Raises
    ------
    IngestError
        When the bytes are empty or not text (NUL bytes, undecodable).
    """
    if not data.strip():
        raise IngestError(path, "the file is empty", "add the policy text or remove the file")
    if b"\x00" in data:
        raise IngestError(path, "not a text file (binary content)", "convert it to UTF-8 plain text")
    for enc in ENCODINGS:
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise IngestError(path, "cannot decode as UTF-8 or GB18030", "save the file as UTF-8 plain text")


def read_source(path: str | Path) -> tuple[str, bytes]:
    """Decoded text and raw bytes of a policy file.

    Clause ``start``/``end`` offsets index this text (newlines untranslated,
    a UTF-8 BOM removed), so ``text[c.start:c.end]`` is the clause's source span.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise IngestError(path, f"cannot read the file ({err.strerror})", "check the path and permissions") from err
    return decode(path, data), data


def ingest_file(path: str | Path) -> Document:
    """Read one policy file into a Document with metadata and clause tree.

    Parameters
    ----------
    path : str or Path
        A UTF-8 (or GB18030) text or markdown file.

    Returns
    -------
    Document
        Metadata, header, clauses (preamble, numbered clauses, annexes),
        trailer and the sha256 of the file bytes; each clause carries its
        normalized indexing text and, from :func:`ingest.enrich.enrich`, its
        departments, targets and citations.

    Raises
    ------
    IngestError
        When the file is not text or has no 文号, title or clauses.
    """
    path = Path(path)
    text, data = read_source(path)
    meta = extract_metadata(text)
    if not meta["doc"]:
        raise IngestError(path, "no document number (文号) found in the header",
                          "add the number, e.g. 东政办字〔2023〕26号, on its own line above the title")
    if not meta["title"]:
        raise IngestError(path, "no title found", "put the policy title on its own line above the body")
    header, clauses, trailer = segment(text, meta["doc"])
    if not clauses:
        raise IngestError(path, "no clauses found", "check that the body follows the header (为… or 一、…)")
    doc = Document(
        doc=meta["doc"], title=meta["title"], source=path.name, issuers=meta["issuers"], date=meta["date"],
        region=meta["region"], city=meta["city"], province=meta["province"], level=meta["level"],
        header=header, clauses=clauses, trailer=trailer, digest=hashlib.sha256(data).hexdigest(),
    )
    for clause in doc.clauses:
        clause.norm_text = index_text(clause.text)
    return enrich(doc)


def corpus_files(corpus_dir: str | Path) -> list[Path]:
    """Policy files of a corpus directory (``*.txt`` and ``*.md``, not ``README.*``), sorted by name."""
    root = Path(corpus_dir)
    if not root.is_dir():
        raise IngestError(root, "corpus directory not found", "pass the folder holding the policy .txt files")
    return sorted(p for p in root.iterdir()
                  if p.is_file() and p.suffix.lower() in SUFFIXES and p.stem.lower() != "readme")


def ingest_corpus(corpus_dir: str | Path, progress: bool = False) -> tuple[list[Document], list[IngestError]]:
    """Ingest every policy file of a directory; a bad file does not stop the others.

    Parameters
    ----------
    corpus_dir : str or Path
        Folder with ``*.txt``/``*.md`` policy files.
    progress : bool
        Show a rich progress bar.

    Returns
    -------
    tuple of (list of Document, list of IngestError)
        Documents in file-name order and one error per file that failed.
    """
    files = corpus_files(corpus_dir)
    if progress:
        from rich.progress import track

        files = track(files, description="解析政策文件")
    docs: list[Document] = []
    errors: list[IngestError] = []
    for path in files:
        try:
            docs.append(ingest_file(path))
        except IngestError as err:
            errors.append(err)
    return docs, errors
