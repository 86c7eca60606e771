"""Cancel answers at once and leaves the database as it was; short tasks never flash a dialog."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from sellerdesk.services.overview import load_overview
from sellerdesk.ui.tasks import Task, TaskRunner
from sellerdesk.ui.widgets.progress_dialog import TaskProgressDialog

from .helpers import IMPORT_TIMEOUT_MS, drop_files
from .taobao_csv import big_order_list, write_taobao_csv


def test_cancel_rolls_the_import_back(qtbot, window, tmp_path, tmp_shop):
    before = load_overview(tmp_shop)
    export = write_taobao_csv(tmp_path / "big.csv", big_order_list(50_000))
    drop_files(window, [export])
    dialog = window.importer.progress_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    assert "导入" in dialog.heading.text()

    with qtbot.waitSignal(window.importer.finished, timeout=IMPORT_TIMEOUT_MS) as done:
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        assert window.importer.task.cancelled  # answered at once, before the worker stops
        assert not dialog.cancel_button.isEnabled()
        assert "正在取消" in dialog.detail.text()

    assert [f.cancelled for f in done.args[0]] == [True]
    after = load_overview(tmp_shop)
    assert after == before and after.imports == []
    assert window.overview.showing_empty_state
    assert "取消" in window.statusBar().currentMessage()
    assert window.menu.import_files.isEnabled()  # ready for the next import


def test_a_short_task_shows_no_progress_dialog(qtbot, window):
    runner = TaskRunner(window)
    task = Task(lambda progress, cancel: progress(1.0, "done") or 42, window)
    seen = []
    task.done.connect(lambda: seen.append(dialog.isVisible()))  # connected first: runs before the dialog closes
    dialog = TaskProgressDialog(task, lambda: "quick", window)  # the real 500 ms delay
    with qtbot.waitSignal(task.succeeded, timeout=5000) as result:
        runner.start(task)
    assert result.args == [42] and seen == [False]


def test_a_long_task_shows_the_dialog_after_the_delay(qtbot, window):
    release = threading.Event()
    runner = TaskRunner(window)
    task = Task(lambda progress, cancel: release.wait(10), window)
    dialog = TaskProgressDialog(task, lambda: "slow", window, show_after_ms=50)
    assert not dialog.isVisible()
    runner.start(task)
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    with qtbot.waitSignal(task.done, timeout=5000):
        release.set()
    assert not dialog.isVisible()


def test_a_failing_task_reports_the_exception(qtbot, window):
    def broken(progress, cancel):
        raise ValueError("boom")

    task = Task(broken, window)
    with qtbot.waitSignal(task.failed, timeout=5000) as failed:
        window.runner.start(task)
    assert isinstance(failed.args[0], ValueError)


def test_a_step_past_undoing_disables_cancel_and_says_so(qtbot, window):
    in_finishing, in_next, leave_finishing, leave_next = (threading.Event() for _ in range(4))

    def work(progress, cancel):
        progress(0.5, "orders.csv")
        with cancel.finishing():
            progress(1.0, "orders.csv")
            in_finishing.set()
            leave_finishing.wait(10)
        progress(1.0, "next.csv")  # the next step can be cancelled again
        in_next.set()
        leave_next.wait(10)
        return "done"

    task = Task(work, window)
    dialog = TaskProgressDialog(task, lambda: "导入", window, show_after_ms=0)
    window.runner.start(task)
    qtbot.waitUntil(lambda: in_finishing.is_set() and "正在收尾 orders.csv" in dialog.detail.text(), timeout=5000)
    assert not dialog.cancel_button.isEnabled() and "无法取消" in dialog.detail.text()
    leave_finishing.set()
    qtbot.waitUntil(lambda: in_next.is_set() and dialog.detail.text() == "next.csv", timeout=5000)
    assert dialog.cancel_button.isEnabled()
    with qtbot.waitSignal(task.succeeded, timeout=5000) as result:
        leave_next.set()
    assert result.args == ["done"]
