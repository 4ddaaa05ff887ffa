"""resources.py finds bundled files in a checkout, an installed wheel and a frozen bundle."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from ecocheck_desktop import resources


def _make_layout(root: Path) -> Path:
    (root / "resources" / "fonts").mkdir(parents=True)
    (root / "resources" / "fonts" / "ipaexg.ttf").write_bytes(b"font")
    (root / "translations").mkdir()
    return root


@pytest.fixture(autouse=True)
def _fresh_cache():
    resources.base_dir.cache_clear()
    yield
    resources.base_dir.cache_clear()


def test_source_checkout_finds_the_real_font(repo_root: Path) -> None:
    assert resources.base_dir() == repo_root
    font = resources.font_path()
    assert font.name == "ipaexg.ttf"
    assert font.stat().st_size > 1_000_000
    assert resources.font_licence_path().read_text(encoding="utf-8").startswith("IPA")


def test_frozen_bundle_is_preferred(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = _make_layout(tmp_path / "bundle")
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert resources.base_dir() == bundle
    assert resources.resource_path("fonts", "ipaexg.ttf").read_bytes() == b"font"


def test_installed_wheel_layout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    prefix = tmp_path / "venv"
    _make_layout(prefix / "share" / "ecocheck-desktop")
    # Pretend the package lives in site-packages, far from any checkout.
    fake_module = prefix / "lib" / "site-packages" / "ecocheck_desktop" / "resources.py"
    monkeypatch.setattr(resources, "__file__", str(fake_module))
    monkeypatch.setattr(sys, "prefix", str(prefix))
    assert resources.base_dir() == prefix / "share" / "ecocheck-desktop"
    assert resources.translations_dir().is_dir()


def test_missing_resource_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = _make_layout(tmp_path / "bundle")
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    with pytest.raises(resources.ResourceNotFoundError, match=r"resources/factors/manifest\.json"):
        resources.resource_path("factors", "manifest.json")


def test_no_layout_at_all_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(resources, "__file__", str(tmp_path / "a" / "b" / "resources.py"))
    monkeypatch.setattr(sys, "prefix", str(tmp_path / "nowhere"))
    with pytest.raises(resources.ResourceNotFoundError, match="resources folder not found"):
        resources.base_dir()
