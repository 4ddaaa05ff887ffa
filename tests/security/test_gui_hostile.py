"""The GUI shows a message, never a traceback, for a hostile environment or hostile text:
a folder the user may not enter, a too-long path, a FIFO as a bill scan, an unpaired surrogate
or an over-long company name."""

from __future__ import annotations

import errno
import os
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from ecocheck_desktop.core import limits
from ecocheck_desktop.core.messages import Message

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def window(qtbot: Any, qapp: Any) -> Any:
    from ecocheck_desktop.gui.i18n import LanguageManager
    from ecocheck_desktop.gui.main_window import MainWindow
    from ecocheck_desktop.gui.settings import Settings
    from ecocheck_desktop.store.project_file import ProjectFile

    languages = LanguageManager(qapp)
    languages.set_language("en")
    main = MainWindow(Settings(), languages, remember_settings=False)
    main.store_opener = ProjectFile
    qtbot.addWidget(main)
    failures: list[Message] = []
    main._show_failure = failures.extend  # the message box, without a modal loop
    main.failures = failures
    return main


def test_opening_where_the_user_may_not_enter_shows_a_message(window: Any, tmp_path: Path) -> None:
    target = tmp_path / "locked" / "client.ecocheck"

    def refuse(path: object, *args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(target))

    window.service.open = refuse  # root may enter any folder: the refusal is simulated
    assert window.open_project(str(target)) is False
    [message] = window.failures
    assert message.code == "file.environment"
    assert message.where["file"] == str(target)


@pytest.mark.parametrize("kind", ["too_long", "through_a_file", "folder"])
def test_opening_impossible_paths_shows_a_message(window: Any, tmp_path: Path, kind: str) -> None:
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    path = {
        "too_long": tmp_path / ("長" * 200 + ".ecocheck"),
        "through_a_file": tmp_path / "plain" / "x.ecocheck",
        "folder": tmp_path,
    }[kind]
    assert window.open_project(str(path)) is False
    assert window.failures and all(isinstance(m, Message) for m in window.failures)


def test_hostile_company_text_is_refused_with_a_message(window: Any, tmp_path: Path) -> None:
    from ecocheck_desktop.exchange.demo import write_demo

    path = tmp_path / "demo.ecocheck"
    write_demo(path)
    assert window.open_project(str(path))
    service = window.service
    seen: list[Any] = []
    service.failed.connect(seen.extend)
    before = service.project.company
    service.set_company(replace(before, name="株式会社\ud800"))  # escaped set_company before
    service.set_company(replace(before, name="名" * (limits.MAX_COMPANY_NAME + 1)))
    assert [m.code for m in seen] == ["text.bad_characters", "text.too_long"]
    assert service.project.company == before
    service.close()


def test_a_fifo_as_a_bill_scan_is_refused_at_once(window: Any, tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    from ecocheck_desktop.exchange.demo import write_demo

    path = tmp_path / "demo.ecocheck"
    project = write_demo(path)
    assert window.open_project(str(path))
    fifo = tmp_path / "scan.pdf"
    os.mkfifo(fifo)
    record = project.records[0]
    from ecocheck_desktop.gui.grid_cells import EnergyLine

    line = EnergyLine(record.site or project.sites[0].name, record.energy, record.unit)
    messages = window.service.attach_bill(record.month, line, fifo)  # hung before
    assert [m.code for m in messages] == ["file.not_regular"]
    window.service.close()


def test_the_company_page_caps_what_can_be_typed(window: Any) -> None:
    page = window.page("company")
    assert page.profile["name"].maxLength() == limits.MAX_COMPANY_NAME
    assert page.profile["address"].maxLength() == limits.text_limit("Company", "address")
    assert page.profile["industry"].lineEdit().maxLength() == limits.MAX_SHORT_TEXT
    assert page.new_site.maxLength() == limits.MAX_SITE_NAME


def test_every_text_edit_of_the_service_is_capped(window: Any, tmp_path: Path) -> None:
    from ecocheck_desktop.exchange.demo import write_demo

    path = tmp_path / "demo.ecocheck"
    project = write_demo(path)
    assert window.open_project(str(path))
    service = window.service
    seen: list[Any] = []
    service.failed.connect(seen.extend)
    contract = project.contracts[0]
    service.set_contract(replace(contract, supplier="電力\udc00"))
    year = next(iter(project.fiscal_years.values()))
    service.set_fiscal_year(replace(year, production_unit="t" * (limits.MAX_SHORT_TEXT + 1)))
    service.upsert_site(replace(project.sites[0], name="工" * (limits.MAX_SITE_NAME + 1)))
    assert [m.code for m in seen] == ["text.bad_characters", "text.too_long", "text.too_long"]
    assert service.project.contracts == project.contracts
    assert service.project.sites == project.sites
    service.close()


def test_a_new_project_with_bad_text_is_refused_with_a_message(window: Any, tmp_path: Path) -> None:
    from ecocheck_desktop.core.model import Company
    from ecocheck_desktop.gui.wizard import NewCompanyAnswers

    target = tmp_path / "new.ecocheck"
    answers = NewCompanyAnswers(
        path=target, company=Company(name="株式会社\ud800"), sites=[], contracts=[],
        first_fy=2025,
    )  # fmt: skip
    assert window.create_project(answers) is False
    assert [m.code for m in window.failures] == ["text.bad_characters"]
    assert not target.exists()


def test_a_portfolio_folder_the_user_may_not_enter_is_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ecocheck_desktop.core.messages import EcoCheckError
    from ecocheck_desktop.exchange.portfolio import project_files

    locked = tmp_path / "locked" / "clients"
    real_stat = Path.stat

    def stat(self: Path, *args: Any, **kwargs: Any) -> os.stat_result:
        if self == locked:  # as for a folder inside one without the execute permission
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_stat(self, *args, **kwargs)

    monkeypatch.setattr(Path, "stat", stat)
    with pytest.raises(EcoCheckError) as error:
        project_files(locked)  # the remembered folder the portfolio page scans at start
    [message] = error.value.messages
    assert message.code == "portfolio.folder_unreadable"
    assert message.params["folder"] == str(locked)


@pytest.mark.parametrize(
    "error",
    [
        PermissionError(errno.EACCES, "Permission denied", "/share/out/report.pdf"),
        OSError(errno.ENOSPC, "No space left on device", "/share/out/report.pdf"),
    ],
)
def test_background_work_reports_the_environment_as_a_message(qtbot: Any, error: OSError) -> None:
    from ecocheck_desktop.gui.worker import Worker

    worker = Worker()

    def work(progress: Any, cancelled: Any) -> None:
        raise error

    with qtbot.waitSignal(worker.failed, timeout=10000) as blocker:
        worker.start(work)
    [message] = blocker.args[0]
    assert message.code == "file.environment"
    assert message.where["file"] == "/share/out/report.pdf"


def test_background_work_still_reports_a_defect_as_such(qtbot: Any) -> None:
    from ecocheck_desktop.gui.worker import Worker

    worker = Worker()

    def work(progress: Any, cancelled: Any) -> None:
        raise RuntimeError("a bug")

    with qtbot.waitSignal(worker.failed, timeout=10000) as blocker:
        worker.start(work)
    assert blocker.args[0] == "RuntimeError: a bug"


def test_typed_and_pasted_quantities_have_the_import_limits(window: Any, tmp_path: Path) -> None:
    from ecocheck_desktop.core.fiscal import fiscal_year_of
    from ecocheck_desktop.exchange.demo import write_demo

    path = tmp_path / "demo.ecocheck"
    project = write_demo(path)
    assert window.open_project(str(path))
    service = window.service
    record = next(r for r in project.records if r.energy == "electricity")
    year = fiscal_year_of(record.month, project.company.fy_start_month)
    problems = service.set_quantity(year, record.month, "electricity", "100000000000", unit="kWh")
    assert [m.code for m in problems] == ["quantity.implausible"]
    assert service.set_quantity(year, record.month, "electricity", "12345", unit="kWh") == []
    service.close()


@pytest.mark.parametrize("name", ["x" * 300 + ".ecocheck", "長" * 200 + ".ecocheck"])
def test_the_service_names_a_too_long_path_in_a_message(
    qapp: Any, tmp_path: Path, name: str
) -> None:
    """The GUI service itself (used by the wizard, the demo, the CLI-like callers) raises the
    catalogue's file.environment for a name the file system cannot hold, never a raw OSError."""
    from PySide6.QtGui import QUndoStack

    from ecocheck_desktop.core.messages import EcoCheckError
    from ecocheck_desktop.core.model import Company
    from ecocheck_desktop.gui.service import ProjectService
    from ecocheck_desktop.store.project_file import ProjectFile

    service = ProjectService(QUndoStack(), opener=ProjectFile, user="t")
    path = tmp_path / name
    for action in (
        lambda: service.new_project(path, Company("長いパス")),
        lambda: service.open(path),
    ):
        with pytest.raises(EcoCheckError) as error:
            action()
        assert [m.code for m in error.value.messages] == ["file.environment"]
        assert str(path) in error.value.messages[0].text()
    assert not service.is_open and list(tmp_path.iterdir()) == []
