"""Platform labels (employment type, workplace type) → the schema's vocabularies."""

from __future__ import annotations

import re

EMPLOYMENT_PATTERNS = (
    (
        "internship",
        re.compile(
            r"\b(intern(ship)?|praktikum|praktikant\w*|stage|stagiaire|working student|"
            r"prácticas|practicas|praktyki|staż|estágio|estagio|tirocinio|"
            r"internado|co-?op)\b|インターン"
        ),
    ),
    (
        "temporary",
        re.compile(
            r"\b(temp(orary)?|temporal|temporário|temporario|tempo determinato|determinato|"
            r"seasonal|fixed[- ]term|befristet|cdd|interim|uitzend\w*|visstid\w*|"
            r"czas określony|zeitarbeit|leiharbeit|aushilfe|saisonni[eè]re?|saison\w*|"
            r"plazo fijo|temporada|stagionale|seizoen\w*|sæson\w*|säsong\w*)\b|契約社員|派遣"
        ),
    ),
    (
        "contract",
        re.compile(
            r"\b(contract(or)?|freelance\w*|consultant|1099|c2c|b2b|pj|autónomo|autonomo|"
            r"zzp|umowa zlecenie|umowa o dzieło|freiberuf\w*)\b|業務委託"
        ),
    ),
    (
        "part_time",
        re.compile(
            r"\b(part[- ]?time|teilzeit|werkstudent\w*|temps partiel|tiempo parcial|"
            r"media jornada|medio tiempo|tempo parziale|part-?time|meio período|meio periodo|"
            r"tempo parcial|deltid|deeltijds?|niepełny etat|pół etatu|minijob)\b|パート|アルバイト"
        ),
    ),
    (
        "full_time",
        re.compile(
            r"\b(full[- ]?time|vollzeit|temps plein|plein temps|temps complet|cdi|tiempo completo|"
            r"jornada completa|tempo pieno|tempo inteiro|tempo integral|período integral|"
            r"heltid|voltijds?|pełny etat|clt)\b|正社員"
        ),
    ),
)
# Permanence is about duration, not hours: it means full-time only when the label does not
# also say part-time ("Part-time, Permanent" is part-time).
PERMANENT = re.compile(
    r"\b(permanent|regular|unbefristet|indefinido|indeterminato|efetivo|tillsvidare\w*|"
    r"fast anställning|vast|sem termo|onbepaalde duur)\b"
)
# A permanent employment contract is not contract work: "Vast contract", "contrato indefinido".
PERMANENT_CONTRACT = re.compile(
    r"\b(vast contract|permanent contract|contrato indefinido|contrato efetivo|"
    r"contratto a tempo indeterminato|umowa o pracę|arbeitsvertrag)\b"
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


def employment_types(label: str | None) -> set[str]:
    """Every employment value a label names (empty when it names none)."""
    if not label or not label.strip():
        return set()
    text = label.lower()
    found = {value for value, pattern in EMPLOYMENT_PATTERNS if pattern.search(text)}
    if PERMANENT.search(text) and "part_time" not in found:
        found.add("full_time")
    if PERMANENT_CONTRACT.search(text):
        if "part_time" not in found:
            found.add("full_time")
        if not EMPLOYMENT_PATTERNS[2][1].search(PERMANENT_CONTRACT.sub(" ", text)):
            found.discard("contract")
    return found


def employment_type(label: str | None) -> str | None:
    """``"Full time"`` → ``full_time``; unknown non-empty labels → ``other``; empty → None.

    Internship > temporary > contract > part-time > full-time, except that a label naming
    both part- and full-time ("Part-time or full-time", "Vollzeit / Teilzeit") says neither:
    None. Werkstudent (working student) is part-time work.
    """
    if not label or not label.strip():
        return None
    found = employment_types(label)
    if {"part_time", "full_time"} <= found and not found & {"internship", "temporary", "contract"}:
        return None
    return next((value for value, _ in EMPLOYMENT_PATTERNS if value in found), "other")


def workplace_type(label: str | None) -> str | None:
    """``"On-Site"`` → ``onsite``, ``"Remote"`` → ``remote``; None when the label says neither."""
    return _classify(label, WORKPLACE_PATTERNS, None)
