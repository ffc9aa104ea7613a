"""`warta eval`: code the gold sets and score the result.

Reads every sentence gold file (`*.jsonl`: one sentence a line with its events) and article gold
file (`*.events.json`: the events of a whole article, required and allowed) under the paths
given; new gold sets dropped into a folder are picked up without code changes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from ..pipeline import Resources, process
from ..records import Article
from .scoring import LEVELS, Tally, country_part, match

__all__ = ["evaluate", "find_gold", "FileReport", "default_gold_dirs"]


@dataclass
class Miss:
    kind: str  # "missed" | "false"
    sentence_id: str
    text: str
    event: dict
    fired: list[dict]  # what warta produced for the sentence (rule ids, codes)
    why: str = ""
    near: str = ""  # "target differs: gold LBN, warta -": the one part a close false positive got wrong


@dataclass
class FileReport:
    path: str
    kind: str  # sentences | article
    n_items: int = 0
    levels: dict[str, Tally] = field(default_factory=lambda: {lvl: Tally() for lvl in LEVELS})
    per_root: dict[str, Tally] = field(default_factory=dict)
    errors: list[Miss] = field(default_factory=list)
    # article gold
    required_found: int = 0
    required_total: int = 0
    allowed: int = 0
    false_positives: int = 0
    note: str = ""

    def to_dict(self) -> dict:
        out = {
            "path": self.path, "kind": self.kind, "items": self.n_items,
            "levels": {k: {"precision": round(t.precision, 4), "recall": round(t.recall, 4),
                           "f1": round(t.f1, 4), "tp": t.tp, "fp": t.fp, "fn": t.fn}
                       for k, t in self.levels.items()},
        }
        if self.kind == "article":
            out.update(required_found=self.required_found, required_total=self.required_total,
                       allowed=self.allowed, false_positives=self.false_positives)
        if self.note:
            out["note"] = self.note
        return out


def default_gold_dirs() -> list[Path]:
    """`../shared/gold` beside the working directory (a developer checkout), when it exists."""
    cands = [Path.cwd() / ".." / "shared" / "gold", Path.cwd() / "shared" / "gold"]
    return [p.resolve() for p in cands if p.is_dir()][:1]


def find_gold(paths: Iterable[str | Path]) -> list[Path]:
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files += sorted(p.rglob("*.jsonl")) + sorted(p.rglob("*.events.json"))
        elif p.exists():
            files.append(p)
        else:
            raise FileNotFoundError(f"no gold file or folder at {p}")
    return files


def _event_dict(e) -> dict:
    return {"source": e.source, "target": e.target, "code": e.code, "rule": e.rule,
            "trigger": e.trigger, "source_text": e.source_text, "target_text": e.target_text}


def _explain(resources: Resources, art: Article) -> str:
    from ..coding.explain import explain

    try:
        return explain(art.text, art.lang or "id", art.date, resources)
    except Exception as exc:  # diagnostics must never break the scoring
        return f"(no explanation: {exc})"


def _score_sentences(path: Path, resources: Resources, want_errors: bool) -> FileReport:
    rep = FileReport(str(path), "sentences")
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            rep.n_items += 1
            art = Article(id=str(rec.get("id", f"{path.name}:{lineno}")), text=rec["text"],
                          date=rec.get("date"), lang=rec.get("lang"), origin=f"{path}:{lineno}")
            result = process(art, resources)
            pred = [_event_dict(e) for e in result.events]
            score = match(rec.get("events", []), pred)
            for lvl in LEVELS:
                rep.levels[lvl].add(score.levels[lvl])
            for root, t in score.per_root.items():
                rep.per_root.setdefault(root, Tally()).add(t)
            if want_errors and (score.missed or score.false):
                why = _explain(resources, Article(art.id, rec["text"], date=rec.get("date"), lang=result.article.lang))
                for g in score.missed:
                    rep.errors.append(Miss("missed", art.id, rec["text"], g, pred, why, _near_miss(g, score.false)))
                for p in score.false:
                    rep.errors.append(Miss("false", art.id, rec["text"], p, pred, why))
    return rep


def _near_miss(gold: dict, false: list[dict]) -> str:
    """Which part of a missed event warta got wrong, when a false positive has the other two
    right at root level: the first place to look when fixing a dictionary entry."""
    g = (country_part(gold.get("source", "")), country_part(gold.get("target", "")), str(gold.get("code", ""))[:2])
    for p in false:
        q = (country_part(p.get("source", "")), country_part(p.get("target", "")), str(p.get("code", ""))[:2])
        for i, part in enumerate(("source", "target", "root")):
            if all(g[k] == q[k] for k in range(3) if k != i):
                return f"{part} differs: gold {g[i] or '-'}, warta {q[i] or '-'} [{p.get('rule', '')}]"
    return ""


def _matches(ev: dict, spec: dict) -> bool:
    if country_part(ev["source"]) != country_part(spec["source"]):
        return False
    targets = {country_part(t) for t in spec.get("target", [""])}
    return country_part(ev["target"]) in targets and ev["code"][:2] in spec.get("roots", [])


def _score_article(path: Path, resources: Resources, want_errors: bool) -> FileReport:
    from ..ingest import read_inputs

    rep = FileReport(str(path), "article")
    spec = json.loads(path.read_text(encoding="utf-8"))
    article_path = None
    for base in [path.parent, *path.parents]:
        cand = base / spec["article"]
        if cand.exists():
            article_path = cand
            break
    if article_path is None:
        rep.note = f"article {spec['article']!r} not found beside the gold file; not scored"
        return rep
    items = [a for a in read_inputs([article_path]) if isinstance(a, Article)]
    if not items:
        rep.note = f"article {article_path} could not be read"
        return rep
    art = items[0]
    if spec.get("lang") and not art.lang:
        art.lang = spec["lang"]
    result = process(art, resources)
    pred = [_event_dict(e) for e in result.events]
    required = spec.get("required", [])
    allowed = spec.get("allowed", [])
    rep.n_items = 1
    rep.required_total = len(required)
    used = set()
    for req in required:
        hit = next((i for i, e in enumerate(pred) if _matches(e, req)), None)
        if hit is not None:
            rep.required_found += 1
            used.add(hit)
        elif want_errors:
            rep.errors.append(Miss("missed", art.id, req.get("why", ""), req, pred))
    for i, e in enumerate(pred):
        if i in used or any(_matches(e, r) for r in required):
            continue
        if any(_matches(e, a) for a in allowed):
            rep.allowed += 1
        else:
            rep.false_positives += 1
            if want_errors:
                rep.errors.append(Miss("false", art.id, "", e, pred))
    t = rep.levels["root"]
    t.tp, t.fn, t.fp = rep.required_found, rep.required_total - rep.required_found, rep.false_positives
    return rep


def evaluate(paths: Iterable[str | Path] | None = None, resources: Resources | None = None,
             *, errors: bool = False) -> list[FileReport]:
    """Score warta on gold files or folders (default: ../shared/gold when present)."""
    resources = resources or Resources()
    paths = list(paths or default_gold_dirs())
    if not paths:
        raise FileNotFoundError("no gold given and no ../shared/gold folder found; pass gold files or folders")
    reports = []
    for f in find_gold(paths):
        if f.name.endswith(".events.json"):
            reports.append(_score_article(f, resources, errors))
        else:
            reports.append(_score_sentences(f, resources, errors))
    return reports
