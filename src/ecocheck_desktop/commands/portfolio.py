"""``ecocheck portfolio DIR -o SUMMARY.csv [--reports OUTDIR] [--consortium OUT.pdf|OUT.csv]``.

One row per ``.ecocheck`` file of DIR (unreadable files are rows with their reason, never a
stop), each file read once, read-only, and released before the next. ``--reports`` writes a
PDF per company into OUTDIR (a file that cannot be reported is named on stderr and skipped);
``--consortium`` writes the aggregated summary; ``--anonymise`` replaces company and file names
by 企業 A / Company A in the summary CSV and the consortium. Unreadable files and failed reports
do not change the exit code (0): the summary says what happened to each file.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from ecocheck_desktop.commands import say
from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.exchange.portfolio import (
    PortfolioRow,
    project_files,
    scan_file,
    write_summaries,
)
from ecocheck_desktop.report.consortium import ConsortiumSummary, anonymous_name, consortium_csv
from ecocheck_desktop.report.output import write_atomically


def _check_suffix(path: Path, suffixes: tuple[str, ...], code: str) -> None:
    if path.suffix.lower() not in suffixes:
        raise EcoCheckError(Message(code, where={"file": str(path)}))


def run(args: argparse.Namespace) -> int:
    folder = Path(args.directory)
    output = Path(args.output)
    consortium = Path(args.consortium) if getattr(args, "consortium", None) else None
    anonymise = bool(getattr(args, "anonymise", False))
    lang = getattr(args, "lang", "ja") or "ja"
    _check_suffix(output, (".csv",), "portfolio.summary_type")
    if consortium is not None:
        _check_suffix(consortium, (".pdf", ".csv"), "portfolio.consortium_type")
        if consortium.resolve() == output.resolve():
            raise EcoCheckError(Message("portfolio.same_output", where={"file": str(output)}))
    files = project_files(folder)

    summary = ConsortiumSummary()
    readable: list[Path] = []

    def scanned() -> Iterator[PortfolioRow]:
        # One pass: each file is read once for the summary CSV and the consortium figures.
        for path in files:
            row = scan_file(path)
            summary.add(row)
            if row.ok:
                readable.append(path)
            elif row.error is not None:
                print(f"ecocheck: warning: {say(row.error, args)}", file=sys.stderr)
            yield row

    names = (lambda index: anonymous_name(index, lang)) if anonymise else None
    write_summaries(scanned(), output, anonymous_names=names)
    print(
        f"ecocheck: wrote {output} ({len(files)} files, {summary.readable} companies,"
        f" {len(files) - summary.readable} not readable)",
        file=sys.stderr,
    )
    if consortium is not None:
        if consortium.suffix.lower() == ".pdf":
            # reportlab (~190 ms) loads only for the PDF summary, not for its CSV.
            from ecocheck_desktop.report.consortium_pdf import render_consortium_pdf

            data = render_consortium_pdf(summary, lang=lang, anonymise=anonymise)
        else:
            data = consortium_csv(summary, anonymise=anonymise, lang=lang)
        write_atomically(consortium, data)
        print(f"ecocheck: wrote {consortium}", file=sys.stderr)
    if getattr(args, "reports", None):
        # reportlab and the charts (~170 ms) load only when reports are asked for.
        from ecocheck_desktop.report.batch import batch_reports

        written = failed = 0
        for result in batch_reports(readable, Path(args.reports), lang=lang):
            if result.error is None:
                written += 1
            else:
                failed += 1
                print(f"ecocheck: warning: no report: {say(result.error, args)}", file=sys.stderr)
        print(
            f"ecocheck: wrote {written} reports to {args.reports} ({failed} failed)",
            file=sys.stderr,
        )
    return 0
