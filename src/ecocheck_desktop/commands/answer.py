"""``ecocheck answer INPUT [--json] [--customer NAME | --all] [-o DIR] [--year Y] [--lang]``.

The answer to customers' CO2 requests (issue 21): ``--json`` prints the allocation of the
year to every customer (the contract of docs/customer-answers.md); ``--customer NAME -o DIR``
writes that customer's reply pack (PDF, .xlsx, JSON), ``--all -o DIR`` every customer's.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ecocheck_desktop.commands.calc import in_file
from ecocheck_desktop.core.allocation import allocate
from ecocheck_desktop.core.footprint import calculate
from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.exchange.loading import load_input


def run(args: argparse.Namespace) -> int:
    path = Path(args.input)
    project = load_input(path).project
    try:
        footprint = calculate(project)
    except EcoCheckError as error:
        raise in_file(error, path) from None
    present = [year.fiscal_year for year in footprint.years]
    fiscal_year = args.fiscal_year
    if fiscal_year is None:
        with_sales = sorted({s.fiscal_year for s in project.customer_sales} & set(present))
        fiscal_year = (with_sales or present or [None])[-1]
    if fiscal_year is None or fiscal_year not in present:
        raise EcoCheckError(
            Message(
                "calc.fiscal_year_absent",
                {"fiscal_year": fiscal_year, "present": ", ".join(map(str, present)) or "none"},
                {"file": str(path)},
            )
        )
    if not project.customers:
        raise EcoCheckError(Message("answer.no_customers", {}, {"file": str(path)}))
    year = footprint.year(fiscal_year)
    try:
        allocation = allocate(project, year)
    except EcoCheckError as error:
        raise in_file(error, path) from None
    names = [c.name for c in project.customers]
    if args.customer is not None and args.customer not in names:
        raise EcoCheckError(
            Message(
                "answer.unknown_customer",
                {"customer": args.customer, "known": ", ".join(names)},
                {"file": str(path)},
            )
        )
    wanted = names if args.all else [args.customer] if args.customer is not None else []
    if wanted and not args.output:
        raise EcoCheckError(Message("answer.output_needed", {}))
    if not wanted and args.output:
        raise EcoCheckError(Message("answer.customer_needed", {}))
    if wanted:
        # reportlab and openpyxl (~150 ms) load only when a pack is written, not for the list.
        from ecocheck_desktop.report.answer_pack import write_pack

        folder = Path(args.output)
        for name in wanted:
            written = write_pack(project, year, allocation, name, folder, lang=args.lang)
            if not args.json:
                for file in written:
                    print(file)
    if args.json or not wanted:
        print(json.dumps(allocation.to_json_dict(), ensure_ascii=False, indent=2))
    return 0
