"""Build .xlsx bill files the way Excel stores them (dates, numbers), for the import tests."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook

FY2025_ELECTRICITY_KWH = (
    9000,
    9500,
    10500,
    11000,
    11500,
    10000,
    9500,
    9000,
    9500,
    10000,
    10000,
    10500,
)
FY2025_CITY_GAS_M3 = (1000, 900, 600, 400, 300, 300, 400, 500, 700, 900, 1000, 1000)


def fy2025_month_starts() -> list[datetime]:
    return [datetime(2025 + (3 + i) // 12, (3 + i) % 12 + 1, 1) for i in range(12)]


def write_workbook(path: Path, rows: Sequence[Sequence[Any]], *, sheet_title: str = "請求") -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = sheet_title
    for row in rows:
        sheet.append(list(row))
    # A second sheet that must be ignored: only the first sheet is the bill table.
    workbook.create_sheet("メモ").append(["month", "energy"])
    workbook.save(path)
    return path


def write_fy2025_workbook(path: Path) -> Path:
    """The FY2025 small-factory usage of data/expected_totals.toml, as Excel would hold it."""
    rows: list[list[Any]] = [
        [" 年月 ", "ｴﾈﾙｷﾞｰ", "使用量", "単位", "供給事業者", "金額(円)", "推計"]
    ]
    for month, kwh, m3 in zip(
        fy2025_month_starts(), FY2025_ELECTRICITY_KWH, FY2025_CITY_GAS_M3, strict=True
    ):
        rows.append([month, "電力", kwh, "kWh", "A0269", kwh * 30, 0])
        rows.append([month, "都市ガス", float(m3), "m3", None, None, None])
        rows.append([month, "軽油", 0.25, "kL", None, None, False])
    return write_workbook(path, rows)
