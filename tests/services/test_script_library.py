"""The script library through the services: built-ins overlaid by the shop's own, filled from an
order, arranged, counted, exported and imported (a bad file refused whole, with its line)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime

import pytest

from sellerdesk.domain.scripts import ScriptMessage
from sellerdesk.services import script_library as lib
from sellerdesk.services.importing import import_files
from sellerdesk.services.shop import ShopFile
from tests.services import taobao_csv as tb

NOW = datetime(2025, 11, 13, 9, 30)


@pytest.fixture
def shop(tmp_path):
    path = tb.write(tmp_path / "ExportOrderList1.csv", [tb.row("3141592653", "tb_Alice", "201.12")])
    shop = ShopFile(tmp_path / "shop.sqlite")
    assert not import_files(shop, [path]).failed
    return shop


def keys(scripts):
    return [s.key for s in scripts]


def test_the_built_in_library_in_its_order(shop):
    scripts = lib.list_scripts(shop)
    assert keys(scripts) == keys(lib.builtin_scripts())
    assert all(s.builtin and s.enabled for s in scripts)
    assert lib.edited_scripts(shop) == set()


def test_render_fills_the_order_and_never_shows_braces(shop):
    r = lib.render(shop, "wrong_item.standard", ' ="3141592653"', "zh")
    text = "\n".join(r.messages)
    assert r.order_found is True and "王小明" in text and "{" not in text and "}" not in text
    assert r.values["order"] == "3141592653" and r.resolution
    en = lib.render(shop, "wrong_item.standard", "3141592653", "en")
    assert "{" not in "".join(en.messages) and en.messages != r.messages


def test_an_unknown_order_still_gives_the_script_with_neutral_words(shop):
    r = lib.render(shop, "wrong_item.standard", "999000111", "zh")
    assert r.order_found is False and r.values == {}
    assert len(r.messages) == len(lib.get_script(shop, "wrong_item.standard").messages)
    assert all(m and "{" not in m for m in r.messages) and "亲" in "".join(r.messages)
    assert lib.render(shop, "peak_notice.standard", None).order_found is None
    with pytest.raises(lib.ScriptError):
        lib.render(shop, "no_such.script", "3141592653")


def test_editing_a_built_in_then_resetting_it(shop):
    original = lib.get_script(shop, "size_colour.standard")
    edited = replace(original, messages=original.messages + (ScriptMessage("confirm", "亲，还有别的需要吗？",
                                                                           "Anything else?"),))
    saved = lib.save_script(shop, edited, NOW)
    assert saved.builtin and saved.messages[-1].text_zh == "亲，还有别的需要吗？"
    assert lib.edited_scripts(shop) == {"size_colour.standard"}
    assert lib.reset_script(shop, "size_colour.standard") == original
    assert lib.edited_scripts(shop) == set()


def test_saving_a_built_in_unchanged_stores_no_copy_of_its_text(shop):
    lib.save_script(shop, lib.get_script(shop, "invoice.standard"), NOW)
    assert lib.edited_scripts(shop) == set()


def test_a_shops_own_script_added_and_deleted(shop):
    key = lib.new_script_key(shop, "size_colour", "warm")
    assert key == "size_colour.warm-2"  # the built-in warm variant has size_colour.warm
    own = replace(lib.get_script(shop, "size_colour.warm"), key=key, title_zh="尺码不合适（店长版）", builtin=False)
    lib.save_script(shop, own, NOW)
    assert lib.get_script(shop, key).title_zh == "尺码不合适（店长版）" and not lib.get_script(shop, key).builtin
    lib.record_use(shop, key, NOW)
    lib.delete_script(shop, key)
    assert lib.get_script(shop, key) is None and key not in lib.usage_counts(shop)
    with pytest.raises(lib.ScriptError) as err:
        lib.delete_script(shop, "wrong_item.standard")
    assert "disabled or reset" in err.value.message("en")


def test_a_script_the_format_refuses_is_not_stored(shop):
    bad = replace(lib.get_script(shop, "invoice.standard"), key="invoice.mine", reason="not_a_reason")
    with pytest.raises(lib.ScriptError):
        lib.save_script(shop, bad, NOW)
    empty = replace(lib.get_script(shop, "invoice.standard"), key="invoice.mine", messages=())
    with pytest.raises(lib.ScriptError):
        lib.save_script(shop, empty, NOW)
    assert lib.get_script(shop, "invoice.mine") is None


def test_disable_reorder_and_shortcuts(shop):
    lib.set_enabled(shop, "quality.brief", False)
    assert not lib.get_script(shop, "quality.brief").enabled
    assert "quality.brief" not in keys(lib.search(shop, "质量"))
    assert "quality.brief" in keys(lib.search(shop, "质量", include_disabled=True))
    before = keys(lib.list_scripts(shop))
    lib.reorder_scripts(shop, ["size_colour.brief", "size_colour.standard", "size_colour.warm"])  # a reason's own
    after = keys(lib.list_scripts(shop))
    at = before.index("size_colour.standard")
    assert after[at:at + 3] == ["size_colour.brief", "size_colour.standard", "size_colour.warm"]
    assert [k for k in after if not k.startswith("size_colour")] == [k for k in before if not k.startswith("size_")]
    lib.reorder_scripts(shop, list(reversed(after)))  # the whole list
    assert keys(lib.list_scripts(shop)) == list(reversed(after))
    # shortcut 7 belongs to wrong_item.standard in the built-in library: giving it away takes it from there
    lib.set_shortcut(shop, "size_colour.warm", 7)
    shortcuts = {s.key: s.shortcut for s in lib.list_scripts(shop)}
    assert shortcuts["size_colour.warm"] == 7 and shortcuts["wrong_item.standard"] is None
    assert list(shortcuts.values()).count(7) == 1
    lib.reset_script(shop, "wrong_item.standard")  # its number comes back with it
    shortcuts = {s.key: s.shortcut for s in lib.list_scripts(shop)}
    assert shortcuts["wrong_item.standard"] == 7 and shortcuts["size_colour.warm"] is None
    with pytest.raises(lib.ScriptError):
        lib.set_shortcut(shop, "size_colour.warm", 10)
    with pytest.raises(lib.ScriptError):
        lib.reorder_scripts(shop, ["nope"])


def test_search_by_words_and_pinyin_initials(shop):
    assert keys(lib.search(shop, "fch"))[0] == "wrong_item.standard"
    assert keys(lib.search(shop, "thyf"))[0] == "return_shipping.standard"
    assert "invoice.standard" in keys(lib.search(shop, "invoice", "en"))


def test_usage_counts_per_script(shop):
    for _ in range(3):
        lib.record_use(shop, "size_colour.standard", NOW)
    lib.record_use(shop, "size_colour.standard", datetime(2025, 11, 14, 8))
    lib.record_use(shop, "damaged.standard", NOW)
    assert lib.usage_counts(shop) == {"size_colour.standard": 4, "damaged.standard": 1}
    assert lib.usage_counts(shop, since=datetime(2025, 11, 14).date()) == {"size_colour.standard": 1}


def test_export_then_import_into_another_shop(shop, tmp_path):
    lib.set_enabled(shop, "quality.brief", False)
    own = replace(lib.get_script(shop, "damaged.standard"), key="damaged.mine", title_zh="破损（我们的）",
                  builtin=False, shortcut=None)
    lib.save_script(shop, own, NOW)
    out = tmp_path / "our-scripts.json"
    assert lib.export_library(shop, out) == len(lib.builtin_scripts()) + 1
    other = ShopFile(tmp_path / "other.sqlite")
    assert lib.import_library(other, out, NOW) == len(lib.builtin_scripts()) + 1
    assert lib.list_scripts(other) == lib.list_scripts(shop)
    assert lib.edited_scripts(other) == set()  # the built-ins came back as they are: no copies


def test_a_malformed_library_is_refused_whole_with_its_line(shop, tmp_path):
    scripts = json.loads(lib.export_library(shop, tmp_path / "a.json") and (tmp_path / "a.json").read_text("utf-8"))
    scripts["scripts"][0]["title_zh"] = "发错货（改）"
    scripts["scripts"][1]["messages"] = "not a list"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(scripts, ensure_ascii=False, indent=2), encoding="utf-8")
    expected_line = next(i for i, line in enumerate(bad.read_text("utf-8").splitlines(), 1) if "not a list" in line)
    with pytest.raises(lib.ScriptError) as err:
        lib.import_library(shop, bad, NOW)
    assert err.value.line == expected_line and "bad.json" in err.value.message("en")
    assert lib.get_script(shop, "wrong_item.standard").title_zh == "发错货"  # the good first script was not taken
    broken = tmp_path / "broken.json"
    broken.write_text('{"version": 1,\n "scripts": [\n  {"key": }\n]}', encoding="utf-8")
    with pytest.raises(lib.ScriptError) as err:
        lib.import_library(shop, broken, NOW)
    assert err.value.line == 3
    gbk = tmp_path / "gbk.json"
    gbk.write_bytes('{"version": 1,\n"note": "发错货"}'.encode("gbk"))
    with pytest.raises(lib.ScriptError) as err:
        lib.import_library(shop, gbk, NOW)
    assert err.value.line == 2
    with pytest.raises(lib.ScriptError):
        lib.import_library(shop, tmp_path / "missing.json", NOW)
    assert lib.edited_scripts(shop) == set()


def test_exporting_the_library_where_it_cannot_be_written_says_so_and_leaves_nothing(shop, tmp_path):
    with pytest.raises(lib.ScriptError) as err:
        lib.export_library(shop, tmp_path / "missing" / "lib.txt")
    assert "missing" in err.value.message_en and err.value.message_zh
    target = tmp_path / "lib.txt"
    target.write_text("the old library", encoding="utf-8")
    assert lib.export_library(shop, target) > 0
    assert target.read_text(encoding="utf-8") != "the old library"
    assert not list(tmp_path.glob(".lib.*"))  # no temporary file left
