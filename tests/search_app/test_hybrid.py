import pytest

from search_app.hybrid import best_per_group, rrf


def test_rrf_sums_weighted_reciprocal_ranks():
    fused = dict(rrf([["a", "b"], ["b", "c"]], [1.0, 2.0], k=10))
    assert fused["a"] == pytest.approx(1 / 11)
    assert fused["b"] == pytest.approx(1 / 12 + 2 / 11)
    assert fused["c"] == pytest.approx(2 / 12)


def test_rrf_ranks_items_found_by_several_lists_first():
    out = [i for i, _ in rrf([["x", "both"], ["y", "both"], ["z", "both"]])]
    assert out[0] == "both"


def test_rrf_needs_one_weight_per_list():
    with pytest.raises(ValueError, match="weights"):
        rrf([["a"], ["b"]], [1.0])


def test_best_per_group_keeps_each_groups_best_item_in_rank_order():
    group_of = ["c1", "c1", "c2", "c3"]
    out = best_per_group([1, 0, 3, 2], [0.9, 0.8, 0.7, 0.1], group_of)
    assert out == [("c1", 0.9, 1), ("c3", 0.7, 3), ("c2", pytest.approx(0.1), 2)]
