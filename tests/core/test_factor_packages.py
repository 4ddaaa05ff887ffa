"""Factor packages (.ecofactors): built, validated (format, checksums, paths, size, id clashes),
installed offline and loaded by FactorLibrary.load() on top of the bundled editions."""

from __future__ import annotations

import json
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from ecocheck_desktop.core import factor_packages as packages
from ecocheck_desktop.core.factor_packages import build_package, install_package, read_package
from ecocheck_desktop.core.factors import FactorLibrary
from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.resources import resource_path

BUNDLED = resource_path("factors")


def r08_edition(**change: Any) -> dict[str, Any]:
    manifest = json.loads((BUNDLED / "manifest.json").read_text(encoding="utf-8"))
    edition = next(e for e in manifest["editions"] if e["id"] == "electricity_r08")
    edition.update(
        id="electricity_r09_test",
        file="electricity_r09_test.tsv",
        emissions_years=[2026],
        published="2027-01-09",
        title="テスト用 R7年度実績",
    )
    edition.update(change)
    return edition


def table() -> bytes:
    return (BUNDLED / "electricity_r08.tsv").read_bytes()


def make(tmp_path: Path, name: str = "r09.ecofactors", **change: Any) -> Path:
    edition = r08_edition(**change)
    return build_package(
        tmp_path / name, "r09-test", "テスト", [edition], {edition["file"]: table()}
    )


def codes(error: pytest.ExceptionInfo[EcoCheckError]) -> list[str]:
    return [m.code for m in error.value.messages]


def rewrite(path: Path, edit: Any) -> None:
    """Re-zip ``path`` with ``edit(members: dict[str, bytes])`` applied."""
    with zipfile.ZipFile(path) as archive:
        members = {i.filename: archive.read(i) for i in archive.infolist()}
    edit(members)
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def test_install_then_load_on_top_of_the_bundled_editions(tmp_path: Path) -> None:
    target = tmp_path / "installed"
    result = install_package(make(tmp_path), FactorLibrary.load(installed=False), target)
    assert not result.already_installed and result.editions == ["electricity_r09_test"]
    library = FactorLibrary.load(installed=target)
    edition = library.electricity_edition(2026)
    assert edition is not None and edition.origin == "installed"
    assert library.resolve_electricity(2026, "A0269").basic == Decimal("0.000452")
    assert library.edition("electricity_r08").origin == "bundled"
    # The same file again is "already installed", not an error and not a second copy.
    again = install_package(make(tmp_path), library, target)
    assert again.already_installed
    assert [p.name for p in target.iterdir()] == ["r09-test"]


def test_same_edition_id_with_other_content_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "installed"
    install_package(make(tmp_path), FactorLibrary.load(installed=False), target)
    other = make(tmp_path, "other.ecofactors", published="2027-02-01")
    with pytest.raises(EcoCheckError) as error:
        install_package(other, FactorLibrary.load(installed=target), target)
    assert codes(error) == ["factor_package.edition_conflict"]
    # A bundled id with different content is refused as well.
    clash = make(tmp_path, "clash.ecofactors", id="electricity_r08", file="x.tsv")
    with pytest.raises(EcoCheckError) as error:
        install_package(clash, FactorLibrary.load(installed=False), target)
    assert codes(error) == ["factor_package.edition_conflict"]


def test_wrong_format_version_is_refused(tmp_path: Path) -> None:
    path = make(tmp_path)

    def bump(members: dict[str, bytes]) -> None:
        manifest = json.loads(members["package.json"])
        manifest["format_version"] = 2
        members["package.json"] = json.dumps(manifest).encode()

    rewrite(path, bump)
    with pytest.raises(EcoCheckError) as error:
        read_package(path)
    assert codes(error) == ["factor_package.format"]


def test_bad_checksum_is_refused(tmp_path: Path) -> None:
    path = make(tmp_path)

    def tamper(members: dict[str, bytes]) -> None:
        name = "electricity_r09_test.tsv"
        members[name] = members[name].replace(b"0.000452", b"0.000100")

    rewrite(path, tamper)
    with pytest.raises(EcoCheckError) as error:
        read_package(path)
    assert codes(error) == ["factor_package.checksum"]


@pytest.mark.parametrize(
    "member", ["../evil.tsv", "sub/dir.tsv", "/abs.tsv", "C:x.tsv", "a.exe", "CON.tsv", "..tsv"]
)
def test_path_traversal_and_odd_members_are_refused(tmp_path: Path, member: str) -> None:
    path = make(tmp_path)
    rewrite(path, lambda members: members.__setitem__(member, b"x"))
    with pytest.raises(EcoCheckError) as error:
        read_package(path)
    assert codes(error) == ["factor_package.bad_member"]


def test_unlisted_member_and_bad_table_are_refused(tmp_path: Path) -> None:
    path = make(tmp_path)
    rewrite(path, lambda members: members.__setitem__("extra.tsv", b"x"))
    with pytest.raises(EcoCheckError) as error:
        read_package(path)
    assert codes(error) == ["factor_package.unlisted"]
    rewrite(path, lambda members: members.pop("electricity_r09_test.tsv"))
    rewrite(path, lambda members: members.pop("extra.tsv"))
    with pytest.raises(EcoCheckError) as error:
        read_package(path)
    assert codes(error) == ["factor_package.missing_member"]
    broken = tmp_path / "broken.ecofactors"
    edition = r08_edition()
    build_package(broken, "b", "b", [edition], {edition["file"]: b"not\ta\ttable\n"})
    with pytest.raises(EcoCheckError) as error:
        read_package(broken)
    assert codes(error) == ["factor_package.invalid"]


def test_oversize_and_not_a_zip_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make(tmp_path)
    monkeypatch.setattr(packages, "MAX_PACKAGE_BYTES", 1000)
    with pytest.raises(EcoCheckError) as error:
        read_package(path)
    assert codes(error) == ["factor_package.oversize"]
    junk = tmp_path / "junk.ecofactors"
    junk.write_bytes(b"PK not really")
    with pytest.raises(EcoCheckError) as error:
        read_package(junk)
    assert codes(error) == ["factor_package.unreadable"]


def test_a_damaged_installed_package_is_reported_not_fatal(tmp_path: Path) -> None:
    target = tmp_path / "installed"
    install_package(make(tmp_path), FactorLibrary.load(installed=False), target)
    (target / "r09-test" / "electricity_r09_test.tsv").write_text("garbage", encoding="utf-8")
    library = FactorLibrary.load(installed=target)
    assert "electricity_r09_test" not in library.editions
    assert [m.code for m in library.problems] == ["factor.table_invalid"]


def test_locks_hold_a_year_to_its_edition(tmp_path: Path) -> None:
    target = tmp_path / "installed"
    install_package(
        make(tmp_path, emissions_years=[2025], published="2027-01-09"),
        FactorLibrary.load(installed=False),
        target,
    )
    library = FactorLibrary.load(installed=target)
    newest = library.electricity_edition(2025)
    assert newest is not None and newest.id == "electricity_r09_test"
    locked = library.with_locks({2025: "electricity_r08"})
    edition = locked.electricity_edition(2025)
    assert edition is not None and edition.id == "electricity_r08"
    assert locked.resolve_electricity(2025, "A0269").factor.edition == "electricity_r08"
    # A lock on an edition that is not there falls back to the newest one.
    gone = library.with_locks({2025: "electricity_gone"})
    assert gone.electricity_edition(2025) == newest
