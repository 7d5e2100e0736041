"""Analyst fields read from a posting's title and plain-text description.

Pure, rule-based functions: every rule lives in a table of precompiled regexes (value, pattern),
evaluated in order; the first rule that matches wins unless a function documents otherwise.
Nothing here raises on arbitrary text; every function returns None when the posting is silent.

Choices made where the analysts' spec leaves room (also repeated on each function):

* seniority — checked in this order: intern, executive, director, manager, principal, explicit
  junior/entry, staff, senior, weak entry ("Associate X", "Engineer I"), mid. So "Senior
  Manager" → manager, "Sr Director" → director, "Senior Staff Engineer" → staff, "Junior
  Architect" → entry. "Team Lead"/"Team Leader"/"Teamleiter"/"Shift Lead"/"Supervisor" are
  people managers → manager; "Tech Lead"/"Lead Engineer"/"Architect" are individual
  contributors → staff. IC roles that merely contain "manager" (product, project, program,
  account, customer success, community, … manager) are not a level: "Senior Product Manager" →
  senior, "Product Manager" → mid, but "Group Product Manager" → manager. "Managing Director"
  and "Geschäftsführer" → executive. German "Leiter/Leiterin/Leitung" on its own ("Leiter
  Vertrieb") or as Abteilungs-/Bereichs-/Werks-/Niederlassungsleiter → director; any other
  compound (Teamleiter, Filialleiter, Projektleiter, Stationsleitung) → manager. "Staff" is a
  level only before an engineering/science role ("Staff Nurse", "Staff Accountant" are not).
  "Fellow" → principal except postdoctoral/research/teaching/clinical fellows. Roman numerals:
  I → entry, II → mid, III → senior, IV → staff. Apprentices/Azubis/alternants → intern
  (training roles). An unqualified title falls back to stated experience years
  (0–1 entry, 2–4 mid, 5–7 senior, 8+ staff), else mid; no title and no years → None.
* education — alternatives in one clause keep the lowest level ("MSc or PhD" → master),
  cumulative requirements the highest; across clauses the highest required level wins and
  preferred levels count only when nothing is required ("PhD preferred" alone → doctorate).
  Mentions in benefit/company sentences (tuition reimbursement) are skipped. Vocational
  training and licences alone (German Ausbildung, CDL, LPN licence) give None, as the label
  conventions say; a German Diplom / Dipl.-Ing. maps to master; French Bac+2 → associate,
  Bac+3/4 → bachelor, Bac+5 → master, Bac+8 → doctorate.
* experience — "up to 2 years" → (0, 2); a single number is a minimum ("3 years" → (3, None));
  the general requirement wins over sub-requirements ("7+ years of experience, including 3+
  years leading teams" → (7, None)): mentions worded as experience beat mentions that merely
  say "years with X", then the largest minimum wins; "preferred" mentions lose to required ones.
* workplace — label, then location, then text; in text hybrid > remote > onsite; a negated
  remote ("no remote work", "not remote") is an onsite signal; "N days in the office" is hybrid
  for 1–4 and onsite for 5; French "télétravail" without "complet/100%" is hybrid.
* employment — label, then title, then text; an unrecognised label ("other") only wins when the
  title and text say nothing. In title/text: internship > contract > temporary, then whichever
  of part-/full-time is mentioned first ("Vollzeit/Teilzeit" → full_time). Hours per week
  < 35 → part_time, ≥ 35 → full_time. "CDI"/"unbefristet" → full_time.
* visa — a "no" statement wins over a "yes" one.
* language — CLD2 (pycld2) on the first LANGUAGE_SAMPLE characters; the most likely of its
  candidates that is in LANGUAGES.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import islice

import pycld2

from transforms import labels
from transforms.anchors import Hit, RuleSet
from transforms.prefilter import Prefiltered, word_trie

Rule = tuple[str, re.Pattern[str]]
IGNORE = re.IGNORECASE

SENIORITY_LEVELS = (
    "intern", "entry", "mid", "senior", "staff", "principal", "manager", "director", "executive",
)  # fmt: skip
EDUCATION_LEVELS = ("none", "high_school", "associate", "bachelor", "master", "doctorate")
WORKPLACE_TYPES = ("onsite", "hybrid", "remote")
EMPLOYMENT_TYPES = ("full_time", "part_time", "contract", "temporary", "internship", "other")
VISA_VALUES = ("yes", "no")
LANGUAGES = (
    "en", "de", "fr", "es", "pt", "it", "nl", "pl", "sv", "da", "no", "fi", "cs", "ja", "zh",
    "ko", "tr", "ro", "hu", "ru", "uk", "el", "ar", "he",
)  # fmt: skip
LANGUAGE_SAMPLE = 1000  # characters classified; enough for a stable answer, keeps it cheap
MIN_LETTERS = 20


def _rules(*pairs: tuple[str, str], flags: int = IGNORE) -> tuple[Rule, ...]:
    return tuple((value, re.compile(pattern, flags)) for value, pattern in pairs)


def _first(rules: tuple[Rule, ...], text: str) -> str | None:
    return next((value for value, pattern in rules if pattern.search(text)), None)


def _blank(text: str | None) -> bool:
    return not text or not text.strip()


# --------------------------------------------------------------------------- anchored rules
# Speed: the text rules of every field are matched through one RuleSet (transforms/anchors.py):
# a single Aho-Corasick pass finds where any rule could start, and each rule's regex is tried
# only there. Rules that start with a number ("3 days in the office", "40 hours a week",
# "5+ years") are anchored on their unit word instead and look back for the number.


@lru_cache(maxsize=1)
def _ruleset() -> RuleSet:
    """Every field's text rules in one automaton (built on first use, not at import)."""
    return RuleSet(
        {
            "education": (("education", EDUCATION_RE),),
            "experience": (("unit", YEAR_UNIT_RE), ("ja", JA_YEARS_RE)),
            "workplace": WORKPLACE_TEXT_RULES,
            "workplace_days": (
                ("office", OFFICE_DAYS),
                ("office_before", OFFICE_DAYS_BEFORE),
                ("remote", REMOTE_DAYS),
            ),
            "employment": TEXT_EMPLOYMENT_RULES,
            "hours": (("hours", HOURS_RE),),
            "visa": VISA_RULES,
            "entry_level": (("entry", ENTRY_TEXT),),
        }
    )


def _hits(text: str | None, group: str) -> list[Hit]:
    return [] if _blank(text) else _ruleset().hits(text, group)


def _first_value(rules: tuple[Rule, ...], hits: list[Hit]) -> str | None:
    """The value of the first rule (in rule order) that matched somewhere."""
    matched = {hit.key for hit in hits}
    return next((value for value, _ in rules if value in matched), None)


# --------------------------------------------------------------------------- numbers

NUMBER_WORDS = {
    # English
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15,
    # German
    "ein": 1, "einem": 1, "einen": 1, "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
    "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
    # French
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10,
    # Spanish / Portuguese
    "uno": 1, "um": 1, "dos": 2, "dois": 2, "duas": 2, "tres": 3, "três": 3, "cuatro": 4,
    "cinco": 5, "seis": 6, "siete": 7, "sete": 7, "ocho": 8, "oito": 8, "nueve": 9, "nove": 9,
    "diez": 10, "dez": 10,
    # Dutch / Swedish / Italian (office days)
    "twee": 2, "drie": 3, "vijf": 5, "två": 2, "fyra": 4, "fem": 5, "due": 2,
    "quattro": 4, "cinque": 5,
    # "NQ to 3 years' PQE": newly qualified solicitors have no post-qualification experience
    "nq": 0,
}  # fmt: skip
_NUM = r"\d{1,2}|\b" + word_trie(sorted(NUMBER_WORDS)) + r"\b"


def _number(token: str | None) -> int | None:
    if not token:
        return None
    token = token.lower()
    return int(token) if token.isdigit() else NUMBER_WORDS.get(token)


# --------------------------------------------------------------------------- seniority

IC_MANAGER = re.compile(
    r"(?<!group )\b(?:product|program|programme|account|key account|case|content|"
    r"community|social media|brand|campaign|relationship|territory|customer success|success|"
    r"partner|release)\s+manager\b",
    IGNORE,
)
_ROMAN = r"(?<![\w/.-]){}(?![\w/'’-])"
SENIORITY_RULES: tuple[Rule, ...] = (
    *_rules(
        (
            "intern",
            r"\b(?:interns?|internship|praktikant(?:in)?|praktikum|werkstudent(?:in)?|"
            r"working student|stagiaire|stagiair|stażyst(?:a|ka)|praktykant(?:ka)?|becari[oa]|"
            r"estagi[aá]ri[oa]|est[aá]gio|pasante|tirocinante|co-op student)\b|"
            r"^\W*stage\b|\bstage (?:de|en|d['’])\b",
        ),
        (
            "executive",
            r"\b(?:vp|svp|evp|vice[- ]president|chief|ceo|cto|cfo|coo|cio|ciso|cmo|cpo|"
            r"president|presidente|präsident(?:in)?|"
            r"(?:co-?)?founder(?!['’]?s?\s+(?:associate|office|assistant))|"
            r"geschäftsführer(?:in)?|geschäftsführung|managing director|vorstand|prezes|pdg|"
            r"directeur général|directrice générale|director general|"
            r"diretor(?:a)? execut\w+|director(?:a)? ejecutiv[oa])\b",
        ),
        (
            "director",
            r"\b(?:directors?|directora|directeur|directrice|diretor(?:a)?|direttore|"
            r"direttrice|dyrektor(?:ka)?|direktor(?:in)?|head of|head,|"
            r"(?:abteilungs|bereichs|hauptabteilungs|geschäftsbereichs|werks?|"
            r"niederlassungs|fachbereichs|standort)?(?:leiter(?:in)?|leitung))\b",
        ),
        (
            "manager",
            r"\b(?:manager(?:in)?|mgr|supervisor|team ?lead(?:er)?|shift lead(?:er)?|"
            r"executive chef|head chef|chef de cuisine|sous[- ]chef|küchenchef(?:in)?|"
            r"charge nurse|chief of staff|capo ?cantiere|capo ?reparto|capo ?turno|"
            r"chef de chantier|chef de rayon|chef de secteur|jefe de obra|capataz|"
            r"people lead|gerente|responsable|responsabile|kierownik|kierowniczka|"
            r"jef[ea](?:/[ao])? de|"
            r"encargad[oa]|chef d['’] ?équipe|chef de service|lider zespołu|"
            r"líder de equipe|coordenador(?:a)?)\b|"
            r"\B(?<!halb)(?<!beg)(?<!an)(?<!ein)(?<!ab)(?<!weiter)(?:leiter(?:in)?|leitung)\b",
        ),
        (
            "principal",
            r"\b(?:principal|distinguished|"
            r"(?<!postdoctoral )(?<!postdoc )(?<!research )(?<!teaching )(?<!clinical )"
            r"(?<!graduate )(?<!doctoral )fellow)\b",
        ),
        (
            "entry",
            r"\b(?:junior|juniorin|jr|jnr|júnior|młodsz[ya]|entry[- ]level|new grads?|"
            r"graduate|trainee|débutant(?:e)?|apprentice(?:ship)?|auszubildende[rn]?|azubi|"
            r"ausbildung|alternant(?:e)?|alternance|apprenti(?:e)?)\b",
        ),
        (
            "staff",
            r"\b(?:staff(?=(?:\s+[\w+/-]+){0,3}?\s+(?:engineer|scientist|developer|designer|"
            r"architect|researcher|analyst|programmer|sre)s?\b)|tech(?:nical)? lead|"
            r"lead(?=\s+(?:[\w+/.-]+\s+){0,2}?(?:engineer|developer|scientist|architect|"
            r"designer|analyst|researcher|programmer|sre|devops|data|software|ml|ai|qa|"
            r"frontend|front-end|backend|back-end|platform|security|infrastructure|mobile|"
            r"ios|android|web|full[- ]stack|cloud|site reliability)s?\b)|"
            r"(?:engineering|data|software|design|ux|ml|ai|qa|platform|security|frontend|"
            r"backend|mobile|devops|cloud|infrastructure|research|science) lead|"
            r"architect|architekt(?:in)?|architecte|arquitet[oa]|arquitect[oa])\b",
        ),
        ("senior", r"\b(?:senior|seniorin|sr|snr|sénior|sênior|starsz[ya])\b"),
        # any other lead ("Customer Success Lead", "Warehouse Lead") leads people
        ("manager", r"\blead(?:er)?\b(?!\s+(?:gen|generation|qualification|nurtur))"),
    ),
    *_rules(
        ("senior", _ROMAN.format("III")),
        ("staff", _ROMAN.format("IV")),
        ("entry", _ROMAN.format("I")),
        ("mid", _ROMAN.format("II")),
        flags=0,
    ),
    *_rules(
        ("entry", r"^\W*associate\s+(?!(?:attorney|lawyer|solicitor|professor|director|partner|"
                  r"dentist|veterinarian|physician|counsel)\b)\w"),
        ("entry", r"\blevel (?:1|i|one)\b"),
        ("mid", r"\blevel (?:2|ii|two)\b"),
        ("senior", r"\blevel (?:3|iii|three)\b|シニア"),
        ("mid", r"\b(?:mid|mid-level|midlevel|intermediate|pleno|regular)\b"),
    ),
)
YEARS_TO_LEVEL = ((8, "staff"), (5, "senior"), (2, "mid"), (0, "entry"))


# Titles that name a level word without being at that level.
TITLE_DECOYS = re.compile(
    r"\b(?:executive|personal|administrative|management) assistant\b|"
    r"\b(?:to|for) the (?:ceo|cfo|coo|cto|cio|founders?|president|vp|chief \w+)\b|"
    r"\b(?:account|customer support|customer service|sales|support) executive\b",
    IGNORE,
)
ENTRY_TEXT = re.compile(
    r"\bfreshers?\b|\bentry[- ]level (?:role|position|job|opportunity)|"
    r"\b(?:recent )?graduates (?:are )?welcome",
    IGNORE,
)


def seniority(title: str | None, text: str | None = None) -> str | None:
    """Career level from the title; an unqualified title is mid unless the text says the job
    is entry level ("freshers", "no experience required"). Without a title, stated years.

    Order of checks and the ambiguous cases (Team Lead → manager, Tech Lead → staff, product
    manager → not a level, Leiter → director/manager) are listed in the module docstring.
    """
    if not _blank(title):
        cleaned = TITLE_DECOYS.sub(" role ", IC_MANAGER.sub(" role ", title or ""))
        level = _first(SENIORITY_RULES, cleaned)
        if level:
            return level
        return "entry" if _hits(text, "entry_level") else "mid"
    low, high = experience_years(text)
    years = low if low is not None else high
    if years is not None:
        return next(level for floor, level in YEARS_TO_LEVEL if years >= floor)
    return None


# --------------------------------------------------------------------------- education

EDUCATION_RANK = {level: rank for rank, level in enumerate(EDUCATION_LEVELS)}
_DEGREE_TAIL = r"(?:\s+(?:degree|diploma))?(?:\s+(?:in|of))?"
EDUCATION_PATTERNS = (
    (
        "none",
        r"\bno (?:formal |high school |college |university |résumé or |resume or |"
        r"experience or )?(?:degree|diploma|education|qualifications?)(?: or \w+)?"
        r"(?: is| are)? (?:required|necessary|needed)|"
        r"(?:degree|diploma)s? (?:is |are )?not (?:required|necessary|needed)|"
        r"kein(?:e|en)? (?:abschluss|studium|ausbildung|schulabschluss) (?:erforderlich|notwendig|"
        r"nötig)|\b(?:ein )?schulabschluss ist nicht (?:erforderlich|notwendig|nötig)|"
        r"sans diplôme|sin (?:titulación|título) requerid[oa]|"
        r"geen diploma(?:'s)? (?:nodig|vereist)|"
        r"non è richiesto (?:un |alcun )?titolo di studio|nessun titolo di studio|"
        r"sin estudios (?:mínimos|requeridos)|bez wykształcenia|"
        r"no se requiere (?:titulación|título|formación|estudios)",
    ),
    (
        "doctorate",
        r"\bph\.?\s?d\b\.?|\bdoctorate\b|\bdoctoral degree|doctor of philosophy|\bd\.?phil\b|"
        r"\bpharm\.?\s?d\b|doktorgrad|doktortitel|\bdoktorat|abgeschlossene promotion|"
        r"\bpromoviert|\bdoctorat\b|\bdoctorado\b|\bdoutorado\b|\bdottorato\b|"
        r"\bdoctor of (?:physical therapy|nursing practice|medicine|pharmacy|psychology|"
        r"education|osteopathic medicine|dental)|(?-i:\b(?:DPT|DNP|PsyD|EdD|DDS|DMD)\b)|"
        r"(?-i:\bJ\.D\.)|\bjuris doctor\b|博士"
        + _DEGREE_TAIL,
    ),
    (
        "master",
        r"(?:\bmaster(?:'s|’s|s)?\s+(?:degree|of\s+(?:science|arts|engineering|business))|"
        r"\bmaster(?:'s|’s)|\bmasters?(?=\s+(?:in|degree))|"
        r"\bmaster-?(?:abschluss|studium|grad)|"
        r"\bmaster\b(?=\s*(?:/|or|oder|ou|o)\s*(?:ph|doct|promo|dr\b|mba))|"
        r"\bmáster\b|\bmestrado\b|\bmagister\w*|laurea magistrale|"
        r"\bdiplom\b|\bdiplom-\w+|\bdipl\.-?\s?\w+|\bgraduate degree|\bpost-?graduate degree|"
        r"\badvanced degree|\bmaster 2\b|diplôme d['’]ingénieur|"
        r"\bwo-(?:niveau|opleiding|diploma)|"
        r"\bmasteropleiding|\bmasterdiploma|\b(?:en|in|im) master\b|\bmaster en\b|"
        r"\bmasterexamen|\bcivilingenjör|修士|"
        r"(?-i:(?<!, )\bM\.?[AS]\.?(?=\s*(?:degree|in\b|or\b|/|with\b)))|"
        r"(?-i:\bMSc\b|\bM\.Sc\b\.?|\bMEng\b|\bM\.Eng\b\.?|\bMBA\b|\bM\.?Tech\b|\bMPH\b|"
        r"\bMSN\b|\bMSW\b|\bLL\.?M\b))" + _DEGREE_TAIL,
    ),
    (
        "bachelor",
        r"(?:\bbachelor(?:'s|’s|s)?|bachelor-?(?:abschluss|studium)|baccalaureate degree|"
        r"\bundergraduate degree|\b(?:4|four)[- ]year (?:college |university )?degree|"
        r"\b(?:college|university|universitäts|academic|relevant|technical|engineering|stem|"
        r"tertiary) degree|\bdegree (?:in|required)|\b(?:fach)?hochschul(?:abschluss|studium)|"
        r"universitätsabschluss|\bstudium\b|"
        r"licence (?:en|professionnelle|universitaire)|niveau licence|\blicenciatura|"
        r"\blicenciad[oa]\b|\bgrado (?:en|universitario)|\bgraduação|\bgraduad[oa] em|"
        r"\bbacharel(?:ado)?\b|wykształcenie wyższe|studia wyższe|\blaurea\b|"
        r"título universitario|titulación universitaria|\bhbo-?(?:niveau|opleiding|diploma)|"
        r"\bensino superior(?: completo)?|\btytuł (?:licencjata|inżyniera|magistra)|\blicencjat|"
        r"\blaw degree|\bgraduate in any (?:discipline|stream|field)|\bany graduate\b|"
        r"\bbaccalaur[ée]at (?:en|universitaire|spécialisé)\b|\bbachelier\b|\bhbo\b(?!5)|"
        r"\bprofesional en\b|\bingenier[oa](?:/a)? en\b|wykształceni[ae] wyższ\w*|"
        r"\bhögskoleexamen|\bkandidatexamen|大学卒|大卒|学士|"
        r"(?-i:\bB\.?[AS]\.?(?=\s*(?:degree|in\b|or\b|/|\)|with\b)))|"
        r"(?-i:\bBSc\b|\bB\.Sc\b\.?|\bBSN\b|\bBEng\b|\bB\.Eng\b\.?|\bB\.?Tech\b|\bBBA\b|"
        r"\bB\.E\.|\bB\.Com\b|\bLLB\b))" + _DEGREE_TAIL,
    ),
    (
        "associate",
        r"\bassociate(?:'s|’s|s)?\s+degree|associate of (?:arts|science|applied)|"
        r"\b(?:2|two)[- ]year (?:college |technical )?(?:degree|diploma)|técnico superior|"
        r"\bcollege diploma|\bdiploma (?:in|of)\b|\bdiploma or degree\b|"
        r"\btecnólogo|\btécnico (?:o tecnólogo )?en\b|\btécnico de nivel superior|\bhbo5\b|"
        r"\bassociate(?:'s|’s)(?=\s+(?:or|and|/))|\b(?:2|two)[- ]year\b[^.;\n]{0,40}?\bdiploma|"
        r"diplôme d['’]état d['’]infirmier|(?-i:\bHF\b)|"
        r"(?-i:\bDEC\b(?= en\b)|\bBTS\b|\bDUT\b|\bHND\b)",
    ),
    (
        "high_school",
        r"(?<!junior )\bhigh[- ]school(?!s\b| (?:students?|teachers?|level|english|math))|"
        r"\bged\b|secondary school(?! students?)|secondary education|\bmatura\b|"
        r"(?:fach)?abitur\b|fachhochschulreife|mittlere reife|realschulabschluss|"
        r"hauptschulabschluss|baccalaur[ée]at(?! (?:en|universitaire|spécialisé)\b)|"
        r"\bbac\b(?!\s*\+)|"
        r"(?<!eso y )(?<!eso e )\bbachillerato\b|ensino médio|educación secundaria|"
        r"enseñanza media|wykształcenie średnie|\ba-levels?\b|\bgcse|\b12th (?:pass|grade|std)|"
        r"\bclass (?:xii|12)\b|\bmatric\b|\bgrade 12\b|diplôme d['’]études secondaires|"
        r"\b12\.?º ano|ensino secundário|\bgymnasie(?:utbildning|examen|kompetens)|"
        r"\bdiploma di (?:geometra|perito|maturità|ragioneria|scuola superiore)|"
        r"wykształceni[ae] średni\w*|高校卒|高卒",
    ),
    ("bac", r"\bbac\s*\+\s*(?P<bacn>\d)"),
)
EDUCATION_RE = re.compile("|".join(f"(?P<{n}>{p})" for n, p in EDUCATION_PATTERNS), IGNORE)
BAC_LEVELS = ((8, "doctorate"), (5, "master"), (3, "bachelor"), (0, "associate"))
NOT_A_REQUIREMENT = re.compile(
    r"tuition|reimburs|partner\w* with|scholarship|alumni|"
    r"\bour (?:founders?|team|engineers|employees|staff|people)\b|"
    r"(?:support|fund|pay for|sponsor)\w* (?:your |their |for |employees )?(?:further |"
    r"continuing )?(?:education|studies|degree)|education (?:assistance|benefits?|stipend|budget)|"
    r"continuing education|learning budget|"
    # recognition of foreign credentials is not a level: "SRK-Registrierung bei ausländischem
    # Diplom", "foreign degrees must be evaluated"
    r"ausländisch\w* (?:diplom|abschl)|\bforeign (?:degree|diploma|qualification)|"
    r"diplôme étranger|diploma (?:estrangeiro|extranjero)",
    IGNORE,
)
# "a BS with 12+ years of experience will also be considered": an accepted alternative
ALSO_ACCEPTED_CLAUSE = re.compile(
    r"\b(?:will|would|may|can) also be (?:considered|accepted)|"
    r"\b(?:is|are) also (?:acceptable|accepted|considered)",
    IGNORE,
)
CLAUSE_BREAK = re.compile(r"[;!?\n]|\.\s")


def _clause(text: str, start: int, end: int, reach: int = 160) -> str:
    """The sentence-ish span around ``text[start:end]`` (at most ``reach`` chars each side)."""
    before = CLAUSE_BREAK.split(text[max(0, start - reach) : start])[-1]
    after = CLAUSE_BREAK.split(text[end : end + reach], maxsplit=1)[0]
    return before + text[start:end] + after


def _education_of(match: re.Match[str]) -> str:
    kind = match.lastgroup or ""
    if kind == "bac":
        digit = int(match.group("bacn"))
        return next(level for floor, level in BAC_LEVELS if digit >= floor)
    return kind


PREFERRED_CLAUSE = re.compile(
    r"preferred|\bideally\b|\ba plus\b|\bis a bonus|nice to have|advantage|desirable|"
    r"wünschenswert|von vorteil|\bun plus\b|souhaité|apprécié|valorable|se valorará|"
    r"\bmile widziane|\bpré\b|gewenst|pluspunt|\ban asset\b|\bis an asset",
    IGNORE,
)
NOT_REQUIRED_CLAUSE = re.compile(
    r"\bnot (?:required|necessary|mandatory)|nicht erforderlich|no (?:es )?(?:necesario|requerido)|"
    r"non (?:è )?(?:richiesto|necessario)|pas (?:obligatoire|nécessaire|exigé)",
    IGNORE,
)
_OR_WORDS = re.compile(r"\b(?:or|oder|ou|o|lub|of|eller|tai|vagy|nebo)\b|/|\bor equivalent", IGNORE)
_AND_WORDS = re.compile(
    r"\b(?:and|plus|und|et|y|e|i|en|och|as well as|along with|together with)\b|\+", IGNORE
)


# A clause ends at ; ! ? a line break, or a full stop that ends a word of two or more
# lowercase letters or digits (so "B.E. / Diploma" and "M.Sc. or PhD" stay one clause).
# (The look-behind sits after the dot so every branch starts with a character: re then skips
# to candidate characters instead of trying every position; same matches.)
CLAUSE_END = re.compile(r"[;!?\n]|\.(?<=[a-zà-ÿ0-9)]{2}\.)(?:\s|$)")


# The word-list searches on clauses and context windows, with a literal-prefix test in front
# (transforms/prefilter.py; same answers).
_NOT_A_REQUIREMENT = Prefiltered(NOT_A_REQUIREMENT)
_NOT_REQUIRED_CLAUSE = Prefiltered(NOT_REQUIRED_CLAUSE)
_ALSO_ACCEPTED_CLAUSE = Prefiltered(ALSO_ACCEPTED_CLAUSE)
_PREFERRED_CLAUSE = Prefiltered(PREFERRED_CLAUSE)


def _clause_bounds(text: str, start: int, end: int, reach: int = 200) -> tuple[int, int]:
    """(start, end) of the sentence-ish clause around ``text[start:end]``."""
    lo = max(0, start - reach)
    left = lo
    for m in CLAUSE_END.finditer(text, lo, start):
        left = m.end()
    m = CLAUSE_END.search(text, end, end + reach)
    return left, (m.start() if m else min(len(text), end + reach))


def _combine(levels: list[tuple[int, int, str]], text: str) -> str:
    """Levels mentioned in one clause, in order: alternatives ("MSc or PhD") keep the lowest,
    cumulative requirements ("a degree, plus a C in GCSE Maths") keep the highest. The last
    connective word between two mentions decides which."""
    result = levels[0][2]
    for (_, prev_end, _prev), (start, _, level) in itertools.pairwise(levels):
        gap = text[prev_end:start]
        last_or = max((m.end() for m in _OR_WORDS.finditer(gap)), default=-1)
        last_and = max((m.end() for m in _AND_WORDS.finditer(gap)), default=-1)
        pick = min if last_or >= last_and else max
        result = pick(result, level, key=EDUCATION_RANK.__getitem__)
    return result


def education_level(text: str | None) -> str | None:
    """Education level the posting requires; None when it says nothing.

    Within one clause, alternatives keep the lowest level ("MSc or PhD" → master, "Diploma or
    Degree in Nursing" → associate) and cumulative requirements the highest ("a degree plus a C
    in GCSE Maths" → bachelor). Across clauses the highest required level wins ("Grado en
    Matemáticas" + "Máster de Formación del Profesorado" → master); preferred levels count only
    when nothing is required ("PhD preferred" alone → doctorate). Mentions in benefit/company
    sentences (tuition reimbursement) or marked "not required" are skipped; "no degree
    required" → none. Vocational training and licences alone (Ausbildung, CDL) → None.
    """
    if _blank(text):
        return None
    body = text or ""
    clauses: dict[tuple[int, int], list[tuple[int, int, str]]] = {}
    for hit in _ruleset().finditer(body, "education"):
        level = _education_of(hit.match)
        if level == "none":
            return "none"
        bounds = _clause_bounds(body, hit.start, hit.match.end())
        clauses.setdefault(bounds, []).append((hit.start, hit.match.end(), level))
    required: list[str] = []
    preferred: list[str] = []
    accepted: list[str] = []  # alternatives "also considered": the lowest accepted level wins
    for (lo, hi), levels in clauses.items():
        clause = body[lo:hi]
        if _NOT_A_REQUIREMENT.search(clause) or _NOT_REQUIRED_CLAUSE.search(clause):
            continue
        if _ALSO_ACCEPTED_CLAUSE.search(clause):
            accepted.append(_combine(levels, body))
            continue
        (preferred if _PREFERRED_CLAUSE.search(clause) else required).append(_combine(levels, body))
    if required:
        level = max(required, key=EDUCATION_RANK.__getitem__)
        return min([level, *accepted], key=EDUCATION_RANK.__getitem__)
    if accepted:
        return min(accepted, key=EDUCATION_RANK.__getitem__)
    if preferred:
        return min(preferred, key=EDUCATION_RANK.__getitem__)
    return None


# --------------------------------------------------------------------------- experience

_UNIT = (
    r"(?:years?|yrs?|jahre?n?|ans|an|années?|años?|anos?|anni|anno|jaar|lat[a]?|rok(?:u)?|"
    r"års?|år)"
)
YEARS_RE = re.compile(
    rf"(?:(?P<upto>up to|bis zu|jusqu['’]à|hasta|até|less than|under|weniger als|moins de|"
    rf"fino a)\s+)?"
    rf"(?P<lo>{_NUM})(?:\s*\(\d{{1,2}}\))?\s*(?P<plus>\+)?"
    rf"(?:\s*(?:-|–|—|tot|to|bis|à|a|até|do|and|und|et|y|e|or|oder|ou|o)\s*"
    rf"(?P<hi>{_NUM})(?:\s*\(\d{{1,2}}\))?)?\s*(?P<plus2>\+|or more|or longer|oder mehr)?"
    rf"\s*(?P<unit>{_UNIT})\b['’]?(?P<plus3>\s*(?:\+|or more|plus))?",
    IGNORE,
)
EXPERIENCE_WORD = (
    r"(?:experience|expertise|erfahrung|berufserfahrung|expérience|experiencia|experiência|"
    r"esperienza|doświadcz\w*|ervaring|erfarenhet|erfaring\w*|kokemus\w*|pqe)"
)
EXPERIENCE_AFTER = re.compile(rf"^[^.;\n]{{0,60}}?{EXPERIENCE_WORD}", IGNORE)
# (an abbreviation's full stop right before the number, "min. 1 rok", does not end the clause)
EXPERIENCE_BEFORE = re.compile(rf"{EXPERIENCE_WORD}(?:[^.;\n]|\.(?=\s*$)){{0,60}}$", IGNORE)
MINIMUM_BEFORE = re.compile(
    r"(?:at least|minimum(?: of)?|min\.?|mindestens|mind\.|au moins|al menos|como mínimo|"
    r"mínimo|minimo|pelo menos|no mínimo|co najmniej|more than|over|minst|mindst|almeno|"
    r"vähintään)\s*$",
    IGNORE,
)
WORK_AFTER = re.compile(
    r"^['’]?\s*(?:of\s+)?(?:working|in|as|with|building|developing|designing|leading|managing|"
    r"hands-on|professional|relevant|industry|programming|coding|doing|writing|using|"
    r"post-|full-time|commercial|practical|proven|como|als|en tant que|come|jako|som|"
    r"\w+ing)\b|^['’]?\s*of\s+(?!age\b)\w",
    IGNORE,
)
NOT_EXPERIENCE_AFTER = re.compile(
    r"^\W{0,3}(?:ago|old|of age|or older|and older|of service|in business|warranty|vesting|"
    r"anniversary|of (?:our |company )?history|alt|d['’]âge|de edad|de idade)\b",
    IGNORE,
)
NOT_EXPERIENCE_BEFORE = re.compile(
    r"\b(?:founded|established|since|celebrat\w*|vest\w*|after|aged?|past|last|"
    r"in business for|been (?:around|operating|in business)|company)\b[^.;\n]{0,25}$",
    IGNORE,
)
PREFERRED_WORD = (
    r"(?:preferred|is a plus|nice to have|ideally|bonus|desirable|"
    r"wünschenswert|von vorteil|un plus|souhaité|deseable|valorable)"
)
PREFERRED_AFTER = re.compile(rf"^[^.;\n]{{0,80}}?{PREFERRED_WORD}", IGNORE)
MAX_YEARS = 30


_NOT_EXPERIENCE_BEFORE = Prefiltered(NOT_EXPERIENCE_BEFORE)
_EXPERIENCE_AFTER = Prefiltered(EXPERIENCE_AFTER, inside=re.compile(EXPERIENCE_WORD, IGNORE))
_PREFERRED_AFTER = Prefiltered(PREFERRED_AFTER, inside=re.compile(PREFERRED_WORD, IGNORE))
_MINIMUM_BEFORE = Prefiltered(MINIMUM_BEFORE)
ITEM_START = re.compile(r"(?:^|\n)[ \t]*(?:[-–•*·▪]|\d+[.)])?[ \t]*$")


def _year_candidate(text: str, m: re.Match[str]) -> tuple[bool, bool, int | None, int | None]:
    """(is experience, is general, min, max) for one "N years" match."""
    lo, hi = _number(m.group("lo")), _number(m.group("hi"))
    before, after = text[max(0, m.start() - 60) : m.start()], text[m.end() : m.end() + 100]
    if lo is None or NOT_EXPERIENCE_AFTER.search(after) or _NOT_EXPERIENCE_BEFORE.search(before):
        return False, False, None, None
    if m.group("upto"):
        lo, hi = 0, lo
    elif hi is not None and hi < lo:
        lo, hi = hi, lo
    if max(lo, hi or 0) > MAX_YEARS:
        return False, False, None, None
    general = bool(_EXPERIENCE_AFTER.search(after) or EXPERIENCE_BEFORE.search(before))
    qualified = bool(
        m.group("plus") or m.group("plus2") or m.group("plus3") or hi is not None
        or m.group("upto") or _MINIMUM_BEFORE.search(before)
    )  # fmt: skip
    # a requirement bullet that opens with the years: "- 3 años como gerente en retail"
    opens_item = bool(ITEM_START.search(before))
    is_experience = general or ((qualified or opens_item) and bool(WORK_AFTER.search(after)))
    return is_experience, general, lo, hi


# French "an" is anchored with its number ("1 an"), or every English "an" would be tried.
YEAR_UNIT_RE = re.compile(
    r"(?P<unit>years?|yrs?|jahre?n?|ans|années?|años?|anos?|anni|anno|jaar|lat[a]?|rok(?:u)?|"
    r"års?)\b"
    r"|[0-9] (?P<an>an)\b",
    IGNORE,
)
NUMBER_BEFORE = re.compile(
    rf"(?:\d|\b(?:{word_trie(sorted(NUMBER_WORDS))}))[\s+)(\d–—-]{{0,8}}$", IGNORE
)
# Japanese: "経験3年以上" (3+ years of experience), "3年以上の経験"
JA_YEARS_RE = re.compile(r"経験(?P<lo>\d{1,2})年|年以上の[^。\n]{0,12}経験")
JA_NUMBER_BEFORE = re.compile(r"(\d{1,2})$")
YEARS_REACH = 18  # characters before the last number where an "N to M years" phrase may start


def _year_mentions(text: str) -> Iterator[re.Match[str]]:
    """ "N years" phrases, found from their unit word (with a number right before it)."""
    for hit in _hits(text, "experience"):
        if hit.key != "unit":
            continue
        groups = hit.match.groupdict()
        start = hit.match.start("unit" if groups.get("unit") else "an")
        number = NUMBER_BEFORE.search(text, max(0, start - 14), start)
        if number is None:
            continue
        # The phrase starts at most a range ("3 to 5", "up to 2") before the last number.
        lo = max(0, number.start() - YEARS_REACH)
        for m in YEARS_RE.finditer(text, lo, hit.match.end() + 16):
            if m.start("unit") == start:
                yield m
                break


def experience_years(text: str | None) -> tuple[int | None, int | None]:
    """(min, max) years of experience required; (None, None) when not stated.

    "4+ years" → (4, None), "3-6 years" → (3, 6), "up to 2 years" → (0, 2). The general
    requirement wins over sub-requirements and required over preferred (see module doc).
    Company age, service benefits and ages ("18 years or older") are ignored.
    """
    body = text or ""
    best: tuple[bool, bool, int] | None = None
    result: tuple[int | None, int | None] = (None, None)
    for m in _year_mentions(body):
        is_experience, general, lo, hi = _year_candidate(body, m)
        if not is_experience or lo is None:
            continue
        required = not _PREFERRED_AFTER.search(body[m.end() : m.end() + 100])
        if required:  # "a BS with 12+ years will also be considered": an alternative route
            lo_clause, hi_clause = _clause_bounds(body, m.start(), m.end())
            required = not _ALSO_ACCEPTED_CLAUSE.search(body, lo_clause, hi_clause)
        key = (required, general, lo)
        if best is None or key > best:
            best, result = key, (lo, hi)
    if result == (None, None):
        for hit in _hits(body, "experience"):
            if hit.key == "ja":
                number = hit.match.groupdict().get("lo")
                if number is None:
                    before = JA_NUMBER_BEFORE.search(body, max(0, hit.start - 2), hit.start)
                    number = before.group(1) if before else None
                if number is not None:
                    return int(number), None
    return result


# --------------------------------------------------------------------------- workplace

_DAY_WORD = r"(?:days?|tage?n?|jours?|días|dias|dagen|dag|dagar|giorni)"
_NUM_DAYS = rf"(?P<days>{_NUM})(?:\s*[-–]\s*(?:{_NUM}))?\s*{_DAY_WORD}"
_PER_WEEK = (
    r"\s*(?:(?:per|a|each|/|pro|par|por|i|in der|alla)\s*(?:week|woche|semaine|semana|veckan|"
    r"settimana)\s*)?"
)
# "3 days a week in the office" / "2 days remote": anchored on the day word, number looked up
# right before it (DAYS_NUMBER_BEFORE).
OFFICE_DAYS = re.compile(
    _DAY_WORD + _PER_WEEK + r"(?:(?:in|at|from|im|au|en|na|no)\s+(?:the\s+|our\s+)?"
    r"(?:office|büro|bureau|oficina|escritório)|on[- ]?site|onsite|vor ort|en présentiel|"
    r"presencial|op (?:ons |het )?kantoor|på kontoret|in ufficio)",
    IGNORE,
)
OFFICE_DAYS_BEFORE = re.compile(
    r"(?:in (?:the )?office|on-?site|onsite|im büro)\s*(?:for\s+)?" + _NUM_DAYS, IGNORE
)
REMOTE_DAYS = re.compile(
    _DAY_WORD + _PER_WEEK + r"(?:of\s+)?(?:remote|working from home|work from home|from home|"
    r"wfh|home-?office|mobiles? arbeit\w*|de télétravail|télétravail|de teletrabajo|remotos?|"
    r"de home office|thuis|hemifrån|hemma|da casa|in smart working)",
    IGNORE,
)
DAYS_NUMBER_BEFORE = re.compile(rf"(?P<days>{_NUM})(?:\s*[-–]\s*(?:{_NUM}))?\s*$", IGNORE)
WORKPLACE_TEXT_RULES = _rules(
    (
        "hybrid",
        r"\bhybrid(?:e[nrs]?)?\b(?!\s*[-‐]?\s*(?:cloud|apps?|mobile|native|multi|on-prem|"
        r"infrastructure|it\b|vehicles?|cars?|electric|engines?|solutions?|integration|"
        r"architectures?|systems?|search|deployments?|data|databases?|storage|networks?|"
        r"environments?|models?|methods?|algorithms?|approach|events?|learning|teaching|"
        r"quantum|classical|computing|power|energy|technolog|platforms?|warfare|threats?|"
        r"security|kubernetes|aws|azure|rice|seeds?|and multi))|"
        r"\bhíbrid[oa]\b|\bhybryd\w*|flexib\w* (?:between|mix of) (?:home|remote)|"
        r"(?:mix|combination|split|blend) (?:of |between )(?:remote|home|working from home) "
        r"(?:and|&) (?:office|in-office|on-?site)|partially remote|partly remote|"
        r"remote (?:and|&|/) (?:in-office|office|on-?site) (?:work|days)|"
        r"(?<!aucun )(?<!sans )(?<!pas de )\btélétravail (?:partiel|possible|flexible)|"
        r"(?<!sans )(?<!aucun )(?<!pas de )(?<!pas du )télétravail\b(?! (?:complet|total|100|"
        r"possible :|n'est pas))|\bwork[- ]from[- ]home days\b|"
        r"\bwork from home (?:the )?rest of the (?:week|time)|"
        r"\b(?:office|home)\s*/\s*(?:home|office) split\b|"
        r"\bteletrabajo parcial|(?<!100% )(?<!100 % )(?<!vollständig )(?<!komplett )"
        r"\b(?:home-?office|mobiles? arbeiten)\b(?![^.\n]{0,20}100 ?%)"
        r"(?!\s+(?:ist\s+)?(?:leider\s+)?(?:nicht|kein))|"
        r"\bhybrid(?:arbete|arbeit|work)\w*|\bteilweise (?:remote|im home-?office|mobil)|"
        r"\bsmart working\b|"
        r"\btelework(?:ing)? (?:eligible|available|options?|up to|one|two|three|four|days?|[1-4])|"
        r"\boffice (?:on )?(?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?)\b|"
        r"\boffice (?:[\w-]+ ){0,2}?(?:one|two|three|four|[1-4])(?:\s*(?:-|–|to|or)\s*"
        r"(?:two|three|four|[2-4]))? days? (?:a|per|each|/) ?week|"
        r"週[1-4１-４一二三四]日(?:の)?出社|出社は週[1-4１-４一二三四]日|ハイブリッド",
    ),
    (
        "onsite",
        r"\b(?:no|not|non|isn't|never)[- ](?:an? |fully |eligible for |available for |offered as )?"
        r"(?:fully )?remote\b|\bwithout (?:\w+ ){0,3}remote\b|"
        r"\bremote (?:work|working|option)s?\b[^.\n]{0,20}\b(?:not|no longer)\b"
        r"[^.\n]{0,15}\b(?:possible|available|offered|an option|allowed|permitted|eligible)|"
        r"cannot be (?:performed|done) remotely|kein(?:e|en)? (?:homeoffice|home-office|remote)|"
        r"pas de télétravail|sans télétravail|aucun télétravail|sin teletrabajo|sem home office|"
        r"\bin-office (?:[\w-]+ )?(?:role|position|job)\b|"
        r"\b(?:remote work(?:ing)?|telework(?:ing)?|working from home|work from home|"
        r"home-?office|mobiles arbeiten)\s+(?:is\s+|ist\s+)?(?:leider\s+)?(?:not|no longer|"
        r"nicht)\s+(?:possible|available|offered|an option|permitted|allowed|möglich|"
        r"vorgesehen)|リモートワーク不可|在宅勤務不可",
    ),
    (
        "remote",
        r"\b(?:fully|100 ?%|completely|entirely|full|all|totally)[- ]remote\b|"
        r"\bremote[- ](?:first|only|friendly|company|position|role|job|opportunity|contract|"
        r"based|eligible|work (?:from|anywhere))\b|"
        r"\bwork(?:ing)? (?:from )?anywhere\b|\bwork(?:ing)? remotely\b(?! (?:occasionally|"
        r"up to|on|one|two|\d))|(?m:^)(?:location\s*:\s*)?remote\s*(?:$|\n|\(|,|-|–|\|)|"
        r"\(remote\)|\bwork from home (?:position|role|job|opportunity)|"
        r"(?:100 ?%|vollständig|komplett|ausschließlich)\s*(?:im )?(?:remote|home-?office|"
        r"mobil\w*)|(?:home-?office|mobiles? arbeiten)\s*(?:zu |bis zu )?100 ?%|"
        r"télétravail (?:complet|total|à 100 ?%|100 ?%)|full remote|\bremoto\b|"
        r"\b(?:trabajo|trabalho) (?:100 ?% )?remoto|praca zdalna|\bzdalni[ea]\b|"
        r"\b(?:full[- ]time|fully|100 ?%) telework\w*|フルリモート|完全リモート|完全在宅",
    ),
    (
        "onsite",
        r"\b(?:is|are|be|work|works|working|based|fully|100 ?%|entirely|strictly|an?|must be)"
        r" on[- ]?site\b(?!\s+(?:gym|cafeteria|parking|childcare|daycare|fitness|caf[ée]|"
        r"canteen|meals?|lunch|health|clinic|amenities|restaurant|dining|wellness|medical|"
        r"events?|interviews?|perks?|food|kitchen|massage|doctor|services?|training|"
        r"allowance))|\bon[- ]?site (?:role|position|job|work|only|presence|basis)\b|"
        r"(?m:^)on[- ]?site\b|"
        r"\bin[- ]person(?:,? (?:[\w-]+ )?(?:role|position|job|work|opportunity)| at (?:our|the)"
        r"\b)|\bis in[- ]person\b|\bin[- ]store (?:position|role|job)|"
        r"\bwork(?:ing)? from (?:the )?office only\b|\boffice only\b|\bin presenza\b|"
        r"\bprésentiel\b|\boffice (?:[\w-]+ ){0,2}?(?:five|5) days? (?:a|per|each|/) ?week|"
        r"\boffice[- ]based\b|"
        r"\b(?:in|from) (?:the |our )?office (?:five|5|full[- ]time|every day)|"
        r"\bvor ort\b|\bpräsenz(?:pflicht|arbeit|tätigkeit)|\ben présentiel|"
        r"\b100 ?% présentiel|\bpresencial\b|\bstacjonarn\w+",
    ),
)
LOCATION_RULES = _rules(
    ("hybrid", r"\bhybrid|\bhíbrid|\bhybryd"),
    ("remote", r"\bremote|\bhome-?office|\btélétravail|\bremoto|\bzdaln|\banywhere\b"),
    ("onsite", r"\bon[- ]?site\b|\bin[- ]office\b|\bpresencial\b|\bprésentiel"),
)


def _days_before(text: str, start: int) -> int | None:
    m = DAYS_NUMBER_BEFORE.search(text, max(0, start - 16), start)
    return _number(m.group("days")) if m else None


def _days_signal(text: str) -> str | None:
    """hybrid for 1–4 office days or any remote days a week, onsite for 5 office days."""
    hits = _hits(text, "workplace_days")
    office = [_days_before(text, h.start) for h in hits if h.key == "office"]
    office += [_number(h.match.group("days")) for h in hits if h.key == "office_before"]
    for days in office:
        if days:
            return "onsite" if days >= 5 else "hybrid"
    remote = any(h.key == "remote" and _days_before(text, h.start) for h in hits)
    return "hybrid" if remote else None


def workplace_type(
    text: str | None, *, label: str | None = None, location: str | None = None
) -> str | None:
    """onsite/hybrid/remote from the platform label, then the location, then the text.

    In text: hybrid wording beats remote, remote beats onsite; "no remote work" / "not remote" /
    "remote work is not possible" are onsite; "remote interviews/onboarding/team members" say
    nothing. None when nothing is said.
    """
    found = labels.workplace_type(label)
    if found:
        return found
    if not _blank(location):
        found = labels.workplace_type(location) or _first(LOCATION_RULES, location or "")
        if found:
            return found
    body = text or ""
    days = _days_signal(body)
    if days == "hybrid":
        return days
    return _first_value(WORKPLACE_TEXT_RULES, _hits(body, "workplace")) or days


# --------------------------------------------------------------------------- employment

_TYPE_WORDS = (
    (
        "internship",
        r"\b(?:intern|internship|praktikant(?:in)?|praktikum|"
        r"stagiaire|co-op|pasantía|prácticas|estágio|staż)\b",
    ),
    (
        "contract",
        r"\b(?:contract|contractor|freelance|freelancer|1099|c2c|corp[- ]to[- ]corp)\b",
    ),
    (
        "temporary",
        r"\b(?:temp|temporary|seasonal|fixed[- ]term|interim|befristet|cdd|aushilfe)\b",
    ),
    (
        "part_time",
        r"\b(?:part[- ]?time|teilzeit|temps partiel|medio tiempo|media jornada|tiempo parcial|"
        r"meio período|meio periodo|tempo parcial|niepełny etat|werkstudent(?:in)?|"
        r"working student)\b",
    ),
    (
        "full_time",
        r"\b(?:full[- ]?time|vollzeit|temps plein|cdi|tiempo completo|jornada completa|"
        r"tempo integral|período integral|pełny etat)\b",
    ),
)
TITLE_EMPLOYMENT_RULES = _rules(*_TYPE_WORDS)
TEXT_EMPLOYMENT_RULES = _rules(
    (
        "internship",
        r"(?<!previous )(?<!prior )(?<!relevant )(?<!completed )(?<!former )"
        r"\b(?:internship|praktikum|pflichtpraktikum|stage de fin d['’]études|"
        r"stage de \d|pasantía|prácticas|estágio|staż)\b(?!\s+(?:experience|is a plus))",
    ),
    (
        "contract",
        r"(?<!fixed-term )(?<!fixed term )(?<!temporary )"
        r"\bcontract (?:role|position|job|basis|assignment|opportunity|engagement|length|"
        r"duration|for|of|to[- ]hire|-to-hire)\b|(?<=\w[- ])month contract\b|"
        r"\bcontract-to-hire\b|\bw-?2 contract|\b1099\b|\bc2c\b|\bcorp[- ]to[- ]corp\b|"
        r"\bfreelance\w*|\b(?:as an? |independent )contractor\b|"
        r"\bcontractor (?:role|position|basis)\b|\bauftragsbasis\b|\bfreiberuflich\w*",
    ),
    (
        "temporary",
        r"\b(?:temporary|seasonal|temp) (?:position|role|job|assignment|contract|employment|"
        r"basis|worker|staff|opportunity|hire|associate)|\btemp-to-perm\b|"
        r"\bfixed[- ]term\b|(?<!un)befristet\w*|\bcdd\b|contrato temporal|"
        r"contrato temporário|tempo determinado|czas określony|\bseasonal\b",
    ),
    (
        "part_time",
        r"\bpart[- ]time\b|\bteilzeit\b|\bwerkstudent(?:in)?\b|temps partiel|medio tiempo|"
        r"media jornada|tiempo parcial|meio período|meio periodo|tempo parcial|niepełny etat",
    ),
    (
        "full_time",
        r"\bfull[- ]time\b|\bvollzeit\b|temps plein|\bcdi\b|tiempo completo|jornada completa|"
        r"tempo integral|período integral|pełny etat|\bunbefristet\w*|"
        r"\bpermanent (?:position|role|contract|employment|job)",
    ),
)
_WEEK = r"(?:week|wk|woche|semaine|semana|tydzień|tygodniowo)"
# "40 hours a week" / "20h/week": anchored on the unit, the number looked up right before it.
HOURS_RE = re.compile(
    r"\b(?:hours?|hrs?|stunden|std\.?|heures|horas)\s*(?:per|a|/|each|pro|par|por|na|w)?\s*"
    + _WEEK
    + r"|h(?:/| (?:per|a|each|pro|par|por|na|w) )\s*"
    + _WEEK,
    IGNORE,
)
HOURS_NUMBER_BEFORE = re.compile(
    r"(?<![\d.,])(?P<lo>\d{1,2})(?:[.,]\d)?(?:\s*[-–]\s*(?P<hi>\d{1,2}))?\s*$"
)
FULL_TIME_HOURS = 35
RESOLVED_FIRST = ("internship", "contract", "temporary")


def _employment_in(rules: tuple[Rule, ...], text: str) -> str | None:
    """Internship > contract > temporary; then the earlier of part-/full-time mentions."""
    hits = {value: m.start() for value, pattern in rules if (m := pattern.search(text))}
    return _employment_pick(hits)


def _employment_pick(hits: dict[str, int]) -> str | None:
    for value in RESOLVED_FIRST:
        if value in hits:
            return value
    if hits:
        return min(hits, key=hits.__getitem__)
    return None


def _employment_text(text: str) -> str | None:
    first: dict[str, int] = {}
    for hit in _hits(text, "employment"):
        first.setdefault(hit.key, hit.start)
    return _employment_pick(first)


def _hours_type(text: str) -> str | None:
    for hit in _hits(text, "hours"):
        m = HOURS_NUMBER_BEFORE.search(text, max(0, hit.start - 14), hit.start)
        if not m:
            continue
        hours = int(m.group("hi") or m.group("lo"))
        if not 1 <= hours <= 80:
            return None
        return "full_time" if hours >= FULL_TIME_HOURS else "part_time"
    return None


def employment_type(
    text: str | None, *, label: str | None = None, title: str | None = None
) -> str | None:
    """full_time/part_time/contract/temporary/internship/other: label, then title, then text.

    An unrecognised label ("other") is returned only when title and text say nothing.
    "20 hours per week" → part_time; "CDI"/"unbefristet" → full_time.
    """
    from_label = labels.employment_type(label)
    if from_label and from_label != "other":
        return from_label
    if from_label is None and labels.employment_types(label):
        return None  # the label names both full- and part-time: the posting offers either
    found = None
    if not _blank(title):
        found = _employment_in(TITLE_EMPLOYMENT_RULES, title or "")
    if not found and not _blank(text):
        body = text or ""
        found = _employment_text(body) or _hours_type(body)
    return found or from_label


# --------------------------------------------------------------------------- visa

VISA_RULES = _rules(
    (
        "no",
        r"\b(?:unable|not able|not in a position|cannot|can ?not|can't|will not|won't|do not|"
        r"don't|does not|doesn't|are not|is not|not)\b[^.\n]{0,30}?\bsponsor|"
        r"\bno (?:visa |work visa |employment |immigration )?sponsorship|"
        r"sponsorship (?:is |will )?(?:not|unavailable)|"
        r"without (?:the need for )?(?:(?:current|future|visa|employer|immigration|or)\s+)*"
        r"sponsorship|not eligible for (?:visa )?sponsorship|"
        r"visa sponsorship\s*[:\-–]\s*(?:no|none|not available)\b|"
        r"kein(?:e|en)? (?:visa|visum)\w*[- ]?(?:sponsoring|unterstützung)|"
        r"pas de (?:sponsoring|parrainage) (?:de )?visa|no (?:ofrecemos|podemos)[^.\n]{0,20}"
        r"(?:patrocinio|visado|permiso)|"
        # "Sponsorship, including CPT/OPT, is not available"
        r"\bsponsorship\b[^.\n]{0,40}?\b(?:is|are|will be) (?:not available|unavailable)|"
        # "citizenship required", "open to Singapore Citizens and Permanent Residents only"
        r"\bcitizenship (?:is )?(?:required|mandatory)|"
        r"\bcitizens?\b(?: and| or|,|/)? (?:permanent residents?|prs?) only\b|"
        r"\bcitizens? only\b|"
        r"\balready (?:hold|have|possess) (?:a |the |valid )*(?:visa|work permit|right to work)|"
        r"\b(?:déjà|deja) autoris\w* à travailler|"
        r"\bne (?:sommes|pouvons)[^.\n]{0,70}(?:permis de travail|visa)|"
        r"\b(?:unable|not able|cannot|can ?not|can't|will not|won't|do not|don't|does not|"
        r"doesn't|are not|is not)\b[^.\n]{0,30}?\b(?:support|assist|provide|help)\b[^.\n]{0,40}?"
        r"\b(?:visas?|work permits?)\b",
    ),
    (
        "yes",
        r"\bvisa sponsorship (?:is |will be )?(?:available|offered|provided|possible|"
        r"supported)|\bvisa sponsorship\s*[:\-–]\s*(?:yes|available)\b|"
        r"\b(?:we|will|can|able to|happy to|do|to) sponsor\b|"
        r"\bsponsor(?:s|ship for)? (?:work )?(?:visas?|h-?1b|work permits?|blue card)|"
        r"\b(?:offer|provide|including|includes|with|and) (?:full )?(?:visa|immigration) "
        r"(?:sponsorship|support|assistance)|\bvisa (?:support|assistance)\b|"
        r"relocation (?:and|&|\+) visa|visa (?:and|&|\+) relocation|"
        r"sponsorship (?:is )?available|visum\w*[- ]?unterstützung|"
        r"(?:sponsoring|parrainage) de visa|patrocinio de visa|"
        # "the Trust is a licensed sponsor", "the district sponsors J-1 and H-1B visas"
        r"\blicensed (?:visa )?sponsor\b|\bsponsors? [^.\n]{0,20}?\bvisas?\b|"
        # "supports Critical Skills Employment Permit applications", "can support an
        # Accredited Employer Work Visa", "We assist international hires with the work permit"
        r"\b(?:support|supports|assist|assists|help|helps)\b[^.\n]{0,50}?"
        r"\b(?:visa|work permit|employment permit)s?\b|"
        r"\bprovides? (?:your |the |an? )?(?:\w+ )?(?:employment|work) (?:visa|permit)|"
        r"\bunterstütz\w*[^.\n]{0,60}?\b(?:visum|blauen karte)|"
        r"ビザ(?:の)?(?:サポート|取得支援|支援)",
    ),
)


def visa_sponsorship(text: str | None) -> str | None:
    """ "yes" when the posting offers visa sponsorship, "no" when it rules it out, else None."""
    return _first_value(VISA_RULES, _hits(text, "visa"))


# --------------------------------------------------------------------------- language

LETTER = re.compile(r"[^\W\d_]")


CLD2_CODES = {"iw": "he", "nb": "no", "nn": "no", "zh-Hant": "zh"}  # CLD2 → ISO 639-1


def language(text: str | None) -> str | None:
    """ISO 639-1 code of the text; None for empty text or fewer than 20 letters."""
    if _blank(text):
        return None
    sample = (text or "")[:LANGUAGE_SAMPLE]
    if sum(1 for _ in islice(LETTER.finditer(sample), MIN_LETTERS)) < MIN_LETTERS:
        return None
    try:
        _reliable, _bytes, details = pycld2.detect(sample.encode("utf-8", "ignore"))
    except pycld2.error:
        return None
    for _name, code, _percent, _score in details:
        code = CLD2_CODES.get(code, code)
        if code in LANGUAGES:
            return str(code)
    return None
