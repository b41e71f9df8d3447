"""A large synthetic policy corpus made from the real clauses.

Synthetic document ``i`` copies the clause tree (levels, headings, parents) of real
document ``i mod n``. Each clause keeps its template's heading sentence and gets
as many body sentences as its template, drawn from the body sentences of all real
clauses at the same heading level (recombined across clauses and documents).
Every sentence is then perturbed: years, other numbers and place names are
swapped. Nothing is a random string: masked with :func:`mask`, every synthetic
sentence equals a masked real sentence.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import replace
from importlib import resources

from ingest.model import Clause, Document
from search_app.passages import sentence_spans

YEAR = re.compile(r"20[0-3]\d")
NUMBER = re.compile(r"\d+")
ENDED = re.compile(r"(?:[。；！？;!?]+[”’」』）)]*|\n+)$")  # what sentence_spans ends a sentence with
UNCUT = 10**9  # sentence_spans never cuts a sentence shorter than this


def place_names(docs: list[Document]) -> list[str]:
    """Cities and counties of ``ingest/data/regions.json`` plus the documents' own regions."""
    data = json.loads(resources.files("ingest").joinpath("data/regions.json").read_text(encoding="utf-8"))
    names = set(data["cities"]) | set(data["counties"])
    names |= {x for d in docs for x in (d.region, d.city) if x}
    return sorted(names, key=lambda s: (-len(s), s))


def place_pattern(places: list[str]) -> re.Pattern:
    """Regex matching any place name, longest first."""
    return re.compile("|".join(map(re.escape, sorted(places, key=len, reverse=True))))


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text`` (never cut), each ending with a terminator or a line break."""
    out = []
    for s, e in sentence_spans(text, UNCUT):
        sentence = text[s:e]
        out.append(sentence if ENDED.search(sentence) else sentence + "。")
    return out


def mask(text: str, places: re.Pattern) -> str:
    """``text`` with place names as ``@`` and digit runs as ``0`` (undoes :func:`perturb`)."""
    return NUMBER.sub("0", places.sub("@", text))


def _number(match: re.Match, rng: random.Random) -> str:
    digits = match.group()
    if YEAR.fullmatch(digits):
        return str(rng.randint(2016, 2035))
    if len(digits) == 1:
        return str(rng.randint(1, 9))
    return str(rng.randint(10 ** (len(digits) - 1), 10 ** len(digits) - 1))


def perturb(sentence: str, rng: random.Random, places: list[str], pattern: re.Pattern) -> str:
    """Swap years (2016–2035), other numbers (same digit count) and place names."""
    sentence = NUMBER.sub(lambda m: _number(m, rng), sentence)
    return pattern.sub(lambda m: rng.choice(places), sentence)


def body_pools(docs: list[Document]) -> dict[int, list[str]]:
    """Body sentences (all but the heading sentence) of the real clauses, by heading level."""
    pools: dict[int, list[str]] = {}
    for d in docs:
        for c in d.clauses:
            pools.setdefault(c.level, []).extend(split_sentences(c.text)[1:])
    every = [s for pool in pools.values() for s in pool]
    return {level: pool or every for level, pool in pools.items()}


def synthetic_corpus(docs: list[Document], n_clauses: int, seed: int = 0) -> list[Document]:
    """Documents holding ``n_clauses`` synthetic clauses in total (see the module docstring).

    Parameters
    ----------
    docs : list of Document
        The real, ingested documents (templates and sentence source).
    n_clauses : int
        Clauses to make; the last document is cut short to hit it exactly.
    seed : int
        Same seed, same corpus.
    """
    rng = random.Random(seed)
    places = place_names(docs)
    pattern = place_pattern(places)
    pools = body_pools(docs)
    templates = [d for d in docs if d.clauses]
    out: list[Document] = []
    made = 0
    while made < n_clauses:
        template = templates[len(out) % len(templates)]
        name = f"合成〔{rng.randint(2016, 2035)}〕{len(out) + 1}号"
        ids = {c.clause_id: f"{name}:{i}" for i, c in enumerate(template.clauses)}
        clauses = []
        for c in template.clauses[: n_clauses - made]:
            head, *body = split_sentences(c.text) or [c.text]
            picked = [rng.choice(pools[c.level]) for _ in body]
            text = "".join(perturb(s, rng, places, pattern) for s in [head, *picked])
            clauses.append(Clause(
                clause_id=ids[c.clause_id], doc=name, path=list(c.path), heading=c.heading, text=text,
                level=c.level, kind=c.kind, parent_id=ids.get(c.parent_id), order=c.order,
                start=0, end=len(text),
            ))
        made += len(clauses)
        out.append(replace(template, doc=name, title=f"{template.title}（合成{len(out) + 1}）", source="",
                           region=rng.choice(places), clauses=clauses, citations=[], digest=""))
    return out
