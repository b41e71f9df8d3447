"""Chinese word tokens for BM25: jieba plus a domain dictionary built from the corpus.

bm25s's own tokenizer splits on spaces and so makes a whole Chinese sentence one
token; we cut words with jieba (search mode, so a long compound also yields its
parts) and hand bm25s the token lists. Document numbers (文号, e.g. 鲁政办发〔2022〕18号)
become two tokens, the issuer prefix (a dictionary word) and the 〔year〕number part,
whatever brackets the user types.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Iterable

import jieba

from ingest.model import Document

jieba.setLogLevel(60)

DOCNUM = re.compile(r"[〔\[［(（【]\s*(\d{4})\s*[〕\]］)）】]\s*(\d+)\s*号")
QUOTED = re.compile(r"[“《「]([^”》」]{2,12})[”》」]")
WORD = re.compile(r"[\w\u4e00-\u9fff]")
STOPWORDS = frozenset(
    "的 了 和 与 及 或 是 在 对 将 把 被 由 为 等 中 有 要 吗 呢 啊 吧 呀 么 哪 哪些 哪个 什么 怎么 怎样 如何 "
    "多少 是否 能 能不能 可以 a an the of to in on and or for is are be by with what which how does do".split()
)


def normalize(text: str) -> str:
    """NFKC-fold (full-width digits/letters to ASCII), lower-case, and write 文号 years in 〔〕."""
    text = unicodedata.normalize("NFKC", text).lower()
    return DOCNUM.sub(lambda m: f"〔{m.group(1)}〕{m.group(2)}号", text)


def domain_terms(docs: Iterable[Document]) -> list[str]:
    """Words jieba should keep whole: department names, quoted policy terms, 文号 issuers.

    Taken from the documents themselves: department mentions found by the
    extractors, the issuer prefix of the document's and cited numbers (鲁政办发 of
    鲁政办发〔2022〕18号), the known issuer prefixes, and short terms in “” or 《》.
    """
    from ingest.prefixes import prefix_table

    terms: set[str] = set(prefix_table())
    for doc in docs:
        numbers = [doc.doc] + [c.number for c in doc.citations if c.number]
        for clause in doc.clauses:
            numbers.extend(c.number for c in clause.citations if c.number)
            terms.update(m.name for m in clause.departments)
            terms.update(QUOTED.findall(clause.text))
        terms.update(normalize(n).split("〔")[0] for n in numbers)
    return sorted({normalize(t) for t in terms if t and len(t) >= 2})


class Tokenizer:
    """jieba tokenizer with its own dictionary (the global jieba is left untouched).

    Parameters
    ----------
    terms : iterable of str
        Domain words added to jieba's dictionary.
    """

    def __init__(self, terms: Iterable[str] = ()):
        self.terms = sorted(set(terms))
        self.jieba = jieba.Tokenizer()
        for t in self.terms:
            self.jieba.add_word(t, freq=max(2000, 200 * len(t)))

    def tokenize(self, text: str) -> list[str]:
        """Tokens of one text: 〔year〕number of a 文号 whole, other words by jieba search mode, no stopwords."""
        text = normalize(text)
        tokens, pos = [], 0
        for m in DOCNUM.finditer(text):
            tokens.extend(self._words(text[pos:m.start()]))
            tokens.append(m.group(0))
            pos = m.end()
        tokens.extend(self._words(text[pos:]))
        return tokens

    def tokenize_batch(self, texts: Iterable[str]) -> list[list[str]]:
        """:meth:`tokenize` over many texts."""
        return [self.tokenize(t) for t in texts]

    def _words(self, text: str) -> list[str]:
        return [
            w for w in (w.strip() for w in self.jieba.cut_for_search(text))
            if w and WORD.search(w) and w not in STOPWORDS
        ]

    def save(self, path: Path) -> None:
        """Write the domain words as a jieba user dictionary (one word per line)."""
        Path(path).write_text("".join(f"{t}\n" for t in self.terms), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> "Tokenizer":
        """Tokenizer with the words of a dictionary written by :meth:`save`."""
        return cls(w.strip() for w in Path(path).read_text(encoding="utf-8").splitlines() if w.strip())
