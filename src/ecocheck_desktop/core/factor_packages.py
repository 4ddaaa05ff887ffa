"""Factor packages: new factor editions as one offline file (``.ecofactors``), validated.

A package is a zip archive holding ``package.json`` and the edition tables (TSV) side by side,
nothing else:

    package.json  {"format": "ecocheck-factors", "format_version": 1, "package_id": str,
                   "title": str, "created": "YYYY-MM-DD",
                   "files": {"name.tsv": {"sha256": hex, "size": int}},
                   "editions": [ the edition objects of resources/factors/manifest.json ]}

Installing checks, before anything is written: the archive opens and is not oversize; every
member is a plain file name (no folder, no ``..``, no absolute or drive path); the format and
its version; that every table is listed with its sha256 and size and no unlisted member exists;
that every edition is valid and its tables load; and that no edition id is already present
(bundled or installed) with different content (the same content again is "already installed").
The package is then unpacked into ``<user data>/factors/<package_id>/`` as a library folder
(``manifest.json`` + tables) that ``FactorLibrary.load()`` reads on top of the bundled editions.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ecocheck_desktop.core.factor_files import MANIFEST_FORMAT
from ecocheck_desktop.core.factor_records import Edition
from ecocheck_desktop.core.factors import FactorLibrary
from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.resources import installed_factors_dir

PACKAGE_FORMAT = "ecocheck-factors"
PACKAGE_FORMAT_VERSION = 1
PACKAGE_SUFFIX = ".ecofactors"
MAX_PACKAGE_BYTES = 20 * 1024 * 1024
MAX_MEMBER_BYTES = 10 * 1024 * 1024
MAX_MEMBERS = 64
_MEMBER = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,80}\.(tsv|json)")
# Device names Windows will not create as files, whatever the extension.
_WINDOWS_RESERVED = re.compile(r"(?i)(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])")
_PACKAGE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,80}")


@dataclass(frozen=True)
class PackageContents:
    package_id: str
    title: str
    created: str
    editions: list[dict[str, Any]]
    tables: dict[str, bytes]


@dataclass(frozen=True)
class InstallResult:
    package_id: str
    editions: list[str]
    folder: Path
    already_installed: bool

    @property
    def message(self) -> Message:
        code = (
            "factor_package.already_installed"
            if self.already_installed
            else "factor_package.installed"
        )
        return Message(
            code,
            {
                "package": self.package_id,
                "file": self.package_id,
                "editions": ", ".join(self.editions),
            },
        )


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def build_package(
    path: Path,
    package_id: str,
    title: str,
    editions: list[dict[str, Any]],
    tables: dict[str, bytes],
    created: str | None = None,
) -> Path:
    """Write a package file (used by scripts/convert_factors.py --package and the tests)."""
    manifest = {
        "format": PACKAGE_FORMAT,
        "format_version": PACKAGE_FORMAT_VERSION,
        "package_id": package_id,
        "title": title,
        "created": created or date.today().isoformat(),
        "files": {
            name: {"sha256": _sha256(data), "size": len(data)}
            for name, data in sorted(tables.items())
        },
        "editions": editions,
    }
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        # A fixed timestamp keeps a rebuilt package byte-identical.
        info = zipfile.ZipInfo("package.json", date_time=(2000, 1, 1, 0, 0, 0))
        text = json.dumps(manifest, ensure_ascii=False, indent=2)
        archive.writestr(info, text.encode("utf-8"), zipfile.ZIP_DEFLATED)
        for name, data in sorted(tables.items()):
            archive.writestr(
                zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED
            )
    return path


def read_package(path: Path) -> PackageContents:
    """The validated contents of a package file; EcoCheckError on any refusal."""
    file = path.name

    def refuse(code: str, **params: Any) -> EcoCheckError:
        return EcoCheckError(Message(code, {"file": file, **params}, {"file": str(path)}))

    try:
        size = path.stat().st_size
    except OSError as error:
        raise refuse("factor_package.unreadable", reason=error.strerror or str(error)) from None
    if size > MAX_PACKAGE_BYTES:
        raise refuse("factor_package.oversize", size=size, limit=MAX_PACKAGE_BYTES)
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as error:
        raise refuse("factor_package.unreadable", reason=str(error)) from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise refuse("factor_package.oversize", size=len(infos), limit=MAX_MEMBERS)
        members: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            name = info.filename
            if (
                _MEMBER.fullmatch(name) is None
                or _WINDOWS_RESERVED.fullmatch(name.split(".")[0]) is not None
                or name in members
                or info.is_dir()
                or info.flag_bits & 0x1  # encrypted
            ):
                raise refuse("factor_package.bad_member", member=name)
            if info.file_size > MAX_MEMBER_BYTES:
                raise refuse("factor_package.oversize", size=info.file_size, limit=MAX_MEMBER_BYTES)
            members[name] = info
        if "package.json" not in members:
            raise refuse("factor_package.missing_member", member="package.json")
        data = {name: _read_member(archive, info, refuse) for name, info in members.items()}
    try:
        manifest = json.loads(data.pop("package.json").decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise refuse("factor_package.invalid", reason=f"package.json: {error}") from None
    if not isinstance(manifest, dict):
        raise refuse("factor_package.invalid", reason="package.json is not an object")
    found = f"{manifest.get('format')!r} version {manifest.get('format_version')!r}"
    if (
        manifest.get("format") != PACKAGE_FORMAT
        or manifest.get("format_version") != PACKAGE_FORMAT_VERSION
    ):
        raise refuse(
            "factor_package.format",
            found=found,
            expected=PACKAGE_FORMAT,
            version=PACKAGE_FORMAT_VERSION,
        )
    package_id = str(manifest.get("package_id", ""))
    if _PACKAGE_ID.fullmatch(package_id) is None or _WINDOWS_RESERVED.fullmatch(
        package_id.split(".")[0]
    ):
        raise refuse("factor_package.invalid", reason=f"package_id {package_id!r}")
    files = manifest.get("files")
    editions = manifest.get("editions")
    if not isinstance(files, dict) or not isinstance(editions, list) or not editions:
        raise refuse("factor_package.invalid", reason="files / editions missing")
    for name in data:
        if name not in files:
            raise refuse("factor_package.unlisted", member=name)
    for name, expected in files.items():
        if name not in data:
            raise refuse("factor_package.missing_member", member=name)
        if (
            not isinstance(expected, dict)
            or expected.get("sha256") != _sha256(data[name])
            or expected.get("size") != len(data[name])
        ):
            raise refuse("factor_package.checksum", member=name)
    contents = PackageContents(
        package_id=package_id,
        title=str(manifest.get("title", "")),
        created=str(manifest.get("created", "")),
        editions=[e for e in editions if isinstance(e, dict)],
        tables=data,
    )
    if len(contents.editions) != len(editions):
        raise refuse("factor_package.invalid", reason="an edition is not an object")
    # The tables must load as a library on their own (every reader validates its rows).
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        _write_library(folder, contents)
        try:
            FactorLibrary.load(folder, installed=False)
        except EcoCheckError as error:
            reason = "; ".join(m.code + " " + str(m.params) for m in error.messages)
            raise refuse("factor_package.invalid", reason=reason) from None
    return contents


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, refuse: Any) -> bytes:
    # Read at most the declared size + 1 so a lying header cannot inflate memory.
    with archive.open(info) as handle:
        data = handle.read(MAX_MEMBER_BYTES + 1)
    if len(data) > MAX_MEMBER_BYTES:
        raise refuse("factor_package.oversize", size=len(data), limit=MAX_MEMBER_BYTES)
    return data


def _write_library(folder: Path, contents: PackageContents) -> None:
    manifest = {"format_version": MANIFEST_FORMAT, "editions": contents.editions}
    (folder / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    for name, data in contents.tables.items():
        (folder / name).write_bytes(data)


def _fingerprint(edition: Edition, table: bytes) -> tuple[Any, ...]:
    return (
        edition.kind,
        edition.layout,
        edition.title,
        edition.published,
        edition.emissions_years,
        _sha256(table),
    )


def install_package(
    path: Path, library: FactorLibrary | None = None, target: Path | None = None
) -> InstallResult:
    """Validate ``path`` and unpack it into the installed-packages folder.

    ``library``: what is loaded now (default: bundled + installed), checked for id clashes.
    """
    contents = read_package(path)
    target = target if target is not None else installed_factors_dir()
    if library is None:
        library = FactorLibrary.load(installed=target)
    scratch_folder = Path(tempfile.mkdtemp(prefix="ecofactors-"))
    try:
        _write_library(scratch_folder, contents)
        new = FactorLibrary.load(scratch_folder, installed=False)
        same = 0
        for edition_id, edition in new.editions.items():
            present = library.editions.get(edition_id)
            if present is None:
                continue
            present_table = library.table_bytes(edition_id)
            if _fingerprint(present, present_table) != _fingerprint(
                edition, contents.tables[edition.file]
            ):
                raise EcoCheckError(
                    Message(
                        "factor_package.edition_conflict",
                        {"file": path.name, "edition": edition_id},
                        {"file": str(path)},
                    )
                )
            same += 1
        ids = sorted(new.editions)
        destination = target / contents.package_id
        if same == len(new.editions):
            return InstallResult(contents.package_id, ids, destination, True)
        if same:
            # Part of it is there: a package is installed whole or not at all.
            raise EcoCheckError(
                Message(
                    "factor_package.edition_conflict",
                    {"file": path.name, "edition": ", ".join(ids)},
                    {"file": str(path)},
                )
            )
        if destination.exists():
            raise EcoCheckError(
                Message(
                    "factor_package.invalid",
                    {"file": path.name, "reason": f"package id {contents.package_id!r} is taken"},
                    {"file": str(path)},
                )
            )
        target.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".installing-", dir=target))
        _write_library(staging, contents)
        (staging / "package.json").write_text(
            json.dumps(
                {
                    "package_id": contents.package_id,
                    "title": contents.title,
                    "created": contents.created,
                    "source_file": path.name,
                },
                ensure_ascii=False,
                indent=2,
            ),
            encoding="utf-8",
        )
        staging.rename(destination)  # one rename: a package is there whole or not at all
        return InstallResult(contents.package_id, ids, destination, False)
    finally:
        shutil.rmtree(scratch_folder, ignore_errors=True)


def edition_rows(library: FactorLibrary) -> list[dict[str, Any]]:
    """The editions for `ecocheck factors list` and the factor library dialog."""
    rows = []
    for edition in sorted(library.editions.values(), key=lambda e: (e.kind, e.published, e.id)):
        years = edition.emissions_years
        rows.append(
            {
                "id": edition.id,
                "kind": edition.kind,
                "title": edition.title,
                "publisher": edition.publisher,
                "published": edition.published,
                "source_url": edition.source_url,
                "emissions_years": list(years),
                "years": f"FY{min(years)}–FY{max(years)}"
                if len(years) > 1
                else (f"FY{years[0]}" if years else ""),
                "origin": edition.origin,
                "partial": edition.partial,
                "confidence": edition.confidence,
            }
        )
    return rows
