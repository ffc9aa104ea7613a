"""MinHash signatures (datasketch) over word shingles, cut into LSH bands.

The banding is fixed (it does not follow the user's threshold) so that band hashes stored by one
run stay valid for the next whatever threshold it uses; candidates are then verified against the
threshold with the signatures' estimated Jaccard similarity.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
from datasketch import MinHash

_WORD = re.compile(r"\w+")
NUM_PERM = 64  # 64 permutations: Jaccard estimated to about +-0.06, 256 bytes a signature
BANDS, ROWS = 16, 4  # 16 bands of 4 rows: a pair at Jaccard 0.5 becomes a candidate with p=0.65, at 0.8 p>0.999
SHINGLE = 5  # words per shingle: long enough that two different stories on one topic share few


class Signer:
    """Signature and band keys of a text; the same text always gives the same values."""

    def __init__(self, num_perm: int = NUM_PERM, shingle: int = SHINGLE):
        if num_perm != BANDS * ROWS:
            raise ValueError(f"num_perm must be {BANDS * ROWS} ({BANDS} bands of {ROWS} rows)")
        self.num_perm = num_perm
        self.shingle = shingle
        self._seed = MinHash(num_perm=num_perm)  # permutations computed once, copied per text

    def signature(self, text: str) -> np.ndarray:
        words = _WORD.findall(text.lower())
        k = self.shingle
        shingles = {" ".join(words[i:i + k]).encode("utf-8") for i in range(max(1, len(words) - k + 1))}
        m = self._seed.copy()
        m.update_batch(list(shingles))
        return m.hashvalues.astype(np.uint32)  # the hash function gives 32-bit values

    @staticmethod
    def band_keys(sig: np.ndarray) -> list[int]:
        """One signed 64-bit key per band (the band number is mixed in, so keys never collide across bands)."""
        keys = []
        for b in range(BANDS):
            h = hashlib.blake2b(sig[b * ROWS:(b + 1) * ROWS].tobytes(), digest_size=8, salt=bytes([b]))
            keys.append(int.from_bytes(h.digest(), "little", signed=True))
        return keys

    @staticmethod
    def similarity(a: np.ndarray, b: np.ndarray) -> float:
        """Estimated Jaccard similarity of the two texts' shingle sets."""
        return float(np.count_nonzero(a == b)) / len(a)
