"""``ecocheck report INPUT -o OUT.pdf [--lang ja|en] [--fiscal-year Y] [--sections a,b]``.

The output's suffix chooses what is written: ``.pdf`` the report, ``.csv`` or ``.json`` the
machine-readable companion (key figures for the city or a consortium, see
docs/companion-schema.md). Warnings met while reading the input go to stderr.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ecocheck_desktop.commands import load_input_arg
from ecocheck_desktop.commands.calc import in_file
from ecocheck_desktop.core.footprint import calculate
from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.report.output import write_atomically

OUTPUT_SUFFIXES = (".pdf", ".csv", ".json")


def _sections(value: str | None) -> list[str] | None:
    """``--sections a,b,c`` (an extension: without it, every section)."""
    if value is None:
        return None
    return [part.strip() for part in value.split(",") if part.strip()]


def run(args: argparse.Namespace) -> int:
    output = Path(args.output)
    suffix = output.suffix.lower()
    if suffix not in OUTPUT_SUFFIXES:
        raise EcoCheckError(
            Message(
                "report.output_type", {"suffix": output.suffix or "(none)"}, {"file": str(output)}
            )
        )
    # The meters only for a PDF (its デマンド section and DM measures), read with the project.
    loaded = load_input_arg(args, meters=suffix == ".pdf")
    project = loaded.project
    footprint = calculate(project, strict=False)
    present = [year.fiscal_year for year in footprint.years]
    fiscal_year = getattr(args, "fiscal_year", None)
    if fiscal_year is not None and fiscal_year not in present:
        raise EcoCheckError(
            Message(
                "report.fiscal_year_absent",
                {"fiscal_year": fiscal_year},
                {"file": str(args.input)},
            )
        )
    if suffix == ".pdf":
        # reportlab and the charts (~400 ms) load only for a PDF; the .csv and .json need neither.
        from ecocheck_desktop.report.pdf import build_report

        try:
            build_report(
                project,
                output,
                lang=getattr(args, "lang", "ja") or "ja",
                fiscal_years=[fiscal_year] if fiscal_year is not None else None,
                footprint=footprint,
                sections=_sections(getattr(args, "sections", None)),
                demand=loaded.meters,
            )
        except EcoCheckError as error:
            # A year that cannot be reported names the input file and what to enter where.
            if any("file" in m.where for m in error.messages):
                raise
            raise in_file(error, Path(args.input)) from None
    else:
        # Imported here: the PDF needs none of it (exchange.portfolio and what it loads).
        from ecocheck_desktop.report.companion import companion_csv, companion_json, key_figures

        records = key_figures(project, footprint)
        if fiscal_year is not None:
            records = [r for r in records if r["fiscal_year"] == fiscal_year]
        data = companion_csv(records) if suffix == ".csv" else companion_json(records, project)
        write_atomically(output, data)
    print(f"ecocheck: wrote {output}", file=sys.stderr)
    return 0
