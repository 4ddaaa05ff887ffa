"""The reply pack of issue 21: one-page PDF (ja/en), the .xlsx with the figures, and the JSON
that validates against docs/customer-answer.schema.json."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from ecocheck_desktop.core.allocation import allocate
from ecocheck_desktop.core.footprint import calculate
from ecocheck_desktop.exchange.demo import demo_project
from ecocheck_desktop.report.answer_pack import write_pack
from tests.report.schema_check import errors

SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "customer-answer.schema.json"
CUSTOMER = "常陸モーター株式会社（デモ）"


@pytest.fixture(scope="module")
def packs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    project = demo_project()
    year = calculate(project).year(2025)
    allocation = allocate(project, year)
    folder = tmp_path_factory.mktemp("packs")
    return {
        lang: write_pack(
            project, year, allocation, CUSTOMER, folder, lang=lang, today=date(2026, 5, 1)
        )
        for lang in ("ja", "en")
    }


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    assert len(reader.pages) == 1  # one page
    return reader.pages[0].extract_text()


def test_pdf_is_one_page_with_the_figures(packs) -> None:
    ja = _pdf_text(packs["ja"][0])
    en = _pdf_text(packs["en"][0])
    for page in (ja, en):
        assert "59.868" in page and "163.275" in page and "152.799" in page  # company
        assert "23.386" in page and "63.779" in page  # the customer's part
        assert "39.06 %" in page and "S-10482" in page
        assert "ISO 14067" in page
    assert "算定期間" in ja and "削減目標" in ja and "宣言" in ja
    assert "Reporting period" in en and "Declaration" in en
    for english in ("Reporting period", "Your share", "allocation", "Declaration"):
        assert english not in ja


def test_xlsx_opens_and_holds_the_figures(packs, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    book = load_workbook(packs["ja"][1])
    sheet = book.worksheets[0]
    items = {row[1]: (row[2], row[3]) for row in sheet.iter_rows(min_row=4, values_only=True)}
    assert items["算定期間"][0].startswith("2025-04-01")
    assert items["Scope1（直接排出）"][1] == pytest.approx(59.868297)
    assert items["Scope2 マーケット基準（調整後排出係数）"][1] == pytest.approx(163.275056)
    assert items["Scope2 ロケーション基準（全国平均係数）"][1] == pytest.approx(152.799444)
    assert items["貴社分 Scope1"][1] == pytest.approx(23.386054)
    assert "算定方法" in items and "排出係数の出典" in items and "削減目標" in items
    products = book.worksheets[1]
    assert products.max_row == 3  # header + two product families
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice:  # LibreOffice opens it and converts it
        command = [soffice, "--headless", "--convert-to", "csv", "--outdir", str(tmp_path)]
        subprocess.run(
            [*command, str(packs["ja"][1])], check=True, capture_output=True, timeout=120
        )
        assert list(tmp_path.glob("*.csv"))


def test_json_validates_against_the_schema(packs) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    document = json.loads(packs["ja"][2].read_text(encoding="utf-8"))
    assert errors(document, schema, schema) == []
    assert document["referencePeriodStart"] == "2025-04-01T00:00:00Z"
    assert document["referencePeriodEnd"] == "2026-04-01T00:00:00Z"
    assert document["allocated"]["tCo2Scope1"] == "23.386054"
    parts = document["productFootprints"][0]
    assert parts["declaredUnit"] == "kilogram" and parts["isIso14067"] is False
    # 116.220497 kg per t = 0.116220497 kg per kg
    per_t = Decimal(parts["kgCo2PerEcocheckUnit"]["scope1"]) + Decimal(
        parts["kgCo2PerEcocheckUnit"]["scope2MarketBased"]
    )
    assert Decimal(parts["pCfExcludingBiogenic"]) == per_t / 1000
    broken = {**document, "fiscalYear": "2025"}
    assert errors(broken, schema, schema)  # the checker bites


def test_every_file_of_the_pack_goes_through_the_atomic_writer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ecocheck_desktop.store import atomic

    written: list[Path] = []
    real = atomic.write_file

    def recording(path: Path, data: bytes) -> None:
        written.append(Path(path))
        real(path, data)

    monkeypatch.setattr(atomic, "write_file", recording)
    project = demo_project()
    year = calculate(project).year(2025)
    paths = write_pack(project, year, allocate(project, year), CUSTOMER, tmp_path, lang="en")
    assert sorted(written) == sorted(paths) == sorted(tmp_path.iterdir())
