"""A real EcoCheck process for the kill tests: the GUI's service object, headless, doing one
kind of user action over and over until it is killed (tests/store/test_kills.py).

``python -m tests.store.kill_driver SCENARIO PROJECT`` prints ``ready`` once set up, then for
every action ``begin <state>`` (the project's state once the action is complete, as JSON) before
it starts and ``done`` after the service reported it saved. The killer accepts, after a kill,
the state of the last ``done`` action or the one begun after it: nothing else.
"""

from __future__ import annotations

import json
import os
import struct
import sys
import zlib
from decimal import Decimal
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FY = 2025
MONTHS = [f"{2025 + (m > 12)}-{(m - 1) % 12 + 1:02d}" for m in range(4, 16)]
SITE = "本社工場"
IMPORT_SITE = "第二工場"


def scan_png(seed: int, size: int = 300_000) -> bytes:
    """A real PNG (valid chunks and CRCs) of about ``size`` bytes of noise."""
    width = 1000
    rows = size // (3 * width) + 1
    raw = b"".join(b"\x00" + os.urandom(3 * width) for _ in range(rows))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, rows, 8, 2, 0, 0, 0)
    text = chunk(b"tEXt", f"scan\x00{seed}".encode())
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + text
        + chunk(b"IDAT", zlib.compress(raw, 0))
        + chunk(b"IEND", b"")
    )


def state_of(project_file: Any, scenario: str) -> Any:
    """What the kill tests compare: every bill line by site/month (quantity, cost), or the
    number of scans (each read back against its checksum)."""
    if scenario == "attach":
        infos = project_file.evidence()
        for info in infos:
            project_file.evidence_data(info.id)
        return {"scans": len(infos)}
    if scenario == "migration":
        return "migrated"
    project = project_file.load()
    return {
        f"{project.site_of(r)}/{r.month}": [
            str(r.quantity),
            None if r.cost_yen is None else str(r.cost_yen),
        ]
        for r in project.records
    }


def say(*words: Any) -> None:
    # One write(2) of one line (atomic on a pipe): a kill never leaves half a line.
    os.write(1, (" ".join(str(word) for word in words) + "\n").encode("utf-8"))


def main() -> None:
    from PySide6.QtGui import QGuiApplication, QUndoStack

    from ecocheck_desktop.gui.service import ProjectService
    from ecocheck_desktop.store.project_file import ProjectFile

    scenario, path = sys.argv[1], Path(sys.argv[2])
    _app = QGuiApplication.instance() or QGuiApplication([])
    service = ProjectService(QUndoStack(), opener=ProjectFile, user="killed")
    saved: list[bool] = []
    service.saved.connect(saved.append)

    def expect_saved() -> None:
        assert saved and saved[-1], saved

    state: Any = {}

    def begin(new_state: Any) -> None:
        say("begin", json.dumps(new_state, sort_keys=True))

    if scenario == "migration":
        say("ready")
        begin("migrated")
        service.open(path)
        say("done")
        service.close()
        say("closed")
        return
    service.open(path)
    state = state_of(service._file, scenario)
    if scenario == "close":
        service.close()
    say("ready")
    i = start = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    pasted: list[dict[str, list[str | None]]] = [state]
    while True:
        i += 1
        saved.clear()
        if scenario == "edits":
            month = MONTHS[i % 12]
            state = {**state, f"{SITE}/{month}": [str(i), None]}
            begin(state)
            assert service.set_quantity(FY, month, "electricity", str(i)) == []
        elif scenario == "close":
            month = MONTHS[i % 12]
            state = {**state, f"{SITE}/{month}": [str(i), None]}
            begin(state)
            service.open(path)
            assert service.set_quantity(FY, month, "electricity", str(i)) == []
            expect_saved()
            service.close()
            say("done")
            continue
        elif scenario == "paste":
            # paste, undo it, redo it: each one action (one transaction).
            step = (i - start - 1) % 3
            if step == 0:
                value = i
                pasted.append({f"{SITE}/{m}": [str(value), str(value * 10)] for m in MONTHS})
                begin(pasted[-1])
                block = "\n".join(f"{value}\t{value * 10}" for _ in MONTHS)
                assert service.paste_block(FY, 0, 0, block) == []
            elif step == 1:
                begin(pasted[-2])
                service.undo_stack.undo()
            else:
                begin(pasted[-1])
                service.undo_stack.redo()
        elif scenario == "import":
            from ecocheck_desktop.core.model import EnergyRecord

            records = [
                EnergyRecord(m, "electricity", Decimal(i), "kWh", IMPORT_SITE, Decimal(i * 7))
                for m in MONTHS
            ]
            state = {**state, **{f"{IMPORT_SITE}/{m}": [str(i), str(i * 7)] for m in MONTHS}}
            begin(state)
            service.import_records(records, sites=[IMPORT_SITE])
        elif scenario == "attach":
            scan = path.with_name(f"scan{i % 2}.png")
            scan.write_bytes(scan_png(i))
            state = {"scans": state["scans"] + 1}  # type: ignore[call-overload]
            begin(state)
            line = service.energy_lines(FY)[0]
            assert service.attach_bill(MONTHS[i % 12], line, scan) == []
        else:
            raise SystemExit(f"unknown scenario {scenario}")
        expect_saved()
        say("done")


if __name__ == "__main__":
    main()
