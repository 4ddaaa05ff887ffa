"""``ecocheck export PROJECT.ecocheck -o OUT.json|OUT.csv``.

JSON: the complete project including the bill scans (base64), lossless. CSV: the energy records
in the bill import format, which ``ecocheck import`` reads back.
"""

from __future__ import annotations

import argparse
import base64
from pathlib import Path
from typing import Any

from ecocheck_desktop.core import limits
from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.exchange.bills import write_bills_csv
from ecocheck_desktop.exchange.json_io import write_json
from ecocheck_desktop.store.project_file import ProjectFile, load_project


def evidence_documents(path: Path) -> tuple[Any, list[dict[str, Any]], tuple[Any, ...]]:
    """The project, its attachments as JSON objects and its meters with their 30-minute data,
    read in one read-only session."""
    project_file = ProjectFile.open(path, read_only=True)
    try:
        project = project_file.load()
        records = {record_id: i for i, (record_id, _) in enumerate(project_file.records())}
        documents = []
        for info in project_file.evidence():
            _, data = project_file.evidence_data(info.id)
            documents.append(
                {
                    "filename": info.filename,
                    "media_type": info.media_type,
                    "month": info.month,
                    # Position in "records", since database ids do not survive a re-import.
                    "record_index": records.get(info.record_id) if info.record_id else None,
                    "added_at": info.added_at,
                    "added_by": info.added_by,
                    "data_base64": base64.b64encode(data).decode("ascii"),
                }
            )
        meters = project_file.meter_data()
    finally:
        project_file.close()
    return project, documents, meters


def _refuse_bad_values(project: Any, source: Path) -> None:
    """What calc, report and the imports refuse is not exported either (core.limits)."""
    problems = limits.project_problems(project, text=False)
    if problems:
        where = {"file": str(source)}
        raise EcoCheckError(*(Message(m.code, m.params, {**where, **m.where}) for m in problems))


def run(args: argparse.Namespace) -> int:
    source, output = Path(args.input), Path(args.output)
    suffix = output.suffix.lower()
    if suffix not in (".json", ".csv"):
        raise EcoCheckError(Message("export.unsupported", where={"file": str(output)}))
    if suffix == ".json":
        project, evidence, meters = evidence_documents(source)
        _refuse_bad_values(project, source)
        write_json(project, output, attachments=True, evidence=evidence, meters=meters)
    else:
        project = load_project(source)
        _refuse_bad_values(project, source)
        try:
            write_bills_csv(project, output)
        except OSError as error:
            raise EcoCheckError(
                Message(
                    "export.write_failed",
                    {"reason": error.strerror or str(error)},
                    {"file": str(output)},
                )
            ) from None
    print(f"{output}: {len(project.records)} records")
    return 0
