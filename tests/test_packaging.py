"""Packaging: the installation self-check, and sanity of the spec, installer and workflow files.

PyInstaller itself never runs here (minutes, and .ci/run does it through installer/build.sh
--smoke). What runs here is fast: the self-check against fake bundles, including the frozen
smoke path with one file deliberately missing, and the static checks a reviewer of the spec,
the Inno Setup script and the Windows workflow would make.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

import ecocheck_desktop
from ecocheck_desktop import selfcheck


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.symlink(source, target)
    except OSError:
        shutil.copy2(source, target)


@pytest.fixture
def fake_bundle(repo_root: Path, tmp_path: Path) -> Path:
    """A bundle data folder laid out like dist/EcoCheck/_internal (files linked, not copied)."""
    if not (repo_root / selfcheck.JAPANESE_CATALOGUE).is_file():
        pytest.fail("translations/ecocheck_ja.qm missing: run scripts/translations.py compile")
    bundle = tmp_path / "_internal"
    shutil.copytree(repo_root / "resources", bundle / "resources", copy_function=_link_or_copy)
    (bundle / "translations").mkdir()
    for qm in (repo_root / "translations").glob("*.qm"):
        _link_or_copy(str(qm), str(bundle / "translations" / qm.name))
    return bundle


def test_the_checkout_is_a_whole_installation(qapp) -> None:
    assert selfcheck.installation_problems() == []


def test_a_complete_fake_bundle_passes(qapp, fake_bundle: Path) -> None:
    assert selfcheck.installation_problems(fake_bundle) == []


@pytest.mark.parametrize("missing", selfcheck.REQUIRED_FILES)
def test_a_missing_file_is_named(qapp, fake_bundle: Path, missing: str) -> None:
    (fake_bundle / missing).unlink()
    assert selfcheck.installation_problems(fake_bundle) == [f"missing bundled file: {missing}"]


@pytest.mark.parametrize(
    ("damaged", "expected"),
    [
        (selfcheck.FONT, "font does not load"),
        (selfcheck.JAPANESE_CATALOGUE, "translation catalogue does not load"),
        (selfcheck.FACTOR_MANIFEST, "factor manifest unreadable"),
    ],
)
def test_a_damaged_file_is_named(qapp, fake_bundle: Path, damaged: str, expected: str) -> None:
    target = fake_bundle / damaged
    target.unlink()  # a link to the real file: replace it, never write through it
    target.write_bytes(b"\x00truncated")
    problems = selfcheck.installation_problems(fake_bundle)
    assert len(problems) == 1
    assert problems[0].startswith(expected)
    assert str(target) in problems[0]


# Runs the GUI's --smoke path the way the frozen executable does: sys._MEIPASS points at a bundle
# folder, so resources.py looks only there (the fallback to the checkout needs resources/fonts,
# which the fake bundle has).
FROZEN_SMOKE = """
import sys
sys._MEIPASS = sys.argv[1]
from ecocheck_desktop.gui.app import main
sys.exit(main(["--smoke", "--lang", "ja"]))
"""


def _frozen_smoke(bundle: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
    }
    return subprocess.run(
        [sys.executable, "-c", FROZEN_SMOKE, str(bundle)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def test_frozen_smoke_passes_with_a_whole_bundle(fake_bundle: Path, tmp_path: Path) -> None:
    result = _frozen_smoke(fake_bundle, tmp_path / "home")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "smoke ok"


def test_frozen_smoke_fails_when_the_catalogue_is_missing(
    fake_bundle: Path, tmp_path: Path
) -> None:
    (fake_bundle / selfcheck.JAPANESE_CATALOGUE).unlink()
    result = _frozen_smoke(fake_bundle, tmp_path / "home")
    assert result.returncode == 1
    assert "smoke ok" not in result.stdout
    assert f"missing bundled file: {selfcheck.JAPANESE_CATALOGUE}" in result.stderr


# --- the PyInstaller spec -------------------------------------------------------------------


def _installer(repo_root: Path, name: str) -> str:
    return (repo_root / "installer" / name).read_text(encoding="utf-8-sig")


def test_spec_is_a_one_folder_build_of_both_executables(repo_root: Path) -> None:
    spec = _installer(repo_root, "ecocheck.spec")
    compile(spec, "ecocheck.spec", "exec")  # at least valid Python
    assert "exclude_binaries=True" in spec  # binaries go to COLLECT: one folder, not one file
    assert "COLLECT(" in spec
    assert 'name="EcoCheck"' in spec
    assert '"ecocheck-desktop", console=False' in spec
    assert '"ecocheck", console=True' in spec
    # resources.py expects resources/ and translations/ at the data root of the bundle
    assert '(str(ROOT / "resources"), "resources")' in spec
    assert '(str(qm), "translations")' in spec
    # the data folder stays PyInstaller's default _internal: the installer's icon path uses it
    assert "contents_directory" not in spec


@pytest.mark.parametrize(
    "module",
    ["PySide6.QtWebEngineCore", "PySide6.QtQuick", "PySide6.QtQml", "PySide6.QtNetwork",
     "PySide6.QtMultimedia", "PySide6.QtPdf", "tkinter", "pandas", "pytest",
     "matplotlib.backends.backend_tkagg", "matplotlib.backends.backend_wx",
     "matplotlib.backends.backend_gtk3", "ssl", "multiprocessing"],
)  # fmt: skip
def test_spec_excludes_what_the_app_never_uses(repo_root: Path, module: str) -> None:
    assert f'"{module}",' in _installer(repo_root, "ecocheck.spec")


def test_spec_keeps_what_matplotlibs_qt_backend_imports(repo_root: Path) -> None:
    assert '"PySide6.QtSvg",' not in _installer(repo_root, "ecocheck.spec")


def test_spec_scripts_and_hooks_exist(repo_root: Path) -> None:
    installer = repo_root / "installer"
    for script in (
        "entry_ecocheck.py",
        "entry_ecocheck_desktop.py",
        "entry_shared.py",
        "frozen_startup.py",
    ):
        compile((installer / script).read_text(encoding="utf-8"), script, "exec")
    hooks = sorted(p.name for p in (installer / "hooks").glob("hook-*.py"))
    assert hooks == [
        "hook-PySide6.QtCore.py",
        "hook-PySide6.QtGui.py",
        "hook-PySide6.QtWidgets.py",
        "hook-PySide6.py",
    ]


def test_qt_catalogue_hook_keeps_the_two_languages_the_gui_loads(repo_root: Path) -> None:
    hook = (repo_root / "installer" / "hooks" / "hook-PySide6.QtCore.py").read_text("utf-8")
    assert 'KEEP_QT_CATALOGUES = {"qtbase_ja.qm", "qtbase_en.qm"}' in hook


def _version_info_fields(text: str) -> tuple[dict, list[tuple[str, str]]]:
    """Evaluate version_info.txt with stand-ins for PyInstaller's classes (no pefile needed)."""
    strings: list[tuple[str, str]] = []

    def record(*args, **kwargs):
        return args, kwargs

    def string_struct(name, value):
        strings.append((name, value))

    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "VarFileInfo"]
    namespace = {name: record for name in names}
    namespace["StringStruct"] = string_struct
    namespace["VarStruct"] = record
    tree = ast.parse(text, mode="eval")  # an expression only, nothing else to run
    _, info = eval(compile(tree, "version_info.txt", "eval"), namespace)
    return info["ffi"][1], strings


def test_windows_version_resource_matches_the_package(repo_root: Path) -> None:
    fixed, strings = _version_info_fields(_installer(repo_root, "version_info.txt"))
    numbers = tuple(int(part) for part in ecocheck_desktop.__version__.split("."))
    numbers += (0,) * (4 - len(numbers))
    assert fixed["filevers"] == numbers
    assert fixed["prodvers"] == numbers
    as_dict = dict(strings)
    assert as_dict["FileVersion"] == ecocheck_desktop.__version__
    assert as_dict["ProductVersion"] == ecocheck_desktop.__version__
    assert as_dict["ProductName"] == ecocheck_desktop.APP_NAME


def test_icons_have_every_windows_size(repo_root: Path) -> None:
    icons = repo_root / "resources" / "icons"
    for name in ("ecocheck.ico", "ecocheck-file.ico"):
        with Image.open(icons / name) as ico:
            assert {16, 24, 32, 48, 256} <= {w for w, _ in ico.info["sizes"]}, name
    with Image.open(icons / "ecocheck.png") as png:
        assert png.size == (256, 256)
        assert png.mode == "RGBA"


# --- the Inno Setup script ------------------------------------------------------------------


@pytest.fixture
def iss(repo_root: Path) -> str:
    raw = (repo_root / "installer" / "ecocheck.iss").read_bytes()
    # Inno Setup before 6.3 reads UTF-8 (the Japanese messages) only with a BOM.
    assert raw.startswith(b"\xef\xbb\xbf")
    return raw.decode("utf-8-sig")


def _setup_directives(iss: str) -> dict[str, str]:
    section = iss.split("[Setup]", 1)[1].split("\n[", 1)[0]
    pairs = (line.split("=", 1) for line in section.splitlines() if "=" in line)
    return {key.strip(): value.strip() for key, value in pairs if not key.startswith(";")}


def test_installer_is_per_user_without_admin_rights(iss: str) -> None:
    setup = _setup_directives(iss)
    assert setup["PrivilegesRequired"] == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in setup
    assert setup["DefaultDirName"].startswith("{autopf}")  # %LOCALAPPDATA%\Programs per user
    assert "HKLM" not in iss
    assert "{commonpf}" not in iss
    assert "{commondesktop}" not in iss


def test_installer_languages_are_japanese_and_english(iss: str) -> None:
    languages = iss.split("[Languages]", 1)[1].split("\n[", 1)[0]
    assert 'Name: "japanese"; MessagesFile: "compiler:Languages\\Japanese.isl"' in languages
    assert 'Name: "english"; MessagesFile: "compiler:Default.isl"' in languages
    for message in ("ProjectFileType", "AppComment"):
        assert f"japanese.{message}=" in iss
        assert f"english.{message}=" in iss


def test_installer_shortcuts(iss: str) -> None:
    assert 'Name: "{autoprograms}\\{#AppName}"; Filename: "{app}\\{#AppExe}"' in iss
    desktop = next(line for line in iss.splitlines() if line.startswith('Name: "desktopicon"'))
    assert "Flags: unchecked" in desktop  # optional, off by default


def test_installer_associates_project_files_with_an_icon(iss: str, repo_root: Path) -> None:
    assert _setup_directives(iss)["ChangesAssociations"] == "yes"
    assert '"Software\\Classes\\.ecocheck\\OpenWithProgids"' in iss
    assert '"""{app}\\{#AppExe}"" ""%1"""' in iss
    icon_line = next(line for line in iss.splitlines() if "\\DefaultIcon" in line)
    # {app}\_internal is the bundle's data folder: the icon ships inside resources/
    assert "{app}\\_internal\\resources\\icons\\ecocheck-file.ico" in icon_line
    assert (repo_root / "resources" / "icons" / "ecocheck-file.ico").is_file()
    for line in iss.splitlines():
        if line.startswith("Root:"):
            assert line.startswith("Root: HKA;"), line


def test_uninstaller_leaves_user_files_alone(iss: str) -> None:
    assert "\n[UninstallDelete]" not in iss  # the section itself (the header comment names it)
    delete = iss.split("[InstallDelete]", 1)[1].split("\n[", 1)[0]
    targets = [line for line in delete.splitlines() if line.startswith("Type:")]
    assert targets == ['Type: filesandordirs; Name: "{app}\\_internal"']


def test_installer_files_it_references_exist(iss: str, repo_root: Path) -> None:
    setup = _setup_directives(iss)
    installer = repo_root / "installer"
    assert (installer / setup["SetupIconFile"].replace("\\", "/")).is_file()
    assert setup["OutputDir"] == "..\\dist"
    assert '#define Bundle "..\\dist\\EcoCheck"' in iss
    assert '#define AppExe "ecocheck-desktop.exe"' in iss


# --- build commands and CI ------------------------------------------------------------------


def test_build_scripts(repo_root: Path) -> None:
    build_sh = repo_root / "installer" / "build.sh"
    assert os.access(build_sh, os.X_OK)
    text = build_sh.read_text(encoding="utf-8")
    assert "installer/ecocheck.spec" in text
    assert "MAX_BUNDLE_MB=250" in text
    ps1 = (repo_root / "installer" / "build.ps1").read_text(encoding="utf-8")
    assert ps1.isascii()  # Windows PowerShell 5 reads a BOM-less script as the ANSI code page
    assert "installer\\ecocheck.spec" in ps1
    assert '"/DAppVersion=$version", "installer\\ecocheck.iss"' in ps1


def test_linux_ci_smoke_tests_the_bundle_after_the_tests(repo_root: Path) -> None:
    lines = (repo_root / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert "set -euo pipefail" in lines
    assert lines.index("installer/build.sh --smoke") > lines.index("scripts/dev.sh test")


def test_windows_workflow(repo_root: Path) -> None:
    workflow = (repo_root / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    assert "\t" not in workflow  # YAML forbids tabs
    assert "runs-on: windows-" in workflow
    assert "PYTHONIOENCODING: UTF-8" in workflow
    assert ".\\installer\\build.ps1 -Installer" in workflow
    assert "& $exe selftest" in workflow
    assert '"ecocheck-desktop.exe" -ArgumentList "--smoke"' in workflow.replace(
        ".\\dist\\EcoCheck\\", ""
    )
    assert "/VERYSILENT" in workflow
    assert "unins000.exe" in workflow
