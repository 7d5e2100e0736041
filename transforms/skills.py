"""Skills taxonomy (``transforms/data/skills.tsv``) and a fast, context-aware skill matcher.

One Aho-Corasick automaton over every canonical name and alias scans the lowercased text once.
A hit counts only on word boundaries; where hits overlap the longest wins. Surface forms that are
also ordinary words (``go``, ``c``, ``r``, ``excel``, ``spark``, ``english`` ...) must pass a
:class:`ContextRule` from :data:`CONTEXT_RULES` that looks at the original-case surface and at
~40 characters either side.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import ahocorasick

TAXONOMY_PATH = Path(__file__).with_name("data") / "skills.tsv"
CATEGORIES = frozenset(
    {
        "technology", "data", "cloud", "security", "design", "engineering", "science",
        "business", "office", "finance", "sales_marketing", "hr", "legal", "healthcare",
        "retail_hospitality", "logistics", "trades", "manufacturing", "education", "language",
        "soft_skill",
    }
)  # fmt: skip
WINDOW = 40  # characters of context either side that a rule may inspect
_TAIL = 24  # characters right before a hit that veto_before / vouch_before look at

_WS = re.compile(r"\s+")
_SPACES = str.maketrans(dict.fromkeys("\t\n\r\f\v\x85\xa0\u2028\u2029\u3000", " "))
_HYPHENS = str.maketrans(dict.fromkeys("-\u2010\u2011\u2012\u2013\u2014\u2015", " "))


def normalize_key(text: str) -> str:
    """Lowercase, hyphens → spaces, collapse whitespace: the form aliases are matched in."""
    return _WS.sub(" ", text.lower().translate(_HYPHENS)).strip()


class SkillRow(NamedTuple):
    """One taxonomy row."""

    skill: str
    category: str
    aliases: tuple[str, ...]


def read_taxonomy(path: Path = TAXONOMY_PATH) -> list[SkillRow]:
    """Parse and validate the TSV; raise ``ValueError`` on duplicates or unknown categories."""
    rows: list[SkillRow] = []
    owner: dict[str, str] = {}
    seen: set[str] = set()
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or lines[0].split("\t") != ["skill", "category", "aliases"]:
        raise ValueError(f"{path}: header must be skill<TAB>category<TAB>aliases")
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != 3:
            raise ValueError(f"{path}:{number}: expected 3 tab-separated fields")
        skill, category, alias_field = (f.strip() for f in fields)
        if skill != skill.lower() or not skill:
            raise ValueError(f"{path}:{number}: canonical name must be lowercase: {skill!r}")
        if category not in CATEGORIES:
            raise ValueError(f"{path}:{number}: unknown category {category!r}")
        aliases = tuple(a.strip() for a in alias_field.split("|") if a.strip())
        for surface in (skill, *aliases):
            key = normalize_key(surface)
            if owner.setdefault(key, skill) != skill:
                raise ValueError(f"{path}:{number}: {surface!r} already names {owner[key]!r}")
        if skill in seen:
            raise ValueError(f"{path}:{number}: duplicate skill {skill!r}")
        seen.add(skill)
        rows.append(SkillRow(skill, category, aliases))
    return rows


@dataclass(frozen=True, slots=True)
class ContextRule:
    """When an ambiguous surface form counts as a skill.

    Checked in order: a veto (``veto_before`` searched in the lowercased text before the hit,
    ``veto_after`` after it) rejects; then the original-case surface must fullmatch ``case``
    unless ``lower_ok`` occurs nearby; then, if ``need`` is set, ``need`` must occur nearby or a
    ``vouch_before``/``vouch_after`` phrase must sit right next to the hit.
    """

    case: re.Pattern[str] | None = None
    lower_ok: re.Pattern[str] | None = None
    need: re.Pattern[str] | None = None
    vouch_before: re.Pattern[str] | None = None
    vouch_after: re.Pattern[str] | None = None
    veto_before: re.Pattern[str] | None = None
    veto_after: re.Pattern[str] | None = None

    def accepts(self, surface: str, before: str, after: str) -> bool:
        """``surface`` in original case; ``before``/``after`` lowercased context windows."""
        wrong_case = self.case is not None and not self.case.fullmatch(surface)
        if wrong_case and self.lower_ok is None:
            return False
        tail = before[-_TAIL:]
        if self.veto_before is not None and self.veto_before.search(tail):
            return False
        if self.veto_after is not None and self.veto_after.match(after):
            return False
        if wrong_case and not _near(self.lower_ok, before, after):
            return False
        if self.need is None:
            return True
        return (
            _near(self.need, before, after)
            or (self.vouch_before is not None and self.vouch_before.search(tail) is not None)
            or (self.vouch_after is not None and self.vouch_after.match(after) is not None)
        )


def _near(pattern: re.Pattern[str] | None, before: str, after: str) -> bool:
    return pattern is not None and (
        pattern.search(before) is not None or pattern.search(after) is not None
    )


def _rule(
    case: str | None = None,
    lower_ok: str | None = None,
    need: str | None = None,
    vouch_before: str | None = None,
    vouch_after: str | None = None,
    veto_before: str | None = None,
    veto_after: str | None = None,
) -> ContextRule:
    def compile_(pattern: str | None, *, word_start: bool = False) -> re.Pattern[str] | None:
        if pattern is None:
            return None
        # A leading \b lets the regex engine skip mid-word positions: ~10x faster searches.
        return re.compile(rf"\b(?:{pattern})" if word_start else pattern)

    return ContextRule(
        case=compile_(case),
        lower_ok=compile_(lower_ok, word_start=True),
        need=compile_(need, word_start=True),
        vouch_before=compile_(vouch_before),
        vouch_after=compile_(vouch_after),
        veto_before=compile_(veto_before),
        veto_after=compile_(veto_after),
    )


# Context vocabularies (lowercased text).
_PROG = (
    r"python|\bjava\b|javascript|typescript|golang|\brust\b|c\+\+|c#|kotlin|\bscala\b|\bruby\b"
    r"|\bphp\b|elixir|erlang|haskell|\bswift\b|\bnode|\bperl\b|programming|developer|engineer"
    r"|software|backend|back[- ]end|microservice|languages?\b|coding|\bcode\b|codebase|grpc"
    r"|kubernetes|docker|concurren|compiler|\bapis?\b|services|\bstack\b|linux|\bsql\b|\bgo\b"
)
_DATA = (
    r"hadoop|scala|pyspark|databricks|big data|kafka|python|\bsql\b|\betl\b|\bdata\b|\bhive\b"
    r"|streaming|airflow|\bemr\b|cluster|distributed|pipeline|\bdags?\b|dbt|snowflake|warehouse"
)
_WEB = (
    r"javascript|typescript|\bjs\b|frontend|front[- ]end|redux|\bnode|html|\bcss\b|angular|\bvue"
    r"|next\.?js|hooks|jsx|components?|\bui\b|web"
)
_OFFICE = (
    r"powerpoint|\bword\b|outlook|\bexcel\b|spreadsheet|pivot|vlookup|macro|microsoft|\bms\b"
    r"|office|google (sheets|docs)|access\b|typing"
)
_TEST = r"\btest|e2e|selenium|playwright|cypress|jest|javascript|typescript|automation|\bqa\b"
_DEVOPS = (
    r"ansible|chef|terraform|salt|configuration management|devops|linux|automation|kubernetes"
    r"|\bk8s\b|docker|\bci\b|pipeline|deploy|cluster|gitops|container|monitoring|grafana|metrics"
)
_TRADES = (
    r"construction|carpentry|drywall|roofing|lumber|masonry|rebar|formwork|contractor|\bsite\b"
    r"|building|blueprints?|framing|concrete|cement|slab|foundation|crane|osha|hvac|electrical"
    r"|plumbing|weld|hoist|ladder|heights|install"
)
_LANG_NEED = (
    r"fluen|bilingual|multilingual|trilingual|languages?\b|\bspeak|spoken|written|native|proficien"
    r"|\b[abc][12]\b|mother tongue|interpret|translat|read and write|conversational|verbal"
)
_LANG_AFTER = (
    r"^\s*(is\s+|are\s+)?(a\s+(big\s+)?plus|an\s+asset|preferred|required|desired|desirable"
    r"|a\s+must|mandatory|essential|\((native|fluent|written|spoken|[abc][12])|skills?\b)"
)
_EDU = (
    r"student|teach|class|lesson|assignment|papers|homework|curriculum|school|tutor|instruction"
    r"|learners|pupils|iep"
)
_CASE_ONLY = (
    "ai", "ml", "sas", "pos", "pals", "qa", "qc", "cpa", "cfa", "sox", "adp", "ats", "dei", "hrm",
    "phr", "cbt", "cna", "nrp", "mri", "rcm", "cpt", "ems", "emt", "esl", "iep", "ieps", "eld",
    "ehs", "hse", "loto", "cmm", "rca", "spc", "gmp", "fea", "bim", "gis", "mdm", "dax", "elt",
    "sre", "iac", "eks", "s3", "iam", "wms", "scm", "tms", "abm", "ppc", "cx", "esg", "lms",
    "addie", "sped", "elisa", "facs", "ngs", "nec", "mig", "tig", "5s", "okr", "sap", "ood", "ror",
    "aba", "kyc", "aml", "oop",
)  # fmt: skip
_CASE_FORMS = {
    "ieps": "IEPs|IEPS",
    "sped": "SPED|SpEd",
    "iac": "IaC|IAC",
    "ror": "RoR|ROR",
    "5s": "5S",
}

CONTEXT_RULES: dict[str, ContextRule] = {
    key: _rule(case=_CASE_FORMS.get(key, key.upper())) for key in _CASE_ONLY
}
CONTEXT_RULES.update(
    {
        "go": _rule(
            case="Go|GO",
            need=_PROG,
            vouch_before=r"\b(in|using|with|written in|experience in|knowledge of|proficient in"
            r"|proficiency in|and|or)\s+$",
            veto_before=r"\b(?:on the|let'?s|let us|ready to|good to|way to|want to|need to"
            r"|have to|free to|we|you|they|i|will|can|must|should|would|could|to|please)\s+$",
            veto_after=r"^(\s*-|'|\s+(above|beyond|ahead|live|out|back|through|the extra|further"
            r"|far|for it|to|into|over|get|getter|along|without|home|with the flow|green|hand"
            r"|on|up|down|away|and (get|grab|see|check))\b)",
        ),
        "c": _rule(
            case="C",
            need=r"c\+\+|c#|\bprogramming|\blanguages?\b|embedded|firmware|python|\bjava\b"
            r"|\brust\b|assembly|fortran|golang|\bgo\b|linux|kernel|developer|software|coding"
            r"|microcontroller|\bunix\b|objective|\bcuda\b|\bposix",
            veto_before=r"(\b(grade|class|type|vitamin|section|part|level|plan|category|schedule"
            r"|tier|hepatitis|hep|apartment|building|option|group|phase|stage|form|exhibit"
            r"|appendix|block|zone|team|model|series|suite|a|an|the|ward|unit|floor|room)\s+"
            r"|[&\-.'])$",
            veto_after=r"^(\s*-|\.\w|'|&|\+(?!\+)|\s+(grade|level|suite|corp|corporation|class"
            r"|license|licence|drive|cdl|shift|section|wing|block|building|rating|score|average"
            r"|minus|plus)\b)",
        ),
        "r": _rule(
            case="R",
            need=r"python|\bsql\b|stata|spss|\bsas\b|matlab|julia|statistic|programming|rstudio"
            r"|tidyverse|ggplot|shiny|cran|data analy|data science|scripting|pandas|\bexcel\b"
            r"|machine learning|econometric|tableau|\bscala\b|quantitative|biostat",
            vouch_before=r"\b(in|using|knowledge of|proficiency in|proficient in|experience with"
            r"|programming in)\s+$",
            veto_before=r"([&\-.']|\b(grade|class|type|section|part|plan|form|schedule|rated"
            r"|rating|mr|dr|jr|dept|unit|ward|room|floor))\s*$",
            veto_after=r"^(\s*&|\s*-|\.\w|'|\s+(rated|rating|grade|class|section)\b)",
        ),
        "excel": _rule(
            case="Excel|EXCEL",
            lower_ok=_OFFICE,
            veto_before=r"\b(to|will|you|we|they|who|can|strive to|should|must|helps?|and"
            r" (grow|learn|thrive))\s+$",
            veto_after=r"^\s+(at|in|as|when|under|on|within|and grow|and thrive|with (a|the|our"
            r"|your))\b",
        ),
        "swift": _rule(
            case="Swift|SWIFT",
            need=r"\bios\b|xcode|objective|kotlin|apple|mobile|swiftui|cocoa|developer"
            r"|programming|language|android|iphone|ipad|macos|\bapps?\b|uikit|flutter"
            r"|react native|java\b|python",
            veto_after=r"^\s+(codes?|transfers?|payments?|messages?|network|bic|response|action)",
        ),
        "rust": _rule(
            case="Rust|RUST",
            need=_PROG,
            veto_after=r"^\s+(prevention|removal|proof|inhibitor|resistant|stains?|colou?r)",
        ),
        "spark": _rule(
            need=_DATA,
            veto_before=r"\b(to|will|that|which|who|helps?|can|a|the)\s+$",
            veto_after=r"^\s+(joy|creativity|curiosity|innovation|conversations?|interest|change"
            r"|growth|ideas?|excitement|engagement|discussions?|new|imagination|passion)\b",
        ),
        "java": _rule(veto_before=r"\bcups? of\s+$", veto_after=r"^\s+(coffee|island|sea)\b"),
        "react": _rule(
            case="React|REACT",
            lower_ok=_WEB,
            veto_after=r"^\s+(to|quickly|promptly|calmly|appropriately|accordingly|swiftly|well"
            r"|positively|fast|immediately|in|with|when)\b",
        ),
        "sales": _rule(
            need=r"selling|quota|commission|upsell|close deals|closing deals|prospect|cold call"
            r"|negotiat|\bcrm\b",
            vouch_before=r"\b(b2b|b2c|proven|successful|strong|direct|consultative|technical"
            r"|solution|software|saas|in)\s+$",
            vouch_after=r"^\s+(experience|skills?|background|techniques?|cycles?|process"
            r"|pipeline|targets?|quotas?|goals|strategy|strategies)\b",
            veto_before=r"\b(point of|cost of|bill of|deed of)\s+$",
            veto_after=r"^\s+(tax|taxes|associates?|representatives?|reps?|manager|director"
            r"|team|department|floor|office|orders?|page|volume|data|channel|force|people"
            r"|staff|clerk|leads?|engineer|executives?|jobs?|role|position)\b",
        ),
        "epic": _rule(
            case="Epic|EPIC",
            need=r"\behr|\bemr|cerner|charting|clinical|health|hospital|records|meditech|nurs"
            r"|patient|documentation|certif",
        ),
        "julia": _rule(
            case="Julia",
            need=r"python|matlab|\br\b|programming|language|scientific computing|numerical"
            r"|fortran|c\+\+",
        ),
        "dart": _rule(
            case="Dart",
            need=r"flutter|mobile|programming|language|developer|kotlin|swift|javascript"
            r"|typescript",
        ),
        "unity": _rule(
            case="Unity",
            need=r"game|\b3d\b|c#|unreal|\b[vax]r\b|engine|developer|mobile|shader|graphics",
        ),
        "word": _rule(case="Word", need=_OFFICE),
        "outlook": _rule(case="Outlook", need=_OFFICE),
        "confluence": _rule(case="Confluence", need=r"jira|atlassian|wiki|documentation|trello"),
        "asana": _rule(need=r"jira|trello|monday|project|task|confluence|notion|slack|tools"),
        "puppet": _rule(need=_DEVOPS),
        "vagrant": _rule(need=_DEVOPS),
        "jenkins": _rule(need=_DEVOPS + r"|\bcd\b|build|git"),
        "prometheus": _rule(need=_DEVOPS + r"|observability|alert"),
        "helm": _rule(
            need=r"kubernetes|\bk8s\b|charts?|docker|terraform|argo|deploy|cluster|devops|gitops"
            r"|container",
            veto_before=r"\b(at|take|taking|took) the\s+$",
        ),
        "airflow": _rule(
            need=_DATA + r"|orchestrat",
            veto_after=r"^\s+(measurement|balancing|rates?|testing|sensors?|control|direction)",
        ),
        "hive": _rule(need=_DATA),
        "snowflake": _rule(need=_DATA + r"|bigquery|redshift|cloud"),
        "cassandra": _rule(need=r"nosql|database|mongodb|redis|dynamodb|\bsql\b|kafka|\bdata\b"),
        "pandas": _rule(need=r"python|numpy|\bdata|scikit|jupyter|dataframe|\bsql\b|matplotlib"),
        "torch": _rule(need=r"python|pytorch|deep learning|tensorflow|\bml\b|neural|models?\b"),
        "flask": _rule(need=r"python|django|fastapi|\bapis?\b|web|backend|back[- ]end|rest\b"),
        "ruby": _rule(need=_PROG + r"|rails"),
        "groovy": _rule(need=_PROG + r"|gradle|jenkins"),
        "bash": _rule(need=r"shell|linux|unix|script|python|command line|\bcli\b|zsh|terminal"),
        "solidity": _rule(need=r"ethereum|smart contract|blockchain|web3|\bevm\b|defi|crypto"),
        "cypress": _rule(need=_TEST + r"|react"),
        "jest": _rule(need=_TEST + r"|react|node|mocha"),
        "playwright": _rule(need=_TEST),
        "blender": _rule(
            need=r"\b3d\b|maya|modell?ing|rendering|animation|cinema 4d|unity|unreal|zbrush"
        ),
        "sketch": _rule(
            case="Sketch",
            need=r"figma|adobe|\bxd\b|invision|\bui\b|\bux\b|design|prototyp|wireframe|zeplin",
        ),
        "illustrator": _rule(need=r"adobe|photoshop|indesign|design|figma|creative|graphic"),
        "ts": _rule(case="TS", need=_WEB),
        "cms": _rule(
            case="CMS", need=r"wordpress|drupal|\bweb|content|html|website|headless|joomla"
        ),
        "cro": _rule(
            case="CRO", need=r"conversion|a/b|landing|funnel|optimi|marketing|seo|analytics|\bux"
        ),
        "sem": _rule(
            case="SEM", need=r"\bseo\b|ppc|marketing|search|google ads|paid|adwords|campaign"
        ),
        "cad": _rule(case="CAD", veto_before=r"\d\s*$", veto_after=r"^\s*\$?\d"),
        "plc": _rule(
            case="PLC",
            need=r"automation|ladder|scada|\bhmi\b|controls?\b|allen|siemens|rockwell|programming"
            r"|electrical|vfd|motor|instrumentation|troubleshoot|industrial",
        ),
        "plcs": _rule(
            need=r"automation|ladder|scada|\bhmi\b|controls?\b|allen|siemens|rockwell|programming"
            r"|electrical|vfd|motor|instrumentation|troubleshoot|industrial",
        ),
        "glp": _rule(case="GLP", veto_after=r"^\s*-"),
        "tanker": _rule(need=r"\bcdl|endorsement|hazmat|driver|driving|class a|doubles|triples"),
        "green belt": _rule(
            need=r"six sigma|lean|process|quality|dmaic|black belt|continuous improvement"
        ),
        "concrete": _rule(need=_TRADES),
        "framing": _rule(need=_TRADES),
        "insulation": _rule(need=_TRADES + r"|attic|spray foam|fiberglass"),
        "rigging": _rule(need=_TRADES + r"|lift|load|signal|stage|sling"),
        "scaffolding": _rule(need=_TRADES + r"|erect|fall protection"),
        "fabrication": _rule(need=r"metal|steel|weld|machin|sheet|\bcnc\b|shop|manufactur"),
        "wiring": _rule(
            need=r"electric|conduit|panel|circuit|voltage|outlets?|harness|schematic|\bwire"
        ),
        "tailoring": _rule(need=r"sewing|garment|clothing|fitting|hemming|seamstress|fabric"),
        "bloomberg": _rule(
            case="Bloomberg",
            need=r"terminal|financ|trading|market|equity|bond|fixed income|excel|capital iq"
            r"|factset|reuters",
        ),
        "grading": _rule(need=_EDU),
        "differentiation": _rule(need=_EDU),
        "teaching": _rule(veto_after=r"^\s+(hospital|hospitals|assistant|assistants)\b"),
        "nursing": _rule(
            veto_before=r"(science|bachelors?|bachelor's|masters?|master's|degree|bsn|msn|school"
            r"|college)\s+(in|of)\s+$",
            veto_after=r"^\s+(home|homes|facility|facilities|school|degree|program|students?"
            r"|staff|unit|units|department|license)\b",
        ),
        "telemetry": _rule(
            need=r"nurs|patient|cardiac|\brn\b|unit|icu|hospital|ekg|ecg|clinical|bedside"
        ),
        "injections": _rule(veto_before=r"\b(sql|code|dependency|command|prompt|script)\s+$"),
        "leadership": _rule(
            veto_after=r"^\s+(team|teams|roles?|positions?|level|group|principles)\b",
            veto_before=r"\b(our|the|company|executive|senior|with)\s+$",
        ),
        "supervision": _rule(
            veto_before=r"\b(under|direct|close|general|minimal|without|limited)\s+(the\s+)?$",
            veto_after=r"^\s+(of|from|by)\b",
        ),
        "discretion": _rule(veto_before=r"(\b(at|sole|own|the|its|their|our|your|his|her)|'s)\s+$"),
        "reliable": _rule(
            veto_after=r"^\s+(transportation|transport|vehicle|car|internet|connection|source"
            r"|systems?|services?|infrastructure|software|data)\b"
        ),
        "dependable": _rule(
            veto_after=r"^\s+(transportation|transport|vehicle|car|internet|systems?|services?)\b"
        ),
        "presenting": _rule(
            veto_after=r"^\s+(symptoms|with|complaints?|problems?|conditions?|issues?)\b"
        ),
        "interpreting": _rule(
            veto_after=r"^\s+(data|results|findings|blueprints|drawings|schematics|regulations"
            r"|policies|tests?|lab|complex|and)\b"
        ),
        "recruitment": _rule(
            veto_before=r"\b(our|this|the)\s+$",
            veto_after=r"^\s+(process|processes|agency|agencies|team|fraud|scams?|policy"
            r"|partners?|purposes)\b",
        ),
        "recruiting": _rule(
            veto_after=r"^\s+(process|processes|agency|agencies|team|fraud|scams?|policy"
            r"|partners?|purposes|events?)\b",
        ),
        "onboarding": _rule(
            veto_before=r"\b(our|your|comprehensive|paid|structured|thorough|the)\s+$",
            veto_after=r"^\s+(process|program|programme|period|plan|bonus|buddy|training)\b",
        ),
        "agile": _rule(veto_after=r"^\s+(and|mindset|environment|company|startup|team)\b"),
    }
)


def _language_rule() -> ContextRule:
    return _rule(need=_LANG_NEED, vouch_after=_LANG_AFTER)


class _Entry(NamedTuple):
    skill: str
    length: int
    check_after: bool  # keys ending in a symbol ("c++", "c#") may touch a digit/letter
    rule: ContextRule | None


class _Matcher(NamedTuple):
    automaton: ahocorasick.Automaton
    letters: dict[str, _Entry]  # one-character keys ("c", "r"): upper case only, found by find()
    categories: dict[str, str]


@lru_cache(maxsize=1)
def _matcher() -> _Matcher:
    rows = read_taxonomy()
    automaton = ahocorasick.Automaton()
    letters: dict[str, _Entry] = {}
    language_rule = _language_rule()
    for row in rows:
        is_spoken_language = row.skill.endswith(" language") and "sign" not in row.skill
        for surface in (row.skill, *row.aliases):
            key = normalize_key(surface)
            rule = CONTEXT_RULES.get(key)
            if rule is None and is_spoken_language and " " not in key:
                rule = language_rule  # bare "spanish", "german", "polish", "chinese" ...
            entry = _Entry(row.skill, len(key), key[-1].isalnum(), rule)
            if len(key) == 1:
                letters[key] = entry
            else:
                automaton.add_word(key, entry)
    automaton.make_automaton()
    return _Matcher(automaton, letters, {row.skill: row.category for row in rows})


def _lower_same_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def extract_skills(text: str) -> list[str]:
    """Canonical skill names mentioned in ``text``, sorted and unique."""
    if not text or not isinstance(text, str):
        return []
    matcher = _matcher()
    display = text.translate(_SPACES)
    if "  " in display:
        display = " ".join(display.split())
    low = _lower_same_length(display)
    scan = low.translate(_HYPHENS)
    size = len(scan)
    candidates: list[tuple[int, int, _Entry]] = []
    for end, entry in matcher.automaton.iter(scan):
        start = end - entry.length + 1
        if start and scan[start - 1].isalnum():
            continue
        if entry.check_after and end + 1 < size and scan[end + 1].isalnum():
            continue
        candidates.append((start, end, entry))
    for letter, entry in matcher.letters.items():
        # A lone lowercase "c"/"r" is never a skill, so only the rarer capital is searched for.
        upper = letter.upper()
        at = display.find(upper)
        while at != -1:
            if (not at or not scan[at - 1].isalnum()) and (
                at + 1 == size or not scan[at + 1].isalnum()
            ):
                candidates.append((at, at, entry))
            at = display.find(upper, at + 1)
    hits: list[tuple[int, int, int, str]] = []
    for start, end, entry in candidates:
        rule = entry.rule
        if rule is not None and not rule.accepts(
            display[start : end + 1],
            low[max(0, start - WINDOW) : start],
            low[end + 1 : end + 1 + WINDOW],
        ):
            continue
        hits.append((-entry.length, start, end, entry.skill))
    # Leftmost first, longest first at a position; an overlapping longer hit replaces the kept one.
    hits.sort(key=lambda hit: (hit[1], hit[0]))
    kept: list[tuple[int, int, int, str]] = []
    for hit in hits:
        if kept and hit[1] <= kept[-1][2]:
            if hit[0] < kept[-1][0]:
                kept[-1] = hit
            continue
        kept.append(hit)
    found = {hit[3] for hit in kept}
    return sorted(found)


def skill_names() -> frozenset[str]:
    """Every canonical skill name in the taxonomy."""
    return frozenset(_matcher().categories)


def skill_category(name: str) -> str | None:
    """The category of a canonical skill name, or None when it is not in the taxonomy."""
    return _matcher().categories.get(name)
