"""Finding a Chinese font: the search order on each system, in fake font folders."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from sellerdesk.exporters.pdf.cjk_font import (ENV_VAR, FontChoice, FontNotFound, candidates, find_cjk_font,
                                               font_dirs, loads_chinese, register_cjk_font)

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _put(folder: Path, name: str, source: Path | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    if source is None:
        target.write_bytes(b"not a font at all")
    else:
        target.symlink_to(source)
    return target



def test_windows_prefers_yahei_then_simhei_and_looks_in_the_users_fonts(tmp_path):
    win = tmp_path / "Windows"
    local = tmp_path / "Local"
    _put(win / "Fonts", "simsun.ttc")
    _put(win / "Fonts", "simhei.ttf")
    env = {"WINDIR": str(win), "LOCALAPPDATA": str(local)}
    found = find_cjk_font(system="win32", env=env, usable=lambda c: True)
    assert found == FontChoice(win / "Fonts" / "simhei.ttf", 0)
    _put(local / "Microsoft" / "Windows" / "Fonts", "msyh.ttc")
    assert find_cjk_font(system="win32", env=env, usable=lambda c: True).path.name == "msyh.ttc"


def test_macos_order_and_linux_layouts_of_other_distributions(tmp_path):
    home = tmp_path / "home"
    _put(home / "Library" / "Fonts", "Arial Unicode.ttf")
    mac = candidates([home / "Library" / "Fonts"], __import__("sellerdesk.exporters.pdf.cjk_font",
                                                               fromlist=["MACOS_FONTS"]).MACOS_FONTS)
    assert [c.path.name for c in mac] == ["Arial Unicode.ttf"]
    assert home / "Library" / "Fonts" in font_dirs("darwin", {"HOME": str(home)})
    # Fedora keeps WenQuanYi in its own folder; the search walks the tree by file name.
    share = tmp_path / "usr" / "share"
    _put(share / "fonts" / "wqy-microhei", "wqy-microhei.ttc")
    _put(share / "fonts" / "google-droid", "DroidSansFallbackFull.ttf")
    env = {"HOME": str(home), "XDG_DATA_DIRS": str(share)}
    assert find_cjk_font(system="linux", env=env, usable=lambda c: True).path.name == "wqy-microhei.ttc"


def test_a_font_that_cannot_be_embedded_is_skipped(tmp_path):
    if not WQY.exists():
        pytest.skip("fonts-wqy-microhei is not installed")
    fonts = tmp_path / "share" / "fonts"
    broken = _put(fonts / "a", "wqy-microhei.ttc")  # garbage under the best name
    _put(fonts / "b", "uming.ttc", WQY)  # a real font under a later name
    env = {"HOME": str(tmp_path), "XDG_DATA_DIRS": str(tmp_path / "share")}
    assert not loads_chinese(FontChoice(broken))
    found = find_cjk_font(system="linux", env=env)
    assert found.path.name == "uming.ttc" and loads_chinese(found)


def test_a_font_without_chinese_is_not_enough(tmp_path):
    if not DEJAVU.exists():
        pytest.skip("DejaVu is not installed")
    assert not loads_chinese(FontChoice(DEJAVU))


def test_the_environment_variable_comes_first_with_a_face_index(tmp_path):
    if not WQY.exists():
        pytest.skip("fonts-wqy-microhei is not installed")
    env = {"HOME": str(tmp_path), "XDG_DATA_DIRS": str(tmp_path), ENV_VAR: f"{WQY}#1"}
    found = find_cjk_font(system="linux", env=env)
    assert found == FontChoice(WQY, 1)  # WenQuanYi Micro Hei Mono, the second face
    assert FontChoice.parse("C:/Fonts/msyh.ttc") == FontChoice(Path("C:/Fonts/msyh.ttc"), 0)
    assert register_cjk_font(found) == register_cjk_font(found)  # registered once


def test_nothing_found_says_what_to_install(tmp_path):
    env = {"HOME": str(tmp_path), "XDG_DATA_DIRS": str(tmp_path), "WINDIR": str(tmp_path)}
    _put(tmp_path / "fonts", "wqy-zenhei.ttc")  # found, but not a font
    with pytest.raises(FontNotFound) as e:
        find_cjk_font(system="linux", env=env)
    assert "fonts-wqy-microhei" in e.value.message_zh and "fonts-wqy-microhei" in e.value.message_en
    assert "wqy-zenhei.ttc" in e.value.message_en and ENV_VAR in e.value.message_en
    with pytest.raises(FontNotFound) as e:
        find_cjk_font(system="win32", env=env)
    assert "msyh.ttc" in e.value.message_en and "微软雅黑" in e.value.message_zh
    with pytest.raises(FontNotFound) as e:
        find_cjk_font(system="darwin", dirs=[tmp_path / "none"], env=env)
    assert "PingFang" in e.value.message_en


@pytest.mark.skipif(not shutil.which("fc-list") or not WQY.exists(), reason="no fontconfig or WenQuanYi")
def test_this_machine_has_a_font():
    found = find_cjk_font(env={k: v for k, v in os.environ.items() if k != ENV_VAR})
    assert loads_chinese(found)


@pytest.mark.skipif(not WQY.exists(), reason="fonts-wqy-microhei is not installed")
def test_prepare_pdf_from_several_threads_registers_the_font_once(monkeypatch):
    """The report loads reportlab and the font on a thread while it reads its figures; the
    renderer asks again: one search, one font name."""
    import threading

    from sellerdesk.exporters import pdf

    monkeypatch.setenv(ENV_VAR, str(WQY))
    monkeypatch.setattr(pdf, "_default_fonts", {})
    searches = []
    real = pdf.find_cjk_font
    monkeypatch.setattr(pdf, "find_cjk_font", lambda: searches.append(1) or real())
    names: list[str] = []
    threads = [threading.Thread(target=lambda: names.append(pdf.prepare_pdf())) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(names)) == 1 and len(names) == 4 and searches == [1]
    assert pdf.prepare_pdf(FontChoice(WQY, 0)) == names[0]


def test_prepare_pdf_raises_font_not_found_and_searches_again_next_time(monkeypatch, tmp_path):
    from sellerdesk.exporters import pdf

    monkeypatch.setenv(ENV_VAR, str(_put(tmp_path, "broken.ttf")))
    monkeypatch.setattr(pdf, "_default_fonts", {})
    monkeypatch.setattr(pdf, "find_cjk_font", lambda: find_cjk_font(system="linux", dirs=[tmp_path / "none"]))
    for _ in range(2):
        with pytest.raises(FontNotFound):
            pdf.prepare_pdf()
    assert pdf._default_fonts == {}
