"""`warta eval-places`: how well place names are resolved, on sentences with their expected place.

Each line of the gold file: {"id", "text", "mention": the name as written, "expect": null (the
words are no place here: "padang rumput", "Hotman Paris") or {"name", "country" (ISO alpha-3),
"lat", "lon", "kind"}}. A mention is right when warta resolves the words to a place in the
expected country within the distance its kind allows, or finds no place where none is expected.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from ..pipeline import Resources, process
from ..records import Article

# How far the resolved point may lie from the expected one: a city is a point, a province or a
# country a centroid that sources place differently.
TOLERANCE_KM = {"city": 50, "adm2": 75, "us_state": 200, "adm1": 150, "region": 150, "territory": 100,
                "country": 400}


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, Earth radius 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


@dataclass
class PlaceReport:
    path: str
    total: int = 0
    correct: int = 0
    wrong: list[dict] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def to_dict(self) -> dict:
        return {"path": self.path, "items": self.total, "correct": self.correct,
                "accuracy": round(self.accuracy, 4), "wrong": self.wrong}


def _judge(item: dict, result) -> tuple[bool, str]:
    text, surface = item["text"], item["mention"]
    at = text.find(surface)
    if at < 0:
        raise ValueError(f"{item.get('id')}: mention {surface!r} is not in its text")
    span = (at, at + len(surface))
    hits = [m for m in result.places if m.place is not None and m.char_start < span[1] and span[0] < m.char_end]
    expect = item.get("expect")
    if expect is None:
        return (not hits, f"found {hits[0].place.full_name}" if hits else "")
    if not hits:
        return False, "no place found"
    p = hits[0].place
    d = distance_km(p.lat, p.lon, float(expect["lat"]), float(expect["lon"]))
    limit = TOLERANCE_KM.get(expect.get("kind", "city"), 50)
    ok = p.country == expect["country"] and d <= limit
    return ok, f"got {p.full_name} ({p.country}, {d:.0f} km from the expected point, limit {limit})"


def evaluate_places(path: str | Path, resources: Resources | None = None) -> PlaceReport:
    resources = resources or Resources(all_places=True)
    report = PlaceReport(str(path))
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{n}: not JSON ({exc.msg})") from None
        result = process(Article(id=str(item.get("id", n)), text=item["text"], lang=item.get("lang", "id")), resources)
        ok, why = _judge(item, result)
        report.total += 1
        report.correct += ok
        if not ok:
            report.wrong.append({"id": item.get("id", n), "mention": item["mention"], "expect": item.get("expect"),
                                 "why": why})
    return report
