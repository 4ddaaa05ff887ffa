"""``ecocheck portfolio DIR -o SUMMARY.csv [--reports OUTDIR] [--consortium F] [--anonymise]``."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from ecocheck_desktop.cli import main
from tests.exchange.portfolio_folder import EXPECTED, GOLDEN_NAME, make_folder


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    make_folder(tmp_path / "clients")
    return tmp_path / "clients"


def read_summary(path: Path) -> list[dict[str, str]]:
    text = path.read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_summary_lists_every_file_with_figures_or_reason(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "summary.csv"
    assert main(["portfolio", str(folder), "-o", str(out)]) == 0
    rows = read_summary(out)
    assert [r["file"] for r in rows] == [
        "a_golden.ecocheck",
        "b_demo.ecocheck",
        "c_target.ecocheck",
        "d_broken.ecocheck",
        "e_newer.ecocheck",
        "f_locked.ecocheck",
        "g_empty.ecocheck",
    ]
    golden = rows[0]
    assert golden["company"] == GOLDEN_NAME and golden["status"] == "ok"
    assert Decimal(golden["total_adjusted_t"]) == Decimal(EXPECTED["total_adjusted_t"])
    assert [r["reason_code"] for r in rows[3:5]] == ["store.not_a_project", "store.newer_version"]
    err = capsys.readouterr().err
    assert "d_broken.ecocheck" in err and "7 files, 4 companies, 3 not readable" in err


def test_missing_folder_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nowhere"
    assert main(["portfolio", str(missing), "-o", str(tmp_path / "s.csv")]) == 2
    err = capsys.readouterr().err
    assert str(missing) in err and "does not exist" in err and "Traceback" not in err
    assert not (tmp_path / "s.csv").exists()


@pytest.mark.parametrize(
    "extra",
    [
        ["-o", "summary.xlsx"],
        ["-o", "summary.csv", "--consortium", "c.docx"],
        ["-o", "summary.csv", "--consortium", "summary.csv"],
    ],
)
def test_bad_outputs_are_exit_2(folder: Path, tmp_path: Path, extra: list[str]) -> None:
    args = [a if not a.startswith(("summary", "c.")) else str(tmp_path / a) for a in extra]
    assert main(["portfolio", str(folder), *args]) == 2


def test_reports_and_consortium(folder: Path, tmp_path: Path) -> None:
    out, reports, pdf = tmp_path / "s.csv", tmp_path / "reports", tmp_path / "consortium.pdf"
    args = ["portfolio", str(folder), "-o", str(out), "--reports", str(reports)]
    assert main([*args, "--consortium", str(pdf), "--lang", "en"]) == 0
    assert sorted(p.name for p in reports.iterdir()) == [
        "a_golden.pdf",
        "b_demo.pdf",
        "c_target.pdf",
        "f_locked.pdf",  # not held open in this test
    ]
    text = "\n".join(page.extract_text() or "" for page in PdfReader(pdf).pages)
    # A long name wraps in the narrow company column: compare without the line breaks.
    assert "CO2 Emissions Summary" in text and GOLDEN_NAME in text.replace("\n", "")


def test_anonymised_outputs_name_nobody(folder: Path, tmp_path: Path) -> None:
    out, consortium = tmp_path / "s.csv", tmp_path / "c.csv"
    args = ["portfolio", str(folder), "-o", str(out), "--consortium", str(consortium)]
    assert main([*args, "--anonymise"]) == 0
    rows = read_summary(out)
    assert [r["company"] for r in rows][:3] == ["企業 A", "企業 B", "企業 C"]
    for path in (out, consortium):
        text = path.read_text(encoding="utf-8-sig")
        for secret in (
            GOLDEN_NAME,
            "デモ",
            "目標だけ",
            "_golden",
            "d_broken",
            "データなし",
            "ロック中",
        ):
            assert secret not in text
