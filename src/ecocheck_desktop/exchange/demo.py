"""The bundled demo company (``resources/demo/demo.json``), for the GUI, the CLI and the tests."""

from __future__ import annotations

from pathlib import Path

from ecocheck_desktop.core.model import Project
from ecocheck_desktop.exchange.json_io import read_json
from ecocheck_desktop.resources import resource_path
from ecocheck_desktop.store.project_file import ProjectFile


def demo_project() -> Project:
    """The demo company, read afresh from the bundled JSON."""
    return read_json(resource_path("demo", "demo.json"))


def write_demo(path: Path, *, user: str = "") -> Project:
    """Create the project file ``path`` holding the demo company; returns the company."""
    project = demo_project()
    ProjectFile.create(path, project, user=user).close()
    return project
