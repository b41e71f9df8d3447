"""The knowledge base on disk: build it atomically, open it, check it is current.

Layout of ``kb/``::

    manifest.json     schema version, build time, corpus digest, encoders (name + digest), files
    documents.jsonl   one Document (with its clause tree and extractions) per line
    graph.json        the networkx graph (node-link JSON)
    index/            passages, FAISS indexes, BM25 index (search_app.index)

A build writes into a temporary sibling directory and renames it into place, so a
failed build leaves the previous knowledge base intact.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Callable, Optional

from ingest.model import SCHEMA_VERSION, Clause, Document, document_from_dict
from ingest.records import read_jsonl, write_jsonl
from search_app.dense import KINDS

MANIFEST = "manifest.json"
DOCUMENTS = "documents.jsonl"
GRAPH = "graph.json"
INDEX = "index"


class KBError(RuntimeError):
    """The knowledge base is missing, stale or unreadable; the message says how to fix it."""


def corpus_digest(docs: list[Document]) -> str:
    """Digest of the corpus content: the source digests of all documents, order-free."""
    h = hashlib.sha256()
    for d in sorted(docs, key=lambda d: d.source):
        h.update(f"{d.source}\0{d.digest}\n".encode())
    return h.hexdigest()


def code_digest() -> str:
    """Digest of the code and data tables that shape a kb (ingest, graph, search_app).

    Part of the reuse check, so an upgraded extractor or index rebuilds the kb
    instead of serving what the old code extracted.
    """
    import graph
    import ingest
    import search_app

    h = hashlib.sha256()
    for pkg in (ingest, graph, search_app):
        root = Path(pkg.__file__).parent
        for f in sorted(p for p in root.rglob("*") if p.suffix in (".py", ".json")):
            h.update(f.relative_to(root.parent).as_posix().encode() + b"\0" + f.read_bytes())
    return h.hexdigest()


def write_documents(docs: list[Document], path: Path) -> None:
    """Write documents (with their clause trees) as UTF-8 JSON lines."""
    write_jsonl((d.to_dict() for d in docs), path)


def read_documents(path: Path) -> list[Document]:
    """Read documents written by :func:`write_documents`."""
    return [document_from_dict(d) for d in read_jsonl(path)]


def swap_into_place(tmp: Path, target: Path) -> None:
    """Replace ``target`` with ``tmp`` (two renames; the old copy is removed last)."""
    old = target.with_name(target.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        target.rename(old)
    tmp.rename(target)
    if old.exists():
        shutil.rmtree(old)


@dataclass
class BuildReport:
    """What a build did: documents in, files that failed (with reasons), whether it was reused."""

    kb_dir: Path
    documents: int = 0
    clauses: int = 0
    errors: list[str] = field(default_factory=list)
    reused: bool = False
    seconds: float = 0.0


def build_kb(
    corpus_dir: Path,
    kb_dir: Path,
    encoders: Optional[tuple[str, ...]] = None,
    force: bool = False,
    progress: bool = True,
    log: Callable[[str], None] = print,
    index: str = "flat",
) -> BuildReport:
    """Ingest ``corpus_dir`` and build graph and search indexes into ``kb_dir``.

    ``index`` is the FAISS index kind: ``flat`` (exact) or ``hnsw`` (approximate,
    for corpora of hundreds of thousands of passages; see bench/README.md).
    Reuses an existing knowledge base built from the same corpus, code, encoder
    weights and index kind unless ``force``. Bad files are reported by name and skipped; the others go in.
    Raises KBError when no document could be ingested (the previous kb stays).
    """
    from graph.build import build_graph
    from graph.store import save_graph
    from ingest.pipeline import ingest_corpus
    from search_app.encoders.factory import model_dir_for, spec_digest
    from search_app.index import DEFAULT_ENCODERS, build_index

    t0 = time.perf_counter()
    corpus_dir, kb_dir = Path(corpus_dir), Path(kb_dir)
    if not corpus_dir.is_dir():
        raise KBError(f"corpus folder {corpus_dir} does not exist; pass the folder holding the policy .txt files")
    encoders = tuple(encoders or DEFAULT_ENCODERS)
    if index not in KINDS:
        raise KBError(f"unknown index kind {index!r}; choose one of {', '.join(KINDS)}")
    for spec in encoders:
        path = model_dir_for(spec)
        if path is not None and not path.is_dir():
            hint = "run `policykg tune` first" if spec == "m3e-small-tuned" else (
                "run `python -m search_app.fetch_model`" if spec == "m3e-small" else
                "pass m3e-small, m3e-small-tuned, use or a sentence-transformers model folder")
            raise KBError(f"encoder {spec!r}: no model folder {path}; {hint}")
    docs, errors = ingest_corpus(corpus_dir, progress=progress)
    report = BuildReport(kb_dir=kb_dir, errors=[str(e) for e in errors])
    for e in report.errors:
        log(f"跳过 / skipped: {e}")
    if not docs:
        raise KBError(f"no document in {corpus_dir} could be ingested; the previous knowledge base is unchanged")
    digest, code = corpus_digest(docs), code_digest()
    report.documents, report.clauses = len(docs), sum(len(d.clauses) for d in docs)

    if not force and (kb_dir / MANIFEST).is_file():
        old = json.loads((kb_dir / MANIFEST).read_text(encoding="utf-8"))
        if (
            old.get("schema_version") == SCHEMA_VERSION
            and old.get("corpus_digest") == digest
            and old.get("code_digest") == code
            and [e["spec"] for e in old.get("encoders", [])] == list(encoders)
            and old.get("index", {}).get("dense_kind", "flat") == index
            and all(spec_digest(e["spec"]) in (None, e.get("digest", "").split(":")[0])  # ":onnx" = backend
                    for e in old.get("encoders", []))
        ):
            report.reused = True
            report.seconds = time.perf_counter() - t0
            return report

    kb_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{kb_dir.name}-build-", dir=kb_dir.parent))
    try:
        write_documents(docs, tmp / DOCUMENTS)
        save_graph(build_graph(docs), tmp / GRAPH)
        info = build_index(docs, tmp / INDEX, encoders=encoders, progress=progress, dense_kind=index)
        manifest = {
            "schema_version": SCHEMA_VERSION,
            "build_time": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "corpus_dir": str(corpus_dir.resolve()),
            "corpus_digest": digest,
            "code_digest": code,
            "documents": [{"doc": d.doc, "source": d.source, "digest": d.digest} for d in docs],
            "errors": report.errors,
            "encoders": info.get("encoders", []),
            "index": info,
        }
        (tmp / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
        swap_into_place(tmp, kb_dir)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    report.seconds = time.perf_counter() - t0
    return report


class KnowledgeBase:
    """A built knowledge base; graph and searcher load lazily on first use."""

    def __init__(self, kb_dir: Path, manifest: dict[str, Any], documents: list[Document]):
        self.dir = kb_dir
        self.manifest = manifest
        self.documents = documents
        self.by_doc = {d.doc: d for d in documents}
        self.clauses: dict[str, Clause] = {c.clause_id: c for d in documents for c in d.clauses}

    def document_of(self, clause_id: str) -> Document:
        return self.by_doc[self.clauses[clause_id].doc]

    @cached_property
    def graph(self):
        from graph.store import load_graph

        return load_graph(self.dir / GRAPH)

    @cached_property
    def searcher(self):
        """The search indexes with their encoders; KBError when the models changed since the build."""
        from search_app.searcher import Searcher

        try:
            return Searcher.load(self.dir / INDEX, self.documents)
        except (RuntimeError, FileNotFoundError) as e:
            raise KBError(str(e)) from e

    def stale_reason(self, corpus_dir: Optional[Path] = None) -> Optional[str]:
        """Why this kb does not match ``corpus_dir`` (default: the corpus it was built from), or None."""
        from ingest.pipeline import ingest_corpus

        corpus_dir = Path(corpus_dir or self.manifest.get("corpus_dir", ""))
        if not corpus_dir.is_dir():
            return None
        docs, _ = ingest_corpus(corpus_dir)
        if corpus_digest(docs) != self.manifest.get("corpus_digest"):
            return (
                f"知识库 {self.dir} 由另一份语料构建 / the knowledge base was built from another corpus; "
                f"rebuild it: policykg build {corpus_dir} --kb {self.dir}"
            )
        return None


def open_kb(kb_dir: Path | str) -> KnowledgeBase:
    """Open a built knowledge base, or raise KBError saying how to build it."""
    kb_dir = Path(kb_dir)
    manifest_path = kb_dir / MANIFEST
    if not manifest_path.is_file():
        raise KBError(
            f"知识库不存在 / no knowledge base in {kb_dir}: build it first with "
            f"`policykg build corpus --kb {kb_dir}` (or `make kb`)"
        )
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    if manifest.get("schema_version", SCHEMA_VERSION) != SCHEMA_VERSION:
        raise KBError(
            f"knowledge base {kb_dir} has schema {manifest.get('schema_version')}, this policykg reads "
            f"{SCHEMA_VERSION}: rebuild it with `policykg build corpus --kb {kb_dir} --force`"
        )
    return KnowledgeBase(kb_dir, manifest, read_documents(kb_dir / DOCUMENTS))
