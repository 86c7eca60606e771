import csv
import os
import subprocess
import sys

import pytest
from openpyxl import load_workbook

from sellerdesk.domain.outreach import Channel
from sellerdesk.exporters import ExportError
from sellerdesk.exporters.outreach_files import NothingToExport, OutreachRow, exportable_rows, write_outreach
from sellerdesk.exporters.safe_cells import safe_text

BOM = b"\xef\xbb\xbf"
EVIL = ["=1+1", "+86 138", "-2", "@SUM(A1:A2)", "\t=cmd", "\r=cmd", "＝1+1", " =1+1", "=HYPERLINK(\"x\")"]


@pytest.mark.parametrize("value", EVIL)
def test_safe_text_quotes_formulas(value):
    assert safe_text(value) == "'" + value


@pytest.mark.parametrize("value, out", [(None, ""), ("", ""), ("13812341234", "13812341234"), (42, "42"),
                                        ("【小店】回T退订", "【小店】回T退订"), ("a=b", "a=b"),
                                        ("x\x00y\x1f", "xy"), ("\x01=1", "'=1"), ("两行\n文字", "两行\n文字")])
def test_safe_text_plain(value, out):
    assert safe_text(value) == out


def rows():
    return [
        OutreachRow(1, "+86 138-1234-1234", "=1+1", "@SUM(A1)", "【小店】亲，上新了，回T退订", "-2件套", "A"),
        OutreachRow(2, "138****5678", "李四", "tb_li", "【小店】masked", None, "A"),
        OutreachRow(3, "13900001111", "王五", "tb_wang", "-2 off? 回T退订", "\tsocks", "B"),
        OutreachRow(4, "13700002222", "赵六", "tb_zhao", "【小店】held out", None, "holdout"),
        OutreachRow(5, "13812341234", "dup", "tb_dup", "【小店】same phone as 1", None, "A"),
        OutreachRow(6, "AAEAAxYz==encrypted", "抖音", "dy_1", "【小店】douyin", None, "B"),
    ]


def read_xlsx(path):
    ws = load_workbook(path).active
    return ws, [[c.value for c in r] for r in ws.iter_rows()]


def read_csv(path):
    data = path.read_bytes()
    assert data.startswith(BOM)
    return list(csv.reader(data[3:].decode("utf-8").splitlines(True)))


def test_exportable_rows_rules():
    sms = exportable_rows(Channel.SMS, rows())
    assert [r.buyer_id for r in sms] == [1, 3]  # masked, holdout, duplicate phone, encrypted dropped
    assert sms[0].phone == "13812341234"
    email = exportable_rows(Channel.EMAIL, rows())
    assert [r.buyer_id for r in email] == [1, 2, 3, 5, 6]


def test_sms_xlsx(tmp_path):
    out = tmp_path / "list.xlsx"
    assert write_outreach(out, Channel.SMS, rows()) == 2
    ws, values = read_xlsx(out)
    assert ws.title == "短信"
    assert values == [["手机号码", "短信内容"], ["13812341234", "【小店】亲，上新了，回T退订"], ["13900001111", "'-2 off? 回T退订"]]
    assert ws["A1"].font.b and ws.freeze_panes == "A2"
    for row in ws.iter_rows(min_row=2):
        assert row[0].number_format == "@" and row[0].data_type == "s"
    assert ws.column_dimensions["B"].width >= 60


def test_phone_list_xlsx_cells_are_never_formulas(tmp_path):
    out = tmp_path / "calls.xlsx"
    assert write_outreach(out, Channel.PHONE, rows()) == 2
    ws, values = read_xlsx(out)
    assert values[0] == ["姓名", "手机号码", "买家账号", "最近购买", "通话话术"]
    assert values[1] == ["'=1+1", "13812341234", "'@SUM(A1)", "'-2件套", "【小店】亲，上新了，回T退订"]
    assert values[2][3] == "'\tsocks"
    assert all(c.data_type == "s" for r in ws.iter_rows(min_row=2) for c in r if c.value is not None)


@pytest.mark.parametrize("value", EVIL)
def test_each_evil_value_round_trips_as_text(tmp_path, value):
    row = [OutreachRow(1, "13812341234", value, value, value, value)]
    for suffix in (".xlsx", ".csv"):
        out = tmp_path / f"e{suffix}"
        write_outreach(out, Channel.PHONE, row)
        got = read_xlsx(out)[1][1] if suffix == ".xlsx" else read_csv(out)[1]
        expected = "'" + (value.replace("\r", "\n") if suffix == ".xlsx" else value)  # XML reads CR as LF
        assert got[0] == got[2] == got[3] == got[4] == expected
        assert got[1] == "13812341234"


def test_sms_csv(tmp_path):
    out = tmp_path / "list.csv"
    assert write_outreach(out, Channel.SMS, rows()) == 2
    data = out.read_bytes()
    assert data.startswith(BOM + "手机号码,短信内容\r\n".encode())
    assert b"\r\n13812341234," in data  # leading digits intact, no +86, no 1.38E+10
    assert read_csv(out)[2] == ["13900001111", "'-2 off? 回T退订"]


def test_email_csv(tmp_path):
    out = tmp_path / "mail.CSV"
    assert write_outreach(out, Channel.EMAIL, rows()) == 5
    got = read_csv(out)
    assert got[0] == ["买家账号", "收件人", "邮件内容"]
    assert got[1] == ["'@SUM(A1)", "'=1+1", "【小店】亲，上新了，回T退订"]


def test_nothing_to_export_writes_nothing(tmp_path):
    out = tmp_path / "none.xlsx"
    only_unusable = [r for r in rows() if r.buyer_id in (2, 4, 6)]
    for given in ([], only_unusable):
        with pytest.raises(NothingToExport) as e:
            write_outreach(out, Channel.SMS, given)
        assert "未写入" in e.value.message("zh") and "No file" in e.value.message("en")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["list.xls", "list.txt", "list"])
def test_unknown_suffix(tmp_path, name):
    with pytest.raises(ExportError) as e:
        write_outreach(tmp_path / name, Channel.SMS, rows())
    assert ".xlsx" in e.value.message("zh") and ".csv" in e.value.message("en")


def test_missing_folder(tmp_path):
    with pytest.raises(ExportError) as e:
        write_outreach(tmp_path / "no" / "list.csv", Channel.SMS, rows())
    assert "不存在" in e.value.message("zh")


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="POSIX permissions, not root")
def test_unwritable_folder_keeps_old_file(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    out = folder / "list.csv"
    out.write_text("old")
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportError) as e:
            write_outreach(out, Channel.SMS, rows())
        assert "无法写入" in e.value.message("zh") and "Cannot write" in e.value.message("en")
    finally:
        folder.chmod(0o700)
    assert out.read_text() == "old"
    assert [p.name for p in folder.iterdir()] == ["list.csv"]


def test_failed_write_leaves_no_temp_and_keeps_old_file(tmp_path, monkeypatch):
    out = tmp_path / "list.csv"
    out.write_bytes(b"old")

    def half_then_boom(tmp, *args):
        tmp.write_text("half")
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("sellerdesk.exporters.outreach_files._write_csv", half_then_boom)
    with pytest.raises(RuntimeError):
        write_outreach(out, Channel.SMS, rows())
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["list.csv"]


def test_target_locked_by_excel(tmp_path, monkeypatch):
    out = tmp_path / "list.xlsx"
    out.write_bytes(b"old")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("sellerdesk.exporters.atomic_file.os.replace", locked)
    with pytest.raises(ExportError) as e:
        write_outreach(out, Channel.SMS, rows())
    assert "Excel" in e.value.message("zh") and "Permission denied" in e.value.message("en")
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["list.xlsx"]


def test_overwrites_existing_file(tmp_path):
    out = tmp_path / "list.csv"
    out.write_text("old")
    write_outreach(out, Channel.SMS, rows())
    assert read_csv(out)[0] == ["手机号码", "短信内容"]


def test_import_does_not_load_openpyxl():
    code = "import sys, sellerdesk.exporters.outreach_files; print('openpyxl' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_folder_refusing_new_files(tmp_path, monkeypatch):
    def denied(*a, **k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("sellerdesk.exporters.atomic_file.tempfile.mkstemp", denied)
    with pytest.raises(ExportError) as e:
        write_outreach(tmp_path / "list.csv", Channel.SMS, rows())
    assert "无法写入" in e.value.message("zh")
    assert list(tmp_path.iterdir()) == []
