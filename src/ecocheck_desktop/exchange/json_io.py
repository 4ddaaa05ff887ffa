"""The JSON export/import of a whole project: complete, lossless, strictly validated.

Owns the ``ecocheck-project`` JSON format (``format_version`` 1): every field of the domain
model, decimals as exact strings, and optionally the evidence attachments as base64. Reading
checks everything before building anything; hostile input (wrong types, NaN, huge numbers,
deep nesting, megabyte strings) becomes EcoCheckError messages located like
"records[12].quantity", never a traceback or a half-built project.
"""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path
from typing import Any

from ecocheck_desktop import __version__
from ecocheck_desktop.core import limits
from ecocheck_desktop.core.bank_fields import bank_problems
from ecocheck_desktop.core.demand import MeterData
from ecocheck_desktop.core.energy import ENERGY_TYPES
from ecocheck_desktop.core.factors import default_library
from ecocheck_desktop.core.messages import EcoCheckError, Message, render
from ecocheck_desktop.core.model import (
    ALLOCATION_METHODS,
    LIST_FIELDS,
    Company,
    FiscalYearData,
    Project,
    contract_problems,
)
from ecocheck_desktop.exchange.demand_json import meters_from_json, meters_to_json
from ecocheck_desktop.store import atomic
from ecocheck_desktop.store.codec import (
    MAX_JSON_DEPTH,
    Problems,
    check_json_value,
    check_month,
    from_plain,
    to_plain,
)
from ecocheck_desktop.store.evidence import MAX_ATTACHMENT_BYTES

FORMAT = "ecocheck-project"
FORMAT_VERSION = 1
MAX_FILE_BYTES = limits.MAX_JSON_BYTES  # room for attachments; a bills-only project is far smaller
MAX_ITEMS = 100_000
# Possessive (*+, ++): the regex engine keeps no backtracking state, so a 26 MB base64 string
# costs no memory beyond the text itself (the old greedy pattern needed GBs for it).
_STRING = re.compile(r'"(?:[^"\\]++|\\.)*+"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]++")
# Base64 of the largest attachment the project file accepts, plus padding.
_MAX_BASE64_CHARS = (MAX_ATTACHMENT_BYTES + 2) // 3 * 4

_TOP_KEYS = {
    "format",
    "format_version",
    "app_version",
    "company",
    "fiscal_years",
    "checklist",
    "attachments",
    "meters",
    *LIST_FIELDS,
}


def project_to_json(
    project: Project,
    *,
    attachments: bool = False,
    evidence: list[dict[str, Any]] | None = None,
    meters: tuple[MeterData, ...] = (),
) -> dict[str, Any]:
    """The project as a JSON-ready dict. ``evidence`` (from the project file) is included
    only when ``attachments`` is true: bill scans can be large and are often private.
    ``meters`` (the project file's meters with their 30-minute data, which the Project does not
    hold) become the ``meters`` list (exchange/demand_json.py) when there are any."""
    document: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "company": to_plain(project.company),
    }
    for key in LIST_FIELDS:
        document[key] = [to_plain(item) for item in getattr(project, key)]
    document["fiscal_years"] = [
        to_plain(project.fiscal_years[y]) for y in sorted(project.fiscal_years)
    ]
    document["checklist"] = project.checklist
    if meters:
        document["meters"] = meters_to_json(meters)
    if attachments:
        document["attachments"] = list(evidence or [])
    return document


def _check_domain(company: Company | None, lists: dict[str, list[Any]], problems: Problems) -> None:
    """Rules beyond types: codes, months and ranges the calculation relies on."""
    if company is not None:
        if not 1 <= company.fy_start_month <= 12:
            problems.add("company.fy_start_month", "must be 1-12")
        if not company.name.strip():
            problems.add("company.name", "must not be empty")
        for message in bank_problems(company):  # issue 18: verification, thresholds
            problems.add(f"company.{message.where['field']}", render(message))
    for i, record in enumerate(lists.get("records", [])):
        if record is None:
            continue
        where = f"records[{i}]"
        check_month(record.month, f"{where}.month", problems)
        if record.energy not in ENERGY_TYPES:
            problems.add(f"{where}.energy", f"unknown energy code '{record.energy[:40]}'")
        if record.quantity < 0:
            problems.add(f"{where}.quantity", "must not be negative")
        elif record.energy in ENERGY_TYPES:
            # Units that do not fit the energy ("=HYPERLINK(...)" as a unit) and quantities
            # beyond any bill (9e14 kWh) are refused as the CSV import refuses them.
            wrong = limits.quantity_problem(record.energy, record.quantity, record.unit)
            if wrong is not None:
                key = "quantity" if wrong.code.startswith("quantity") else "unit"
                problems.add(f"{where}.{key}", render(wrong))
    for i, contract in enumerate(lists.get("contracts", [])):
        if contract is not None and contract.energy not in ENERGY_TYPES:
            problems.add(f"contracts[{i}].energy", f"unknown energy code '{contract.energy[:40]}'")
        for name, reason in contract_problems(contract) if contract is not None else ():
            problems.add(f"contracts[{i}].{name}", reason)
    for i, refill in enumerate(lists.get("refrigerants", [])):
        # Refused here, not dropped later: the GWP table covers the whole フロン法 list.
        if refill is not None and not default_library().has_refrigerant(refill.refrigerant):
            problems.add(
                f"refrigerants[{i}].refrigerant",
                f"unknown refrigerant '{str(refill.refrigerant)[:40]}'",
            )
    items: list[tuple[str, Any]] = [("company", company)] if company is not None else []
    for key, values in lists.items():
        items += [(f"{key}[{i}]", value) for i, value in enumerate(values) if value is not None]
    for where, item in items:
        for message in limits.object_text_problems(item, where):
            problems.add(message.where["field"], render(Message(message.code, message.params)))
    for i, sale in enumerate(lists.get("customer_sales", [])):
        for name in ("sales_yen", "quantity"):
            value = getattr(sale, name, None) if sale is not None else None
            if value is not None and value < 0:
                problems.add(f"customer_sales[{i}].{name}", "must not be negative")
    if company is not None and company.allocation_method not in ALLOCATION_METHODS:
        problems.add(
            "company.allocation_method", "expected one of " + ", ".join(ALLOCATION_METHODS)
        )
    names = [site.name for site in lists.get("sites", []) if site is not None]
    if len(set(names)) != len(names):
        problems.add("sites", "site names must be unique")


def project_from_json(data: Any) -> Project:
    """A Project from a parsed JSON document; EcoCheckError listing every problem found."""
    problems = Problems()
    if not isinstance(data, dict):
        raise EcoCheckError(
            Message("json.wrong_format", {"reason": "the top level is not an object"})
        )
    if data.get("format") != FORMAT:
        raise EcoCheckError(Message("json.wrong_format", {"reason": "'format' is not " + FORMAT}))
    version = data.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise EcoCheckError(Message("json.wrong_format", {"reason": "bad 'format_version'"}))
    if version > FORMAT_VERSION:
        raise EcoCheckError(
            Message("json.newer_format", {"file_version": version, "app_version": FORMAT_VERSION})
        )
    for key in data:
        if key not in _TOP_KEYS:
            problems.add(str(key)[:60], "unknown field")
    if "company" not in data:
        problems.add("company", "missing")
    company = from_plain(Company, data.get("company"), "company", problems)
    lists: dict[str, list[Any]] = {}
    for key, cls in LIST_FIELDS.items():
        items = data.get(key, [])
        if not isinstance(items, list):
            problems.add(key, f"expected a list, got {type(items).__name__}")
            continue
        if len(items) > MAX_ITEMS:
            problems.add(key, "too many items")
            continue
        lists[key] = [
            from_plain(cls, item, f"{key}[{i}]", problems) for i, item in enumerate(items)
        ]
    years: dict[int, FiscalYearData] = {}
    raw_years = data.get("fiscal_years", [])
    if isinstance(raw_years, list) and len(raw_years) <= 1000:
        for i, item in enumerate(raw_years):
            year = from_plain(FiscalYearData, item, f"fiscal_years[{i}]", problems)
            if year is not None:
                if year.year in years:
                    problems.add(f"fiscal_years[{i}].year", "duplicate fiscal year")
                years[year.year] = year
    else:
        problems.add("fiscal_years", "expected a list of fiscal years")
    checklist = data.get("checklist", {})
    if isinstance(checklist, dict):
        checklist = check_json_value(checklist, "checklist", problems, 1)
    else:
        problems.add("checklist", f"expected an object, got {type(checklist).__name__}")
    if "attachments" in data:
        check_attachments(data["attachments"], problems)
    if "meters" in data:
        meters_from_json(data["meters"], problems)
    _check_domain(company, lists, problems)
    if problems or company is None:
        raise EcoCheckError(*problems.messages)
    return Project(company=company, fiscal_years=years, checklist=checklist, **lists)


def check_attachments(items: Any, problems: Problems) -> list[tuple[dict[str, Any], bytes]]:
    """Validated attachments: metadata and decoded bytes (type and size checked later)."""
    out: list[tuple[dict[str, Any], bytes]] = []
    if not isinstance(items, list) or len(items) > 10_000:
        problems.add("attachments", "expected a list")
        return out
    for i, item in enumerate(items):
        where = f"attachments[{i}]"
        if not isinstance(item, dict) or not isinstance(item.get("data_base64"), str):
            problems.add(where, "expected an object with data_base64")
            continue
        filename = item.get("filename")
        if not isinstance(filename, str) or not 0 < len(filename) <= 255:
            problems.add(f"{where}.filename", "expected a file name")
            continue
        month = item.get("month")
        if month is not None and not isinstance(month, str):
            problems.add(f"{where}.month", "expected YYYY-MM or null")
            continue
        if isinstance(month, str):
            check_month(month, f"{where}.month", problems)
        if len(item["data_base64"]) > _MAX_BASE64_CHARS:
            # Refused before decoding: the project file would refuse it anyway.
            problems.add(
                f"{where}.data_base64",
                f"larger than {MAX_ATTACHMENT_BYTES // 1024 // 1024} MB per attachment",
            )
            continue
        try:
            data = base64.b64decode(item["data_base64"], validate=True)
        except ValueError:
            problems.add(f"{where}.data_base64", "not base64")
            continue
        index = item.get("record_index")
        if index is not None and (isinstance(index, bool) or not isinstance(index, int)):
            problems.add(f"{where}.record_index", "expected a record position or null")
            continue
        out.append(({"filename": filename, "month": month, "record_index": index}, data))
    return out


def _where(path: Path) -> dict[str, Any]:
    return {"file": str(path)}


def _located(error: EcoCheckError, path: Path) -> EcoCheckError:
    return EcoCheckError(
        *(Message(m.code, m.params, {"file": str(path), **m.where}) for m in error.messages)
    )


def parse_json_file(path: Path) -> Any:
    """The parsed JSON of ``path``, with size, syntax, NaN and nesting refused as messages.

    The file must be a regular file (a FIFO never hangs the import) and is read with a bound
    (stat first, then at most MAX_FILE_BYTES + 1 bytes), before anything is parsed.
    """
    path = Path(path)
    too_large = Message(
        "json.too_large", {"limit_mb": MAX_FILE_BYTES // 1024 // 1024}, _where(path)
    )
    raw = limits.read_regular_file(path, MAX_FILE_BYTES, size_error=too_large)
    return parse_json_bytes(raw, path)


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def _object_without_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object; a key given twice is refused (json.loads would keep the last one
    silently, while another program reading the same file may take the first)."""
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        twice = next(key for key, _ in pairs if key in seen or seen.add(key))  # type: ignore[func-returns-value]
        raise ValueError(f"the key '{twice[:60]}' appears twice in one object")
    return obj


def parse_json_bytes(raw: bytes, path: Path) -> Any:
    try:
        text = raw.decode("utf-8-sig")
        del raw
        _check_structure(text)
        return json.loads(
            text, parse_constant=_refuse_constant, object_pairs_hook=_object_without_duplicates
        )
    except (ValueError, RecursionError) as error:
        # UnicodeDecodeError and JSONDecodeError are ValueErrors; so are 5000-digit integers.
        reason = str(error)[:200] or type(error).__name__
        raise EcoCheckError(Message("json.not_json", {"reason": reason}, _where(path))) from None


def _check_structure(text: str) -> None:
    """Depth and size bounds checked on the text, before json builds a single object: the
    number of objects/arrays and of separators bounds the memory json.loads can need."""
    skeleton = _STRING.sub("", text)
    containers = skeleton.count("[") + skeleton.count("{")
    if containers > limits.MAX_JSON_CONTAINERS:
        raise ValueError(f"more than {limits.MAX_JSON_CONTAINERS:,} objects and arrays")
    if skeleton.count(",") + skeleton.count(":") > limits.MAX_JSON_SEPARATORS:
        raise ValueError(f"more than {limits.MAX_JSON_SEPARATORS:,} values")
    if _max_depth(_NOT_BRACKET.sub("", skeleton)) > MAX_JSON_DEPTH + 4:
        raise ValueError("nested too deeply")


def _max_depth(brackets: str) -> int:
    depth = deepest = 0
    for char in brackets:
        if char in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
        else:
            depth -= 1
    return deepest


def read_json(path: Path) -> Project:
    """The project in an ``ecocheck-project`` JSON file."""
    return read_json_with_meters(path)[0]


def document_meters(data: Any) -> tuple[MeterData, ...]:
    """The meters of a document :func:`project_from_json` accepted (none without the key)."""
    if not isinstance(data, dict) or "meters" not in data:
        return ()
    problems = Problems()
    meters = meters_from_json(data["meters"], problems)
    if problems:
        raise EcoCheckError(*problems.messages)
    return meters


def read_json_with_meters(path: Path) -> tuple[Project, tuple[MeterData, ...]]:
    """The project in an ``ecocheck-project`` JSON file and its meters with their data."""
    path = Path(path)
    try:
        data = parse_json_file(path)
        return project_from_json(data), document_meters(data)
    except EcoCheckError as error:
        raise _located(error, path) from None


def write_json(
    project: Project,
    path: Path,
    *,
    attachments: bool = False,
    evidence: list[dict[str, Any]] | None = None,
    meters: tuple[MeterData, ...] = (),
) -> None:
    """Write the JSON export atomically (a temp file renamed into place)."""
    path = Path(path)
    text = json.dumps(
        project_to_json(project, attachments=attachments, evidence=evidence, meters=meters),
        ensure_ascii=False,
        indent=2,
    )
    try:
        atomic.write_file(path, (text + "\n").encode("utf-8"))
    except OSError as error:
        raise EcoCheckError(
            Message("json.write_failed", {"reason": error.strerror or str(error)}, _where(path))
        ) from None
