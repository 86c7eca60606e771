"""The command line, run as a user runs it: a subprocess with arguments and exit codes."""

import json
import subprocess
import sys

import pytest

from tests.services import taobao_csv as tb


def run(*args, env_home=None):
    proc = subprocess.run([sys.executable, "-m", "sellerdesk", *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", timeout=120)
    return proc.returncode, proc.stdout, proc.stderr


@pytest.fixture
def orders_csv(tmp_path):
    return tb.write(tmp_path / "ExportOrderList1.csv", [
        tb.row("1001", "tb_a", "201.12"),
        tb.row("1002", "tb_a", "99.00", created="2025-11-12 10:00:00"),
        tb.row("1003", "tb_b", "50.00", status="交易关闭", refund="50.00"),
        tb.row("1004", "tb_c", "bad"),
    ])


def test_import_then_stats_json(tmp_path, orders_csv):
    db = tmp_path / "shop.sqlite"
    code, out, err = run("import", orders_csv, "--db", db, "--json")
    assert code == 0, err
    [f] = json.loads(out)
    assert (f["orders_added"], f["buyers_added"], f["rows_rejected"]) == (3, 2, 1)
    assert f["rejected"][0]["row"] == 5 and f["rejected"][0]["column"] == "买家实际支付金额"
    code, out, err = run("stats", "--db", db, "--json")
    assert code == 0, err
    assert json.loads(out) == {
        "orders": 3, "countable_orders": 2, "buyers": 2, "repeat_buyers": 1,
        "paid_total": "300.12", "net_total": "300.12", "refunded_orders": 1,
    }


def test_human_readable_import_summary(tmp_path, orders_csv):
    code, out, _ = run("import", orders_csv, "--db", tmp_path / "s.sqlite")
    assert code == 0
    assert "新增订单 3" in out and "rows read" in out and "第 5 行" in out


def test_a_file_that_cannot_be_imported_exits_3(tmp_path):
    bad = tmp_path / "notes.csv"
    bad.write_text("name,amount\nfoo,1\n", encoding="utf-8")
    code, _, err = run("import", bad, "--db", tmp_path / "s.sqlite")
    assert code == 3 and "notes.csv" in err and "Unknown file layout" in err
    code, _, err = run("import", tmp_path / "missing.csv", "--db", tmp_path / "s.sqlite")
    assert code == 3


def test_generic_import_with_map(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("单号,客户,金额,状态\nA1,老王,12.50,已完成\nA2,老王,2.00,已完成\n", encoding="utf-8")
    db = tmp_path / "s.sqlite"
    code, out, err = run("import", path, "--db", db, "--map", "order_no=单号,buyer=客户,paid=金额,status=状态")
    assert code == 0, err
    code, out, _ = run("stats", "--db", db, "--json")
    assert json.loads(out)["repeat_buyers"] == 1


def test_bad_usage_exits_2(tmp_path):
    assert run("import")[0] == 2
    assert run("import", "x.csv", "--platform", "amazon")[0] == 2
    assert run("stats", "--bogus")[0] == 2
    assert run("import", "x.csv", "--map", "nonsense")[0] == 2


def test_stats_of_an_empty_shop(tmp_path):
    code, out, _ = run("stats", "--db", tmp_path / "new.sqlite", "--json")
    assert code == 0
    assert json.loads(out) == {"orders": 0, "countable_orders": 0, "buyers": 0, "repeat_buyers": 0,
                               "paid_total": "0.00", "net_total": None, "refunded_orders": None}


def test_a_newer_database_is_refused(tmp_path):
    import sqlite3

    db = tmp_path / "future.sqlite"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    code, _, err = run("stats", "--db", db)
    assert code == 2 and "newer" in err


def test_groups_and_export_group_commands(tmp_path, capsys):
    import json as _json

    from sellerdesk.cli import main as cli_main

    db = tmp_path / "shop.sqlite"
    assert cli_main(["demo", "--db", str(db), "--buyers", "150", "--today", "2025-12-01"]) == 0
    capsys.readouterr()
    assert cli_main(["groups", "--db", str(db), "--as-of", "2025-12-01", "--json"]) == 0
    groups = _json.loads(capsys.readouterr().out)
    keys = {g["key"] for g in groups}
    assert {"new", "repeat", "active", "loyal", "general", "dormant_high_value", "second_purchase_window",
            "rfm_important_value", "rfm_general_winback"} <= keys
    assert all({"key", "name_zh", "name_en", "size"} <= set(g) for g in groups)
    by_key = {g["key"]: g for g in groups}
    assert by_key["new"]["size"] + by_key["repeat"]["size"] > 0
    out = tmp_path / "loyal.csv"
    assert cli_main(["export-group", "repeat", "--out", str(out), "--holdout", "10", "--seed", "1",
                     "--db", str(db), "--as-of", "2025-12-01"]) == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf") and "exported" in capsys.readouterr().out
    assert cli_main(["export-group", "nope", "--out", str(out), "--db", str(db)]) == 2
    assert cli_main(["export-group", "repeat", "--out", str(out), "--holdout", "95", "--db", str(db)]) == 2


def test_calendar_campaign_and_tasks_commands(tmp_path, capsys):
    from sellerdesk.cli import main as cli_main

    db = str(tmp_path / "shop.sqlite")
    assert cli_main(["calendar", "--year", "2026", "--json", "--db", db]) == 0
    year = json.loads(capsys.readouterr().out)
    assert year["holidays_known"] is True and year["campaigns"] == []
    festivals = {e["key"]: e for e in year["entries"] if e["kind"] == "festival"}
    assert (festivals["1111"]["start"], festivals["1111"]["day"]) == ("2026-10-31", "2026-11-11")

    assert cli_main(["campaign", "apply", "1111", "--festival", "1111", "--year", "2026", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "已创建活动" in out and "campaign #1 created" in out
    assert cli_main(["campaign", "apply", "1111", "--festival", "1111", "--year", "2026", "--db", db]) == 2
    assert "already has" in capsys.readouterr().err
    assert cli_main(["campaign", "apply", "nope", "--festival", "1111", "--year", "2026", "--db", db]) == 2
    assert "No such playbook" in capsys.readouterr().err
    assert cli_main(["campaign", "apply", "1111", "--festival", "1010", "--year", "2026", "--db", db]) == 2
    assert "Unknown festival" in capsys.readouterr().err

    assert cli_main(["tasks", "--due", "--as-of", "2026-11-10T20:30", "--json", "--db", db]) == 0
    due = json.loads(capsys.readouterr().out)
    titles = {t["starts_at"]: t for t in due}
    assert "2026-11-10T20:00:00" in titles and titles["2026-11-10T20:00:00"]["status"] == "todo"
    assert any(t["status"] == "late" for t in due)  # pool building and round 1 have passed
    assert all(t["starts_at"] < "2026-11-11" for t in due)
    assert cli_main(["tasks", "--json", "--db", db]) == 0
    assert len(json.loads(capsys.readouterr().out)) > len(due)
    assert cli_main(["tasks", "--due", "--as-of", "2026-11-10T20:30", "--db", db]) == 0
    assert "逾期 late" in capsys.readouterr().out

    ics = tmp_path / "2026.ics"
    assert cli_main(["calendar", "--year", "2026", "--ics", str(ics), "--db", db]) == 0
    out = capsys.readouterr().out
    assert "exported" in out and "双11" in out and "campaign #1" in out
    assert ics.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert cli_main(["calendar", "--year", "2030", "--db", db]) == 0
    assert "not published yet" in capsys.readouterr().out


def test_calendar_commands_as_a_user_runs_them(tmp_path):
    db = tmp_path / "shop.sqlite"
    code, out, err = run("campaign", "apply", "618", "--festival", "618", "--year", "2026", "--db", db)
    assert code == 0, err
    code, out, err = run("tasks", "--json", "--db", db)
    assert code == 0 and json.loads(out)
    assert run("tasks", "--as-of", "yesterday", "--db", db)[0] == 2
    assert run("campaign", "apply", "618", "--year", "2026", "--db", db)[0] == 2  # --festival is required
    code, _, err = run("calendar", "--ics", tmp_path / "out.txt", "--db", db)
    assert code == 4 and ".ics" in err


def test_scripts_list_search_and_json(tmp_path, capsys):
    from sellerdesk.cli import main as cli_main

    db = str(tmp_path / "shop.sqlite")
    assert cli_main(["scripts", "--json", "--db", db]) == 0
    scripts = json.loads(capsys.readouterr().out)
    reasons = {s["reason"] for s in scripts}
    assert {"wrong_item", "size_colour", "no_longer_wanted", "peak_notice", "delivered_review"} <= reasons
    assert all(s["messages"] and s["title_zh"] and s["title_en"] for s in scripts)
    assert cli_main(["scripts", "--search", "fch", "--db", db]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("wrong_item.standard")
    assert cli_main(["scripts", "--search", "no such words at all", "--db", db]) == 0
    assert "no scripts found" in capsys.readouterr().err


def test_scripts_render_fills_an_order_and_says_when_it_is_unknown(tmp_path, orders_csv):
    db = tmp_path / "shop.sqlite"
    assert run("import", orders_csv, "--db", db)[0] == 0
    code, out, err = run("scripts", "render", "wrong_item.standard", "--order", "1001", "--db", db)
    assert code == 0, err
    assert "王小明" in out and "{" not in out and err == ""
    code, out, err = run("scripts", "render", "wrong_item.standard", "--order", "1001", "--lang", "en", "--json",
                         "--db", db)
    rendered = json.loads(out)
    assert code == 0 and rendered["order_found"] is True and rendered["messages"] and rendered["resolution"]
    code, out, err = run("scripts", "render", "wrong_item.standard", "--order", "424242", "--db", db)
    assert code == 0 and "424242" in err and "not in the shop" in err
    assert out.strip() and "{" not in out and "亲" in out
    code, _, err = run("scripts", "render", "no_such.script", "--order", "1001", "--db", db)
    assert code == 2 and "No such script" in err


def test_report_writes_the_pdf_of_a_date_range_and_refuses_bad_requests(tmp_path, orders_csv):
    db = tmp_path / "shop.sqlite"
    assert run("import", orders_csv, "--db", db)[0] == 0
    pdf = tmp_path / "复盘.pdf"
    code, out, err = run("report", "--from", "2025-11-11", "--to", "2025-11-12", "--out", pdf, "--db", db)
    assert code == 0, err
    assert pdf.read_bytes().startswith(b"%PDF") and str(pdf) in out
    pypdf = pytest.importorskip("pypdf")
    text = "".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    assert "300.12" in text and "2025-11-11" in text  # 201.12 + 99.00; the closed order does not count
    assert run("report", "--from", "2025-11-11", "--db", db)[0] == 2  # --to missing
    assert run("report", "--campaign", "1", "--from", "2025-11-11", "--to", "2025-11-12", "--db", db)[0] == 2
    code, _, err = run("report", "--campaign", "42", "--db", db)
    assert code == 2 and "Campaign #42 does not exist" in err
    code, _, err = run("report", "--from", "2025-11-12", "--to", "2025-11-11", "--db", db)
    assert code == 2 and "before the start" in err
