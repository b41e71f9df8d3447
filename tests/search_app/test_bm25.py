import numpy as np
import pytest

from ingest.pipeline import ingest_corpus
from search_app.bm25 import BM25Index
from search_app.passages import make_passages
from search_app.tokenize import Tokenizer, domain_terms


@pytest.fixture(scope="module")
def corpus_bm25(corpus_dir):
    docs, _ = ingest_corpus(corpus_dir)
    passages = make_passages(docs, max_chars=100)
    return passages, BM25Index(Tokenizer(domain_terms(docs))).index([p.text for p in passages])


def test_bm25_alone_finds_a_clause_for_a_chinese_query(corpus_bm25):
    passages, bm25 = corpus_bm25
    ids, scores = bm25.search("公办养老机构入住评估和轮候制度", 3)
    assert "入住评估和轮候制度" in passages[ids[0]].text
    assert scores[0] > scores[-1] > 0


def test_allowed_mask_is_applied_while_scoring(corpus_bm25):
    passages, bm25 = corpus_bm25
    best, _ = bm25.search("公办养老机构入住评估和轮候制度", 1)
    allowed = np.array([i for i in range(len(passages)) if passages[i].doc != passages[best[0]].doc])
    ids, _ = bm25.search("公办养老机构入住评估和轮候制度", 5, allowed=allowed)
    assert len(ids) == 5 and set(ids) <= set(allowed.tolist())


def test_query_sharing_no_word_returns_nothing(corpus_bm25):
    _, bm25 = corpus_bm25
    ids, _ = bm25.search("量子计算机", 5)
    assert len(ids) == 0


def test_save_and_load_give_the_same_scores(corpus_bm25, tmp_path):
    _, bm25 = corpus_bm25
    bm25.save(tmp_path)
    loaded = BM25Index.load(tmp_path)
    q = "依据鲁政办发〔2022〕18号"
    np.testing.assert_allclose(loaded.scores(q), bm25.scores(q), rtol=1e-6)
