"""Platform labels (employment type, workplace type) → the schema's vocabularies."""

from __future__ import annotations

import re

EMPLOYMENT_PATTERNS = (
    ("internship", re.compile(r"\b(intern(ship)?|praktikum|stage|werkstudent|working student)\b")),
    ("temporary", re.compile(r"\b(temp(orary)?|seasonal|fixed[- ]term|befristet)\b")),
    ("contract", re.compile(r"\b(contract(or)?|freelance|consultant|1099|c2c)\b")),
    ("part_time", re.compile(r"\b(part[- ]?time|teilzeit|temps partiel)\b")),
    ("full_time", re.compile(r"\b(full[- ]?time|permanent|regular|vollzeit|temps plein|cdi)\b")),
)
WORKPLACE_PATTERNS = (
    ("hybrid", re.compile(r"\bhybrid\b")),
    ("remote", re.compile(r"\b(remote|telecommute|work from home|fully distributed)\b")),
    ("onsite", re.compile(r"\b(on[- ]?site|in[- ]office|office[- ]based|in[- ]person)\b")),
)


def _classify(
    label: str | None, patterns: tuple[tuple[str, re.Pattern[str]], ...], default: str | None
) -> str | None:
    if not label or not label.strip():
        return None
    text = label.lower()
    return next((value for value, pattern in patterns if pattern.search(text)), default)


def employment_type(label: str | None) -> str | None:
    """``"Full time"`` → ``full_time``; unknown non-empty labels → ``other``; empty → None."""
    return _classify(label, EMPLOYMENT_PATTERNS, "other")


def workplace_type(label: str | None) -> str | None:
    """``"On-Site"`` → ``onsite``, ``"Remote"`` → ``remote``; None when the label says neither."""
    return _classify(label, WORKPLACE_PATTERNS, None)
