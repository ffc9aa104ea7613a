"""Named components, looked up by string: engines, exporters, morphologies.

Like spaCy's registries: warta's own components are registered where they are defined, other
packages add theirs through entry points (group `warta.<kind>`, e.g. `warta.exporters`), and a
wrong name gives an error that lists what is available.
"""

from __future__ import annotations

from importlib.metadata import entry_points
from typing import Any, Callable


class Registry:
    def __init__(self, kind: str):
        self.kind = kind
        self._items: dict[str, Any] = {}
        self._plugins_loaded = False

    def register(self, name: str, item: Any = None):
        """Register `item` under `name`; without `item`, a decorator."""
        if item is not None:
            self._items[name] = item
            return item

        def deco(obj: Callable) -> Callable:
            self._items[name] = obj
            return obj

        return deco

    def _load_plugins(self) -> None:
        if self._plugins_loaded:
            return
        self._plugins_loaded = True
        for ep in entry_points(group=f"warta.{self.kind}"):
            self._items.setdefault(ep.name, ep.load())

    def get(self, name: str) -> Any:
        if name not in self._items:
            self._load_plugins()
        try:
            return self._items[name]
        except KeyError:
            raise ValueError(f"no {self.kind[:-1] if self.kind.endswith('s') else self.kind} named {name!r}; "
                             f"available: {', '.join(self.names())}") from None

    def names(self) -> list[str]:
        self._load_plugins()
        return sorted(self._items)


engines = Registry("engines")
exporters = Registry("exporters")
morphologies = Registry("morphologies")
