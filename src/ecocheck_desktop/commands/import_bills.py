"""``ecocheck import INPUT.csv|.xlsx -o PROJECT.ecocheck [--company NAME]``: bills into a new file.

Also accepts an ``ecocheck-project`` JSON export (with its attachments), which closes the round
trip .ecocheck -> JSON -> .ecocheck. Never overwrites an existing project file. The new file is
written whole under a temporary name in the target folder and renamed when complete; a killed
run leaves no file under the real name, and its leftover is removed by the next run.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from ecocheck_desktop.commands import say
from ecocheck_desktop.core.factors import default_library
from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.core.model import Project
from ecocheck_desktop.core.recalc import first_locks
from ecocheck_desktop.exchange.bills import project_from_bills, read_bills
from ecocheck_desktop.exchange.json_io import (
    check_attachments,
    document_meters,
    parse_json_file,
    project_from_json,
)
from ecocheck_desktop.exchange.loading import name_from_file
from ecocheck_desktop.store.codec import Problems
from ecocheck_desktop.store.evidence import check_size, media_type_of
from ecocheck_desktop.store.project_file import ProjectFile


def user_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in some service accounts
        return ""


def create_from_json(source: Path, output: Path, user: str) -> Project:
    """Create ``output`` from a JSON export, attachments included, in one go."""
    where = {"file": str(source)}
    document = parse_json_file(source)
    try:
        project = project_from_json(document)
        problems = Problems()
        attachments = check_attachments(
            document.get("attachments", []) if isinstance(document, dict) else [], problems
        )
        if problems:
            raise EcoCheckError(*problems.messages)
        meters = document_meters(document)
        for meta, data in attachments:  # refuse bad scans before anything is written
            check_size(len(data), meta["filename"])
            media_type_of(data, meta["filename"])
    except EcoCheckError as error:
        raise EcoCheckError(
            *(Message(m.code, m.params, {**where, **m.where}) for m in error.messages)
        ) from None

    def add_attachments(building: ProjectFile) -> None:
        record_ids = [record_id for record_id, _ in building.records()]
        for meta, data in attachments:
            index = meta["record_index"]
            record_id = (
                record_ids[index] if index is not None and 0 <= index < len(record_ids) else None
            )
            building.attach_evidence(
                data, meta["filename"], month=meta["month"], record_id=record_id
            )
        for meter in meters:  # the 30-minute data, which the Project does not hold
            building.import_meter_days(meter.meter, list(meter.days))

    # Built under a temporary name and renamed only when every scan is in (store.atomic).
    # A JSON export is taken back exactly as written (its years keep their own locks).
    ProjectFile.create(output, project, user=user, fill=add_attachments).close()
    return project


def _lock_years(project: Project) -> None:
    """Lock each imported year to the electricity edition it is calculated with (issue 15)."""
    project.fiscal_years.update(first_locks(project, default_library()))


def run(args: argparse.Namespace) -> int:
    source, output = Path(args.input), Path(args.output)
    if output.suffix.lower() != ".ecocheck":
        raise EcoCheckError(Message("import.output_suffix", where={"file": str(output)}))
    suffix = source.suffix.lower()
    if suffix == ".json":
        project = create_from_json(source, output, user_name())
        print(f"{output}: {len(project.records)} records ({project.company.name})")
        return 0
    if suffix not in (".csv", ".xlsx"):
        raise EcoCheckError(Message("import.unsupported", where={"file": str(source)}))
    result = read_bills(source)
    for warning in result.warnings:
        print(f"ecocheck: warning: {say(warning, args)}", file=sys.stderr)
    project = project_from_bills(result, args.company or name_from_file(source))
    _lock_years(project)
    ProjectFile.create(output, project, user=user_name()).close()
    print(f"{output}: {len(project.records)} records ({project.company.name})")
    return 0
