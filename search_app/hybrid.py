"""Reciprocal rank fusion of ranked lists, and passage-to-clause aggregation."""

from __future__ import annotations

from typing import Hashable, Iterable, Sequence


def rrf(
    rankings: Sequence[Sequence[Hashable]], weights: Sequence[float] | None = None, k: float = 60
) -> list[tuple[Hashable, float]]:
    """Fuse ranked lists: score(id) = sum over lists of weight / (k + rank), rank from 1.

    Parameters
    ----------
    rankings : list of lists of ids
        Each list ranked best first; an id absent from a list gets nothing from it.
    weights : list of float, optional
        One weight per list (default 1 each).
    k : float
        Damping constant; larger k flattens the difference between top ranks.

    Returns
    -------
    list of (id, score)
        Best first; ties keep the order of first appearance.
    """
    weights = [1.0] * len(rankings) if weights is None else list(weights)
    if len(weights) != len(rankings):
        raise ValueError(f"rrf got {len(rankings)} rankings but {len(weights)} weights")
    scores: dict[Hashable, float] = {}
    for ranking, w in zip(rankings, weights):
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + w / (k + rank)
    return sorted(scores.items(), key=lambda kv: -kv[1])


def best_per_group(ids: Iterable[int], scores: Iterable[float], group_of: Sequence[Hashable]) -> list[tuple[Hashable, float, int]]:
    """Collapse ranked items into groups (passages into clauses), keeping each group's best.

    Parameters
    ----------
    ids, scores : iterables
        Passage ids and their scores, best first.
    group_of : sequence
        ``group_of[id]`` is the group (clause id) of passage ``id``.

    Returns
    -------
    list of (group, score, best id)
        One entry per group in order of its best item, i.e. max-aggregation.
    """
    out: dict[Hashable, tuple[Hashable, float, int]] = {}
    for i, s in zip(ids, scores):
        g = group_of[int(i)]
        if g not in out:
            out[g] = (g, float(s), int(i))
    return list(out.values())
