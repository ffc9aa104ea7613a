"""Scoring coded events against gold, at the three levels of the coding guide.

- root: source country, target country, CAMEO root
- code: the same with the full code (a gold set coded at root level only is compared by root)
- full: source and target with sectors, full code

Events are matched one-to-one within a sentence.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


LEVELS = ("root", "code", "full")


def country_part(code: str) -> str:
    """The CCC part of an actor code (coding guide: `CCC` + optional sector): PSEREB -> PSE,
    USAGOV -> USA, IGOUNO -> IGO, BIHMILSRP -> BIH. Every code starts with its three-letter CCC;
    what follows (sectors, ethnic or religious groups, an IGO's own letters) is finer than a country."""
    return (code or "")[:3]


def key(ev: dict, level: str, gold_code: str | None = None) -> tuple:
    src, tgt, code = ev.get("source", "") or "", ev.get("target", "") or "", str(ev.get("code", ""))
    if level == "root":
        return country_part(src), country_part(tgt), code[:2]
    if level == "code":
        # Gold coded at root level only (2 digits) can only be compared by root.
        return country_part(src), country_part(tgt), code[:2] if gold_code is not None and len(gold_code) == 2 else code
    return src, tgt, code


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Tally") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass
class SentenceScore:
    levels: dict[str, Tally]
    missed: list[dict]  # gold events not found (root level)
    false: list[dict]  # predicted events not in gold (root level)
    per_root: dict[str, Tally] = field(default_factory=dict)


def match(gold: list[dict], pred: list[dict]) -> SentenceScore:
    """One-to-one matching of one sentence's gold and predicted events at every level."""
    levels: dict[str, Tally] = {}
    missed: list[dict] = []
    false: list[dict] = []
    per_root: dict[str, Tally] = {}
    gold_is_root = all(len(str(g.get("code", ""))) == 2 for g in gold) if gold else False
    for level in LEVELS:
        g_keys = [key(g, level, str(g.get("code"))) for g in gold]
        p_keys = [key(p, level, "00" if gold_is_root else None) for p in pred]
        remaining = Counter(p_keys)
        tally = Tally()
        matched_gold = []
        for gk in g_keys:
            if remaining[gk] > 0:
                remaining[gk] -= 1
                tally.tp += 1
                matched_gold.append(True)
            else:
                tally.fn += 1
                matched_gold.append(False)
        tally.fp = sum(remaining.values())
        levels[level] = tally
        if level == "root":
            left = Counter(remaining)
            for g, ok in zip(gold, matched_gold):
                root = str(g.get("code", ""))[:2]
                per_root.setdefault(root, Tally())
                if ok:
                    per_root[root].tp += 1
                else:
                    per_root[root].fn += 1
                    missed.append(g)
            for p, pk in zip(pred, p_keys):
                if left[pk] > 0:
                    left[pk] -= 1
                    false.append(p)
                    per_root.setdefault(str(p.get("code", ""))[:2], Tally()).fp += 1
    return SentenceScore(levels, missed, false, per_root)
