"""The Chinese catalogue covers every UI string, and the shipped .qm is compiled from the .ts."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sellerdesk.ui.i18n import APP_CATALOG, TRANSLATIONS_DIR

ROOT = Path(__file__).resolve().parents[2]
TS = TRANSLATIONS_DIR / f"{APP_CATALOG}.ts"
QM = TRANSLATIONS_DIR / f"{APP_CATALOG}.qm"


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    if not Path(found).exists():
        pytest.skip(f"{name} is not installed")
    return found


def ui_sources() -> list[str]:
    files = [ROOT / "sellerdesk" / "app.py", *sorted((ROOT / "sellerdesk" / "ui").rglob("*.py"))]
    return [str(f.relative_to(ROOT)) for f in files]


def test_qm_is_compiled_from_the_current_ts(tmp_path):
    fresh = tmp_path / "fresh.qm"
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == QM.read_bytes(), (
        "sellerdesk_zh_CN.qm is stale: run pyside6-lrelease on sellerdesk_zh_CN.ts")


def test_every_ui_string_has_a_finished_chinese_translation(tmp_path):
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    subprocess.run([tool("pyside6-lupdate"), *ui_sources(), "-ts", str(copy), "-no-obsolete",
                    "-locations", "none"], cwd=ROOT, check=True, capture_output=True)
    missing = []
    for context in ET.parse(copy).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            unfinished = translation.get("type") in ("unfinished", "vanished", "obsolete")
            if unfinished or not (translation.text or "").strip():
                missing.append(f"{name}: {message.findtext('source')}")
    assert missing == [], "strings without a Chinese translation (run pyside6-lupdate, translate, lrelease)"


def test_placeholders_survive_translation():
    for message in ET.parse(TS).getroot().iter("message"):
        source, translation = message.findtext("source"), message.findtext("translation") or ""
        for placeholder in ("{file}", "{n}", "{path}", "{shortcut}", "{share}", "{total}", "{error}"):
            assert (placeholder in source) == (placeholder in translation), (source, translation)
