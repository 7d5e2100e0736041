"""Word lists for the simulated job market: companies, role families, places and text fragments.

Pure data (plus a few tiny record types). Everything here is hand-written for the demo; the
market model in :mod:`jobpipe.demo.market` combines these pieces deterministically.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

# --------------------------------------------------------------------------------------------
# Places
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Country:
    """Country facts used for locations and pay."""

    code: str
    name: str
    label: str  # short label used in "Remote (US)"-style strings
    currency: str
    pay_mult: float  # local-currency annual pay per USD of US-equivalent pay
    hourly_ok: bool  # hourly pay is common for hourly roles
    monthly: float  # share of salaried postings quoting a monthly figure
    tz: str  # IANA zone of a typical board headquartered there


@dataclass(frozen=True)
class City:
    """A city as a board would list it."""

    name: str
    region: str | None  # state/province code when customary ("MA", "ON", "NSW"), else None
    region_name: str | None  # full region name for office addresses
    country: str  # ISO 3166-1 alpha-2
    lang: str | None = None  # local language if not English


COUNTRIES: dict[str, Country] = {
    c.code: c
    for c in (
        Country("US", "United States", "US", "USD", 1.0, True, 0.0, "America/New_York"),
        Country("CA", "Canada", "Canada", "CAD", 1.05, True, 0.0, "America/Toronto"),
        Country("GB", "United Kingdom", "UK", "GBP", 0.58, True, 0.0, "Europe/London"),
        Country("DE", "Germany", "Germany", "EUR", 0.62, True, 0.15, "Europe/Berlin"),
        Country("FR", "France", "France", "EUR", 0.55, False, 0.3, "Europe/Paris"),
        Country("NL", "Netherlands", "Netherlands", "EUR", 0.62, True, 0.1, "Europe/Amsterdam"),
        Country("ES", "Spain", "Spain", "EUR", 0.45, False, 0.3, "Europe/Madrid"),
        Country("IE", "Ireland", "Ireland", "EUR", 0.66, True, 0.0, "Europe/Dublin"),
        Country("CH", "Switzerland", "Switzerland", "CHF", 1.05, True, 0.0, "Europe/Zurich"),
        Country("PL", "Poland", "Poland", "PLN", 1.6, False, 1.0, "Europe/Warsaw"),
        Country("IN", "India", "India", "INR", 14.0, False, 0.0, "Asia/Kolkata"),
        Country("BR", "Brazil", "Brazil", "BRL", 1.2, False, 1.0, "America/Sao_Paulo"),
        Country("AU", "Australia", "Australia", "AUD", 1.15, True, 0.0, "Australia/Sydney"),
        Country("SG", "Singapore", "Singapore", "SGD", 0.95, False, 0.5, "Asia/Singapore"),
        Country("JP", "Japan", "Japan", "JPY", 60.0, False, 0.0, "Asia/Tokyo"),
        Country("MX", "Mexico", "Mexico", "MXN", 4.5, False, 1.0, "America/Mexico_City"),
    )
}

_US = "US"
CITIES: dict[str, tuple[City, ...]] = {
    "US": (
        City("New York", "NY", "New York", _US),
        City("San Francisco", "CA", "California", _US),
        City("Austin", "TX", "Texas", _US),
        City("Boston", "MA", "Massachusetts", _US),
        City("Chicago", "IL", "Illinois", _US),
        City("Denver", "CO", "Colorado", _US),
        City("Seattle", "WA", "Washington", _US),
        City("Atlanta", "GA", "Georgia", _US),
        City("Durham", "NC", "North Carolina", _US),
        City("Los Angeles", "CA", "California", _US),
        City("Phoenix", "AZ", "Arizona", _US),
        City("Columbus", "OH", "Ohio", _US),
        City("Nashville", "TN", "Tennessee", _US),
        City("Dallas", "TX", "Texas", _US),
        City("Miami", "FL", "Florida", _US),
        City("Minneapolis", "MN", "Minnesota", _US),
        City("Pittsburgh", "PA", "Pennsylvania", _US),
        City("Salt Lake City", "UT", "Utah", _US),
        City("Portland", "OR", "Oregon", _US),
        City("Houston", "TX", "Texas", _US),
        City("Memphis", "TN", "Tennessee", _US),
        City("Louisville", "KY", "Kentucky", _US),
        City("Indianapolis", "IN", "Indiana", _US),
        City("Kansas City", "MO", "Missouri", _US),
        City("San Diego", "CA", "California", _US),
        City("Philadelphia", "PA", "Pennsylvania", _US),
        City("Detroit", "MI", "Michigan", _US),
        City("Charlotte", "NC", "North Carolina", _US),
    ),
    "CA": (
        City("Toronto", "ON", "Ontario", "CA"),
        City("Vancouver", "BC", "British Columbia", "CA"),
        City("Montréal", "QC", "Quebec", "CA", "fr"),
        City("Calgary", "AB", "Alberta", "CA"),
        City("Ottawa", "ON", "Ontario", "CA"),
        City("Québec City", "QC", "Quebec", "CA", "fr"),
    ),
    "GB": (
        City("London", None, "England", "GB"),
        City("Manchester", None, "England", "GB"),
        City("Edinburgh", None, "Scotland", "GB"),
        City("Bristol", None, "England", "GB"),
        City("Birmingham", None, "England", "GB"),
        City("Leeds", None, "England", "GB"),
        City("Glasgow", None, "Scotland", "GB"),
        City("Belfast", None, "Northern Ireland", "GB"),
    ),
    "DE": (
        City("Berlin", None, "Berlin", "DE", "de"),
        City("München", None, "Bavaria", "DE", "de"),
        City("Hamburg", None, "Hamburg", "DE", "de"),
        City("Frankfurt am Main", None, "Hesse", "DE", "de"),
        City("Köln", None, "North Rhine-Westphalia", "DE", "de"),
        City("Düsseldorf", None, "North Rhine-Westphalia", "DE", "de"),
        City("Stuttgart", None, "Baden-Württemberg", "DE", "de"),
        City("Leipzig", None, "Saxony", "DE", "de"),
    ),
    "FR": (
        City("Paris", None, "Île-de-France", "FR", "fr"),
        City("Lyon", None, "Auvergne-Rhône-Alpes", "FR", "fr"),
        City("Marseille", None, "Provence-Alpes-Côte d'Azur", "FR", "fr"),
        City("Toulouse", None, "Occitanie", "FR", "fr"),
        City("Bordeaux", None, "Nouvelle-Aquitaine", "FR", "fr"),
        City("Lille", None, "Hauts-de-France", "FR", "fr"),
        City("Nantes", None, "Pays de la Loire", "FR", "fr"),
    ),
    "NL": (
        City("Amsterdam", None, "North Holland", "NL"),
        City("Rotterdam", None, "South Holland", "NL"),
        City("Utrecht", None, "Utrecht", "NL"),
        City("Eindhoven", None, "North Brabant", "NL"),
    ),
    "ES": (
        City("Madrid", None, "Community of Madrid", "ES", "es"),
        City("Barcelona", None, "Catalonia", "ES", "es"),
        City("Valencia", None, "Valencian Community", "ES", "es"),
        City("Sevilla", None, "Andalusia", "ES", "es"),
        City("Málaga", None, "Andalusia", "ES", "es"),
        City("Bilbao", None, "Basque Country", "ES", "es"),
    ),
    "IE": (
        City("Dublin", None, "Leinster", "IE"),
        City("Cork", None, "Munster", "IE"),
        City("Galway", None, "Connacht", "IE"),
        City("Limerick", None, "Munster", "IE"),
    ),
    "CH": (
        City("Zürich", None, "Zürich", "CH", "de"),
        City("Genève", None, "Geneva", "CH", "fr"),
        City("Basel", None, "Basel-Stadt", "CH", "de"),
        City("Lausanne", None, "Vaud", "CH", "fr"),
        City("Bern", None, "Bern", "CH", "de"),
    ),
    "PL": (
        City("Warsaw", None, "Masovian Voivodeship", "PL"),
        City("Kraków", None, "Lesser Poland Voivodeship", "PL"),
        City("Wrocław", None, "Lower Silesian Voivodeship", "PL"),
        City("Gdańsk", None, "Pomeranian Voivodeship", "PL"),
        City("Poznań", None, "Greater Poland Voivodeship", "PL"),
        City("Łódź", None, "Łódź Voivodeship", "PL"),
    ),
    "IN": (
        City("Bengaluru", "KA", "Karnataka", "IN"),
        City("Hyderabad", "TG", "Telangana", "IN"),
        City("Pune", "MH", "Maharashtra", "IN"),
        City("Mumbai", "MH", "Maharashtra", "IN"),
        City("Chennai", "TN", "Tamil Nadu", "IN"),
        City("Gurugram", "HR", "Haryana", "IN"),
        City("Noida", "UP", "Uttar Pradesh", "IN"),
    ),
    "BR": (
        City("São Paulo", "SP", "São Paulo", "BR", "pt"),
        City("Rio de Janeiro", "RJ", "Rio de Janeiro", "BR", "pt"),
        City("Belo Horizonte", "MG", "Minas Gerais", "BR", "pt"),
        City("Curitiba", "PR", "Paraná", "BR", "pt"),
        City("Florianópolis", "SC", "Santa Catarina", "BR", "pt"),
        City("Porto Alegre", "RS", "Rio Grande do Sul", "BR", "pt"),
    ),
    "AU": (
        City("Sydney", "NSW", "New South Wales", "AU"),
        City("Melbourne", "VIC", "Victoria", "AU"),
        City("Brisbane", "QLD", "Queensland", "AU"),
        City("Perth", "WA", "Western Australia", "AU"),
        City("Adelaide", "SA", "South Australia", "AU"),
    ),
    "SG": (City("Singapore", None, None, "SG"),),
    "JP": (
        City("Tokyo", None, "Tokyo", "JP"),
        City("Osaka", None, "Osaka", "JP"),
        City("Fukuoka", None, "Fukuoka", "JP"),
        City("Yokohama", None, "Kanagawa", "JP"),
    ),
    "MX": (
        City("Ciudad de México", "CDMX", "Mexico City", "MX", "es"),
        City("Guadalajara", "JAL", "Jalisco", "MX", "es"),
        City("Monterrey", "NL", "Nuevo León", "MX", "es"),
        City("Querétaro", "QRO", "Querétaro", "MX", "es"),
        City("Tijuana", "BC", "Baja California", "MX", "es"),
    ),
}

# Where boards are headquartered (weights) and which other countries they hire in.
HOME_COUNTRY_WEIGHTS: dict[str, float] = {
    "US": 46, "CA": 6, "GB": 8, "DE": 7, "FR": 4, "NL": 3, "ES": 3, "IE": 2, "CH": 2,
    "PL": 2, "IN": 5, "BR": 3, "AU": 3, "SG": 2, "JP": 2, "MX": 2,
}  # fmt: skip

# Multi-country remote regions: (raw label, region name, currency used for pay).
REMOTE_REGIONS: tuple[tuple[str, str, str], ...] = (
    ("Remote (APAC)", "APAC", "USD"),
    ("Remote - EMEA", "EMEA", "EUR"),
    ("Remote (LATAM)", "LATAM", "USD"),
)

# --------------------------------------------------------------------------------------------
# Companies and industries
# --------------------------------------------------------------------------------------------

NAME_STEMS: tuple[str, ...] = (
    "Acme", "Northwind", "Bluebird", "Cedar", "Harbor", "Summit", "Brightline", "Keystone",
    "Meridian", "Copperleaf", "Evergreen", "Lakeshore", "Ironwood", "Silverpine", "Redwood",
    "Pinecrest", "Stonebridge", "Riverbend", "Oakridge", "Foxglove", "Greenfield", "Highland",
    "Juniper", "Kestrel", "Lumen", "Maplewood", "Nimbus", "Orchard", "Parallax", "Quarry",
    "Rosewood", "Sable", "Tidewater", "Umber", "Vantage", "Willow", "Yellowstone", "Zephyr",
    "Aurora", "Beacon", "Cobalt", "Driftwood", "Ember", "Falcon", "Granite", "Horizon",
    "Indigo", "Jasper", "Kinetic", "Lighthouse", "Monarch", "Nova", "Obsidian", "Pioneer",
    "Quantum", "Radiant", "Sequoia", "Tandem", "Unity", "Vertex", "Wavecrest", "Apex",
    "Birchwood", "Canyon", "Delta", "Echo", "Fairview", "Golden Gate", "Hartwell", "Isla",
    "Jubilee", "Kingfisher", "Larkspur", "Mosaic", "Northstar", "Olympus", "Prairie",
    "Quill", "Ridgeline", "Saltbox", "Trellis", "Upland", "Valley", "Westbrook", "Anchor",
    "Bramble", "Clearwater", "Dune", "Elmstead", "Fjord", "Glacier", "Hollow Creek", "Ivy",
    "Kettle", "Lindenhof", "Mistral", "Nordlicht", "Orbit", "Pebble", "Quartz", "Rivet",
    "Solstice", "Thistle", "Vireo", "Windmill", "Brückner", "Åkerlund", "Société Lumière",
    "Dupont & Fils", "Hart & Sons", "Müller & Co.", "São Bento", "Ribeiro", "Kowalski",
    "Sakura", "Tanaka", "Patel", "Banyan", "Kauri", "Wattle", "Alder", "Blue Heron",
    "Crescent", "Dogwood", "Elk River", "Firefly", "Gull Rock", "Hemlock", "Ironbridge",
    "Saffron", "Teal", "Wren",
)  # fmt: skip


@dataclass(frozen=True)
class Industry:
    """An industry: name suffixes, role-family mix and a few company blurbs."""

    key: str
    suffixes: tuple[str, ...]
    families: dict[str, float]
    blurbs: tuple[str, ...]
    remote_friendly: float  # 0..1 multiplier for remote/hybrid shares


INDUSTRIES: dict[str, Industry] = {
    "software": Industry(
        "software",
        ("Labs", "Software", "Analytics", "Cloud", "AI", "Systems", "Technologies", "Robotics",
         "Data", "Security", "Networks"),
        {"software": 30, "data": 10, "product_design": 10, "sales": 14, "marketing": 8,
         "customer_support": 10, "people": 4, "finance_acct": 4},
        (
            "{company} builds software that helps {n_customers} teams ship faster and sleep "
            "better. Founded in {founded}, we are backed by leading investors and have grown to "
            "more than {n_employees} people across {n_offices} offices.",
            "At {company}, we make data &amp; infrastructure boring in the best possible way. "
            "Our platform processes billions of events every day for customers from startups "
            "to the Fortune 500.",
            "{company} is on a mission to make work more human. Since {founded}, our products "
            "have been adopted by over {n_customers} organizations in {n_countries} countries.",
        ),
        1.0,
    ),
    "healthcare": Industry(
        "healthcare",
        ("Health", "Medical Center", "Care", "Clinics", "Health System", "Pharmacy",
         "Senior Living"),
        {"nursing": 36, "allied_health": 30, "customer_support": 6, "finance_acct": 5,
         "people": 5, "data": 3, "software": 3},
        (
            "{company} is a not-for-profit health system with {n_offices} hospitals and more "
            "than {n_employees} caregivers. For over {years_active} years we have served our "
            "communities with compassionate, high-quality care.",
            "At {company}, patients come first. Our clinics handle more than {n_customers} "
            "visits every year, and our teams are recognized for clinical excellence &amp; "
            "patient safety.",
        ),
        0.15,
    ),
    "retail": Industry(
        "retail",
        ("Outfitters", "Market", "Goods", "Home", "Apparel", "Grocers", "Supply Co."),
        {"retail_store": 50, "warehouse": 14, "driving": 5, "marketing": 6, "software": 5,
         "data": 3, "finance_acct": 4, "people": 5, "customer_support": 7},
        (
            "{company} has been a neighborhood favorite since {founded}. Today we run "
            "{n_offices} stores and an online shop serving {n_customers} customers a year.",
            "From our first shop in {founded} to more than {n_offices} locations today, "
            "{company} is all about great products, fair prices &amp; friendly service.",
        ),
        0.25,
    ),
    "logistics": Industry(
        "logistics",
        ("Logistics", "Freight", "Distribution", "Transport", "Shipping", "Fulfillment"),
        {"warehouse": 40, "driving": 25, "software": 8, "data": 5, "customer_support": 8,
         "finance_acct": 4, "sales": 6, "people": 4},
        (
            "{company} moves what matters. With {n_offices} distribution centers and a fleet "
            "of {n_vehicles} trucks, we deliver for {n_customers} businesses every week.",
            "Founded in {founded}, {company} is one of the fastest-growing third-party "
            "logistics providers, running {n_offices} warehouses with 99.7% order accuracy.",
        ),
        0.3,
    ),
    "construction": Industry(
        "construction",
        ("Builders", "Construction", "Electric", "Mechanical", "Contracting", "Homes"),
        {"trades": 45, "construction_mgmt": 30, "sales": 5, "finance_acct": 5, "people": 3,
         "warehouse": 5, "driving": 5},
        (
            "{company} is a family-owned general contractor founded in {founded}. We deliver "
            "commercial, healthcare and multifamily projects with an industry-leading safety "
            "record (EMR 0.68).",
            "For {years_active} years, {company} has built schools, hospitals &amp; homes "
            "across the region. Our {n_employees} craft professionals take pride in their work.",
        ),
        0.2,
    ),
    "hospitality": Industry(
        "hospitality",
        ("Hotels", "Hospitality", "Kitchen", "Resorts", "Restaurant Group", "Coffee"),
        {"kitchen": 35, "guest_services": 40, "sales": 8, "marketing": 5, "finance_acct": 4,
         "people": 4},
        (
            "{company} operates {n_offices} hotels and restaurants, welcoming {n_customers} "
            "guests every year. We believe great hospitality starts with a great team.",
            "Since {founded}, {company} has been serving scratch-made food &amp; warm "
            "hospitality. We now run {n_offices} locations and we are still growing.",
        ),
        0.15,
    ),
    "finance": Industry(
        "finance",
        ("Capital", "Bank", "Financial", "Insurance", "Credit Union", "Payments"),
        {"banking": 25, "risk": 15, "finance_acct": 15, "software": 15, "data": 10, "sales": 8,
         "customer_support": 10, "marketing": 4},
        (
            "{company} has helped families and small businesses manage their money since "
            "{founded}. We hold over $4 billion in assets and serve {n_customers} members.",
            "{company} is a modern financial services company with {n_employees} employees, "
            "regulated in {n_countries} markets and trusted by {n_customers} customers.",
        ),
        0.7,
    ),
    "education": Industry(
        "education",
        ("Learning", "Academy", "Schools", "Education", "Tutoring", "College"),
        {"teaching": 45, "edu_admin": 25, "software": 6, "customer_support": 6, "marketing": 5,
         "finance_acct": 5, "people": 4, "sales": 4},
        (
            "{company} serves {n_customers} learners through {n_offices} campuses and online "
            "programs. Our students come first, and our educators make it happen.",
            "Founded in {founded}, {company} is a network of schools dedicated to equity "
            "&amp; excellence in education for every student.",
        ),
        0.4,
    ),
    "manufacturing": Industry(
        "manufacturing",
        ("Manufacturing", "Industries", "Foods", "Materials", "Components", "Motors"),
        {"production": 40, "trades": 12, "warehouse": 15, "driving": 5, "sales": 6,
         "finance_acct": 5, "data": 5, "software": 4, "people": 4},
        (
            "{company} designs and manufactures precision components for the aerospace, "
            "medical and automotive industries. ISO 9001 certified since {founded}.",
            "With {n_offices} plants and {n_employees} employees, {company} makes products "
            "found in millions of homes. Safety, quality &amp; continuous improvement guide "
            "everything we do.",
        ),
        0.2,
    ),
}

INDUSTRY_WEIGHTS: dict[str, float] = {
    "software": 30, "healthcare": 10, "retail": 10, "logistics": 9, "construction": 8,
    "hospitality": 8, "finance": 10, "education": 7, "manufacturing": 8,
}  # fmt: skip

# --------------------------------------------------------------------------------------------
# Role families
# --------------------------------------------------------------------------------------------

SENIORITIES: tuple[str, ...] = (
    "intern", "entry", "mid", "senior", "staff", "principal", "manager", "director", "executive",
)  # fmt: skip

# Pay multiplier relative to a family's mid-level base.
SENIORITY_PAY: dict[str, float] = {
    "intern": 0.5, "entry": 0.78, "mid": 1.0, "senior": 1.3, "staff": 1.6, "principal": 1.9,
    "manager": 1.45, "director": 1.9, "executive": 2.6,
}  # fmt: skip

# Minimum years of experience asked for, by seniority.
SENIORITY_YEARS: dict[str, tuple[int, ...]] = {
    "intern": (0,), "entry": (0, 1), "mid": (2, 3, 4), "senior": (5, 6, 7), "staff": (8, 10),
    "principal": (10, 12), "manager": (5, 6, 8), "director": (8, 10, 12),
    "executive": (12, 15),
}  # fmt: skip


@dataclass(frozen=True)
class Family:
    """A role family: titles by seniority, department, text fragments and pay level."""

    key: str
    departments: tuple[str, ...]
    titles: dict[str, tuple[str, ...]]
    teams: tuple[str, ...]
    duties: tuple[str, ...]
    skills: tuple[str, ...]
    education: tuple[str, ...]
    base_usd: float  # mid-level annual pay in the US (hourly families: hourly rate)
    hourly: bool = False
    employment: dict[str, float] = field(default_factory=lambda: {"full_time": 1.0})
    workplace: dict[str, float] = field(default_factory=lambda: {"onsite": 1.0})
    area: str = "the field"  # used in "N+ years of experience in {area}"


FAMILIES: dict[str, Family] = {}


def _family(fam: Family) -> None:
    FAMILIES[fam.key] = fam


_TECH_EMPLOYMENT = {"full_time": 88, "contract": 10, "part_time": 2}
_TECH_WORKPLACE = {"remote": 35, "hybrid": 38, "onsite": 27}
_OFFICE_WORKPLACE = {"remote": 25, "hybrid": 45, "onsite": 30}

_family(Family(
    "software", ("Engineering", "R&D", "Product Engineering"),
    {
        "intern": ("Software Engineering Intern", "Intern, Software Engineering",
                   "Software Engineer Intern (Summer 2026)"),
        "entry": ("Junior Software Engineer", "Software Engineer I", "New Grad Software Engineer",
                  "Associate Software Engineer", "Junior Frontend Developer"),
        "mid": ("Software Engineer", "Software Engineer II", "Backend Engineer",
                "Full Stack Engineer", "Frontend Engineer", "Site Reliability Engineer",
                "Mobile Engineer (iOS)"),
        "senior": ("Senior Software Engineer", "Sr. Software Engineer", "Senior Backend Engineer",
                   "Senior Site Reliability Engineer", "Lead Frontend Engineer"),
        "staff": ("Staff Software Engineer", "Staff Engineer", "Staff Platform Engineer"),
        "principal": ("Principal Software Engineer", "Principal Engineer"),
        "manager": ("Engineering Manager", "Manager, Software Engineering"),
        "director": ("Director of Engineering", "Head of Engineering"),
        "executive": ("VP of Engineering", "Chief Technology Officer"),
    },
    ("Payments", "Platform", "Infrastructure", "Growth", "Identity", "Search", "Developer Tools"),
    (
        "Design, build and operate services that handle thousands of requests per second",
        "Write clean, well-tested code and review pull requests from teammates",
        "Partner with product and design to scope features and ship them iteratively",
        "Improve observability, reliability and performance of our production systems",
        "Participate in an on-call rotation (roughly one week in eight)",
        "Mentor other engineers and contribute to our engineering culture",
        "Drive technical decisions and document them in clear design docs",
        "Break down large projects into milestones and deliver them on time",
    ),
    ("Python", "Go", "TypeScript", "Java", "PostgreSQL", "Kubernetes", "AWS or GCP", "React",
     "distributed systems", "CI/CD"),
    ("Bachelor's degree in Computer Science or a related field, or equivalent practical "
     "experience", "BS/MS in Computer Science, Engineering or similar",
     "A degree is nice to have but not required"),
    150_000, employment=_TECH_EMPLOYMENT, workplace=_TECH_WORKPLACE,
    area="software development",
))

_family(Family(
    "data", ("Data", "Analytics", "Data Science & Engineering"),
    {
        "intern": ("Data Science Intern", "Intern, Data Analytics"),
        "entry": ("Junior Data Analyst", "Data Analyst I", "Associate Data Scientist"),
        "mid": ("Data Analyst", "Data Scientist", "Data Engineer", "Analytics Engineer",
                "Machine Learning Engineer", "Business Intelligence Analyst"),
        "senior": ("Senior Data Scientist", "Sr. Data Engineer", "Senior Analytics Engineer",
                   "Senior Machine Learning Engineer"),
        "staff": ("Staff Data Scientist", "Staff Data Engineer"),
        "principal": ("Principal Data Scientist", "Principal Machine Learning Engineer"),
        "manager": ("Data Science Manager", "Manager, Analytics"),
        "director": ("Director of Data Science", "Head of Data"),
        "executive": ("VP of Data", "Chief Data Officer"),
    },
    ("Experimentation", "Pricing", "Forecasting", "Marketing Analytics", "Risk Models"),
    (
        "Build and maintain reliable data pipelines and dimensional models",
        "Design experiments and analyze A/B test results with rigor",
        "Turn ambiguous business questions into clear analyses and recommendations",
        "Develop, deploy and monitor machine learning models in production",
        "Create dashboards that leadership uses every week",
        "Partner with engineering to improve data quality and instrumentation",
        "Present findings to stakeholders across the company",
    ),
    ("SQL", "Python", "dbt", "Airflow", "Spark", "statistics", "Snowflake or BigQuery",
     "Looker or Tableau", "scikit-learn", "causal inference"),
    ("Bachelor's or Master's degree in Statistics, Computer Science, Economics or a "
     "quantitative field", "PhD in a quantitative discipline is a plus"),
    140_000, employment=_TECH_EMPLOYMENT, workplace=_TECH_WORKPLACE, area="analytics or data",
))

_family(Family(
    "product_design", ("Product", "Design", "Product & Design"),
    {
        "intern": ("Product Design Intern", "Product Management Intern"),
        "entry": ("Associate Product Manager", "Junior Product Designer"),
        "mid": ("Product Manager", "Product Designer", "UX Researcher", "Technical Writer"),
        "senior": ("Senior Product Manager", "Senior Product Designer", "Sr. UX Researcher"),
        "staff": ("Staff Product Designer", "Staff Product Manager"),
        "principal": ("Principal Product Manager", "Principal Designer"),
        "manager": ("Design Manager", "Group Product Manager"),
        "director": ("Director of Product Management", "Head of Design"),
        "executive": ("VP of Product", "Chief Product Officer"),
    },
    ("Onboarding", "Mobile", "Enterprise", "Billing", "Core Experience"),
    (
        "Own the roadmap for your area and communicate it clearly",
        "Talk to customers every week and turn insights into product decisions",
        "Write crisp specs and work closely with engineers through delivery",
        "Design end-to-end flows, prototypes and high-fidelity UI",
        "Define success metrics and track outcomes after launch",
        "Run usability studies and synthesize findings for the team",
    ),
    ("Figma", "user research", "roadmapping", "SQL", "prototyping", "B2B SaaS",
     "design systems", "written communication"),
    ("Bachelor's degree or equivalent experience", "A portfolio showing shipped work"),
    145_000, employment=_TECH_EMPLOYMENT, workplace=_TECH_WORKPLACE, area="product roles",
))

_family(Family(
    "sales", ("Sales", "Revenue", "Go-To-Market"),
    {
        "intern": ("Sales Intern",),
        "entry": ("Sales Development Representative", "Junior Account Executive",
                  "Business Development Representative"),
        "mid": ("Account Executive", "Account Executive, Mid-Market", "Solutions Consultant",
                "Inside Sales Representative"),
        "senior": ("Senior Account Executive", "Senior Solutions Engineer",
                   "Sr. Account Executive, Enterprise"),
        "staff": ("Strategic Account Executive",),
        "principal": ("Principal Solutions Architect",),
        "manager": ("Sales Manager", "Manager, Sales Development", "Regional Sales Manager"),
        "director": ("Director of Sales", "Head of Sales, EMEA"),
        "executive": ("VP of Sales", "Chief Revenue Officer"),
    },
    ("Enterprise", "Mid-Market", "SMB", "Public Sector", "Channel Partners"),
    (
        "Own a territory and build pipeline through outbound prospecting",
        "Run discovery calls, demos and negotiations through close",
        "Forecast accurately and keep the CRM up to date",
        "Partner with solutions engineers on complex technical deals",
        "Exceed a quarterly quota (our top performers hit 130%+)",
        "Build long-term relationships with champions and executives",
    ),
    ("Salesforce", "MEDDICC", "consultative selling", "negotiation", "prospecting",
     "SaaS sales", "presentation skills"),
    ("Bachelor's degree preferred", "High school diploma required; college degree a plus"),
    110_000, employment={"full_time": 95, "contract": 5},
    workplace=_OFFICE_WORKPLACE, area="B2B sales",
))

_family(Family(
    "marketing", ("Marketing", "Brand & Communications"),
    {
        "intern": ("Marketing Intern", "Social Media Intern"),
        "entry": ("Marketing Coordinator", "Junior Content Writer", "Marketing Associate"),
        "mid": ("Content Marketing Manager", "Product Marketing Manager",
                "Growth Marketer", "Marketing Specialist", "SEO Specialist"),
        "senior": ("Senior Product Marketing Manager", "Senior Growth Marketer",
                   "Sr. Brand Designer"),
        "staff": ("Staff Product Marketing Manager",),
        "principal": ("Principal Brand Strategist",),
        "manager": ("Marketing Manager", "Manager, Demand Generation"),
        "director": ("Director of Marketing", "Head of Brand"),
        "executive": ("VP of Marketing", "Chief Marketing Officer"),
    },
    ("Lifecycle", "Brand", "Demand Generation", "Events", "Partnerships"),
    (
        "Plan and run multi-channel campaigns from brief to results",
        "Write compelling copy for web, email and social",
        "Own the marketing calendar and coordinate with agencies",
        "Analyze campaign performance and optimize spend",
        "Work with sales to build messaging, positioning and enablement",
        "Manage a budget of roughly 250k per quarter",
    ),
    ("HubSpot", "Google Analytics", "copywriting", "SEO", "paid social", "Marketo",
     "storytelling", "project management"),
    ("Bachelor's degree in Marketing, Communications or a related field",),
    105_000, employment={"full_time": 85, "contract": 10, "part_time": 5},
    workplace=_OFFICE_WORKPLACE, area="marketing",
))

_family(Family(
    "customer_support", ("Customer Success", "Support", "Customer Experience"),
    {
        "entry": ("Customer Support Representative", "Customer Service Associate",
                  "Junior Support Specialist"),
        "mid": ("Customer Success Manager", "Technical Support Engineer",
                "Customer Support Specialist", "Implementation Specialist"),
        "senior": ("Senior Customer Success Manager", "Senior Technical Support Engineer"),
        "manager": ("Customer Support Manager", "Manager, Customer Success"),
        "director": ("Director of Customer Experience", "Head of Support"),
        "executive": ("VP of Customer Success",),
    },
    ("Enterprise", "Tier 2", "Onboarding", "Billing", "Spanish-speaking"),
    (
        "Answer customer questions by chat, email and phone with empathy",
        "Troubleshoot issues and escalate bugs with clear reproduction steps",
        "Onboard new customers and drive adoption and renewal",
        "Keep our help center articles accurate and up to date",
        "Handle 40-60 tickets per day while meeting our SLA targets",
        "Share customer feedback with product teams",
    ),
    ("Zendesk", "Intercom", "written communication", "de-escalation", "Salesforce",
     "basic SQL", "bilingual English/Spanish"),
    ("High school diploma or equivalent", "Associate's or Bachelor's degree preferred"),
    62_000, employment={"full_time": 75, "part_time": 15, "temporary": 10},
    workplace={"remote": 35, "hybrid": 30, "onsite": 35}, area="customer-facing roles",
))

_family(Family(
    "people", ("People", "Human Resources", "Talent"),
    {
        "intern": ("HR Intern", "People Operations Intern"),
        "entry": ("People Operations Coordinator", "Recruiting Coordinator", "HR Assistant"),
        "mid": ("Technical Recruiter", "HR Business Partner", "Payroll Specialist",
                "Talent Acquisition Partner"),
        "senior": ("Senior Technical Recruiter", "Senior HR Business Partner"),
        "manager": ("Recruiting Manager", "HR Manager"),
        "director": ("Director of Talent Acquisition", "Head of People"),
        "executive": ("VP of People", "Chief People Officer"),
    },
    ("Go-To-Market", "Engineering", "EMEA", "Benefits"),
    (
        "Partner with hiring managers to plan headcount and hiring strategy",
        "Source, screen and close candidates for open roles",
        "Run onboarding and improve the new hire experience",
        "Advise managers on performance, compensation and employee relations",
        "Maintain accurate HRIS data and process payroll changes",
    ),
    ("Greenhouse", "Workday", "employment law", "sourcing", "HRIS", "discretion"),
    ("Bachelor's degree in Human Resources or related field", "SHRM-CP or PHR a plus"),
    95_000, employment={"full_time": 85, "contract": 10, "temporary": 5},
    workplace=_OFFICE_WORKPLACE, area="HR or recruiting",
))

_family(Family(
    "finance_acct", ("Finance", "Finance & Accounting", "Accounting"),
    {
        "intern": ("Finance Intern", "Accounting Intern"),
        "entry": ("Staff Accountant", "Accounts Payable Specialist", "Junior Financial Analyst"),
        "mid": ("Financial Analyst", "Accountant", "Payroll Accountant", "Revenue Accountant"),
        "senior": ("Senior Accountant", "Senior Financial Analyst", "Sr. Tax Accountant"),
        "manager": ("Accounting Manager", "FP&A Manager", "Controller"),
        "director": ("Director of FP&A", "Head of Finance"),
        "executive": ("VP of Finance", "Chief Financial Officer"),
    },
    ("GL Operations", "Revenue", "Tax", "Treasury", "Intercompany"),
    (
        "Own month-end close activities including journal entries and reconciliations",
        "Build and maintain the operating model and monthly forecasts",
        "Prepare variance analysis and board reporting packages",
        "Support annual audits and SOX controls",
        "Process invoices and vendor payments accurately and on time",
    ),
    ("Excel", "NetSuite", "GAAP", "financial modeling", "SAP", "attention to detail"),
    ("Bachelor's degree in Accounting or Finance", "CPA or CA preferred"),
    100_000, employment={"full_time": 85, "contract": 10, "temporary": 5},
    workplace=_OFFICE_WORKPLACE, area="accounting or finance",
))

_family(Family(
    "nursing", ("Nursing", "Patient Care Services", "Clinical Operations"),
    {
        "intern": ("Student Nurse Intern", "Nursing Student Extern"),
        "entry": ("New Grad Registered Nurse", "Graduate Nurse - Residency Program",
                  "Certified Nursing Assistant"),
        "mid": ("Registered Nurse", "Registered Nurse - ICU", "RN - Emergency Department",
                "Licensed Practical Nurse", "Registered Nurse - Med/Surg", "Travel Nurse - PACU"),
        "senior": ("Charge Nurse", "Senior Registered Nurse - Oncology", "Lead RN - Telemetry"),
        "manager": ("Nurse Manager", "Nurse Manager - Labor & Delivery"),
        "director": ("Director of Nursing", "Director, Perioperative Services"),
        "executive": ("Chief Nursing Officer",),
    },
    ("Night Shift", "Day Shift", "Float Pool", "Cardiac Unit"),
    (
        "Assess, plan, implement and evaluate patient care for a 4-6 patient assignment",
        "Administer medications and treatments per physician orders",
        "Document care accurately in the electronic health record (Epic)",
        "Educate patients and families on diagnoses and discharge plans",
        "Collaborate with physicians, therapists and case managers",
        "Respond to rapid response and code situations",
    ),
    ("BLS", "ACLS", "Epic EHR", "patient assessment", "IV therapy", "critical thinking"),
    ("Active RN license in good standing", "BSN preferred; ADN with BSN within 3 years",
     "Current BLS certification from the American Heart Association"),
    48.0, hourly=True, employment={"full_time": 62, "part_time": 20, "contract": 13,
                                   "temporary": 5},
    workplace={"onsite": 1}, area="acute care nursing",
))

_family(Family(
    "allied_health", ("Clinical", "Pharmacy", "Rehabilitation"),
    {
        "entry": ("Medical Assistant", "Pharmacy Technician Trainee", "Patient Care Technician"),
        "mid": ("Pharmacy Technician", "Physical Therapist", "Radiologic Technologist",
                "Phlebotomist", "Respiratory Therapist", "Medical Assistant II"),
        "senior": ("Senior Physical Therapist", "Lead Pharmacy Technician"),
        "manager": ("Clinic Manager", "Pharmacy Manager"),
        "director": ("Director of Rehabilitation Services",),
    },
    ("Outpatient", "Inpatient", "Weekends", "Mobile Unit"),
    (
        "Room patients, take vitals and update charts",
        "Prepare and dispense medications under the supervision of a pharmacist",
        "Perform diagnostic imaging following radiation safety protocols",
        "Draw blood samples and label specimens accurately",
        "Maintain a clean, safe and compliant clinical environment",
        "See 12-15 patients per day in an outpatient setting",
    ),
    ("EHR documentation", "HIPAA", "patient communication", "CPR/BLS", "sterile technique"),
    ("High school diploma or GED", "Completion of an accredited certificate program",
     "State license or certification as required"),
    30.0, hourly=True, employment={"full_time": 65, "part_time": 25, "temporary": 10},
    workplace={"onsite": 1}, area="a clinical setting",
))

_family(Family(
    "retail_store", ("Retail", "Store Operations", "Stores"),
    {
        "entry": ("Sales Associate", "Cashier", "Stock Associate", "Seasonal Sales Associate"),
        "mid": ("Retail Sales Associate", "Visual Merchandiser", "Keyholder",
                "Beauty Advisor", "Customer Experience Associate"),
        "senior": ("Lead Sales Associate", "Senior Visual Merchandiser"),
        "manager": ("Assistant Store Manager", "Store Manager", "Department Supervisor"),
        "director": ("District Manager", "Director of Store Operations"),
        "executive": ("VP of Retail",),
    },
    ("Flagship", "Downtown", "Outlet", "Mall Location"),
    (
        "Greet customers and help them find exactly what they need",
        "Process sales, returns and exchanges accurately at the register",
        "Receive shipments, restock shelves and keep the floor tidy",
        "Set up displays following visual merchandising guidelines",
        "Open and close the store following cash-handling procedures",
        "Help the team hit daily sales goals",
    ),
    ("customer service", "POS systems", "cash handling", "teamwork", "flexible availability"),
    ("High school diploma or equivalent preferred", "No experience necessary - we train you!"),
    17.0, hourly=True, employment={"full_time": 45, "part_time": 43, "temporary": 12},
    workplace={"onsite": 1}, area="retail",
))

_family(Family(
    "warehouse", ("Operations", "Fulfillment", "Warehouse"),
    {
        "entry": ("Warehouse Associate", "Picker/Packer", "Material Handler",
                  "Seasonal Warehouse Worker"),
        "mid": ("Forklift Operator", "Inventory Control Specialist", "Shipping & Receiving Clerk",
                "Reach Truck Operator"),
        "senior": ("Lead Warehouse Associate", "Senior Inventory Analyst"),
        "manager": ("Warehouse Supervisor", "Operations Manager", "Shift Manager"),
        "director": ("Director of Distribution", "Head of Fulfillment"),
        "executive": ("VP of Operations",),
    },
    ("1st Shift", "2nd Shift", "Night Shift", "Weekend Shift", "Cold Storage"),
    (
        "Pick, pack and ship orders using RF scanners",
        "Load and unload trucks safely and efficiently",
        "Operate forklifts and pallet jacks (certification provided)",
        "Perform cycle counts and resolve inventory discrepancies",
        "Lift up to 50 lbs repeatedly and stand for 10-hour shifts",
        "Follow all safety, 5S and quality procedures",
    ),
    ("forklift certification", "RF scanners", "WMS", "attention to detail", "safety first"),
    ("Must be 18 years or older", "High school diploma or GED preferred"),
    20.0, hourly=True, employment={"full_time": 60, "part_time": 15, "temporary": 25},
    workplace={"onsite": 1}, area="warehouse operations",
))

_family(Family(
    "driving", ("Transportation", "Fleet", "Delivery"),
    {
        "entry": ("Delivery Driver", "Driver Helper", "Non-CDL Box Truck Driver"),
        "mid": ("CDL-A Truck Driver", "Regional Truck Driver", "Local Delivery Driver (CDL-B)",
                "Route Sales Driver"),
        "senior": ("Lead Driver", "Senior Driver Trainer"),
        "manager": ("Transportation Supervisor", "Fleet Manager", "Dispatch Manager"),
        "director": ("Director of Transportation",),
    },
    ("Home Daily", "OTR", "Regional", "Dedicated Route"),
    (
        "Safely operate a company vehicle on assigned routes",
        "Complete pre- and post-trip inspections",
        "Deliver and unload freight at customer locations",
        "Maintain accurate logs using our ELD system",
        "Provide friendly, professional service at every stop",
    ),
    ("clean MVR", "DOT medical card", "ELD", "safe driving record", "customer service"),
    ("Valid driver's license and 2 years of driving experience",
     "Class A CDL with hazmat endorsement a plus"),
    26.0, hourly=True, employment={"full_time": 80, "part_time": 8, "temporary": 12},
    workplace={"onsite": 1}, area="commercial driving",
))

_family(Family(
    "trades", ("Field Operations", "Service", "Maintenance"),
    {
        "entry": ("Helper - Electrical", "Maintenance Technician I", "Carpenter Helper",
                  "Electrical Apprentice", "HVAC Apprentice"),
        "mid": ("Journeyman Electrician", "HVAC Technician", "Carpenter", "Plumber",
                "Maintenance Technician", "Welder"),
        "senior": ("Lead Electrician", "Senior HVAC Service Technician", "Foreman - Carpentry"),
        "manager": ("Service Manager", "Maintenance Supervisor"),
        "director": ("Director of Field Services",),
    },
    ("Commercial", "Residential", "Industrial", "Service Department"),
    (
        "Install, troubleshoot and repair electrical systems to code",
        "Read blueprints and schematics to plan work",
        "Perform preventive maintenance on equipment and buildings",
        "Complete work orders and timesheets accurately",
        "Follow OSHA and site safety requirements at all times",
        "Mentor apprentices and helpers on the job",
    ),
    ("NEC", "OSHA 10", "hand and power tools", "troubleshooting", "blueprint reading",
     "own basic hand tools"),
    ("High school diploma or GED", "Journeyman license or EPA 608 certification as required",
     "Completion of a registered apprenticeship program"),
    32.0, hourly=True, employment={"full_time": 80, "contract": 8, "temporary": 12},
    workplace={"onsite": 1}, area="the trades",
))

_family(Family(
    "construction_mgmt", ("Construction", "Preconstruction", "Project Management"),
    {
        "intern": ("Construction Management Intern", "Project Engineer Intern"),
        "entry": ("Assistant Project Engineer", "Field Engineer", "Junior Estimator"),
        "mid": ("Project Engineer", "Estimator", "Superintendent", "Safety Coordinator",
                "Project Manager"),
        "senior": ("Senior Project Manager", "Senior Estimator", "Sr. Superintendent"),
        "manager": ("Construction Manager", "Preconstruction Manager"),
        "director": ("Director of Construction", "Director of Safety"),
        "executive": ("VP of Construction Operations",),
    },
    ("Healthcare Projects", "Multifamily", "Commercial Interiors", "Heavy Civil"),
    (
        "Manage project schedules, budgets and subcontractor coordination",
        "Prepare RFIs, submittals and change orders",
        "Lead weekly owner-architect-contractor meetings",
        "Develop quantity takeoffs and competitive bids",
        "Enforce site safety programs and lead toolbox talks",
        "Oversee projects from $5M to $50M in value",
    ),
    ("Procore", "Bluebeam", "MS Project", "scheduling", "cost control", "OSHA 30"),
    ("Bachelor's degree in Construction Management, Engineering or related field",
     "Equivalent field experience considered"),
    105_000, employment={"full_time": 90, "contract": 10},
    workplace={"onsite": 85, "hybrid": 15}, area="commercial construction",
))

_family(Family(
    "kitchen", ("Food & Beverage", "Culinary", "Kitchen"),
    {
        "entry": ("Dishwasher", "Prep Cook", "Barista", "Busser"),
        "mid": ("Line Cook", "Server", "Bartender", "Pastry Cook", "Catering Cook"),
        "senior": ("Lead Line Cook", "Sous Chef", "Head Bartender"),
        "manager": ("Kitchen Manager", "Restaurant Manager", "Food & Beverage Manager"),
        "director": ("Executive Chef", "Director of Food & Beverage"),
        "executive": ("VP of Culinary",),
    },
    ("Breakfast", "Banquets", "Evenings", "Weekends"),
    (
        "Prepare menu items to recipe and plate them to spec",
        "Keep your station clean, stocked and organized",
        "Follow food safety and sanitation standards",
        "Work as a team during busy service periods (300+ covers a night)",
        "Receive deliveries and rotate stock (FIFO)",
        "Provide warm, attentive service to every guest",
    ),
    ("knife skills", "ServSafe", "fast-paced environment", "teamwork", "food safety"),
    ("Food handler card or ability to obtain within 30 days",
     "Previous kitchen experience preferred"),
    18.0, hourly=True, employment={"full_time": 50, "part_time": 38, "temporary": 12},
    workplace={"onsite": 1}, area="restaurants or hospitality",
))

_family(Family(
    "guest_services", ("Guest Services", "Rooms", "Hotel Operations"),
    {
        "intern": ("Hospitality Management Intern",),
        "entry": ("Front Desk Agent", "Housekeeper", "Room Attendant", "Bellperson"),
        "mid": ("Guest Services Agent", "Concierge", "Night Auditor", "Reservations Agent",
                "Event Coordinator"),
        "senior": ("Front Desk Lead", "Senior Event Coordinator"),
        "manager": ("Front Office Manager", "Housekeeping Manager", "Assistant General Manager"),
        "director": ("General Manager", "Director of Rooms"),
        "executive": ("VP of Hotel Operations",),
    },
    ("Weekend", "Overnight", "Resort", "Spa"),
    (
        "Check guests in and out quickly and accurately",
        "Answer phone calls and respond to guest requests",
        "Clean and prepare guest rooms to brand standards",
        "Handle guest complaints with patience and professionalism",
        "Coordinate with housekeeping, maintenance and sales",
        "Balance the cash drawer at the end of each shift",
    ),
    ("Opera PMS", "guest service", "multitasking", "cash handling", "a second language"),
    ("High school diploma or equivalent",
     "Hospitality degree or 1 year of hotel experience preferred"),
    17.5, hourly=True, employment={"full_time": 55, "part_time": 33, "temporary": 12},
    workplace={"onsite": 1}, area="hotels or hospitality",
))

_family(Family(
    "banking", ("Retail Banking", "Consumer Banking", "Branch Network"),
    {
        "intern": ("Summer Analyst", "Banking Intern"),
        "entry": ("Bank Teller", "Member Service Representative", "Teller I"),
        "mid": ("Personal Banker", "Relationship Banker", "Mortgage Loan Officer",
                "Teller II", "Commercial Credit Analyst"),
        "senior": ("Senior Relationship Banker", "Senior Credit Analyst", "Head Teller"),
        "manager": ("Branch Manager", "Assistant Branch Manager"),
        "director": ("Regional Director, Retail Banking",),
        "executive": ("Chief Banking Officer",),
    },
    ("Commercial", "Small Business", "Wealth", "Mortgage"),
    (
        "Process deposits, withdrawals and loan payments accurately",
        "Identify customer needs and recommend the right products",
        "Open new accounts and complete KYC documentation",
        "Follow all BSA/AML and fraud prevention procedures",
        "Build relationships with local businesses and community partners",
    ),
    ("cash handling", "customer service", "BSA/AML", "sales", "Microsoft Office"),
    ("High school diploma required; Bachelor's degree in Finance preferred",
     "NMLS registration (for lending roles)"),
    52_000, employment={"full_time": 85, "part_time": 15},
    workplace={"onsite": 80, "hybrid": 20}, area="banking",
))

_family(Family(
    "risk", ("Risk & Compliance", "Compliance", "Legal"),
    {
        "intern": ("Compliance Intern",),
        "entry": ("Compliance Analyst I", "KYC Analyst", "Junior Risk Analyst"),
        "mid": ("Compliance Analyst", "Risk Analyst", "AML Investigator", "Model Risk Analyst"),
        "senior": ("Senior Compliance Analyst", "Senior AML Investigator", "Sr. Risk Analyst"),
        "staff": ("Lead Risk Strategist",),
        "principal": ("Principal Model Validator",),
        "manager": ("Compliance Manager", "Manager, Financial Crimes"),
        "director": ("Director of Compliance", "Head of Risk"),
        "executive": ("Chief Risk Officer", "Chief Compliance Officer"),
    },
    ("Financial Crimes", "Model Risk", "Regulatory Affairs", "Consumer Protection"),
    (
        "Investigate alerts and file SARs within regulatory deadlines",
        "Monitor regulatory changes and assess their impact",
        "Test controls and document findings for internal audit",
        "Develop risk assessments and key risk indicators",
        "Train employees on compliance policies",
    ),
    ("AML", "KYC", "SQL", "regulatory reporting", "CAMS certification", "Excel"),
    ("Bachelor's degree in Finance, Law or a related field", "JD or CAMS a plus"),
    110_000, employment={"full_time": 90, "contract": 10},
    workplace={"remote": 25, "hybrid": 55, "onsite": 20}, area="compliance or risk",
))

_family(Family(
    "teaching", ("Academics", "Instruction", "Teaching & Learning"),
    {
        "intern": ("Student Teacher",),
        "entry": ("Teaching Assistant", "Paraprofessional", "Substitute Teacher"),
        "mid": ("Middle School Math Teacher", "High School Science Teacher",
                "Elementary Teacher (Grade 3)", "ESL Instructor", "Online Tutor",
                "Special Education Teacher"),
        "senior": ("Lead Teacher", "Senior Instructor"),
        "manager": ("Assistant Principal", "Program Manager, Tutoring"),
        "director": ("Principal", "Director of Curriculum"),
        "executive": ("Superintendent", "Chief Academic Officer"),
    },
    ("2026-27 School Year", "Summer Program", "After School", "Virtual Academy"),
    (
        "Plan and deliver engaging, standards-aligned lessons",
        "Differentiate instruction for students at every level",
        "Assess student progress and communicate with families",
        "Collaborate with grade-level teams in weekly PLC meetings",
        "Create a safe and inclusive classroom culture for 25-30 students",
    ),
    ("classroom management", "lesson planning", "data-driven instruction", "Google Classroom",
     "differentiation"),
    ("Bachelor's degree required", "Valid state teaching certification (or eligibility)"),
    58_000, employment={"full_time": 65, "part_time": 25, "temporary": 10},
    workplace={"onsite": 80, "remote": 15, "hybrid": 5}, area="teaching",
))

_family(Family(
    "edu_admin", ("Academic Affairs", "Admissions", "Student Services"),
    {
        "intern": ("Admissions Intern",),
        "entry": ("Admissions Assistant", "Enrollment Coordinator", "Registrar Assistant"),
        "mid": ("Admissions Counselor", "Instructional Designer", "Academic Advisor",
                "Financial Aid Advisor"),
        "senior": ("Senior Instructional Designer", "Senior Academic Advisor"),
        "manager": ("Admissions Manager", "Program Manager, Student Success"),
        "director": ("Director of Admissions", "Dean of Students"),
        "executive": ("Vice President of Enrollment",),
    },
    ("Online Programs", "Graduate School", "International Students"),
    (
        "Guide prospective students through the application process",
        "Design online courses with faculty subject-matter experts",
        "Advise students on course selection and degree planning",
        "Organize open days and recruitment events",
        "Maintain student records in our SIS",
    ),
    ("Slate", "Canvas", "advising", "public speaking", "CRM", "instructional design"),
    ("Bachelor's degree required; Master's preferred",),
    60_000, employment={"full_time": 85, "part_time": 10, "temporary": 5},
    workplace={"onsite": 50, "hybrid": 35, "remote": 15}, area="higher education",
))

_family(Family(
    "production", ("Manufacturing", "Production", "Quality"),
    {
        "intern": ("Manufacturing Engineering Intern", "Quality Intern"),
        "entry": ("Production Associate", "Assembler", "Machine Operator I",
                  "Packaging Operator"),
        "mid": ("CNC Machinist", "Machine Operator", "Quality Inspector",
                "Manufacturing Engineer", "Process Technician"),
        "senior": ("Senior Manufacturing Engineer", "Lead CNC Machinist",
                   "Senior Quality Engineer"),
        "staff": ("Staff Process Engineer",),
        "principal": ("Principal Quality Engineer",),
        "manager": ("Production Supervisor", "Plant Manager", "Quality Manager"),
        "director": ("Director of Manufacturing", "Director of Quality"),
        "executive": ("VP of Manufacturing", "Chief Operating Officer"),
    },
    ("1st Shift", "2nd Shift", "3rd Shift", "Weekend Shift"),
    (
        "Set up and operate production equipment safely",
        "Inspect parts using calipers, micrometers and CMM",
        "Follow work instructions, SOPs and GMP requirements",
        "Identify and escalate quality issues immediately",
        "Support lean and continuous improvement projects (Kaizen)",
        "Meet hourly production targets of 120 units",
    ),
    ("GD&T", "lean manufacturing", "CNC", "Six Sigma", "ERP systems", "mechanical aptitude"),
    ("High school diploma or GED", "Bachelor's degree in Engineering (engineering roles)"),
    21.0, hourly=True, employment={"full_time": 80, "temporary": 17, "part_time": 3},
    workplace={"onsite": 95, "hybrid": 5}, area="manufacturing",
))

# Seniorities paid a salary even in hourly families.
SALARIED_SENIORITIES: frozenset[str] = frozenset({"manager", "director", "executive"})

# Titles localized for non-English postings: lang -> family -> seniority -> titles.
LOCAL_TITLES: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {
    "de": {
        "software": {"mid": ("Softwareentwickler (m/w/d)", "Backend-Entwickler (m/w/d)"),
                     "senior": ("Senior Softwareentwickler (m/w/d)",)},
        "retail_store": {"entry": ("Verkäufer (m/w/d)", "Kassierer (m/w/d)"),
                         "manager": ("Filialleiter (m/w/d)",)},
        "warehouse": {"entry": ("Lagermitarbeiter (m/w/d)", "Kommissionierer (m/w/d)"),
                      "mid": ("Staplerfahrer (m/w/d)",)},
        "nursing": {"mid": ("Pflegefachkraft (m/w/d)", "Gesundheits- und Krankenpfleger (m/w/d)"),
                    "manager": ("Stationsleitung Pflege (m/w/d)",)},
        "kitchen": {"mid": ("Koch (m/w/d)",), "entry": ("Küchenhilfe (m/w/d)",)},
        "production": {"entry": ("Produktionsmitarbeiter (m/w/d)",),
                       "mid": ("Zerspanungsmechaniker (m/w/d)",)},
    },
    "fr": {
        "software": {"mid": ("Développeur Backend (H/F)", "Ingénieur logiciel (H/F)"),
                     "senior": ("Développeur Senior (H/F)",)},
        "retail_store": {"entry": ("Vendeur / Vendeuse (H/F)", "Hôte de caisse (H/F)"),
                         "manager": ("Responsable de magasin (H/F)",)},
        "warehouse": {"entry": ("Préparateur de commandes (H/F)",),
                      "mid": ("Cariste (H/F)",)},
        "nursing": {"mid": ("Infirmier / Infirmière (H/F)",),
                    "manager": ("Cadre de santé (H/F)",)},
        "kitchen": {"mid": ("Cuisinier (H/F)",), "senior": ("Second de cuisine (H/F)",)},
    },
    "es": {
        "software": {"mid": ("Desarrollador/a Backend", "Ingeniero/a de Software"),
                     "senior": ("Desarrollador/a Senior",)},
        "retail_store": {"entry": ("Dependiente/a", "Cajero/a"),
                         "manager": ("Gerente de tienda",)},
        "warehouse": {"entry": ("Mozo/a de almacén", "Preparador/a de pedidos"),
                      "mid": ("Carretillero/a",)},
        "nursing": {"mid": ("Enfermero/a",)},
        "kitchen": {"mid": ("Cocinero/a",), "entry": ("Ayudante de cocina",)},
    },
    "pt": {
        "software": {"mid": ("Desenvolvedor(a) Backend", "Engenheiro(a) de Software"),
                     "senior": ("Desenvolvedor(a) Sênior",)},
        "retail_store": {"entry": ("Vendedor(a)", "Operador(a) de Caixa"),
                         "manager": ("Gerente de Loja",)},
        "warehouse": {"entry": ("Auxiliar de Logística", "Separador(a) de Pedidos"),
                      "mid": ("Operador(a) de Empilhadeira",)},
        "nursing": {"mid": ("Enfermeiro(a)", "Técnico(a) de Enfermagem")},
        "kitchen": {"mid": ("Cozinheiro(a)",), "entry": ("Auxiliar de Cozinha",)},
    },
}

# Suffix appended to English titles in non-English postings (German/French job-ad convention).
TITLE_GENDER_SUFFIX: dict[str, str] = {"de": " (m/w/d)", "fr": " (H/F)"}

# --------------------------------------------------------------------------------------------
# Text fragments (by language)
# --------------------------------------------------------------------------------------------

# How the employment type is worded: short labels and prose sentences.
EMPLOYMENT_LABELS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "full_time": ("Full-time", "Full time", "Permanent, full-time",
                      "Full-Time (40 hours/week)"),
        "part_time": ("Part time", "Part-time (20-30 hours per week)", "Part-Time, ~24 hrs/week"),
        "contract": ("Contract (6 months)", "Contract, 12-month engagement",
                     "Contractor (3-month contract, possible extension)"),
        "temporary": ("Temporary", "Temporary / seasonal (through the holidays)",
                      "Temp (8 weeks)"),
        "internship": ("Internship", "Summer Internship (12 weeks)", "Paid internship"),
    },
    "de": {
        "full_time": ("Vollzeit", "Vollzeit (40 Std./Woche), unbefristet"),
        "part_time": ("Teilzeit", "Teilzeit (20 Stunden/Woche)"),
        "contract": ("Freelance (6 Monate)", "Projektvertrag, 12 Monate"),
        "temporary": ("Befristet", "Befristet (Aushilfe, 3 Monate)"),
        "internship": ("Praktikum", "Pflichtpraktikum (6 Monate)"),
    },
    "fr": {
        "full_time": ("CDI, temps plein", "Temps plein (35h)"),
        "part_time": ("Temps partiel", "Temps partiel (24h/semaine)"),
        "contract": ("Freelance (6 mois)", "Mission freelance de 12 mois"),
        "temporary": ("CDD", "CDD de 3 mois"),
        "internship": ("Stage", "Stage de fin d'études (6 mois)"),
    },
    "es": {
        "full_time": ("Jornada completa", "Indefinido, jornada completa"),
        "part_time": ("Media jornada", "Jornada parcial (20 horas semanales)"),
        "contract": ("Autónomo / freelance (6 meses)", "Contrato por proyecto (12 meses)"),
        "temporary": ("Contrato temporal", "Temporal (campaña de Navidad)"),
        "internship": ("Prácticas", "Prácticas remuneradas (6 meses)"),
    },
    "pt": {
        "full_time": ("Tempo integral", "CLT, tempo integral"),
        "part_time": ("Meio período", "Meio período (4 horas/dia)"),
        "contract": ("Contrato PJ (6 meses)", "PJ, projeto de 12 meses"),
        "temporary": ("Temporário", "Temporário (3 meses)"),
        "internship": ("Estágio", "Estágio (30 horas semanais)"),
    },
}

# Workplace wording. {country} is the country label, {city} the first office city.
WORKPLACE_LABELS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "remote": ("Remote ({country})", "This role is fully remote.",
                   "Remote-first: work from anywhere in {country_name}.", "100% remote"),
        "hybrid": ("Hybrid - 3 days in office", "Hybrid (2 days a week in our {city} office)",
                   "This is a hybrid role based in {city}.",
                   "Hybrid: 3 days on-site, 2 days from home"),
        "onsite": ("On-site", "This position is on-site in {city}; no remote work possible.",
                   "On-site at our {city} location", "Onsite, 5 days per week"),
    },
    "de": {
        "remote": ("100 % remote", "Vollständig remote (Homeoffice)"),
        "hybrid": ("Hybrid (2 Tage pro Woche im Büro {city})", "Hybrides Arbeiten in {city}"),
        "onsite": ("Vor Ort in {city}", "Präsenzstelle in {city}, kein Homeoffice möglich"),
    },
    "fr": {
        "remote": ("Télétravail à 100 %", "Poste en full remote"),
        "hybrid": ("Hybride (3 jours au bureau de {city})",
                   "Télétravail partiel (2 jours/semaine)"),
        "onsite": ("Sur site à {city}", "Poste en présentiel à {city}, pas de télétravail"),
    },
    "es": {
        "remote": ("100% remoto", "Teletrabajo completo desde cualquier lugar de {country}"),
        "hybrid": ("Híbrido (3 días en la oficina de {city})", "Modelo híbrido en {city}"),
        "onsite": ("Presencial en {city}", "Puesto 100% presencial en {city}"),
    },
    "pt": {
        "remote": ("100% remoto", "Trabalho remoto de qualquer lugar do {country}"),
        "hybrid": ("Híbrido (3 dias no escritório de {city})", "Modelo híbrido em {city}"),
        "onsite": ("Presencial em {city}", "Vaga presencial em {city}"),
    },
}

COUNTRY_NAMES_LOCAL: dict[str, dict[str, str]] = {
    "es": {"ES": "España", "MX": "México"},
    "pt": {"BR": "Brasil"},
    "de": {"DE": "Deutschland", "CH": "der Schweiz"},
    "fr": {"FR": "France", "CH": "Suisse", "CA": "Canada"},
}


@dataclass(frozen=True)
class Lang:
    """Section headings and stock sentences for one language."""

    about: tuple[str, ...]  # "About {company}" headings
    role: tuple[str, ...]
    duties: tuple[str, ...]
    reqs: tuple[str, ...]
    benefits: tuple[str, ...]
    pay: tuple[str, ...]
    details: str  # heading of the key-facts block
    label_location: str
    label_employment: str
    label_workplace: str
    intro: tuple[str, ...]  # {title}, {team_size}, {company}, {dept}
    years: tuple[str, ...]  # "{n}+ years of experience in {area}"
    generic_duties: tuple[str, ...]
    generic_reqs: tuple[str, ...]
    benefit_items: tuple[str, ...]
    no_pay: tuple[str, ...]  # pay-free remuneration sentences
    pay_sentence: dict[str, tuple[str, ...]]  # period -> sentences with {pay}
    eeo: tuple[str, ...]
    apply: tuple[str, ...]
    blurbs: tuple[str, ...] = ()  # company descriptions ({company}, {founded}, ...)
    culture: tuple[str, ...] = ()  # paragraphs about working here
    process_heading: str = ""
    process: tuple[str, ...] = ()  # hiring steps


LANGS: dict[str, Lang] = {
    "en": Lang(
        about=("About {company}", "Who we are", "About us"),
        role=("The role", "About the role", "The opportunity", "Position summary"),
        duties=("Responsibilities", "What you'll do", "In this role, you will:",
                "Key responsibilities"),
        reqs=("Requirements", "What we're looking for", "Qualifications",
              "You might be a fit if you have:"),
        benefits=("Benefits", "What we offer", "Perks &amp; benefits", "Why you'll love it here"),
        pay=("Compensation", "Pay", "Salary", "Pay transparency"),
        details="Job details",
        label_location="Location",
        label_employment="Employment type",
        label_workplace="Workplace",
        intro=(
            "We are looking for a {title} to join our {dept} team. You will work with a team of "
            "{team_size} people and report to the {boss}.",
            "As a {title} at {company}, you'll play a key part in our {dept} organization, "
            "working alongside a team of {team_size}.",
            "{company} is hiring a {title}. This is a great opportunity to grow with our "
            "{dept} team, which has doubled in the last 2 years.",
        ),
        years=("{n}+ years of experience in {area}", "At least {n} years of {area} experience",
               "{n}+ years of relevant experience"),
        generic_duties=(),
        generic_reqs=(
            "Excellent written and verbal communication skills",
            "Comfortable working in a fast-paced environment",
            "Strong organizational skills and attention to detail",
            "Authorization to work in {country_name} (we are unable to sponsor visas for this "
            "role)",
        ),
        benefit_items=(
            "Medical, dental &amp; vision insurance for you and your family",
            "401(k) with a 4% company match",
            "Generous PTO: 20 days plus 11 company holidays",
            "$1,500 annual learning &amp; development stipend",
            "16 weeks of paid parental leave",
            "Employee stock purchase plan and equity for eligible roles",
            "Commuter benefits and a monthly wellness allowance",
            "Employee discounts and referral bonuses",
            "Tuition reimbursement up to $5,250 per year",
            "Life and disability insurance",
        ),
        no_pay=(
            "We offer a competitive salary and benefits package.",
            "Competitive salary + equity, commensurate with experience.",
            "Compensation will be discussed during the interview process.",
        ),
        pay_sentence={
            "year": ("The annual base salary range for this role is {pay}.",
                     "Salary range: {pay}, plus benefits.",
                     "The expected annual pay for this position is {pay}.",
                     "<strong>Base salary:</strong> {pay} annually"),
            "hour": ("Pay rate: {pay}", "Hourly pay: {pay}",
                     "This position pays {pay} hourly, depending on experience."),
            "week": ("Weekly pay: {pay}", "Our drivers earn {pay} on average."),
            "day": ("Day rate: {pay}", "The daily rate for this contract is {pay}."),
            "month": ("Monthly salary: {pay}", "The monthly pay for this role is {pay}."),
        },
        eeo=(
            "{company} is an Equal Opportunity Employer. All qualified applicants will receive "
            "consideration for employment without regard to race, color, religion, sex, sexual "
            "orientation, gender identity, national origin, disability, or protected veteran "
            "status.",
            "We are committed to building a diverse &amp; inclusive workplace. If you need a "
            "reasonable accommodation during the hiring process, please let us know.",
            "{company} participates in E-Verify. We celebrate diversity and do not discriminate "
            "on the basis of any protected characteristic.",
        ),
        apply=("Ready to apply? We review every application and aim to respond within 10 "
               "business days.", "Apply today &ndash; we'd love to hear from you!"),
        culture=(
            "We believe the best work happens when people feel trusted. You'll have the "
            "autonomy to make decisions, the support to grow, and teammates who genuinely care "
            "about doing great work together.",
            "Our team moves quickly, learns from mistakes and celebrates wins together. We "
            "invest heavily in onboarding, so you'll have a dedicated buddy for your first 3 "
            "months and a clear plan for your first 30, 60 and 90 days.",
            "Every day we ask how we can make things a little better for our customers and for "
            "each other. We value kindness, curiosity and ownership, and we hire people who "
            "share those values.",
            "We care about growth. Everyone gets a personal development plan, regular feedback "
            "and a clear path to advance &mdash; many of our leaders started in entry-level "
            "roles and grew with us.",
            "Diverse teams build better products and deliver better service. Even if your "
            "experience doesn't match every bullet point below, we encourage you to apply.",
        ),
        process_heading="Our hiring process",
        process=(
            "A 30-minute call with a recruiter",
            "A conversation with the hiring manager (45 minutes)",
            "A practical exercise or working session of about 2 hours",
            "Meet the team, then reference checks",
            "An offer, usually within 3 weeks of your first conversation",
        ),
    ),
    "de": Lang(
        about=("Über {company}", "Wer wir sind"),
        role=("Deine Rolle", "Über die Stelle"),
        duties=("Deine Aufgaben", "Das erwartet dich"),
        reqs=("Dein Profil", "Das bringst du mit"),
        benefits=("Wir bieten", "Deine Benefits"),
        pay=("Vergütung", "Gehalt"),
        details="Eckdaten",
        label_location="Standort",
        label_employment="Anstellungsart",
        label_workplace="Arbeitsmodell",
        intro=(
            "Wir suchen eine/n {title} für unser {dept}-Team. Du arbeitest in einem Team von "
            "{team_size} Kolleg:innen.",
            "Als {title} bei {company} gestaltest du unseren Bereich {dept} aktiv mit.",
        ),
        years=("Mindestens {n} Jahre Berufserfahrung", "{n}+ Jahre Erfahrung im Bereich {area}"),
        generic_duties=(
            "Du übernimmst Verantwortung für deine Projekte von Anfang bis Ende",
            "Du arbeitest eng mit anderen Teams zusammen",
            "Du entwickelst unsere Prozesse kontinuierlich weiter",
            "Du sorgst für hohe Qualität &amp; Zuverlässigkeit im Tagesgeschäft",
            "Du unterstützt neue Kolleg:innen bei der Einarbeitung",
        ),
        generic_reqs=(
            "Abgeschlossene Ausbildung oder Studium in einem relevanten Bereich",
            "Sehr gute Deutsch- und gute Englischkenntnisse",
            "Teamgeist, Zuverlässigkeit und eine strukturierte Arbeitsweise",
        ),
        benefit_items=(
            "30 Tage Urlaub",
            "Betriebliche Altersvorsorge",
            "Deutschlandticket als Jobticket",
            "Weiterbildungsbudget von 1.000 € pro Jahr",
            "Urban Sports Club Mitgliedschaft",
            "Moderne Ausstattung und ein tolles Team",
        ),
        no_pay=("Wir bieten ein attraktives Gehalt.",
                "Ein wettbewerbsfähiges Gehalt ist für uns selbstverständlich."),
        pay_sentence={
            "year": ("Das Jahresgehalt liegt bei {pay}.",
                     "Gehaltsspanne: {pay} (brutto, jährlich)"),
            "hour": ("Stundenlohn: {pay}", "Wir zahlen {pay}."),
            "month": ("Monatsgehalt: {pay}", "Die Vergütung beträgt {pay} brutto im Monat."),
            "day": ("Tagessatz: {pay}",),
            "week": ("Wochenlohn: {pay}",),
        },
        eeo=("Wir freuen uns über alle Bewerbungen – unabhängig von Geschlecht, Nationalität, "
             "ethnischer Herkunft, Religion, Behinderung, Alter oder sexueller Identität.",),
        apply=("Wir freuen uns auf deine Bewerbung!",),
        blurbs=("{company} wurde {founded} gegründet und beschäftigt heute mehr als "
                "{n_employees} Menschen an {n_offices} Standorten.",
                "Bei {company} arbeiten wir jeden Tag daran, unsere Kund:innen zu begeistern "
                "&ndash; mit Leidenschaft, Qualität &amp; Teamgeist."),
        culture=("Bei uns erwartet dich eine offene Unternehmenskultur mit flachen Hierarchien, "
                 "kurzen Entscheidungswegen und viel Raum für eigene Ideen.",
                 "Wir legen großen Wert auf eine strukturierte Einarbeitung: In den ersten "
                 "Wochen begleitet dich eine feste Ansprechperson, damit du schnell im Team "
                 "ankommst und Verantwortung übernehmen kannst."),
    ),
    "fr": Lang(
        about=("À propos de {company}", "Qui sommes-nous ?"),
        role=("Le poste", "Votre rôle"),
        duties=("Vos missions", "Ce que vous ferez"),
        reqs=("Votre profil", "Compétences recherchées"),
        benefits=("Nos avantages", "Ce que nous offrons"),
        pay=("Rémunération", "Salaire"),
        details="Informations clés",
        label_location="Lieu",
        label_employment="Type de contrat",
        label_workplace="Mode de travail",
        intro=(
            "Nous recherchons un(e) {title} pour rejoindre notre équipe {dept}, composée de "
            "{team_size} personnes.",
            "En tant que {title} chez {company}, vous contribuerez au développement de "
            "l'équipe {dept}.",
        ),
        years=("Au moins {n} ans d'expérience", "{n} ans d'expérience minimum dans le domaine"),
        generic_duties=(
            "Vous prenez en charge vos projets de bout en bout",
            "Vous collaborez étroitement avec les autres équipes",
            "Vous participez à l'amélioration continue de nos processus",
            "Vous garantissez la qualité de service au quotidien",
            "Vous accompagnez les nouveaux arrivants",
        ),
        generic_reqs=(
            "Formation Bac+2 à Bac+5 ou expérience équivalente",
            "Français courant, anglais professionnel",
            "Rigueur, autonomie et esprit d'équipe",
        ),
        benefit_items=(
            "Mutuelle prise en charge à 100 %",
            "Tickets restaurant (carte Swile)",
            "RTT et 25 jours de congés payés",
            "Remboursement de 50 % du titre de transport",
            "Comité d'entreprise",
        ),
        no_pay=("Rémunération attractive selon profil.", "Salaire selon expérience."),
        pay_sentence={
            "year": ("Rémunération : {pay}", "Le salaire annuel proposé est de {pay}."),
            "month": ("Salaire mensuel : {pay}", "Rémunération mensuelle : {pay}"),
            "hour": ("Taux horaire : {pay}",),
            "day": ("TJM : {pay}",),
            "week": ("Salaire hebdomadaire : {pay}",),
        },
        eeo=("Nous nous engageons en faveur de la diversité et de l'inclusion. Tous nos postes "
             "sont ouverts aux personnes en situation de handicap.",),
        apply=("Envie de nous rejoindre ? Postulez dès maintenant !",),
        blurbs=("Fondée en {founded}, {company} compte aujourd'hui plus de {n_employees} "
                "collaborateurs répartis sur {n_offices} sites.",
                "Chez {company}, nous mettons l'humain au cœur de notre projet &amp; de notre "
                "croissance."),
        culture=("Vous rejoindrez une équipe bienveillante et engagée, où chacun peut proposer "
                 "des idées et évoluer rapidement.",
                 "Un parcours d'intégration complet vous permettra de prendre vos marques "
                 "sereinement et de monter en compétences dès les premières semaines."),
    ),
    "es": Lang(
        about=("Sobre {company}", "Quiénes somos"),
        role=("El puesto", "Sobre el rol"),
        duties=("Tus responsabilidades", "¿Qué harás?"),
        reqs=("Requisitos", "¿Qué buscamos?"),
        benefits=("Qué ofrecemos", "Beneficios"),
        pay=("Salario", "Retribución"),
        details="Datos clave",
        label_location="Ubicación",
        label_employment="Tipo de contrato",
        label_workplace="Modalidad",
        intro=(
            "Buscamos un/a {title} para unirse a nuestro equipo de {dept}, formado por "
            "{team_size} personas.",
            "Como {title} en {company}, formarás parte del área de {dept}.",
        ),
        years=("Al menos {n} años de experiencia", "Experiencia mínima de {n} años en {area}"),
        generic_duties=(
            "Gestionar tus proyectos de principio a fin",
            "Colaborar estrechamente con otros equipos",
            "Proponer mejoras en nuestros procesos",
            "Garantizar la calidad del servicio en el día a día",
        ),
        generic_reqs=(
            "Formación relacionada con el puesto",
            "Nivel alto de español; se valorará inglés",
            "Capacidad de organización y trabajo en equipo",
        ),
        benefit_items=(
            "Seguro médico privado",
            "Retribución flexible (tickets restaurante, transporte)",
            "23 días laborables de vacaciones",
            "Formación continua",
            "Horario flexible de entrada",
        ),
        no_pay=("Salario competitivo según experiencia.",),
        pay_sentence={
            "year": ("Salario: {pay}", "La banda salarial es de {pay}."),
            "month": ("Salario mensual: {pay}", "Ofrecemos {pay}."),
            "hour": ("Precio por hora: {pay}",),
            "day": ("Tarifa diaria: {pay}",),
            "week": ("Salario semanal: {pay}",),
        },
        eeo=("Somos una empresa que apuesta por la igualdad de oportunidades y la diversidad.",),
        apply=("¡Te estamos esperando!",),
        blurbs=("{company} nació en {founded} y hoy cuenta con más de {n_employees} "
                "profesionales en {n_offices} centros.",
                "En {company} creemos en el talento, la innovación &amp; el trabajo en equipo."),
        culture=("Te unirás a un equipo cercano y comprometido, donde tus ideas cuentan y "
                 "podrás crecer profesionalmente.",
                 "Contarás con un plan de acogida completo y el acompañamiento de tu equipo "
                 "desde el primer día."),
    ),
    "pt": Lang(
        about=("Sobre a {company}", "Quem somos"),
        role=("A vaga", "Sobre a posição"),
        duties=("Responsabilidades", "O que você vai fazer"),
        reqs=("Requisitos", "O que buscamos"),
        benefits=("Benefícios", "O que oferecemos"),
        pay=("Remuneração", "Salário"),
        details="Informações da vaga",
        label_location="Local",
        label_employment="Regime",
        label_workplace="Modelo de trabalho",
        intro=(
            "Estamos buscando um(a) {title} para fazer parte do time de {dept}, com "
            "{team_size} pessoas.",
            "Como {title} na {company}, você vai atuar na área de {dept}.",
        ),
        years=("Pelo menos {n} anos de experiência", "Experiência de {n}+ anos na área"),
        generic_duties=(
            "Conduzir projetos do início ao fim",
            "Trabalhar em parceria com outras áreas",
            "Propor melhorias nos processos",
            "Garantir a qualidade das entregas no dia a dia",
        ),
        generic_reqs=(
            "Ensino médio completo; superior será um diferencial",
            "Boa comunicação e trabalho em equipe",
            "Inglês intermediário será um diferencial",
        ),
        benefit_items=(
            "Vale-refeição e vale-alimentação",
            "Plano de saúde e odontológico",
            "Vale-transporte",
            "Gympass",
            "Participação nos lucros (PLR)",
        ),
        no_pay=("Salário compatível com o mercado.",),
        pay_sentence={
            "month": ("Salário: {pay}", "Remuneração: {pay} + benefícios"),
            "year": ("Remuneração anual: {pay}",),
            "hour": ("Valor hora: {pay}",),
            "day": ("Diária: {pay}",),
            "week": ("Salário semanal: {pay}",),
        },
        eeo=("Somos uma empresa que valoriza a diversidade. Todas as pessoas são bem-vindas!",),
        apply=("Venha fazer parte do nosso time!",),
        blurbs=("A {company} foi fundada em {founded} e hoje conta com mais de {n_employees} "
                "colaboradores em {n_offices} unidades.",
                "Na {company}, acreditamos em pessoas, inovação &amp; crescimento sustentável."),
        culture=("Aqui você vai encontrar um ambiente colaborativo, com espaço para propor "
                 "ideias e crescer na carreira.",
                 "Você terá um processo de integração completo e o apoio do time desde o "
                 "primeiro dia."),
    ),
}

# Extra US benefits by family; deliberately full of numbers that are not the salary.
EXTRA_BENEFITS_US: dict[str, str] = {
    "nursing": "Sign-on bonus of up to $10,000 for experienced RNs",
    "allied_health": "$2,000 sign-on bonus",
    "driving": "$2,500 safety bonus paid quarterly",
    "warehouse": "Weekly pay and a $1.50/hr shift differential for nights",
    "production": "$2/hr shift differential on 2nd and 3rd shift",
    "kitchen": "Free shift meal and 50% dining discount",
    "software": "Equity (RSUs) vesting over 4 years",
    "sales": "Uncapped commission; OTE is typically 2x base",
}

# Bosses for intros, by seniority group.
BOSSES: tuple[str, ...] = (
    "Head of {dept}", "Director of {dept}", "VP of {dept}", "{dept} Manager", "General Manager",
)

# Non-English benefits per country override the generic English ones for US-only items.
US_ONLY_BENEFITS: frozenset[str] = frozenset(
    {"401(k) with a 4% company match", "Tuition reimbursement up to $5,250 per year",
     "$1,500 annual learning &amp; development stipend"}
)

EEO_NON_US_EN: tuple[str, ...] = (
    "{company} is committed to equality, diversity &amp; inclusion. We welcome applications "
    "from all backgrounds and will make reasonable adjustments throughout the process.",
    "We are proud to be an equal opportunity employer. Please tell us if you need any "
    "adjustments to take part in interviews.",
)

# Pay period titles for Greenhouse structured pay.
PAY_RANGE_TITLES: dict[str, tuple[str, ...]] = {
    "year": ("Annual base salary", "Annual Salary", "Base Salary Range"),
    "hour": ("Hourly rate", "Hourly Pay Range"),
    "week": ("Weekly pay",),
    "day": ("Daily rate",),
    "month": ("Monthly salary",),
}

PAY_RANGE_BLURBS: tuple[str, ...] = (
    "",
    "Final pay is based on skills, experience and location.",
    "This range reflects the base pay we reasonably expect to offer for this role.",
    "Compensation may vary by location. This range does not include bonus or equity.",
)

# Words in a title that force the employment type (keeps the truth consistent with the title).
TITLE_EMPLOYMENT: dict[str, str] = {
    "Seasonal": "temporary", "Travel Nurse": "contract", "Substitute": "temporary",
}  # fmt: skip

# Languages spoken locally, by country (cities may override, e.g. Montréal).
COUNTRY_LANG: dict[str, str] = {"DE": "de", "FR": "fr", "ES": "es", "MX": "es", "BR": "pt"}

CITY_INDEX: dict[tuple[str, str], City] = {
    (c.country, c.name): c for cities in CITIES.values() for c in cities
}

# --------------------------------------------------------------------------------------------
# Pay formats: how an amount is written in a posting
# --------------------------------------------------------------------------------------------

NBSP = "\u00a0"
APOS = "'"


def num(x: float, sep: str = ",", dec: str = ".", decimals: int = 0) -> str:
    """Format ``x`` with a thousands separator and decimal mark of choice."""
    return f"{x:,.{decimals}f}".translate({44: sep, 46: dec})


def k(x: float) -> str:
    """Thousands as a bare number: 130000 -> '130'."""
    return f"{x / 1000:g}"


def hourly(x: float, dec: str = ".") -> str:
    """Hourly amounts: whole numbers bare, otherwise two decimals ('38', '27.50')."""
    return f"{x:.0f}" if x == int(x) else f"{x:.2f}".replace(".", dec)


def indian(x: float) -> str:
    """Indian digit grouping: 1200000 -> '12,00,000'."""
    s = str(round(x))
    if len(s) <= 3:
        return s
    head, tail = s[:-3], s[-3:]
    groups = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    if head:
        groups.insert(0, head)
    return ",".join([*groups, tail])


@dataclass(frozen=True)
class PayFormat:
    """One way of writing pay. ``render(lo, hi)`` gets amounts already rounded to ``unit``.

    kind: range (lo..hi), single (lo == hi), from (lo only) or upto (hi only).
    langs: posting languages the format fits (None = any).
    """

    currency: str
    period: str
    kind: str
    unit: float
    render: Callable[[float, float], str]
    langs: frozenset[str] | None = frozenset({"en"})


def _any(*langs: str) -> frozenset[str]:
    return frozenset(langs)


_EN = _any("en")
_DE = _any("de")
_FR = _any("fr")
_ES = _any("es")
_PT = _any("pt")

PAY_FORMATS: tuple[PayFormat, ...] = (
    # USD
    PayFormat("USD", "year", "range", 1000, lambda a, b: f"${num(a)}–${num(b)}"),
    PayFormat("USD", "year", "range", 1000, lambda a, b: f"${num(a)} - ${num(b)} USD"),
    PayFormat("USD", "year", "range", 5000, lambda a, b: f"${k(a)}K-${k(b)}K"),
    PayFormat("USD", "year", "range", 1000, lambda a, b: f"${k(a)}k – ${k(b)}k"),
    PayFormat("USD", "year", "range", 500, lambda a, b: f"${num(a)} to ${num(b)}"),
    PayFormat("USD", "year", "range", 1000, lambda a, b: f"USD {num(a)} - {num(b)}", None),
    PayFormat("USD", "year", "from", 1000, lambda a, b: f"starting at ${num(a)}"),
    PayFormat("USD", "year", "upto", 1000, lambda a, b: f"up to ${num(b)}"),
    PayFormat("USD", "year", "single", 1000, lambda a, b: f"${num(a)}"),
    PayFormat("USD", "hour", "single", 1, lambda a, b: f"${hourly(a)}/hr"),
    PayFormat("USD", "hour", "single", 0.5, lambda a, b: f"${a:.2f} per hour"),
    PayFormat("USD", "hour", "from", 0.5, lambda a, b: f"from ${a:.2f} an hour"),
    PayFormat("USD", "hour", "range", 0.25, lambda a, b: f"${a:.2f} - ${b:.2f}/hour"),
    PayFormat("USD", "hour", "range", 1, lambda a, b: f"${hourly(a)}–${hourly(b)} per hour"),
    PayFormat("USD", "hour", "range", 0.5, lambda a, b: f"${hourly(a)}-${hourly(b)}/hr"),
    PayFormat("USD", "hour", "upto", 0.5, lambda a, b: f"up to ${b:.2f}/hr"),
    PayFormat("USD", "week", "range", 50, lambda a, b: f"${num(a)} - ${num(b)} per week"),
    PayFormat("USD", "week", "single", 50, lambda a, b: f"${num(a)}/week"),
    PayFormat("USD", "day", "range", 25, lambda a, b: f"${num(a)}-${num(b)}/day"),
    PayFormat("USD", "month", "range", 100, lambda a, b: f"${num(a)} - ${num(b)} per month"),
    # CAD
    PayFormat("CAD", "year", "single", 1000, lambda a, b: f"C${num(a)}"),
    PayFormat("CAD", "year", "range", 1000, lambda a, b: f"C${num(a)} – C${num(b)}"),
    PayFormat("CAD", "year", "range", 5000, lambda a, b: f"CA${k(a)}K–CA${k(b)}K"),
    PayFormat("CAD", "year", "range", 1000, lambda a, b: f"${num(a)} - ${num(b)} CAD",
              _any("en", "fr")),
    PayFormat("CAD", "hour", "single", 0.5, lambda a, b: f"C${a:.2f}/hr"),
    PayFormat("CAD", "hour", "range", 0.5, lambda a, b: f"${a:.2f}-${b:.2f} CAD per hour"),
    PayFormat("CAD", "day", "range", 25, lambda a, b: f"C${num(a)}-C${num(b)} per day"),
    PayFormat("CAD", "month", "range", 100, lambda a, b: f"C${num(a)} - C${num(b)} per month"),
    PayFormat("CAD", "year", "range", 1000,
              lambda a, b: f"{num(a, NBSP)} $ à {num(b, NBSP)} $ par année", _FR),
    # GBP
    PayFormat("GBP", "year", "range", 1000, lambda a, b: f"£{num(a)} to £{num(b)} a year"),
    PayFormat("GBP", "year", "upto", 1000, lambda a, b: f"up to £{num(b)}"),
    PayFormat("GBP", "year", "range", 1000, lambda a, b: f"£{k(a)}k - £{k(b)}k"),
    PayFormat("GBP", "year", "range", 500, lambda a, b: f"£{num(a)} - £{num(b)} per annum"),
    PayFormat("GBP", "hour", "single", 0.25, lambda a, b: f"£{a:.2f} per hour"),
    PayFormat("GBP", "hour", "range", 0.25, lambda a, b: f"£{a:.2f} - £{b:.2f} p/h"),
    PayFormat("GBP", "day", "single", 25, lambda a, b: f"£{num(a)} per day"),
    PayFormat("GBP", "month", "single", 50, lambda a, b: f"£{num(a)} per month"),
    PayFormat("GBP", "day", "range", 25, lambda a, b: f"£{num(a)}-£{num(b)}/day (outside IR35)"),
    # EUR
    PayFormat("EUR", "year", "range", 1000, lambda a, b: f"€{num(a, '.')} – €{num(b, '.')}"),
    PayFormat("EUR", "year", "range", 1000, lambda a, b: f"€{k(a)}k-€{k(b)}k"),
    PayFormat("EUR", "year", "range", 1000, lambda a, b: f"EUR {num(a)} - {num(b)}", None),
    PayFormat("EUR", "year", "upto", 1000, lambda a, b: f"up to €{num(b)}"),
    PayFormat("EUR", "year", "range", 1000,
              lambda a, b: f"{num(a, '.')} € - {num(b, '.')} € brutto/Jahr", _DE),
    PayFormat("EUR", "year", "single", 1000, lambda a, b: f"ab {num(a, '.')} € brutto", _DE),
    PayFormat("EUR", "year", "range", 1000,
              lambda a, b: f"{num(a, NBSP)} € – {num(b, NBSP)} € brut annuel", _FR),
    PayFormat("EUR", "year", "range", 1000, lambda a, b: f"entre {k(a)}K€ et {k(b)}K€", _FR),
    PayFormat("EUR", "year", "range", 1000,
              lambda a, b: f"entre {num(a, '.')} € y {num(b, '.')} € brutos anuales", _ES),
    PayFormat("EUR", "year", "range", 1000, lambda a, b: f"{k(a)}-{k(b)}K € brutos/año", _ES),
    PayFormat("EUR", "month", "range", 100,
              lambda a, b: f"{num(a, '.')} – {num(b, '.')} € brutto/Monat", _DE),
    PayFormat("EUR", "month", "single", 50,
              lambda a, b: f"{num(a, NBSP)} € brut mensuel", _FR),
    PayFormat("EUR", "month", "range", 100,
              lambda a, b: f"{num(a, '.')} € - {num(b, '.')} € brutos al mes", _ES),
    PayFormat("EUR", "month", "range", 100, lambda a, b: f"€{num(a)} - €{num(b)} per month"),
    PayFormat("EUR", "hour", "single", 0.5, lambda a, b: f"€{a:.2f}/hour"),
    PayFormat("EUR", "hour", "range", 0.5, lambda a, b: f"€{a:.2f} - €{b:.2f} per hour"),
    PayFormat("EUR", "hour", "single", 0.5, lambda a, b: f"{hourly(a, ',')} € pro Stunde", _DE),
    PayFormat("EUR", "hour", "single", 0.5, lambda a, b: f"{hourly(a, ',')} € brut/heure", _FR),
    PayFormat("EUR", "hour", "single", 0.5, lambda a, b: f"{hourly(a, ',')} €/hora", _ES),
    PayFormat("EUR", "day", "single", 25, lambda a, b: f"€{num(a)}/day"),
    PayFormat("EUR", "day", "range", 25, lambda a, b: f"€{num(a)} - €{num(b)} per day"),
    PayFormat("EUR", "day", "range", 25, lambda a, b: f"{num(a)} – {num(b)} € / jour", _FR),
    PayFormat("EUR", "day", "single", 25, lambda a, b: f"{num(a, '.')} € pro Tag", _DE),
    # CHF
    PayFormat("CHF", "year", "single", 1000, lambda a, b: f"CHF {num(a, APOS)}", None),
    PayFormat("CHF", "year", "range", 1000,
              lambda a, b: f"CHF {num(a, APOS)} – {num(b, APOS)}", None),
    PayFormat("CHF", "year", "range", 1000, lambda a, b: f"CHF {k(a)}k-{k(b)}k"),
    PayFormat("CHF", "hour", "single", 0.5, lambda a, b: f"CHF {a:.2f}/h", None),
    PayFormat("CHF", "day", "single", 25, lambda a, b: f"CHF {num(a, APOS)} per day"),
    PayFormat("CHF", "month", "single", 100, lambda a, b: f"CHF {num(a, APOS)} per month"),
    PayFormat("CHF", "month", "range", 100, lambda a, b: f"CHF {num(a, APOS)}–{num(b, APOS)} "
              "brutto/Monat", _DE),
    # PLN
    PayFormat("PLN", "month", "single", 100, lambda a, b: f"{num(a, ' ')} zł brutto", None),
    PayFormat("PLN", "month", "range", 100,
              lambda a, b: f"{num(a, ' ')} – {num(b, ' ')} zł brutto miesięcznie", None),
    PayFormat("PLN", "month", "range", 100, lambda a, b: f"PLN {num(a)}-{num(b)} gross/month"),
    PayFormat("PLN", "day", "range", 50, lambda a, b: f"{num(a, ' ')}-{num(b, ' ')} PLN/day "
              "(B2B)"),
    PayFormat("PLN", "hour", "range", 5, lambda a, b: f"{hourly(a)}-{hourly(b)} PLN/h netto "
              "(B2B)"),
    # INR
    PayFormat("INR", "year", "range", 100_000, lambda a, b: f"{a / 1e5:g}-{b / 1e5:g} LPA"),
    PayFormat("INR", "year", "range", 50_000,
              lambda a, b: f"₹{indian(a)} - ₹{indian(b)} per annum"),
    PayFormat("INR", "year", "range", 10_000, lambda a, b: f"INR {num(a)} - {num(b)}"),
    PayFormat("INR", "month", "range", 1000, lambda a, b: f"₹{indian(a)}–₹{indian(b)} per month"),
    PayFormat("INR", "day", "single", 500, lambda a, b: f"₹{indian(a)} per day"),
    PayFormat("INR", "hour", "single", 50, lambda a, b: f"₹{indian(a)} per hour"),
    # BRL
    PayFormat("BRL", "month", "single", 100,
              lambda a, b: f"R$ {num(a, '.', ',', 2)} mensais", _PT),
    PayFormat("BRL", "month", "range", 100,
              lambda a, b: f"R$ {num(a, '.')} a R$ {num(b, '.')} por mês", _PT),
    PayFormat("BRL", "month", "range", 100, lambda a, b: f"BRL {num(a)} - {num(b)} per month"),
    PayFormat("BRL", "year", "range", 1000, lambda a, b: f"R$ {num(a, '.')} - R$ {num(b, '.')} "
              "por ano", _PT),
    PayFormat("BRL", "hour", "single", 1, lambda a, b: f"R$ {hourly(a, ',')}/hora", _PT),
    PayFormat("BRL", "day", "single", 50, lambda a, b: f"R$ {num(a, '.')} por dia", _PT),
    PayFormat("BRL", "day", "single", 50, lambda a, b: f"BRL {num(a)} per day"),
    PayFormat("BRL", "hour", "single", 1, lambda a, b: f"BRL {hourly(a)}/hour"),
    # AUD
    PayFormat("AUD", "year", "single", 1000, lambda a, b: f"AU${k(a)}k"),
    PayFormat("AUD", "year", "range", 1000, lambda a, b: f"AU${k(a)}k–AU${k(b)}k"),
    PayFormat("AUD", "year", "range", 1000, lambda a, b: f"A${num(a)} - A${num(b)} + super"),
    PayFormat("AUD", "year", "range", 1000, lambda a, b: f"${num(a)} - ${num(b)} AUD"),
    PayFormat("AUD", "hour", "single", 0.5, lambda a, b: f"AU${a:.2f}/hr"),
    PayFormat("AUD", "hour", "range", 0.5, lambda a, b: f"${a:.2f} - ${b:.2f} AUD per hour"),
    PayFormat("AUD", "day", "single", 25, lambda a, b: f"A${num(a)} per day + super"),
    PayFormat("AUD", "month", "range", 100, lambda a, b: f"A${num(a)} - A${num(b)} per month"),
    # SGD
    PayFormat("SGD", "month", "range", 100, lambda a, b: f"S${num(a)} - S${num(b)} per month"),
    PayFormat("SGD", "year", "range", 1000, lambda a, b: f"SGD {num(a)} - {num(b)} annually"),
    PayFormat("SGD", "year", "range", 1000, lambda a, b: f"S${k(a)}k–S${k(b)}k"),
    PayFormat("SGD", "hour", "single", 0.5, lambda a, b: f"S${a:.2f}/hr"),
    PayFormat("SGD", "day", "single", 25, lambda a, b: f"S${num(a)} per day"),
    # JPY
    PayFormat("JPY", "year", "range", 100_000, lambda a, b: f"¥{num(a)} - ¥{num(b)}"),
    PayFormat("JPY", "year", "range", 100_000, lambda a, b: f"JPY {num(a)}–{num(b)}", None),
    PayFormat("JPY", "year", "range", 100_000,
              lambda a, b: f"年収{a / 1e4:g}万円〜{b / 1e4:g}万円", None),
    PayFormat("JPY", "hour", "single", 50, lambda a, b: f"¥{num(a)}/hour"),
    PayFormat("JPY", "day", "single", 1000, lambda a, b: f"¥{num(a)} per day"),
    PayFormat("JPY", "month", "range", 10_000, lambda a, b: f"¥{num(a)} - ¥{num(b)} per month"),
    # MXN
    PayFormat("MXN", "month", "single", 500, lambda a, b: f"${num(a)} MXN mensuales", _ES),
    PayFormat("MXN", "month", "range", 500,
              lambda a, b: f"MXN {num(a)} - {num(b)} al mes", _ES),
    PayFormat("MXN", "month", "range", 500, lambda a, b: f"MXN {num(a)} - {num(b)} per month"),
    PayFormat("MXN", "year", "range", 1000, lambda a, b: f"MXN {num(a)} - {num(b)} per year"),
    PayFormat("MXN", "hour", "single", 5, lambda a, b: f"${hourly(a)} MXN por hora", _ES),
    PayFormat("MXN", "day", "single", 50, lambda a, b: f"${num(a)} MXN por día", _ES),
    PayFormat("MXN", "hour", "single", 5, lambda a, b: f"MXN {hourly(a)} per hour"),
    PayFormat("MXN", "day", "single", 50, lambda a, b: f"MXN {num(a)} per day"),
)


def generic_pay_format(currency: str, period: str) -> PayFormat:
    """Fallback for a (currency, period) no listed format covers."""
    return PayFormat(currency, period, "range", 1 if period == "hour" else 100,
                     lambda a, b: f"{currency} {num(a)} - {num(b)}", None)
