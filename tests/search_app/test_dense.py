import numpy as np

from search_app.dense import DenseIndex
from search_app.encoders import normalize


def _vectors(n=200, dim=16, seed=0):
    return normalize(np.random.default_rng(seed).normal(size=(n, dim)))


def test_nearest_vector_is_itself():
    v = _vectors()
    ids, scores = DenseIndex(16).add(v).search(v[7], 3)
    assert ids[0] == 7 and scores[0] > 0.99 and len(ids) == 3


def test_allowed_subset_is_applied_inside_the_search():
    v = _vectors()
    index = DenseIndex(16).add(v)
    allowed = np.array([150, 151, 152, 153, 154])
    ids, _ = index.search(v[7], 3, allowed=allowed)
    # the 3 nearest of the whole index are not in the subset, yet we still get 3 results
    assert len(ids) == 3 and set(ids) <= set(allowed)
    exact = allowed[np.argsort(-(v[allowed] @ v[7]))[:3]]
    assert list(ids) == list(exact)


def test_hnsw_and_flat_save_and_load(tmp_path):
    v = _vectors()
    for kind in ("flat", "hnsw"):
        DenseIndex(16, kind).add(v).save(tmp_path / f"{kind}.faiss")
        loaded = DenseIndex.load(tmp_path / f"{kind}.faiss")
        assert loaded.kind == kind and len(loaded) == len(v)
        ids, _ = loaded.search(v[3], 1, allowed=np.array([3, 4]))
        assert list(ids) == [3]
        np.testing.assert_allclose(loaded.reconstruct(np.array([3]))[0], v[3], rtol=1e-5)


def test_hnsw_finds_what_flat_finds_for_queries_far_from_the_passages():
    """Questions sit between passage clusters; the default wide HNSW search still returns the exact top-10."""
    rng = np.random.default_rng(1)
    centers = rng.normal(size=(50, 32))
    data = centers[rng.integers(0, 50, 4000)] + rng.normal(0, 0.05, (4000, 32))
    data /= np.linalg.norm(data, axis=1, keepdims=True)
    queries = rng.normal(size=(30, 32))
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    flat, hnsw = DenseIndex(32, "flat").add(data), DenseIndex(32, "hnsw").add(data)
    recall = np.mean([len(set(hnsw.search(q, 10)[0]) & set(flat.search(q, 10)[0])) / 10 for q in queries])
    assert recall >= 0.95, recall
