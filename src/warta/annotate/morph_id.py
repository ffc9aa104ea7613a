"""Indonesian verb morphology: generate affixed forms from a root, and strip affixes back to a root.

Two directions, one set of rules:
- `verb_forms("serang")` gives the active forms (menyerang, menyerangkan, menyerangi, ...) and the
  passive ones (diserang, ...). The coder compiles dictionary roots into these surface forms once,
  so matching a sentence is a plain lookup.
- `stem("menyerangnya")` gives "serang": the lemma reported for a trigger and used to look up
  verbs whose surface form the generator did not produce.

Rules follow the standard description of meN-/peN- nasal assimilation (Sneddon, *Indonesian: A
Comprehensive Grammar*), simplified: no dictionary of roots is needed to generate, and `stem` uses
one (when given) only to choose between ambiguous recodings (menyapu: sapu or apu?).
"""

from __future__ import annotations

import re

VOWELS = set("aeiou")
# Consonant clusters from loanwords keep their first consonant after meN- (protes -> memprotes,
# kritik -> mengkritik, transfer -> mentransfer, sponsor -> mensponsori).
_CLUSTERS = ("pr", "pl", "kr", "kl", "tr", "st", "sp", "sk", "sl", "sw", "sy")
_VOWEL_GROUPS = re.compile(r"[aeiou]+")


def _is_monosyllabic(root: str) -> bool:
    return len(_VOWEL_GROUPS.findall(root)) == 1


def men(root: str) -> str:
    """meN- + root with nasal assimilation: serang -> menyerang, tembak -> menembak, bom -> mengebom."""
    r = root.lower()
    if not r:
        return r
    if _is_monosyllabic(r):
        return "menge" + r  # monosyllabic roots take menge- (bom -> mengebom, cek -> mengecek)
    head = r[0]
    clustered = r.startswith(_CLUSTERS)
    if head in VOWELS or head in "gh" or r.startswith("kh"):
        return "meng" + r
    if head == "k":
        return "meng" + (r if clustered else r[1:])
    if head == "p":
        return "mem" + (r if clustered else r[1:])
    if head in "bfv":
        return "mem" + r
    if head == "t":
        return "men" + (r if clustered else r[1:])
    if head in "dcjz":
        return "men" + r
    if head == "s":
        return ("men" + r) if clustered else ("meny" + r[1:])
    return "me" + r  # l, m, n, r, w, y, ng, ny


def pen(root: str) -> str:
    """peN- + root, the nominaliser paired with meN- (serang -> penyerang, tangkap -> penangkap)."""
    return "p" + men(root)[2:]


def _suffix(stem: str, suffix: str) -> str:
    # A root already ending in -i takes no second -i (menghormati, not menghormatii).
    if suffix == "i" and stem.endswith("i"):
        return stem
    return stem + suffix


def verb_forms(root: str) -> tuple[list[str], list[str]]:
    """All active and passive surface forms of a verb root, with and without the -nya enclitic.

    Over-generation is harmless (a non-word never appears in text), so every suffix is tried.
    """
    r = root.lower().strip()
    active = {men(r)}
    passive = {"di" + r}
    for suf in ("kan", "i"):
        active.add(_suffix(men(r), suf))
        passive.add(_suffix("di" + r, suf))
    active.update({"memper" + r + "kan", "memper" + r + "i"})
    passive.update({"diper" + r + "kan", "diper" + r + "i"})
    active_all = sorted(active | {f + "nya" for f in active})
    passive_all = sorted(passive | {f + "nya" for f in passive})
    return active_all, passive_all


_PARTICLES = ("lah", "kah", "tah", "pun")
_POSSESSIVES = ("nya", "ku", "mu")
_DERIVATIONAL = ("kan", "an", "i")


def _strip_suffixes(word: str) -> list[tuple[str, int]]:
    """(candidate, affixes removed) with particles, possessives and a derivational suffix removed."""
    cands = [(word, 0)]
    w, n = word, 0
    for group in (_PARTICLES, _POSSESSIVES):
        for p in group:
            if w.endswith(p) and len(w) - len(p) >= 4:
                w, n = w[: -len(p)], n + 1
                cands.append((w, n))
                break
    for d in _DERIVATIONAL:
        if w.endswith(d) and len(w) - len(d) >= 4:
            cands.append((w[: -len(d)], n + 1))
            break
    return cands


def _nasal(rest: str) -> list[str]:
    """Roots behind meN-/peN- once "me"/"pe" is removed; the likelier recoding comes first."""
    if rest.startswith("nge") and _is_monosyllabic(rest[3:]):
        # menge- is a monosyllabic root (mengebom) or a dropped k before e (mengecam -> kecam),
        # which is far more frequent in news.
        return ["k" + rest[2:], rest[3:]]
    if rest.startswith("ng"):
        tail = rest[2:]
        # Before a vowel meng- is either a vowel root (mengambil) or a dropped k (mengirim).
        return [tail, "k" + tail] if tail[:1] in VOWELS else [tail]
    if rest.startswith("ny"):
        return ["s" + rest[2:], rest]  # menyerang -> serang
    if rest.startswith("m"):
        tail = rest[1:]
        # mem- + vowel is a dropped p (memukul) or an m-root after me- (meminta).
        return ["p" + tail, rest] if tail[:1] in VOWELS else [tail]
    if rest.startswith("n"):
        tail = rest[1:]
        # men- + vowel is a dropped t (menembak) or an n-root after me- (menilai).
        return ["t" + tail, rest] if tail[:1] in VOWELS else [tail]
    return [rest]  # me- before l, r, w, y: melawan -> lawan


def _strip_prefixes(word: str) -> list[str]:
    """Root candidates for a word with one layer of prefixes removed, likelier first."""
    w = word
    out: list[str] = []
    for pre in ("memper", "diper"):
        if w.startswith(pre) and len(w) > len(pre) + 2:
            out.append(w[len(pre):])
    if w.startswith(("me", "pe")) and len(w) >= 5 and not w.startswith(("memper", "per")):
        out += _nasal(w[2:])
    if w.startswith(("di", "ke", "se")) and len(w) > 4:
        out.append(w[2:])
    if w.startswith(("ter", "ber", "per")) and len(w) > 5:
        out.append(w[3:])
    return out


def _candidates(word: str) -> list[tuple[str, int, int]]:
    """(root, affixes removed, order) for every way of stripping the word."""
    out = []
    order = 0
    for s, n in _strip_suffixes(word):
        out.append((s, n, order))
        order += 1
        for p in _strip_prefixes(s):
            out.append((p, n + 1, order))
            order += 1
    return out


def _plausible(root: str) -> bool:
    return len(root) >= 3 and bool(set(root) & VOWELS)


def stem(word: str, roots: set[str] | frozenset[str] | None = None) -> str:
    """Strip Indonesian affixes: "menyerangnya" -> "serang", "diperingatkan" -> "ingat".

    With `roots` (known roots, e.g. the dictionaries' verbs) a known candidate wins, the one with
    the most affixes removed first; otherwise the candidate with the most affixes removed, the
    likelier nasal recoding first. Without a lexicon the result is a best guess (membeli -> bel).
    """
    w = word.lower()
    if roots is not None and w in roots:
        return w
    cands = [c for c in _candidates(w) if _plausible(c[0])]
    cands.sort(key=lambda c: (-c[1], c[2]))
    if roots is not None:
        for root, _, _ in cands:
            if root in roots:
                return root
    return cands[0][0] if cands else w
