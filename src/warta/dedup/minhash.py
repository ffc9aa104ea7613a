"""MinHash signatures over word shingles, cut into LSH bands.

The banding is fixed (it does not follow the user's threshold) so that band hashes stored by one
run stay valid for the next whatever threshold it uses; candidates are then verified against the
threshold with the signatures' estimated Jaccard similarity.

The signature is datasketch's `MinHash(num_perm=64)` (2.x, default "affine32" scheme, seed 1,
SHA-1 of each shingle), computed here in a few numpy lines rather than by importing datasketch:
importing it loads SciPy (~46 MB resident in the writer process, for LSH code warta does not use),
and the stored signatures must not change when a datasketch release changes its default scheme
(2.0 did). tests/test_scale.py checks the values equal datasketch's bit for bit.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

_WORD = re.compile(r"\w+")
NUM_PERM = 64  # 64 permutations: Jaccard estimated to about +-0.06, 256 bytes a signature
BANDS, ROWS = 16, 4  # 16 bands of 4 rows: a pair at Jaccard 0.5 becomes a candidate with p=0.65, at 0.8 p>0.999
SHINGLE = 5  # words per shingle: long enough that two different stories on one topic share few


SEED = 1  # datasketch's default seed: its permutations, so signatures equal datasketch's
_FMIX32 = (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16)  # MurmurHash3's 32-bit finalizer (datasketch's pre-mix)


def _fmix32(h: np.ndarray) -> np.ndarray:
    s1, m1, s2, m2, s3 = (np.uint32(c) for c in _FMIX32)
    h = h ^ (h >> s1)
    h = h * m1  # uint32 arithmetic wraps: the intended modulo 2**32
    h = h ^ (h >> s2)
    h = h * m2
    return h ^ (h >> s3)


def permutations(num_perm: int, seed: int = SEED) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 permutations h -> a*h + b mod 2**32 (odd a: a bijection)."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


class Signer:
    """Signature and band keys of a text; the same text always gives the same values."""

    def __init__(self, num_perm: int = NUM_PERM, shingle: int = SHINGLE):
        if num_perm != BANDS * ROWS:
            raise ValueError(f"num_perm must be {BANDS * ROWS} ({BANDS} bands of {ROWS} rows)")
        self.num_perm = num_perm
        self.shingle = shingle
        self._a, self._b = permutations(num_perm)

    def signature(self, text: str) -> np.ndarray:
        words = _WORD.findall(text.lower())
        k = self.shingle
        if len(words) > k:  # every run of k words, joined by C (zip of k shifted lists)
            shingles = set(map(" ".join, zip(*[words[i:] for i in range(k)])))
        else:  # a text of k words or fewer is one shingle, "" for no words (as datasketch is fed)
            shingles = {" ".join(words)}
        sha1 = hashlib.sha1
        # The first 4 bytes of each SHA-1, little-endian (datasketch's sha1_hash32), all at once.
        hv = np.frombuffer(b"".join([sha1(s.encode("utf-8")).digest()[:4] for s in shingles]),
                           dtype="<u4").astype(np.uint32)
        with np.errstate(over="ignore"):
            phv = _fmix32(hv)[:, None] * self._a + self._b
        return phv.min(axis=0)

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
