"""Extraction quality on hand-labelled documents (the bars of issue #3).

Fifteen label sets: the shared gold labels of two corpus documents, our own labels of the other
three corpus documents (``data/labels``) and thirteen rounds of four fictional documents each, mostly in styles
the corpus lacks (``data/unseen`` … ``data/unseen13``), all labelled without seeing the extractor
(see ``data/README.md``).
"""

import json
from pathlib import Path

import pytest

from ingest.gold import score_corpus
from ingest.metadata import extract_metadata
from ingest.pipeline import ingest_corpus

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data"
SETS = {  # name -> (documents, labels)
    "shared": (ROOT / "corpus", ROOT / ".." / "shared" / "eval" / "gold"),
    "corpus": (ROOT / "corpus", DATA / "labels"),
    "unseen": (DATA / "unseen", DATA / "unseen"),
    "unseen2": (DATA / "unseen2", DATA / "unseen2"),
    "unseen3": (DATA / "unseen3", DATA / "unseen3"),
    "unseen4": (DATA / "unseen4", DATA / "unseen4"),
    "unseen5": (DATA / "unseen5", DATA / "unseen5"),
    "unseen6": (DATA / "unseen6", DATA / "unseen6"),
    "unseen7": (DATA / "unseen7", DATA / "unseen7"),
    "unseen8": (DATA / "unseen8", DATA / "unseen8"),
    "unseen9": (DATA / "unseen9", DATA / "unseen9"),
    "unseen10": (DATA / "unseen10", DATA / "unseen10"),
    "unseen11": (DATA / "unseen11", DATA / "unseen11"),
    "unseen12": (DATA / "unseen12", DATA / "unseen12"),
    "unseen13": (DATA / "unseen13", DATA / "unseen13"),
    "unseen14": (DATA / "unseen14", DATA / "unseen14"),
    "unseen15": (DATA / "unseen15", DATA / "unseen15"),
    "unseen16": (DATA / "unseen16", DATA / "unseen16"),
    "unseen17": (DATA / "unseen17", DATA / "unseen17"),
    "unseen18": (DATA / "unseen18", DATA / "unseen18"),
    "unseen19": (DATA / "unseen19", DATA / "unseen19"),
    "unseen20": (DATA / "unseen20", DATA / "unseen20"),
    "unseen21": (DATA / "unseen21", DATA / "unseen21"),
    "unseen22": (DATA / "unseen22", DATA / "unseen22"),
    "unseen23": (DATA / "unseen23", DATA / "unseen23"),
    "unseen24": (DATA / "unseen24", DATA / "unseen24"),
    "unseen25": (DATA / "unseen25", DATA / "unseen25"),
    "unseen26": (DATA / "unseen26", DATA / "unseen26"),
    "unseen27": (DATA / "unseen27", DATA / "unseen27"),
    "unseen29": (DATA / "unseen29", DATA / "unseen29"),
    "unseen30": (DATA / "unseen30", DATA / "unseen30"),
    "unseen31": (DATA / "unseen31", DATA / "unseen31"),
    "unseen32": (DATA / "unseen32", DATA / "unseen32"),
}
BARS = {"departments": 0.95, "targets": 0.90, "citations": 0.95}
FIELDS = ("doc", "title", "date", "region", "city", "province", "level")


def _labels(name: str) -> Path:
    labels = SETS[name][1]
    if not labels.is_dir() or not any(labels.glob("*.jsonl")):
        pytest.skip(f"labels not found at {labels.resolve()} (shared/eval must sit beside the clone)")
    return labels


@pytest.fixture(scope="module", params=sorted(SETS))
def scored(request):
    name = request.param
    labels = _labels(name)
    docs, errors = ingest_corpus(SETS[name][0])
    assert not errors, errors
    labelled = {p.stem for p in labels.glob("*.jsonl")}
    return name, score_corpus([d for d in docs if Path(d.source).stem in labelled], labels)


@pytest.mark.parametrize("category", sorted(BARS))
def test_f1_meets_the_bar(scored, category, capsys):
    name, scores = scored
    s = scores[category]
    with capsys.disabled():
        print(f"\n[gold:{name}] {category}: P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} "
              f"(tp={s.tp} fp={s.fp} fn={s.fn})")
        for m in s.misses[:10]:
            print(f"[gold:{name}]   missed {m}")
        for x in s.extras[:10]:
            print(f"[gold:{name}]   extra  {x}")
    assert s.f1 >= BARS[category]


@pytest.mark.parametrize("name", sorted(set(SETS) - {"shared"}))
def test_document_fields_exact(name):
    """Title, date and jurisdiction exact; issuers among the labelled variants."""
    labels = _labels(name)
    for path in sorted(labels.glob("*.jsonl")):
        gold = next(r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if r["type"] == "document")
        meta = extract_metadata((SETS[name][0] / f"{path.stem}.txt").read_text(encoding="utf-8"))
        wrong = {f: (meta[f], gold[f]) for f in FIELDS if meta[f] != gold[f]}
        if meta["title"] in gold.get("title_variants", []):
            wrong.pop("title", None)
        assert not wrong, (path.name, wrong)
        assert meta["issuers"] in [gold["issuer"], *gold.get("issuer_variants", [])], (path.name, meta["issuers"])
