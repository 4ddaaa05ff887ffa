"""The SQLite schema of a ``.ecocheck`` file, version by version.

Owns the table definitions, the file's identity (``PRAGMA application_id``) and the schema
version (``PRAGMA user_version``). Each version's DDL is kept verbatim so that old files (and
the test fixtures) can be rebuilt exactly; :mod:`.migrations` moves a file forward.

Storage conventions: ``Decimal`` as TEXT holding its exact string (SQLite REAL would round),
booleans as INTEGER 0/1, free-form dicts as JSON TEXT, one row per list item with an INTEGER
PRIMARY KEY whose order is the list order.
"""

from __future__ import annotations

# "ECO1" read as a big-endian 32-bit integer: marks the file as ours for `file(1)` and for us.
APPLICATION_ID = 0x45434F31

SCHEMA_VERSION = 4

SCHEMA_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE company (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL, name_kana TEXT NOT NULL DEFAULT '', industry TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '', city TEXT NOT NULL DEFAULT '',
    fy_start_month INTEGER NOT NULL DEFAULT 4, contact TEXT NOT NULL DEFAULT '',
    advisor TEXT NOT NULL DEFAULT ''
);
CREATE TABLE sites (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, address TEXT NOT NULL DEFAULT ''
);
CREATE TABLE contracts (
    id INTEGER PRIMARY KEY, site TEXT NOT NULL, energy TEXT NOT NULL,
    supplier TEXT NOT NULL DEFAULT '', menu TEXT NOT NULL DEFAULT '',
    factor_basic TEXT, factor_adjusted TEXT, factor_source TEXT NOT NULL DEFAULT '',
    UNIQUE (site, energy)
);
CREATE TABLE fiscal_years (
    year INTEGER PRIMARY KEY, revenue_million_yen TEXT, value_added_million_yen TEXT,
    employees TEXT, floor_area_m2 TEXT, production_quantity TEXT,
    production_unit TEXT NOT NULL DEFAULT '', factor_edition TEXT NOT NULL DEFAULT ''
);
CREATE TABLE records (
    id INTEGER PRIMARY KEY AUTOINCREMENT, month TEXT NOT NULL, energy TEXT NOT NULL,
    quantity TEXT NOT NULL, unit TEXT NOT NULL, site TEXT NOT NULL DEFAULT '', cost_yen TEXT,
    supplier TEXT NOT NULL DEFAULT '', menu TEXT NOT NULL DEFAULT '', factor_basic TEXT,
    factor_adjusted TEXT, factor_source TEXT NOT NULL DEFAULT '',
    estimated INTEGER NOT NULL DEFAULT 0, note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX records_month ON records (month);
CREATE TABLE refrigerants (
    id INTEGER PRIMARY KEY, fiscal_year INTEGER NOT NULL, refrigerant TEXT NOT NULL,
    charged_kg TEXT NOT NULL, recovered_kg TEXT NOT NULL DEFAULT '0',
    site TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT ''
);
CREATE TABLE scope3 (
    id INTEGER PRIMARY KEY, fiscal_year INTEGER NOT NULL, factor_key TEXT NOT NULL,
    quantity TEXT NOT NULL, note TEXT NOT NULL DEFAULT ''
);
CREATE TABLE checklist (id INTEGER PRIMARY KEY CHECK (id = 1), data TEXT NOT NULL);
CREATE TABLE targets (
    id INTEGER PRIMARY KEY, kind TEXT NOT NULL, base_year INTEGER NOT NULL,
    target_year INTEGER NOT NULL, reduction_pct TEXT NOT NULL,
    basis TEXT NOT NULL DEFAULT 'adjusted', note TEXT NOT NULL DEFAULT ''
);
CREATE TABLE measure_plan (
    id INTEGER PRIMARY KEY, measure_id TEXT NOT NULL, planned_year INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'planned', parameters TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE evidence (
    id INTEGER PRIMARY KEY AUTOINCREMENT, filename TEXT NOT NULL, media_type TEXT NOT NULL,
    size INTEGER NOT NULL, data BLOB NOT NULL, month TEXT,
    record_id INTEGER REFERENCES records (id) ON DELETE SET NULL,
    added_at TEXT NOT NULL, added_by TEXT NOT NULL DEFAULT ''
);
CREATE TABLE change_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, user TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL, target TEXT NOT NULL DEFAULT '', old TEXT, new TEXT
);
"""

# v2: a content hash per attachment, so the same scan attached twice can be recognised and an
# exported copy can be verified.
V1_TO_V2 = """
ALTER TABLE evidence ADD COLUMN sha256 TEXT NOT NULL DEFAULT '';
"""

# v3: how a contract's factor was chosen (user-entered / knowing estimate), the city-gas
# supplier's heat value and the LPG m3 -> t conversion, each with its source (issue 15).
V2_TO_V3 = """
ALTER TABLE contracts ADD COLUMN factor_choice TEXT NOT NULL DEFAULT '';
ALTER TABLE contracts ADD COLUMN estimate_basis TEXT NOT NULL DEFAULT '';
ALTER TABLE contracts ADD COLUMN heat_value_gj_per_km3 TEXT;
ALTER TABLE contracts ADD COLUMN heat_value_source TEXT NOT NULL DEFAULT '';
ALTER TABLE contracts ADD COLUMN lpg_conversion TEXT NOT NULL DEFAULT '';
ALTER TABLE contracts ADD COLUMN lpg_kg_per_m3 TEXT;
ALTER TABLE contracts ADD COLUMN lpg_source TEXT NOT NULL DEFAULT '';
"""

# v4 (this round): one step, three parts, one per feature, so each adds its own tables and
# columns without touching the others'. A part is a DDL script (empty: nothing to add).
# The bank's pack: the KPI lock, the declaration, verification, the user's reasons (issue 18).
V4_BANK = """
ALTER TABLE company ADD COLUMN representative_name TEXT NOT NULL DEFAULT '';
ALTER TABLE company ADD COLUMN representative_title TEXT NOT NULL DEFAULT '';
ALTER TABLE company ADD COLUMN verification TEXT NOT NULL DEFAULT 'none';
ALTER TABLE company ADD COLUMN verifier TEXT NOT NULL DEFAULT '';
ALTER TABLE company ADD COLUMN recalc_threshold_pct TEXT;
ALTER TABLE company ADD COLUMN lender_name TEXT NOT NULL DEFAULT '';
ALTER TABLE company ADD COLUMN sector_benchmark_pct_per_year TEXT;
ALTER TABLE company ADD COLUMN sector_benchmark_source TEXT NOT NULL DEFAULT '';
ALTER TABLE fiscal_years ADD COLUMN change_reasons TEXT NOT NULL DEFAULT '';
"""
# Customers, products and sales for the answers to customers' CO2 requests (issue 21).
V4_CUSTOMERS = """
ALTER TABLE company ADD COLUMN allocation_method TEXT NOT NULL DEFAULT 'sales';
CREATE TABLE customers (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, supplier_code TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
);
CREATE TABLE customer_sales (
    id INTEGER PRIMARY KEY, customer TEXT NOT NULL, fiscal_year INTEGER NOT NULL,
    sales_yen TEXT NOT NULL, month TEXT NOT NULL DEFAULT '', product TEXT NOT NULL DEFAULT '',
    quantity TEXT
);
CREATE TABLE products (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, unit TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE TABLE product_outputs (
    id INTEGER PRIMARY KEY, product TEXT NOT NULL, fiscal_year INTEGER NOT NULL,
    quantity TEXT NOT NULL, month TEXT NOT NULL DEFAULT '', submeter_kwh TEXT,
    machine_hours TEXT
);
"""
# Meters and their 30-minute demand data (issue 22): one row per meter, one row per meter-day
# with its 48 half-hour values packed as little-endian int32 Wh (-1: no reading), 192 bytes.
V4_DEMAND = """
CREATE TABLE meters (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, site TEXT NOT NULL DEFAULT '',
    contract_kw TEXT, base_charge_yen_per_kw TEXT, base_charge_source TEXT NOT NULL DEFAULT '',
    mapping TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE meter_days (
    meter_id INTEGER NOT NULL REFERENCES meters (id) ON DELETE CASCADE, day TEXT NOT NULL,
    wh BLOB NOT NULL, PRIMARY KEY (meter_id, day)
) WITHOUT ROWID;
"""
V3_TO_V4 = V4_BANK + V4_CUSTOMERS + V4_DEMAND

# Tables whose rows are plain list items of the Project, in the order of the dataclass fields.
LIST_TABLES = ("sites", "contracts", "records", "refrigerants", "scope3", "targets", "measure_plan")
