"""Marks near-duplicate articles before they are coded.

For each chunk of the ingest stream: sign the articles, look their band keys up in the store
(one query per chunk) and among the articles signed in this run but not yet stored, and verify
candidates against the threshold. The first-seen copy stays an `Article` (it will be coded, its
signature stored with it); a later copy becomes a `Duplicate` of it. Memory: the signatures live
in the store (tables dedup_bands, dedup_signatures); only those not yet written are held here.
Time: a look-up reads the last `window` first-seen articles stored (`[dedup] window`), so it
costs the same however large the store (`python bench/scale.py lookup`: ~10 ms per chunk with a
window of 100,000 at 10^5, 10^6 and 3x10^6 stored; 63 and 178 ms without one at 10^6 and 3x10^6).
"""

from __future__ import annotations

from collections import defaultdict
from itertools import islice
from typing import Iterable, Iterator

import numpy as np

from ..records import Article, Duplicate
from .minhash import Signer

CHUNK = 256  # articles per store look-up


class NearDuplicates:
    """`window`: how many of the last first-seen articles stored a new article is compared with
    (0: all). Copies of a story appear within days; without a window every look-up scans the 16
    band keys of every article ever stored, a cost that grows with the store."""

    def __init__(self, store, threshold: float, signer: Signer | None = None, window: int = 0):
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"dedup threshold {threshold} must be in (0, 1], e.g. 0.8")
        if window < 0:
            raise ValueError(f"dedup window {window} must be 0 (every stored article) or more, e.g. 100000")
        self.store = store
        self.threshold = threshold
        self.window = window
        self._seq = store.dedup_last_seq()  # numbers the first-seen articles as they are stored
        self.signer = signer or Signer()
        self._pending: dict[str, tuple[np.ndarray, list[int]]] = {}  # signed, not yet stored
        self._pending_keys: dict[int, list[str]] = defaultdict(list)
        self._written: set[str] = set()  # taken for the store; indexed here until the next look-up sees them

    def mark(self, items: Iterable) -> Iterator:
        """The stream with later copies of a story replaced by `Duplicate` records, in order."""
        it = iter(items)
        while chunk := list(islice(it, CHUNK)):
            self._evict_written()
            signed = {}
            for item in chunk:
                if isinstance(item, Article):
                    sig = self.signer.signature(item.text)
                    signed[id(item)] = (sig, self.signer.band_keys(sig))
            after = self._seq - self.window if self.window else 0
            stored = self.store.dedup_candidates({k for _, keys in signed.values() for k in keys}, after)
            for item in chunk:
                if not isinstance(item, Article):
                    yield item
                    continue
                sig, keys = signed[id(item)]
                best = self._best(item.id, sig, keys, stored)
                if best is None:
                    if item.id not in self._pending:  # the same id twice in one run: index it once
                        self._pending[item.id] = (sig, keys)
                        for k in keys:
                            self._pending_keys[k].append(item.id)
                    yield item
                else:
                    yield Duplicate(item, best[0], best[1])

    def _best(self, article_id, sig, keys, stored) -> tuple[str, float] | None:
        seen: set[str] = {article_id}  # re-coding an article must not find itself
        best = None
        for k in keys:
            cands = [(cid, csig) for cid, csig in stored.get(k, ())]
            cands += [(cid, self._pending[cid][0]) for cid in self._pending_keys.get(k, ())]
            for cid, csig in cands:
                if cid in seen:
                    continue
                seen.add(cid)
                s = self.signer.similarity(sig, csig)
                if s >= self.threshold and (best is None or s > best[1]):
                    best = (cid, s)
        return best

    def _evict_written(self) -> None:
        for aid in self._written:
            _, keys = self._pending.pop(aid)
            for k in keys:
                lst = self._pending_keys[k]
                lst.remove(aid)
                if not lst:
                    del self._pending_keys[k]
        self._written.clear()

    def take(self, ids: Iterable[str]) -> dict[str, dict[str, list]]:
        """Rows for the store (dedup_bands, dedup_signatures) of these originals, now being written.

        They stay in the in-memory index until the next chunk's store look-up, which will see them:
        the chunk being marked now looked the store up before they were written.
        """
        band_ids, band_keys, band_seqs, sig_ids, sigs, sig_seqs = [], [], [], [], [], []
        for aid in ids:
            entry = self._pending.get(aid)
            if entry is None or aid in self._written:
                continue
            self._written.add(aid)
            self._seq += 1
            sig, keys = entry
            band_ids += [aid] * len(keys)
            band_keys += keys
            band_seqs += [self._seq] * len(keys)
            sig_ids.append(aid)
            sigs.append(sig.tobytes())
            sig_seqs.append(self._seq)
        return {"dedup_bands": {"article_id": band_ids, "key": band_keys, "seq": band_seqs},
                "dedup_signatures": {"article_id": sig_ids, "signature": sigs, "seq": sig_seqs}}
