"""``ecocheck demo -o DEMO.ecocheck``: write the bundled demo company as a project file."""

from __future__ import annotations

import argparse
from pathlib import Path

from ecocheck_desktop.commands.import_bills import user_name
from ecocheck_desktop.exchange.demo import write_demo


def run(args: argparse.Namespace) -> int:
    output = Path(args.output)
    project = write_demo(output, user=user_name())
    print(f"{output}: {project.company.name}, {len(project.records)} records")
    return 0
