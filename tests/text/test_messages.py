"""Every message code the source can produce renders as a sentence with names, not ids.

The codes are found by scanning ``src`` (``Message("code", …)``, ``_error("code", …)``), so a
new code without a catalogue entry fails here (``test_catalogue.py`` checks the table itself).
``EXAMPLES`` gives each code the parameters its call sites create it with; the call sites whose
parameters are a literal dict are compared with the table, so it cannot drift from the source.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import sqlite3
import string
from pathlib import Path
from typing import Any

import pytest

import ecocheck_desktop
from ecocheck_desktop.core.messages import TEMPLATES, EcoCheckError, Message, render
from ecocheck_desktop.text.catalogue import CATALOGUE
from ecocheck_desktop.text.messages import render as message_text

SRC = Path(ecocheck_desktop.__file__).resolve().parent
MESSAGES_JA = {code: texts[0] for code, texts in CATALOGUE.items()}
F = {"file": "/data/請求書/bills.csv"}
ROW = {**F, "row": 3, "column": "quantity"}

# code -> (params, where), as the call sites create them (ids as the source passes them).
EXAMPLES: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "allocation.unknown_customer": ({"customer": "A社", "row": 3}, {}),
    "allocation.negative": (
        {"customer": "A社", "row": 3, "column": "sales_yen", "value": "-5"},
        {},
    ),
    "allocation.unknown_product": ({"customer": "A社", "row": 3, "product": "部品"}, {}),
    "allocation.negative_output": (
        {"product": "部品", "row": 2, "column": "quantity", "value": "-1"},
        {},
    ),
    "allocation.production_month_missing": (
        {"product": "部品", "month": "2025-09", "fiscal_year": 2025},
        {},
    ),
    "allocation.unknown_method": ({"method": "weight"}, {}),
    "allocation.sales_above_revenue": (
        {"fiscal_year": 2025, "sales": "900000000", "revenue": "815000000"},
        {},
    ),
    "allocation.key_zero": ({"method": "sales", "key": "sales_yen", "fiscal_year": 2025}, {}),
    "allocation.units_differ": ({"units": "t, 個", "fiscal_year": 2025}, {}),
    "allocation.submeter_above_plant": (
        {"kwh": "400000", "plant_kwh": "361228", "fiscal_year": 2025},
        {},
    ),
    "allocation.delivered_above_output": (
        {"product": "部品", "delivered": "1400", "produced": "1320", "fiscal_year": 2025},
        {},
    ),
    "answer.no_customers": ({}, F),
    "answer.unknown_customer": ({"customer": "Z社", "known": "A社, B社"}, F),
    "answer.output_needed": ({}, {}),
    "answer.customer_needed": ({}, {}),
    "file.not_found": ({}, F),
    "file.unreadable": ({"reason": "Permission denied"}, F),
    "file.unsupported_type": ({"suffix": ".txt"}, F),
    "bills.encoding_unknown": ({}, F),
    "bills.encoding_mixed": ({"encoding": "UTF-8"}, {**F, "row": 4}),
    "bills.encoding_bad_row": ({}, {**F, "row": 2}),
    "bills.quote_unclosed": ({"first": 3, "last": 5}, {**F, "row": 3}),
    "table.unpacked_too_large": ({"size_mb": "80", "limit_mb": 64}, F),
    "table.too_many_rows": ({"limit": "20,000"}, F),
    "table.too_many_cells": ({"limit": "400,000"}, F),
    "table.too_much_text": ({"limit": "2,000,000"}, F),
    "file.not_regular": ({}, F),
    "file.too_large": ({"size_mb": "70.0", "limit_mb": 64}, F),
    "text.too_long": ({"length": 4000, "limit": 200}, {"field": "company.name"}),
    "text.bad_characters": ({}, {"field": "company.name"}),
    "quantity.implausible": (
        {
            "value": "900000000000000",
            "unit": "kWh",
            "energy": "electricity",
            "limit": "1,000,000,000",
            "table_unit": "kWh",
        },
        ROW,
    ),
    "file.environment": ({"reason": "Permission denied"}, F),
    "bills.no_header": ({}, F),
    "bills.no_rows": ({}, F),
    "bills.title_rows_skipped": ({"header_row": 3}, F),
    "bills.column_missing": ({"name": "quantity", "alias": "使用量"}, F),
    "bills.column_duplicate": ({"name": "使用量"}, F),
    "bills.column_unknown": ({"name": "メモ2"}, F),
    "bills.value_required": ({}, ROW),
    "bills.duplicate_row": ({"rows": "2, 5"}, {**F, "month": "2025-04", "energy": "city_gas"}),
    "bills.industry_conflict": ({"value": "E09", "first": "E24", "first_row": 2}, ROW),
    "bills.revenue_invalid": ({"value": "-5"}, ROW),
    "bills.revenue_conflict": (
        {"value": "900", "first": "850", "first_row": 2, "fiscal_year": 2025},
        ROW,
    ),
    "cost.not_a_number": ({"value": "abc"}, ROW),
    "cost.negative": ({"value": "-5"}, ROW),
    "cost.too_large": ({"value": "1e20"}, ROW),
    "estimated.invalid": ({"value": "maybe"}, ROW),
    "factor.not_a_number": ({"value": "x"}, ROW),
    "factor.negative": ({"value": "-0.4"}, ROW),
    "factor.kg_not_t": ({"value": "441", "suggested": "0.441"}, ROW),
    "energy.unknown": ({"value": "steam"}, ROW),
    "unit.unknown": ({"value": "bbl"}, ROW),
    "unit.mismatch": (
        {"unit": "m3", "energy": "electricity", "allowed": "kWh, MWh, 千kWh"},
        {**ROW, "column": "unit"},
    ),
    "quantity.empty": ({"value": ""}, ROW),
    "quantity.not_a_number": ({"value": "abc"}, ROW),
    "quantity.negative": ({"value": "-5"}, ROW),
    "quantity.too_large": ({"value": "1e13"}, ROW),
    "quantity.too_precise": ({"value": "1.1234567", "max_decimals": 6}, ROW),
    "quantity.other_unit": ({"value": "24 MWh", "unit": "kWh"}, ROW),
    "quantity.unit_missing": ({"value": "100"}, {}),
    "month.invalid": ({"value": "2025-13"}, {**ROW, "column": "month"}),
    "fiscal.start_month_invalid": ({"value": 13}, {}),
    "factor.table_invalid": ({"file": "fuel_2023.tsv", "line": 12, "reason": "empty value"}, {}),
    "factor.manifest_invalid": ({"file": "manifest.json", "reason": "duplicate edition 'x'"}, {}),
    "factor.unknown_edition": ({"edition": "fuel-2099"}, {}),
    "factor.no_fuel_table": ({"fiscal_year": 1999}, {"fiscal_year": 1999}),
    "factor.electricity_missing": (
        {"fiscal_year": 2031},
        {"energy": "electricity", "fiscal_year": 2031},
    ),
    "factor.needed": (
        {"energy": "electricity", "site": "本社工場", "supplier": "A0269", "fiscal_year": 2024},
        {"site": "本社工場", "energy": "electricity", "fiscal_year": 2024},
    ),
    "factor.estimate_substitute": (
        {
            "energy": "electricity",
            "site": "本社工場",
            "fiscal_year": 2024,
            "source_fiscal_year": 2025,
            "value": "0.000416",
        },
        {"site": "本社工場", "energy": "electricity", "fiscal_year": 2024},
    ),
    "factor.estimate_retailer": (
        {
            "energy": "electricity",
            "site": "本社工場",
            "fiscal_year": 2024,
            "source_fiscal_year": 2025,
            "value": "0.000452",
        },
        {"site": "本社工場", "energy": "electricity", "fiscal_year": 2024},
    ),
    "lpg.kg_per_m3_missing": ({"site": "本社工場"}, {"site": "本社工場", "energy": "lpg"}),
    "completeness.part_year": (
        {"fiscal_year": 2024, "months_present": 3, "missing": "2024-07, 2024-08"},
        {"fiscal_year": 2024},
    ),
    "completeness.no_energy_data": ({"fiscal_year": 2024}, {"fiscal_year": 2024}),
    "completeness.blank_months": (
        {"fiscal_year": 2024, "site": "本社工場", "energy": "city_gas", "months": "2024-08"},
        {"fiscal_year": 2024, "site": "本社工場", "energy": "city_gas"},
    ),
    "factor.electricity_menu_unknown": (
        {
            "supplier": "A0269 東京電力エナジーパートナー",
            "menu": "X",
            "fiscal_year": 2025,
            "menus": "残差, メニューA",
        },
        {"energy": "electricity", "fiscal_year": 2025},
    ),
    "factor.electricity_menu_required": (
        {"supplier": "A0001 某電力", "fiscal_year": 2025, "menus": "メニューA, メニューB"},
        {"energy": "electricity", "fiscal_year": 2025},
    ),
    "factor.electricity_substitute": (
        {"supplier": "未登録電力", "fiscal_year": 2025, "value": "0.000423"},
        {"energy": "electricity", "fiscal_year": 2025},
    ),
    "factor.electricity_substitute.no_supplier": (  # chosen by render for a blank retailer
        {"supplier": "", "fiscal_year": 2025, "value": "0.000423"},
        {"energy": "electricity", "fiscal_year": 2025},
    ),
    "factor.electricity_row_substitute": (
        {"supplier": "A0001 某電力", "menu": "残差"},
        {"energy": "electricity", "fiscal_year": 2025},
    ),
    "factor.supplier_menu_unknown": (
        {
            "supplier": "G001 東京ガス",
            "kind": "gas",
            "fiscal_year": 2025,
            "menus": "A / B",
            "menu": "C",
        },
        {"energy": "city_gas", "fiscal_year": 2025},
    ),
    "factor.supplier_menu_required": (
        {"supplier": "H001 熱供給", "kind": "heat", "fiscal_year": 2025, "menus": "A / B"},
        {"energy": "heat", "fiscal_year": 2025},
    ),
    "factor.fuel_missing": (
        {"energy": "heavy_oil_a", "fiscal_year": 2025},
        {"energy": "heavy_oil_a", "fiscal_year": 2025},
    ),
    "factor.heat_missing": ({"fiscal_year": 2025}, {"energy": "heat", "fiscal_year": 2025}),
    "factor.chain_unavailable": (
        {"energy": "kerosene", "fiscal_year": 2025, "factor": "2.49"},
        {"energy": "kerosene", "fiscal_year": 2025},
    ),
    "factor.edition_changed": (
        {"fiscal_year": 2025, "locked": "elec-2025-v1", "current": "elec-2025-v2"},
        {"fiscal_year": 2025},
    ),
    "factor.location_missing": (
        {"fiscal_year": 2025},
        {"fiscal_year": 2025, "energy": "electricity"},
    ),
    "factor.user_without_source": (
        {"energy": "lpg", "site": "第一工場"},
        {"site": "第一工場", "energy": "lpg", "fiscal_year": 2025},
    ),
    "factor.no_conversion": ({"key": "crude_oil_kl_per_gj", "fiscal_year": 2025}, {}),
    "factor.unknown_refrigerant": ({"refrigerant": "R-999"}, {}),
    "factor.unknown_scope3": ({"factor_key": "steel_t"}, {}),
    # Factor library (engineer `factors`).
    "factor.electricity_not_listed": (
        {"supplier": "A0269", "fiscal_year": 2024, "edition": "R5年度実績（一部）"},
        {"energy": "electricity", "fiscal_year": 2024},
    ),
    "factor.supplier_ambiguous": ({"supplier": "山田ガス", "candidates": "A0001, A0002"}, {}),
    "factor.gas_supplier_unknown": (
        {"supplier": "どこかのガス", "fiscal_year": 2025},
        {"energy": "city_gas", "fiscal_year": 2025},
    ),
    "factor.gas_no_list": (
        {"supplier": "A0026", "fiscal_year": 2024},
        {"energy": "city_gas", "fiscal_year": 2024},
    ),
    "factor_package.unreadable": ({"file": "a.ecofactors", "reason": "not a zip"}, {}),
    "factor_package.oversize": ({"file": "a.ecofactors", "size": 99, "limit": 9}, {}),
    "factor_package.bad_member": ({"file": "a.ecofactors", "member": "../x.tsv"}, {}),
    "factor_package.format": (
        {
            "file": "a.ecofactors",
            "found": "'x' version 2",
            "expected": "ecocheck-factors",
            "version": 1,
        },
        {},
    ),
    "factor_package.checksum": ({"file": "a.ecofactors", "member": "x.tsv"}, {}),
    "factor_package.unlisted": ({"file": "a.ecofactors", "member": "x.tsv"}, {}),
    "factor_package.missing_member": ({"file": "a.ecofactors", "member": "x.tsv"}, {}),
    "factor_package.edition_conflict": ({"file": "a.ecofactors", "edition": "electricity_r08"}, {}),
    "factor_package.already_installed": (
        {"file": "a.ecofactors", "package": "a", "editions": "x"},
        {},
    ),
    "factor_package.installed": ({"file": "a", "package": "a", "editions": "x"}, {}),
    "factor_package.invalid": ({"file": "a.ecofactors", "reason": "bad"}, {}),
    "footprint.no_data": ({"fiscal_year": 2024}, {"fiscal_year": 2024}),
    "refrigerant.unknown": ({"refrigerant": "R-999", "fiscal_year": 2025}, {"site": "本社"}),
    "refrigerant.recovered_exceeds_charged": (
        {"refrigerant": "R-32", "recovered": "5", "charged": "3", "fiscal_year": 2025},
        {"site": "本社"},
    ),
    "scope3.unknown_factor": ({"factor_key": "steel_t", "fiscal_year": 2025}, {}),
    "scope3.unsourced": ({"factor_key": "steel_t", "fiscal_year": 2025}, {}),
    "plausibility.month_missing": (
        {"site": "本社", "energy": "electricity", "month": "2025-06, 2025-07", "count": 2},
        {"site": "本社", "energy": "electricity", "month": "2025-06"},
    ),
    "plausibility.month_outlier": (
        {
            "site": "本社",
            "energy": "city_gas",
            "month": "2025-07",
            "value": "1200",
            "unit": "m3",
            "ratio": "10",
            "median": "120",
        },
        {"site": "本社", "energy": "city_gas", "month": "2025-07"},
    ),
    "plausibility.month_vs_last_year": (
        {
            "site": "本社",
            "energy": "electricity",
            "month": "2025-07",
            "value": "9000",
            "unit": "kWh",
            "ratio": "5",
            "last_year": "1800",
        },
        {"site": "本社", "energy": "electricity", "month": "2025-07"},
    ),
    "plausibility.unit_1000x": (
        {
            "site": "本社",
            "energy": "kerosene",
            "month": "2025-01",
            "value": "0.2",
            "unit": "L",
            "hint": "kL?",
        },
        {"site": "本社", "energy": "kerosene", "month": "2025-01"},
    ),
    "plausibility.factor_in_kg": (
        {
            "site": "本社",
            "energy": "electricity",
            "month": "2025-04",
            "value": "1000",
            "unit": "t-CO2/kWh",
            "factor": "441",
        },
        {"site": "本社", "energy": "electricity", "month": "2025-04"},
    ),
    "measures.catalogue_invalid": ({"reason": "XX-99: unknown operator x"}, {"file": "measures"}),
    "checklist.unknown_key": ({"key": "old_question"}, {"field": "old_question"}),
    "checklist.invalid_value": (
        {"key": "operating_hours_per_day", "value": "30", "reason": "above the maximum 24"},
        {"field": "operating_hours_per_day"},
    ),
    "measures.needs_answer": ({"key": "compressor_kw_total"}, {}),
    "measures.condition_failed": (
        {"key": "operating_hours_per_day", "answer": 4, "op": "ge", "value": 8},
        {},
    ),
    "measures.no_energy": ({"end_use": "compressed_air"}, {}),
    "measures.alternative_to": ({"measure": "CA-01"}, {}),
    "measures.not_selected": ({}, {}),
    "measures.nothing_left": ({}, {}),
    "measures.overlap": ({"standalone_t": "12.50"}, {}),
    "measures.not_quantified": ({}, {}),
    "measures.default_price": (
        {"energy": "city_gas", "price": "150000", "unit": "千m3", "source": "ECO-PRICE"},
        {"energy": "city_gas"},
    ),
    "measures.no_price": ({"energy": "heavy_oil_bc"}, {"energy": "heavy_oil_bc"}),
    "measures.pv_surplus": ({"generation": "120000", "self_consumed": "90000"}, {}),
    "measures.no_refrigerant_data": ({}, {}),
    "measures.no_electricity_factor": ({"fiscal_year": 2025}, {}),
    "measures.capped_by_end_use": (
        {"end_use": "lighting", "equipment_kwh": "50000", "pool": "20000"},
        {},
    ),
    "measures.market_basis_only": ({}, {}),
    "measures.demand_moved": ({}, {}),
    "measures.replaced_by_data": ({"measure": "DM-01"}, {}),
    "measures.no_complete_year": ({}, {}),
    "profiles.invalid": ({"reason": "food: shares sum to 99"}, {"file": "end_use.json"}),
    "profiles.override_invalid": (
        {"carrier": "electricity", "reason": "expected an object"},
        {"field": "end_use_override"},
    ),
    "profiles.unknown_sector": (
        {"sector": "mining", "known": "metalwork, plastics, food, printing, office"},
        {"field": "sector"},
    ),
    "targets.unknown_kind": ({"kind": "paris", "known": "sbt_linear, sbt_42"}, {}),
    "targets.bad_years": (
        {"kind": "bank_spt", "base_year": 2025, "target_year": 2024, "reduction_pct": "10"},
        {"field": "target_year"},
    ),
    "targets.bad_pct": (
        {"kind": "bank_spt", "base_year": 2025, "target_year": 2030, "reduction_pct": "120"},
        {"field": "reduction_pct"},
    ),
    "targets.base_missing": ({"kind": "sbt_linear", "base_year": 2019}, {}),
    "targets.national_rebased": ({"base_year": 2020}, {}),
    "targets.sbt_42_caveat": ({}, {}),
    "company.bad_verification": ({"value": "audited", "known": "none, self, third_party"}, {}),
    "company.verifier_missing": ({}, {"field": "verifier"}),
    "company.bad_recalc_threshold": ({"value": "0"}, {}),
    "company.bad_sector_benchmark": ({"value": "120"}, {}),
    "targets.sbt_base_year_not_accepted": ({"base_year": 2016, "first": 2018}, {}),
    "calc.fiscal_year_absent": ({"fiscal_year": 2030, "present": "2024, 2025"}, {}),
    "factor.supplier_did_you_mean": (
        {"supplier": "東京電力EP", "fiscal_year": 2025, "candidates": "A0269 東京電力EP(株)"},
        {"energy": "electricity", "fiscal_year": 2025},
    ),
    "calc.factor_where_bills": ({"file": "bills.csv"}, {}),
    "calc.factor_where_project": ({"file": "a.ecocheck"}, {}),
    "calc.factor_where_json": ({"file": "a.json"}, {}),
    "report.fiscal_year_absent": ({"fiscal_year": 2030}, {}),
    "report.no_data": ({}, {}),
    "report.bad_language": ({"lang": "fr"}, {}),
    "report.unknown_section": ({"sections": "charts", "known": "profile, boundary"}, {}),
    "handover.same_file": ({"target": "C:/data/a.ecocheck"}, {}),
    "handover.bad_target": ({"target": "C:/data/a.txt", "reason": "it is a link"}, {}),
    "handover.read_only_folder": ({"target": "C:/data/a.ecocheck"}, {}),
    "handover.disk_full": ({"target": "C:/data/a.ecocheck"}, {}),
    "handover.write_failed": ({"target": "C:/data/a.ecocheck", "reason": "I/O error"}, {}),
    "handover.not_recorded": (
        {"target": "C:/data/a.ecocheck", "reason": "database is locked"},
        {"file": "C:/data/b.ecocheck"},
    ),
    "handover.no_action": ({}, {}),
    "portfolio.folder_missing": ({"folder": "C:/clients"}, {}),
    "portfolio.not_a_folder": ({"folder": "C:/clients.txt"}, {}),
    "portfolio.folder_unreadable": ({"folder": "C:/clients", "reason": "Permission denied"}, {}),
    "portfolio.needs_recovery": ({}, {"file": "C:/clients/a.ecocheck"}),
    "portfolio.no_data": ({}, {"file": "C:/clients/a.ecocheck"}),
    "portfolio.failed": ({"reason": "no company"}, {"file": "C:/clients/a.ecocheck"}),
    "portfolio.summary_type": ({}, {"file": "summary.xlsx"}),
    "portfolio.consortium_type": ({}, {"file": "summary.docx"}),
    "portfolio.same_output": ({}, {"file": "summary.csv"}),
    "report.output_type": ({"suffix": ".docx"}, {}),
    "report.cannot_write": ({"path": "C:/out/report.pdf", "reason": "Permission denied"}, {}),
    "export.unsupported": ({}, {"file": "out.xml"}),
    "export.write_failed": ({"reason": "No space left on device"}, {"file": "out.json"}),
    "import.output_suffix": ({}, {"file": "out.db"}),
    "import.unsupported": ({}, {"file": "bills.pdf"}),
    "json.newer_format": ({"file_version": 9, "app_version": 1}, {"file": "p.json"}),
    "json.not_json": ({"reason": "Expecting value: line 1 column 1 (char 0)"}, {"file": "p.json"}),
    "json.too_large": ({"limit_mb": 64}, {"file": "p.json"}),
    "json.write_failed": ({"reason": "Permission denied"}, {"file": "p.json"}),
    "json.wrong_format": ({"reason": "the top level is not an object"}, {"file": "p.json"}),
    "data.invalid": ({"reason": "unknown field"}, {"field": "energy_records[3].quantity"}),
    "project.not_found": ({}, {"file": "C:/data/a.ecocheck"}),
    "store.not_found": ({}, {"file": "a.ecocheck"}),
    "store.backup_failed": ({"reason": "disk I/O error"}, {"file": "a.ecocheck"}),
    "store.changed_on_disk": ({}, {"file": "a.ecocheck"}),
    "store.closed": ({}, {"file": "a.ecocheck"}),
    "store.corrupt": ({"reason": "the file is truncated"}, {"file": "a.ecocheck"}),
    "store.disk_full": ({}, {"file": "a.ecocheck"}),
    "store.exists": ({}, {"file": "a.ecocheck"}),
    "store.failed": ({"reason": "database is locked"}, {"file": "a.ecocheck"}),
    "store.in_use": ({}, {"file": "a.ecocheck"}),
    "store.io_error": ({"reason": "cannot open the file"}, {"file": "a.ecocheck"}),
    "store.needs_recovery": ({}, {"file": "a.ecocheck"}),
    "store.newer_version": ({"file_version": 9, "app_version": 2}, {"file": "a.ecocheck"}),
    "store.not_a_project": ({"reason": "not a SQLite database"}, {"file": "a.ecocheck"}),
    "store.not_writable": ({}, {"file": "a.ecocheck"}),
    "store.read_only": ({}, {"file": "a.ecocheck"}),
    "store.read_only_folder": ({}, {"file": "a.ecocheck"}),
    "store.record_not_found": ({"record_id": 42}, {"file": "a.ecocheck"}),
    "store.unsaved_changes": ({}, {"file": "a.ecocheck"}),
    "evidence.incomplete": ({"filename": "scan.pdf", "kind": "PDF"}, {}),
    "evidence.bad_type": ({"filename": "bill.docx"}, {}),
    "evidence.damaged": (
        {"filename": "bill.pdf", "evidence_id": 7, "reason": "checksum mismatch"},
        {"file": "a.ecocheck"},
    ),
    "evidence.export_failed": ({"folder": "C:/out", "reason": "Permission denied"}, {}),
    "evidence.not_found": ({"evidence_id": 7}, {"file": "a.ecocheck"}),
    "evidence.too_large": ({"filename": "bill.pdf", "size_mb": "30.5", "limit_mb": 20}, {}),
    "evidence.unreadable": ({"filename": "bill.pdf", "reason": "No such file"}, {}),
    "grid.cost_without_quantity": ({}, {"month": "2025-04", "energy": "city_gas"}),
    "grid.no_cell": ({}, {}),
    "grid.no_project": ({}, {}),
    "grid.several_records": ({"count": 2}, {"month": "2025-04", "energy": "electricity"}),
    "paste.bad_flag": ({"value": "maybe"}, {"row": 1, "column": 3}),
    "paste.empty": ({}, {}),
    "paste.empty_row": ({"row": 2}, {}),
    "paste.too_many_columns": ({"columns": 5, "available": 3}, {}),
    "paste.too_many_rows": ({"rows": 14, "available": 12}, {}),
    "demand.bad_date": ({"text": "2025/13/01"}, {**F, "row": 5, "column": "日時"}),
    "demand.bad_time": ({"text": "25:00"}, {**F, "row": 5, "column": "時刻"}),
    "demand.not_a_number": ({"text": "欠測"}, {**F, "row": 7, "column": "kWh"}),
    "demand.negative": ({"text": "-3"}, {**F, "row": 7, "column": "kWh"}),
    "demand.duplicate": ({"at": "2025-04-01 10:00", "first_row": 22}, {**F, "row": 23}),
    "demand.dst": ({"day": "2025-10-26"}, {**F, "row": 9000}),
    "demand.interval_wrong": ({"found": 10, "expected": 30}, F),
    "demand.misaligned": ({"at": "2025-04-01 10:10", "interval": 30}, {**F, "row": 4}),
    "demand.columns": ({"found": 47, "expected": 48}, {**F, "row": 4}),
    "demand.unit_mismatch": ({"header_unit": "kW", "unit": "kWh"}, F),
    "demand.unit_kw": ({"hours": "0.5"}, F),
    "demand.totals_row": ({}, {**F, "row": 367}),
    "demand.gaps": ({"count": 3, "first": "2025-10-03 05:00"}, F),
    "demand.missing_days": ({"count": 1, "first": "2025-11-15"}, F),
    "demand.time_zone": ({"offset": "+0"}, F),
    "demand.more_errors": ({"count": 12}, F),
    "demand.no_data": ({}, F),
    "demand.bill_check": (
        {"month": "2025-04", "interval_kwh": "52,000", "bill_kwh": "52,400", "diff_pct": "-0.8"},
        {},
    ),
    "demand.imported": (
        {"meter": "本社", "days": 364, "first": "2025-04-01", "last": "2026-03-31"},
        {},
    ),
    "demand.no_meter": ({"meter": "工場", "names": "本社"}, {"file": "/data/a.ecocheck"}),
    "demand.choose_meter": ({"names": "本社, 工場"}, {"file": "/data/a.ecocheck"}),
    "demand.no_meters": ({"file": "a.ecocheck"}, {"file": "/data/a.ecocheck"}),
}

# Ids the Japanese (and English) sentence must not show: they are mapped to names.
RAW_IDS = (
    "city_gas",
    "heavy_oil",
    "compressed_air",
    "operating_hours_per_day",
    "CA-01",
    "bank_spt",
    "sbt_linear",
    "end_use_override",
    "energy_records",
)
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _import_everything() -> None:
    for module in pkgutil.walk_packages(ecocheck_desktop.__path__, "ecocheck_desktop."):
        importlib.import_module(module.name)


def _call_name(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def _literal_keys(node: ast.expr | None) -> set[str] | None:
    """The keys of a dict literal without ``**`` spreads (None when not knowable)."""
    if node is None:
        return set()
    if isinstance(node, ast.Dict) and all(
        isinstance(k, ast.Constant) and isinstance(k.value, str) for k in node.keys
    ):
        return {k.value for k in node.keys if isinstance(k, ast.Constant)}
    return None


def scan_source() -> dict[str, list[tuple[str, set[str] | None]]]:
    """code -> [(call site, literal parameter keys or None)] for every code in ``src``."""
    found: dict[str, list[tuple[str, set[str] | None]]] = {}
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            first = node.args[0]
            name = _call_name(node)
            site = f"{path.relative_to(SRC)}:{node.lineno}"
            if name == "register" and isinstance(first, ast.Dict):
                for key in first.keys:
                    if isinstance(key, ast.Constant) and isinstance(key.value, str):
                        found.setdefault(key.value, [])
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                continue
            if name == "Message":
                params = node.args[1] if len(node.args) > 1 else None
                for keyword in node.keywords:
                    if keyword.arg == "params":
                        params = keyword.value
                found.setdefault(first.value, []).append((site, _literal_keys(params)))
            elif name == "_error" and len(node.args) >= 2:  # store: _error(code, path, **params)
                keys = {k.arg for k in node.keywords if k.arg is not None}
                spread = any(k.arg is None for k in node.keywords)
                found.setdefault(first.value, []).append((site, None if spread else keys))
    return found


CODES = scan_source()


def _message(code: str) -> Message:
    params, where = EXAMPLES[code]
    return Message(code, dict(params), dict(where))


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_the_scan_finds_the_codes_of_every_layer() -> None:
    # A scan that finds nothing would make every other test here pass vacuously.
    for code in (
        "bills.value_required",
        "store.newer_version",
        "measures.alternative_to",
        "data.invalid",
        "paste.empty",
        "targets.bad_pct",
        "plausibility.month_outlier",
    ):
        assert code in CODES
    assert len(CODES) >= 130


def test_every_code_in_the_source_has_japanese() -> None:
    _import_everything()
    missing = sorted((set(CODES) | set(TEMPLATES)) - set(MESSAGES_JA))
    assert missing == [], f"codes without a Japanese template: {missing}"


def test_every_code_created_has_an_english_template() -> None:
    _import_everything()
    assert sorted(set(CODES) - set(TEMPLATES)) == []


def test_the_example_table_covers_every_code() -> None:
    _import_everything()
    codes = set(CODES) | set(TEMPLATES)
    assert sorted(codes - set(EXAMPLES)) == [], "add the new codes to EXAMPLES"
    assert sorted(set(EXAMPLES) - codes) == [], "EXAMPLES lists codes the source no longer has"


@pytest.mark.parametrize("code", sorted(CODES))
def test_examples_match_the_literal_call_sites(code: str) -> None:
    for site, keys in CODES[code]:
        if keys is not None:
            assert keys == set(EXAMPLES[code][0]), f"{site} creates {code} with {sorted(keys)}"


@pytest.mark.parametrize("code", sorted(MESSAGES_JA))
def test_japanese_placeholders_are_parameters_of_the_code(code: str) -> None:
    params, where = EXAMPLES[code]
    extra = _placeholders(MESSAGES_JA[code]) - set(params) - set(where)
    assert extra == set(), f"{code}: {extra} are not parameters of the message"
    # And the English template the CLI prints uses the same parameters.
    if code in TEMPLATES:
        assert _placeholders(TEMPLATES[code]) <= set(params) | set(where)


@pytest.mark.parametrize("code", sorted(EXAMPLES))
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_rendering_is_a_finished_sentence_with_names(code: str, lang: str) -> None:
    _import_everything()
    text = message_text(_message(code), lang)
    assert "{" not in text and "}" not in text, text
    assert code not in text
    for raw in RAW_IDS:
        assert raw not in text, f"{code} ({lang}) shows the id {raw}: {text}"
    if lang == "ja":
        assert JAPANESE.search(text), text
        assert text != render(_message(code))


def test_missing_parameters_fall_back_instead_of_raising() -> None:
    for code in MESSAGES_JA:
        text = message_text(Message(code), "ja")
        assert text  # the English fallback at worst, never an exception


def test_names_replace_ids_in_both_languages() -> None:
    ja = message_text(_message("measures.alternative_to"), "ja")
    en = message_text(_message("measures.alternative_to"), "en")
    assert "エア漏れ" in ja and "Compressed-air leak" in en
    text = message_text(_message("measures.condition_failed"), "ja")
    assert "1日の稼働時間" in text and "以上" in text
    text = message_text(_message("plausibility.month_outlier"), "ja")
    assert "都市ガス" in text and "m³" in text and "2025年7月" in text
    text = message_text(_message("targets.bad_pct"), "ja")
    assert "金融機関のSPT" in text
    text = message_text(_message("data.invalid"), "ja")
    assert "エネルギーの記録 4件目 > 使用量" in text and "EcoCheck の形式にありません" in text
    text = message_text(_message("store.corrupt"), "ja")
    assert "ファイルが途中で切れています" in text
    text = message_text(_message("store.failed"), "ja")
    assert "database is locked" in text  # unknown technical detail kept in parentheses


def test_location_is_said_once_in_japanese() -> None:
    text = message_text(_message("bills.value_required"), "ja")
    assert text == "ファイル bills.csv、3行目、「使用量」列：値が入力されていません。"
    # A template naming the file itself gets no location prefix.
    text = message_text(_message("store.newer_version"), "ja")
    assert text.startswith("プロジェクトファイル a.ecocheck は新しいバージョン")


def _bad_csv(path: Path) -> Path:
    path.write_text(
        "年月,エネルギー,使用量,単位,金額\n"
        "2025-04,電気,1000,kWh,30000\n"
        "2025-13,電気,5,kWh,\n"
        "2025-05,都市ガス,-5,m3,\n"
        "2025-06,電気,100,m3,abc\n",
        encoding="utf-8",
    )
    return path


def test_a_bad_bill_file_explains_every_problem_in_japanese(tmp_path: Path) -> None:
    from ecocheck_desktop.exchange.bills import read_bills

    with pytest.raises(EcoCheckError) as caught:
        read_bills(_bad_csv(tmp_path / "請求書.csv"))
    texts = [message_text(m, "ja") for m in caught.value.messages]
    assert {m.code for m in caught.value.messages} >= {
        "month.invalid",
        "quantity.negative",
        "unit.mismatch",
        "cost.not_a_number",
    }
    assert "ファイル 請求書.csv、3行目、「年月」列：「2025-13」は年月として読めません" in texts[0]
    joined = "\n".join(texts)
    assert "4行目、「使用量」列：使用量「-5」がマイナスです" in joined
    assert "単位「m³」は電気には使えません（使える単位: kWh、MWh、千kWh）" in joined
    assert "「abc」は金額（円）として読めません" in joined
    assert not re.search(r"\b(row|column|quantity|electricity)\b", joined), joined


def test_a_bill_file_without_a_column_names_it_in_japanese(tmp_path: Path) -> None:
    from ecocheck_desktop.exchange.bills import read_bills

    path = tmp_path / "bills.csv"
    path.write_text("年月,エネルギー,使用量\n2025-04,電気,1\n", encoding="utf-8")
    with pytest.raises(EcoCheckError) as caught:
        read_bills(path)
    texts = [message_text(m, "ja") for m in caught.value.messages]
    assert texts == ["ファイル bills.csv：必須の列「単位」（unit）がありません。"]


def test_a_project_file_of_a_newer_version_says_so_in_japanese(tmp_path: Path) -> None:
    from ecocheck_desktop.store.migrations import create_schema
    from ecocheck_desktop.store.project_file import SCHEMA_VERSION, ProjectFile

    path = tmp_path / "新しい.ecocheck"
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("BEGIN")
    create_schema(connection)
    connection.execute("INSERT INTO company (id, name) VALUES (1, 'x')")
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.execute("COMMIT")
    connection.close()
    with pytest.raises(EcoCheckError) as caught:
        ProjectFile.open(path)
    (message,) = caught.value.messages
    text = message_text(message, "ja")
    assert text == (
        f"プロジェクトファイル {path} は新しいバージョンの EcoCheck で作られています"
        f"（ファイル形式 {SCHEMA_VERSION + 1}、このアプリが読めるのは {SCHEMA_VERSION} まで）。"
        "EcoCheck を更新してから開いてください。ファイルは変更していません。"
    )


def test_a_json_export_of_a_newer_version_says_so_in_japanese(tmp_path: Path) -> None:
    import json

    from ecocheck_desktop.exchange.json_io import FORMAT, FORMAT_VERSION, read_json

    path = tmp_path / "export.json"
    path.write_text(json.dumps({"format": FORMAT, "format_version": FORMAT_VERSION + 1}))
    with pytest.raises(EcoCheckError) as caught:
        read_json(path)
    (message,) = caught.value.messages
    text = message_text(message, "ja")
    assert text.startswith(f"ファイル {path} は新しいバージョンの EcoCheck で作られています")
    assert f"形式バージョン {FORMAT_VERSION + 1}" in text


def test_amounts_get_thousands_separators_and_a_blank_retailer_no_empty_quotes() -> None:
    text = message_text(_message("plausibility.month_outlier"), "ja")
    assert "（1,200 m³、中央値 120 m³）" in text
    params, where = EXAMPLES["factor.electricity_substitute"]
    blank = Message("factor.electricity_substitute", {**params, "supplier": " "}, where)
    ja, en = message_text(blank, "ja"), message_text(blank, "en")
    assert (
        ja
        == "電気事業者が入力されていないため、2025年度の代替値 0.000423 t-CO2/kWh を使用しました。"
    )
    assert "''" not in en and "No electricity retailer is entered" in en


def test_a_bad_json_export_names_its_fields_in_japanese(tmp_path: Path) -> None:
    import json

    from ecocheck_desktop.exchange.json_io import FORMAT, FORMAT_VERSION, read_json

    path = tmp_path / "bad.json"
    record = {"month": "2025-04", "energy": "steam", "quantity": "-1", "unit": "kWh"}
    data = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "company": {"name": "", "fy_start_month": 13},
        "records": [record],
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(EcoCheckError) as caught:
        read_json(path)
    texts = [message_text(m, "ja") for m in caught.value.messages]
    assert (
        "ファイル bad.json：「会社 > 年度の開始月」の値が正しくありません"
        "（1〜12 で入力してください）。"
    ) in texts
    assert (
        "ファイル bad.json：「会社 > 名前」の値が正しくありません（空欄にはできません）。" in texts
    )
    assert (
        "ファイル bad.json：「エネルギーの記録 1件目 > 使用量」の値が正しくありません"
        "（マイナスにはできません）。"
    ) in texts
    assert not any("records" in text or "fy_start_month" in text for text in texts), texts


def test_a_screen_showing_the_cell_can_leave_the_location_out() -> None:
    message = Message(
        "quantity.negative",
        {"value": "-5"},
        {"site": "本社工場", "month": "2025-05", "energy": "city_gas"},
    )
    assert message_text(message, "ja").startswith("事業所「本社工場」、2025年5月、都市ガス：")
    assert message_text(message, "ja", say_where=False) == MESSAGES_JA["quantity.negative"].format(
        value="-5"
    )


def test_row_and_column_are_said_once_before_the_sentence() -> None:
    from ecocheck_desktop.text.messages import located

    pasted = Message("paste.empty_row", {}, {"row": 2, "column": 3})
    assert located(pasted, "ja").startswith("2 行目・3 列目：")
    assert located(pasted, "en").startswith("Row 2, column number 3: ")
    bill = Message("cost.negative", {"value": "-5"}, {**F, "row": 4, "column": "cost_yen"})
    text = located(bill, "ja")
    assert text == "4 行目・「金額」列：金額「-5」がマイナスです。"
    assert "bills.csv" not in text  # the dialog names the file already
