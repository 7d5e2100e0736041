"""MinHash signatures of texts and LSH banding, vectorised with numpy (deterministic, no I/O).

Words are hashed with CRC32 (stable across processes, unlike ``hash``), each word 3-shingle
is the mix of its three word hashes (vectorised), and shingles are mapped through
``PERMUTATIONS`` multiply-shift hash functions ``(a*x + b) >> 32``; the signature is the minimum
per function. Two texts' share of equal signature slots estimates their Jaccard
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
_MAX32 = np.uint64(0xFFFFFFFF)
_rng = np.random.default_rng(20261101)
_A = _rng.integers(1, 1 << 63, size=PERMUTATIONS, dtype=np.uint64) | np.uint64(1)  # odd
_B = _rng.integers(0, 1 << 63, size=PERMUTATIONS, dtype=np.uint64)
_WORD = re.compile(r"\w+")
EMPTY = np.full(PERMUTATIONS, 0xFFFFFFFF, dtype=np.uint32)


def shingles(text: str | None) -> set[bytes]:
    """Lower-cased word ``SHINGLE``-grams (the whole text when it is shorter)."""
    words = _WORD.findall((text or "").lower())
    if len(words) < SHINGLE:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def shingle_hashes(text: str | None) -> np.ndarray:
    """Distinct 32-bit hashes of the text's lower-cased word ``SHINGLE``-grams."""
    words = _WORD.findall((text or "").lower())
    if not words:
        return np.empty(0, dtype=np.uint64)
    h = np.fromiter((zlib.crc32(w.encode()) for w in words), dtype=np.uint64, count=len(words))
    if len(h) >= SHINGLE:
        with np.errstate(over="ignore"):
            mixed = h[: len(h) - SHINGLE + 1].copy()
            for i in range(1, SHINGLE):
                mixed = mixed * np.uint64(0x100000001B3) ^ h[i : len(h) - SHINGLE + 1 + i]
        h = mixed
    return np.unique(h & _MAX32)


def signature(text: str | None) -> np.ndarray:
    """``PERMUTATIONS`` uint32 minima; all-max for an empty text (similar to nothing)."""
    x = shingle_hashes(text)
    if not len(x):
        return EMPTY.copy()
    with np.errstate(over="ignore"):  # multiply-shift hashing: wraps mod 2**64 by design
        hashed = (x[:, None] * _A[None, :] + _B[None, :]) >> np.uint64(32)
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


def band_hashes(signatures: np.ndarray) -> np.ndarray:
    """``(n, BANDS)`` uint64 hashes of each band of ``(n, PERMUTATIONS)`` signatures.

    Equal bands give equal hashes, so a filter on these hashes keeps every pair that
    :func:`band_keys` would bucket together (and, rarely, a few more).
    """
    bands = signatures.astype(np.uint64).reshape(len(signatures), BANDS, ROWS)
    mix = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9,
                    0x27D4EB2F165667C5][:ROWS], dtype=np.uint64)  # fmt: skip
    with np.errstate(over="ignore"):
        out = (bands * mix).sum(axis=2, dtype=np.uint64)
        out ^= np.arange(BANDS, dtype=np.uint64) * np.uint64(0x94D049BB133111EB)
    return out
