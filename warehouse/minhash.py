"""MinHash signatures of texts and LSH banding, vectorised with numpy (deterministic, no I/O).

Word 3-shingles are hashed with CRC32 (stable across processes, unlike ``hash``) and mapped
through ``PERMUTATIONS`` universal hash functions ``(a*x + b) mod p``; the signature is the
minimum per function. Two texts' share of equal signature slots estimates their Jaccard
similarity. Banding (``BANDS`` × ``ROWS``) finds candidate pairs with similarity ≳ 0.5 without
comparing every pair.
"""

from __future__ import annotations

import re
import zlib

import numpy as np

PERMUTATIONS = 64
BANDS = 16
ROWS = PERMUTATIONS // BANDS
SHINGLE = 3
_PRIME = np.uint64((1 << 61) - 1)
_MAX32 = np.uint64(0xFFFFFFFF)
_rng = np.random.default_rng(20261101)
_A = _rng.integers(1, (1 << 31) - 1, size=PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, (1 << 31) - 1, size=PERMUTATIONS, dtype=np.uint64)
_WORD = re.compile(r"\w+")
EMPTY = np.full(PERMUTATIONS, 0xFFFFFFFF, dtype=np.uint32)


def shingles(text: str | None) -> set[bytes]:
    """Lower-cased word ``SHINGLE``-grams (the whole text when it is shorter)."""
    words = _WORD.findall((text or "").lower())
    if len(words) < SHINGLE:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def signature(text: str | None) -> np.ndarray:
    """``PERMUTATIONS`` uint32 minima; all-max for an empty text (similar to nothing)."""
    grams = shingles(text)
    if not grams:
        return EMPTY.copy()
    x = np.fromiter((zlib.crc32(g) for g in grams), dtype=np.uint64, count=len(grams))
    hashed = ((x[:, None] * _A[None, :] + _B[None, :]) % _PRIME) & _MAX32
    return hashed.min(axis=0).astype(np.uint32)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two texts behind signatures ``a`` and ``b``."""
    if (a == EMPTY).all() or (b == EMPTY).all():
        return 0.0
    return float(np.count_nonzero(a == b)) / PERMUTATIONS


def band_keys(sig: np.ndarray) -> list[bytes]:
    """One bucket key per band: texts sharing any key are candidate near-duplicates."""
    if (sig == EMPTY).all():
        return []
    return [bytes([i]) + sig[i * ROWS : (i + 1) * ROWS].tobytes() for i in range(BANDS)]
