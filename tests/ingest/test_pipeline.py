"""File reading, decoding, bad input handling and corpus ingestion (its speed: `make bench`)."""

from __future__ import annotations

import hashlib
import shutil

import pytest

from ingest.errors import IngestError
from ingest.pipeline import ingest_corpus, ingest_file, read_source

POLICY = (
    "某县人民政府办公室文件\n\n某政办字〔2024〕1号\n\n某县人民政府办公室\n\n2024年1月2日\n\n"
    "某县养老服务实施方案\n\n为推进养老服务，制定本方案。\n\n一、总体要求\n\n（一）目标。到2025年建成10个助餐点。\n"
)


def test_ingest_file_fills_document(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(POLICY, encoding="utf-8")
    doc = ingest_file(path)
    assert (doc.doc, doc.title, doc.source, doc.date) == ("某政办字〔2024〕1号", "某县养老服务实施方案", "a.txt", "2024-01-02")
    assert doc.issuers == ["某县人民政府办公室"] and doc.level == "county"
    assert doc.digest == hashlib.sha256(path.read_bytes()).hexdigest()
    assert [c.clause_id for c in doc.clauses] == ["某政办字〔2024〕1号:0", "某政办字〔2024〕1号:一", "某政办字〔2024〕1号:一/（一）"]
    assert "某县人民政府办公室文件" in doc.header


def test_offsets_index_the_source_text_even_with_crlf(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(POLICY.replace("\n", "\r\n").encode("utf-8"))
    text, _ = read_source(path)
    for c in ingest_file(path).clauses:
        assert text[c.start:c.end].replace("\r\n", "\n") == c.text


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_other_encodings_decode(tmp_path, encoding):
    path = tmp_path / "b.md"
    path.write_bytes(POLICY.encode(encoding))
    assert ingest_file(path).title == "某县养老服务实施方案"


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
        ("empty.txt", b"  \n\n", "empty"),
        ("nonumber.txt", "某县养老服务方案\n\n为推进养老服务，制定本方案。\n\n一、要求\n\n内容。\n".encode(), "文号"),
    ],
)
def test_bad_files_raise_and_do_not_stop_the_corpus(tmp_path, corpus_dir, name, content, problem):
    for src in sorted(corpus_dir.glob("*.txt"))[:2]:
        shutil.copy(src, tmp_path / src.name)
    (tmp_path / name).write_bytes(content)
    with pytest.raises(IngestError) as err:
        ingest_file(tmp_path / name)
    assert name in str(err.value) and problem in str(err.value)
    docs, errors = ingest_corpus(tmp_path)
    assert len(docs) == 2 and [e.path.name for e in errors] == [name]


def test_a_readme_beside_the_policies_is_not_a_policy(tmp_path):
    (tmp_path / "a.txt").write_text(POLICY, encoding="utf-8")
    (tmp_path / "README.md").write_text("# 说明\n\n为方便查阅，本目录收录政策原文。\n", encoding="utf-8")
    docs, errors = ingest_corpus(tmp_path)
    assert [d.source for d in docs] == ["a.txt"] and errors == []


def test_missing_corpus_dir_is_reported(tmp_path):
    with pytest.raises(IngestError, match="corpus directory not found"):
        ingest_corpus(tmp_path / "nowhere")


def test_corpus_ingests_with_progress(corpus_dir):
    """Every corpus file becomes one document, in file order (speed: ``make bench``, section ingest)."""
    docs, errors = ingest_corpus(corpus_dir, progress=True)
    assert errors == [] and len(docs) == len(list(corpus_dir.glob("*.txt")))
    assert [d.source for d in docs] == sorted(d.source for d in docs)
    assert len({d.doc for d in docs}) == len(docs)


def test_clauses_carry_display_text_and_normalized_index_text(corpus_dir):
    from ingest.pipeline import ingest_corpus

    docs, _ = ingest_corpus(corpus_dir)
    clauses = [c for d in docs for c in d.clauses]
    assert all(c.norm_text for c in clauses if c.text.strip())
    assert not any("\n" in c.norm_text or "**" in c.norm_text for c in clauses)
    assert any("\n" in c.text for c in clauses), "display text keeps its line breaks"
