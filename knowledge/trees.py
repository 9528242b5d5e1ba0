"""Boosted decision trees evaluated in plain Python: the calibrator's fitted form, read from JSON."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

_NODE_LISTS = ("feature", "threshold", "left", "right", "value")


@dataclass(frozen=True)
class Tree:
    """One regression tree as parallel node lists; a node with feature -1 is a leaf."""

    feature: tuple[int, ...]
    threshold: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    value: tuple[float, ...]


@dataclass(frozen=True)
class BoostedTrees:
    """A gradient-boosted sum of trees: raw score = init + learning_rate * sum of leaf values."""

    init: float
    learning_rate: float
    trees: tuple[Tree, ...] = ()

    def raw(self, row: Sequence[float]) -> float:
        total = 0.0
        for t in self.trees:
            feature, threshold, left, right = t.feature, t.threshold, t.left, t.right
            node = 0
            while (f := feature[node]) >= 0:
                node = left[node] if row[f] <= threshold[node] else right[node]
            total += t.value[node]
        return self.init + self.learning_rate * total

    def to_json(self) -> dict:
        return {
            "init": self.init,
            "learning_rate": self.learning_rate,
            "trees": [{k: getattr(t, k) for k in _NODE_LISTS} for t in self.trees],
        }

    @classmethod
    def from_json(cls, data: dict, width: int) -> BoostedTrees:
        """Read what to_json wrote; ValueError when a tree is malformed or reads past *width* features."""
        trees = []
        for t in data["trees"]:
            tree = Tree(*(tuple(t[k]) for k in _NODE_LISTS))
            n = len(tree.feature)
            if not n or any(len(getattr(tree, k)) != n for k in _NODE_LISTS):
                raise ValueError("a tree's node lists differ in length")
            for i, f in enumerate(tree.feature):
                if f >= width or (f >= 0 and not (i < tree.left[i] < n and i < tree.right[i] < n)):
                    raise ValueError("a tree node points outside its tree or its features")
            trees.append(tree)
        return cls(float(data["init"]), float(data["learning_rate"]), tuple(trees))
