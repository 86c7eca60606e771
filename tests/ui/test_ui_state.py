"""Per-machine UI state: language, folders, window geometry, in a temporary settings scope."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMainWindow

from sellerdesk.ui.ui_state import UiState


def test_defaults(tmp_settings):
    state = UiState()
    assert state.language == "zh"
    assert state.last_import_dir == ""


def test_values_are_remembered_across_instances(tmp_path):
    UiState().language = "en"
    UiState().last_import_dir = tmp_path
    assert UiState().language == "en"
    assert UiState().last_import_dir == str(tmp_path)


def test_a_folder_that_vanished_is_forgotten(tmp_path):
    gone = tmp_path / "gone"
    gone.mkdir()
    UiState().last_backup_dir = gone
    gone.rmdir()
    assert UiState().last_backup_dir == ""


def test_unknown_languages_are_refused():
    with pytest.raises(ValueError):
        UiState().language = "fr"


def test_window_geometry_round_trip(qtbot):
    first = QMainWindow()
    qtbot.addWidget(first)
    first.setGeometry(40, 50, 700, 500)
    UiState().save_window(first)
    second = QMainWindow()
    qtbot.addWidget(second)
    assert UiState().restore_window(second)
    assert second.size() == first.size()


def test_the_main_window_saves_its_geometry_when_closed(window, ui_state):
    window.resize(700, 520)
    window.close()
    restored = QMainWindow()
    assert ui_state.restore_window(restored)
    assert restored.size().width() == 700
