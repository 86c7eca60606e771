"""Shared fixtures: Qt offscreen, a private data folder, a temporary shop file.

QT_QPA_PLATFORM is set here, before any test module imports Qt, so the UI
tests run without a display. SELLERDESK_HOME points every test at its own
folder, so no test ever touches the real per-user data folder.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def sellerdesk_home(tmp_path_factory, monkeypatch):
    """The per-user data folder for this test (default shop file, demo shop)."""
    home = tmp_path_factory.mktemp("sellerdesk-home")
    monkeypatch.setenv("SELLERDESK_HOME", str(home))
    return home


@pytest.fixture
def tmp_shop(tmp_path):
    """A created, migrated, empty shop database in tmp_path."""
    from sellerdesk.services.shop import ShopFile

    shop = ShopFile(tmp_path / "shop.sqlite")
    shop.ensure()
    return shop
