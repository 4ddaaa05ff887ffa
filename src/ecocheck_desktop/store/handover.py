"""Hand-over between advisor and owner: a self-contained copy of a project file with a mark.

Owns writing the hand-over copy (SQLite backup API from the open connection, so the copy is
consistent even while the app has the file open and holds its exclusive lock; written under a
temporary name in the target folder and renamed into place, so a failure never leaves a
half-written copy nor touches an earlier file of that name), the hand-over mark, and the
question "what changed since the last hand-over".

The mark is a change-log row ``handover.export`` with the same id in the source and in the copy
(who handed over, when, to which file name, the project id), plus meta keys for a quick look:
``handover_last_id/_at/_by`` on both sides and ``handover_received_id`` in the copy only (the
copy knows it is the file as it was received). ``project_id`` in meta is the project's stable
identity: written when a file is created, and added on the first hand-over to older files (a
meta row, no schema change, so a file handed over stays readable by the same app version).
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import stat
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ecocheck_desktop.core import limits
from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.core.tempfiles import remove_stale
from ecocheck_desktop.store import atomic
from ecocheck_desktop.store.opening import inspect_header
from ecocheck_desktop.store.project_file import ChangeEntry, ProjectFile
from ecocheck_desktop.store.rows import _now

MARK_ACTION = "handover.export"
PROJECT_SUFFIX = ".ecocheck"


@dataclass(frozen=True)
class HandoverMark:
    """One hand-over: the change-log row that records it."""

    change_id: int
    at: str  # ISO 8601, UTC
    by: str
    to: str  # the copy's file name
    project_id: str


@dataclass(frozen=True)
class HandoverChanges:
    """What changed since a hand-over (``mark`` is None: the file was never handed over).

    ``returned`` is True when the file is a copy exactly as received and the changes listed
    are the sender's, made between the hand-over before theirs (``mark``) and theirs.
    """

    mark: HandoverMark | None
    entries: list[ChangeEntry]
    returned: bool = False

    @property
    def never_handed_over(self) -> bool:
        return self.mark is None


def _target_error(code: str, target: Path, **params: Any) -> EcoCheckError:
    return EcoCheckError(Message(code, {"target": str(target), **params}))


def _check_target(source: Path, target: Path) -> None:
    """Refuse a target that is the source, a link, a folder or not a project file name."""
    if target.suffix.lower() != PROJECT_SUFFIX:
        raise _target_error("handover.bad_target", target, reason="the name must end in .ecocheck")
    if target.resolve() == source.resolve() or (
        target.exists() and os.path.samefile(target, source)
    ):
        raise _target_error("handover.same_file", target)
    if target.is_symlink():
        raise _target_error("handover.bad_target", target, reason="it is a link")
    if target.exists() and not target.is_file():
        raise _target_error("handover.bad_target", target, reason="it is not a file")
    folder = target.parent
    if not folder.is_dir():
        raise _target_error("handover.bad_target", target, reason="the folder does not exist")
    mode = folder.stat().st_mode
    if not os.access(folder, os.W_OK) or (os.name == "posix" and not mode & 0o222):
        raise _target_error("handover.read_only_folder", target)
    if target.exists():
        # Never replace a project someone has open (their edits would go to a deleted file),
        # nor a file that is not ours.
        ProjectFile.open(target, read_only=True).close()


def _open_copy(path: Path) -> sqlite3.Connection:
    """The connection the copy is written through (a seam for the full-disk test)."""
    return sqlite3.connect(path, isolation_level=None)


def _write_copy(
    source_conn: sqlite3.Connection, target: Path, mark: dict[str, Any] | None = None
) -> int | None:
    """Back up ``source_conn`` into ``target`` atomically; with ``mark``, add the mark row and
    meta to the copy. Returns the mark's change-log id."""
    folder = target.parent
    remove_stale(target)  # a killed earlier hand-over's copy (up to the project's size)
    temp: Path | None = None
    mark_id: int | None = None
    try:
        # A killed hand-over's temporary copy is removed by the next one to this name.
        atomic.clean_leftovers(folder, re.compile(re.escape(target.name)))
        temp = atomic.temp_path(target)
        for stale in (temp, temp.with_name(temp.name + "-journal")):
            stale.unlink(missing_ok=True)
        os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        copy = _open_copy(temp)
        try:
            source_conn.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE").fetchall()
            copy.execute("PRAGMA synchronous = FULL")
            if mark is not None:
                copy.execute("BEGIN IMMEDIATE")
                cursor = copy.execute(
                    "INSERT INTO change_log (at, user, action, target, old, new)"
                    " VALUES (?, ?, ?, ?, NULL, ?)",
                    (
                        mark["at"],
                        mark["by"],
                        MARK_ACTION,
                        target.name,
                        json.dumps(mark["new"], ensure_ascii=False, sort_keys=True),
                    ),
                )
                mark_id = int(cursor.lastrowid or 0)
                meta = {
                    **_meta_of_mark(mark_id, mark["at"], mark["by"]),
                    "handover_received_id": str(mark_id),
                }
                copy.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", meta.items())
                copy.execute("COMMIT")
            result = copy.execute("PRAGMA quick_check").fetchall()[0][0]
            if result != "ok":
                raise _target_error("handover.write_failed", target, reason=str(result)[:200])
        finally:
            copy.close()
        temp.chmod(stat.S_IRUSR | stat.S_IWUSR | stat.S_IRGRP | stat.S_IROTH)
        os.replace(temp, target)
        temp = None
        atomic.sync_folder(folder)
    except sqlite3.Error as error:
        code = getattr(error, "sqlite_errorcode", None)
        if isinstance(code, int) and code & 0xFF == sqlite3.SQLITE_FULL:
            raise _target_error("handover.disk_full", target) from None
        raise _target_error("handover.write_failed", target, reason=str(error)) from None
    except OSError as error:
        if error.errno == 28:  # ENOSPC
            raise _target_error("handover.disk_full", target) from None
        if error.errno in (1, 13, 30):  # EPERM, EACCES, EROFS
            raise _target_error("handover.read_only_folder", target) from None
        reason = error.strerror or str(error)
        raise _target_error("handover.write_failed", target, reason=reason) from None
    finally:
        if temp is not None:
            for leftover in (temp, temp.with_name(temp.name + "-journal")):
                with suppress(OSError):
                    leftover.unlink()
    return mark_id


def _meta_of_mark(mark_id: int, at: str, by: str) -> dict[str, str]:
    return {"handover_last_id": str(mark_id), "handover_last_at": at, "handover_last_by": by}


def ensure_project_id(project_file: ProjectFile) -> str:
    """The project's stable identity, added to the file's meta if it has none yet."""
    existing = project_file.meta().get("project_id")
    if existing:
        return existing
    import uuid  # here: opening a project imports this module, and uuid costs a few ms

    project_id = str(uuid.uuid4())
    # Through the file's own transaction: its identity check and durable commit.
    with project_file.transaction() as conn:
        conn.execute("INSERT OR IGNORE INTO meta VALUES ('project_id', ?)", (project_id,))
    return project_file.meta()["project_id"]


def check_project_values(project_file: ProjectFile) -> None:
    """Refuse to hand over what calc, report and export refuse: a value the project file's
    validation rejects (load), a unit that does not fit the energy or a quantity beyond any
    bill (core.limits), or data the calculation cannot use. The copy is never written then."""
    # The calculation loads only for a hand-over: opening a file reads its hand-over changes
    # before its page paints, without the footprint (tests/gui/test_startup_with_file.py).
    from ecocheck_desktop.core.footprint import calculate

    where = {"file": str(project_file.path)}
    project = project_file.load()
    problems = limits.project_problems(project, text=False)
    if problems:
        raise EcoCheckError(*(Message(m.code, m.params, {**where, **m.where}) for m in problems))
    try:
        calculate(project, strict=False)
    except EcoCheckError as error:
        raise EcoCheckError(
            *(Message(m.code, m.params, {**where, **m.where}) for m in error.messages)
        ) from None


def hand_over(project_file: ProjectFile, target: Path, by: str = "") -> HandoverMark:
    """Write a hand-over copy of the open ``project_file`` to ``target`` and note it on both
    sides. Raises EcoCheckError (handover.* / store.*) and then changes nothing."""
    target = Path(target)
    if project_file.read_only:
        raise EcoCheckError(Message("store.not_writable", where={"file": str(project_file.path)}))
    _check_target(project_file.path, target)
    check_project_values(project_file)
    by = by or project_file.user
    project_id = ensure_project_id(project_file)
    at = _now()
    new = {"by": by, "to": target.name, "from": project_file.path.name, "project_id": project_id}
    conn = project_file._db()
    mark_id = _write_copy(conn, target, {"at": at, "by": by, "new": new})
    assert mark_id is not None
    try:
        with project_file.transaction() as conn:
            # The same id as in the copy: nothing else writes through this connection meanwhile.
            conn.execute(
                "INSERT INTO change_log (id, at, user, action, target, old, new)"
                " VALUES (?, ?, ?, ?, ?, NULL, ?)",
                (
                    mark_id,
                    at,
                    by,
                    MARK_ACTION,
                    target.name,
                    json.dumps(new, ensure_ascii=False, sort_keys=True),
                ),
            )
            conn.executemany(
                "INSERT OR REPLACE INTO meta VALUES (?, ?)", _meta_of_mark(mark_id, at, by).items()
            )
    except EcoCheckError as error:
        raise EcoCheckError(
            Message(
                "handover.not_recorded",
                {"target": str(target), "reason": error.messages[0].text()},
                {"file": str(project_file.path)},
            )
        ) from None
    return HandoverMark(mark_id, at, by, target.name, project_id)


def export_handover(project_path: Path, target_path: Path, by: str = "") -> HandoverMark:
    """Open ``project_path``, write its hand-over copy to ``target_path``, close it again.

    A file open in another EcoCheck is refused with store.in_use (its lock is exclusive); the
    app itself hands over the file it has open through :func:`hand_over`.
    """
    project_path, target_path = Path(project_path), Path(target_path)
    inspect_header(project_path)
    # Checked before the source is opened for writing, so a refused target leaves it untouched.
    _check_target(project_path, target_path)
    project_file = ProjectFile.open(project_path, user=by)
    try:
        return hand_over(project_file, target_path, by)
    finally:
        project_file.close()


def _mark_of(entry: ChangeEntry) -> HandoverMark:
    new = entry.new if isinstance(entry.new, dict) else {}
    return HandoverMark(
        change_id=entry.id,
        at=entry.at,
        by=str(new.get("by", entry.user)),
        to=str(new.get("to", entry.target)),
        project_id=str(new.get("project_id", "")),
    )


def changes_in(project_file: ProjectFile) -> HandoverChanges:
    """What changed since the last hand-over of the open file.

    Normally the change-log rows after the last mark. A file exactly as it was received
    (nothing after the mark, and the mark is the one it was received with) instead lists the
    sender's edits since the hand-over before theirs: what changed since the receiver last
    handed it over.
    """
    marks = project_file.change_log(action=MARK_ACTION)
    if not marks:
        return HandoverChanges(None, [])
    last = marks[-1]
    after = project_file.change_log(after=last.id)
    if after:
        return HandoverChanges(_mark_of(last), after)
    received = project_file.meta().get("handover_received_id")
    if received == str(last.id) and len(marks) > 1:
        previous = marks[-2]
        between = project_file.change_log(after=previous.id, before=last.id)
        return HandoverChanges(_mark_of(previous), between, returned=True)
    return HandoverChanges(_mark_of(last), [])


def changes_since_handover(path: Path) -> HandoverChanges:
    """:func:`changes_in` for a file on disk, read-only (the file is not changed)."""
    with ProjectFile.open(Path(path), read_only=True) as project_file:
        return changes_in(project_file)


def import_handover(received_path: Path, target_path: Path | None = None) -> HandoverChanges:
    """Check a hand-over file that was sent back and tell what changed since the hand-over.

    With ``target_path``, also keep a copy of it there (a new file: an existing one is never
    replaced, so one's own version cannot be lost by importing). The received file itself is
    only read.
    """
    received_path = Path(received_path)
    with ProjectFile.open(received_path, read_only=True) as project_file:
        changes = changes_in(project_file)
        if target_path is not None:
            target_path = Path(target_path)
            if target_path.exists() or target_path.is_symlink():
                if target_path.exists() and os.path.samefile(target_path, received_path):
                    raise _target_error("handover.same_file", target_path)
                raise EcoCheckError(Message("store.exists", where={"file": str(target_path)}))
            _check_target(received_path, target_path)
            _write_copy(project_file._db(), target_path)
    return changes


def _empty(value: Any) -> bool:
    return value is None or value == "" or value is False or value == {} or value == []


def changed_fields(old: Any, new: Any) -> list[tuple[str, Any, Any]]:
    """What an entry changed, field by field: ``(field, old, new)``; field "" for a whole value.

    Two objects: the fields that differ. An object added or removed: its non-empty fields.
    """
    if isinstance(old, dict) and isinstance(new, dict):
        keys = sorted(set(old) | set(new))
        return [(k, old.get(k), new.get(k)) for k in keys if old.get(k) != new.get(k)]
    if old is None and isinstance(new, dict):
        return [(k, None, v) for k, v in sorted(new.items()) if not _empty(v)]
    if new is None and isinstance(old, dict):
        return [(k, v, None) for k, v in sorted(old.items()) if not _empty(v)]
    return [("", old, new)]


def plain_value(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def describe(entry: ChangeEntry, limit: int = 200) -> str:
    """One line "field: old -> new; ..." for lists and tables (CLI, GUI)."""
    parts = [
        f"{name + ': ' if name else ''}{plain_value(old)} -> {plain_value(new)}"
        for name, old, new in changed_fields(entry.old, entry.new)
    ]
    text = "; ".join(parts)
    return text if len(text) <= limit else text[: limit - 1] + "…"
