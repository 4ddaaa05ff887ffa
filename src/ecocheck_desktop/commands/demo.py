"""``ecocheck demo -o DEMO.ecocheck``: write the bundled demo company as a project file."""

from __future__ import annotations

import argparse
from pathlib import Path

from ecocheck_desktop.core.model import Project


def demo_project() -> Project:
    """The demo company shipped in ``resources/demo/demo.json``."""
    from ecocheck_desktop.exchange.json_io import read_json
    from ecocheck_desktop.resources import resource_path

    return read_json(resource_path("demo", "demo.json"))


def write_demo(path: Path, *, user: str = "") -> Project:
    from ecocheck_desktop.store.project_file import ProjectFile

    project = demo_project()
    ProjectFile.create(path, project, user=user).close()
    return project


def run(args: argparse.Namespace) -> int:
    from ecocheck_desktop.commands.import_bills import user_name

    output = Path(args.output)
    project = write_demo(output, user=user_name())
    print(f"{output}: {project.company.name}, {len(project.records)} records")
    return 0
