"""``ecocheck handover export PROJECT.ecocheck -o COPY.ecocheck [--by NAME]`` and
``ecocheck handover changes PROJECT.ecocheck [--json]``.

Export writes a self-contained copy with a hand-over mark (store/handover.py); changes lists the
change-log entries since the last hand-over (who, when, what, old -> new).
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from dataclasses import asdict
from pathlib import Path

from ecocheck_desktop.core.limits import MAX_SHORT_TEXT, check_text
from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.store.handover import changes_since_handover, describe, export_handover


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


def run(args: argparse.Namespace) -> int:
    action = getattr(args, "handover_command", None)
    if action == "export":
        source, output = Path(args.input), Path(args.output)
        # The name goes into both change logs: the same caps as any other text (an unpaired
        # surrogate from a mis-encoded command line could not be stored).
        by = check_text(args.by or _user(), "--by", MAX_SHORT_TEXT)
        mark = export_handover(source, output, by)
        print(f"{output}: handed over by {mark.by} at {mark.at} (change {mark.change_id})")
        return 0
    if action == "changes":
        changes = changes_since_handover(Path(args.input))
        if args.json:
            document = {
                "file": str(args.input),
                "handed_over": not changes.never_handed_over,
                "mark": asdict(changes.mark) if changes.mark is not None else None,
                "returned": changes.returned,
                "changes": [asdict(entry) for entry in changes.entries],
            }
            json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
            print()
            return 0
        if changes.mark is None:
            print(f"{args.input}: never handed over")
            return 0
        mark = changes.mark
        print(
            f"{args.input}: {len(changes.entries)} change(s) since the hand-over on {mark.at}"
            f" by {mark.by}"
        )
        for entry in changes.entries:
            print(
                f"{entry.id}\t{entry.at}\t{entry.user or '-'}\t{entry.action}\t{entry.target}"
                f"\t{describe(entry)}"
            )
        return 0
    raise EcoCheckError(Message("handover.no_action"))
