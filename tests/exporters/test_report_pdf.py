"""The report PDF: a rich hand-built document and a sparse one, read back with pypdf (and pdftoppm)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, datetime, timedelta

import pytest

from sellerdesk.domain.errors import ImportCancelled
from sellerdesk.domain.report_doc import (Band, Chart, ChartKind, Column, Figure, Figures, Kind, NoData, ReportDoc,
                                          Section, Series, Table, Text)
from sellerdesk.exporters import ExportError
from sellerdesk.exporters.pdf import FontChoice, render_pdf
from sellerdesk.exporters.pdf.formats import compact, format_change, format_value

pypdf = pytest.importorskip("pypdf")
WQY = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"

LONG_NAME = "冬季加厚保暖羊绒混纺高领毛衣女士宽松慵懒风套头针织衫秋冬新款百搭显瘦内搭打底衫加绒加厚款限量礼盒装送女友送妈妈生日礼物2"
assert len(LONG_NAME) == 60

ODD_TITLE = "<限时> 茶&咖啡 礼盒 A<B & C>D"


def _font() -> FontChoice:
    import os

    if not os.path.exists(WQY):
        pytest.skip("fonts-wqy-microhei is not installed")
    return FontChoice(__import__("pathlib").Path(WQY), 0)


def rich_doc(lang: str = "zh", item_rows: int = 40) -> ReportDoc:
    """Every kind of block, with user text that needs escaping and names that need wrapping."""
    start = date(2026, 10, 20)
    days = tuple((start + timedelta(days=i)).isoformat() for i in range(30))
    paid = tuple(float(800_000 + (i * 37_000) % 400_000 + (3_500_000 if i == 22 else 0)) for i in range(30))
    before = tuple(None if i in (5, 6) else float(700_000 + (i * 53_000) % 300_000) for i in range(30))
    headline = Figures((
        Figure("支付金额", Kind.MONEY, 12_345_678, 10_000_000, target=15_000_000),
        Figure("有效订单", Kind.INT, 4321, 3900),
        Figure("买家数", Kind.INT, 3876, 4012),
        Figure("客单价", Kind.MONEY, 28_571, 25_641),
        Figure("退款率", Kind.PCT, 0.052, 0.061, note="按金额计：全额退款的订单不计入有效订单"),
        Figure("新客占比", Kind.PCT, 0.46, None),
    ), compare_label="对比 2026-09-20 – 2026-10-19")
    channels = ("直通车", "引力魔方/钻展", "淘宝客", "万相台", "自然流量")
    items = [(f"{LONG_NAME}{i}" if i % 7 == 0 else (ODD_TITLE if i == 3 else f"商品 {i:02d} 经典款"),
              f"SKU-{i:04d}", 2000 - i * 37, 0.31 / (i + 1), (i % 5 - 2) / 4 if i % 6 else None)
             for i in range(item_rows)]
    return ReportDoc(
        title="双11 2026 复盘", shop="小茶馆旗舰店 & 分店 <天猫>", period="2026-10-20 – 2026-11-18",
        compare="对比 2026-09-20 – 2026-10-19", generated_at=datetime(2026, 11, 20, 10, 32), lang=lang,
        sections=(
            Section("headline", "核心数据", (headline, Text("本期支付金额完成目标的 82.3%，较对比期增长 23.5%。"))),
            Section("daily", "每日走势", (
                Chart(ChartKind.LINE, "每日支付金额（元）", days,
                      (Series("本期", paid), Series("对比期", before)), unit=Kind.MONEY,
                      bands=(Band("预热", 0, 9), Band("开门红", 10, 12), Band("爆发日", 22, 22),
                             Band("返场", 23, 27), Band("感恩回访", 28, 29))),
                Chart(ChartKind.BAR, "每日订单数", days, (Series("本期", tuple(float(100 + i * 7 % 90) for i in range(30))),),
                      unit=Kind.INT),
            )),
            Section("channels", "渠道与流量", (
                Chart(ChartKind.BAR, "各渠道花费与成交（元）", channels,
                      (Series("花费", (520_000.0, 310_000.0, 180_000.0, 90_000.0, 0.0)),
                       Series("成交", (2_300_000.0, 610_000.0, 1_200_000.0, 150_000.0, 4_100_000.0))),
                      unit=Kind.MONEY),
                Table((Column("渠道"), Column("花费", Kind.MONEY), Column("成交", Kind.MONEY), Column("ROI", Kind.RATIO),
                       Column("UV", Kind.INT), Column("PV", Kind.INT), Column("PV/UV", Kind.RATIO),
                       Column("转化率", Kind.PCT)),
                      tuple((c, 520_000 - k * 100_000, 2_300_000 - k * 300_000, 4.42 - k, 12000 - k * 1000,
                             36000 - k * 2000, 3.0 - k * 0.2, 0.031 - k * 0.004) for k, c in enumerate(channels)),
                      caption="渠道明细", total=("合计", 1_100_000, 8_360_000, 7.6, 50000, 160000, 3.2, 0.027)),
            )),
            Section("items", "商品", (
                Chart(ChartKind.HBAR, "销售额前十（元）", tuple(name for name, *_ in items[:10]),
                      (Series("销售额", tuple(float(u * 9900) for _, _, u, _, _ in items[:10])),), unit=Kind.MONEY),
                Table((Column("商品"), Column("商家编码"), Column("件数", Kind.INT), Column("销售占比", Kind.PCT),
                       Column("较对比期", Kind.CHANGE)),
                      tuple(items), caption=f"畅销商品 {ODD_TITLE}"),
                NoData("库存数据", "在“商品”页录入各商品库存后，可判断哪些商品接近售罄。"),
            )),
            Section("buyers", "买家", (
                Chart(ChartKind.PIE, "新客与老客", ("新客", "老客", "沉睡唤醒"), (Series("买家", (1783.0, 1893.0, 200.0)),)),
                Chart(ChartKind.PIE, "地区分布", ("浙江", "江苏", "上海", "广东", "北京", "其他"),
                      (Series("买家", (900.0, 700.0, 520.0, 480.0, 300.0, 976.0)),)),
                Table((Column("会员等级"), Column("期初", Kind.INT), Column("期末", Kind.INT), Column("变化", Kind.CHANGE)),
                      (("普通", 20000, 21000, 0.05), ("银卡", 3000, 3300, 0.1), ("金卡", 800, 790, -0.0125),
                       ("钻石", 0, 12, None)), caption="会员等级 期初/期末"),
            )),
            Section("crm", "CRM 复盘", (
                Text("节奏", "heading"),
                Text("外呼/短信任务 8 项，按时完成 6 项，延期 2 项。", "bullet"),
                Text("预算：计划触达 12,000 人，实际 10,240 人；短信费用 ¥921.60。", "bullet"),
                Table((Column("分组"), Column("文案"), Column("触达", Kind.INT), Column("7 日下单", Kind.PCT),
                       Column("对照组", Kind.PCT), Column("提升", Kind.PCT), Column("95% 置信区间")),
                      (("高价值老客", "A", 3000, 0.081, 0.052, 0.029, "+1.2% ~ +4.6%"),
                       ("高价值老客", "B", 3000, 0.074, 0.052, 0.022, "+0.5% ~ +3.9%"),
                       ("沉睡客户", "A", 4240, 0.012, 0.011, 0.001, "数据不足")), caption="转化：对照组与提升"),
                NoData("对照组", "下次外呼时在“客户分组 → 导出”中保留 10% 对照组，即可计算提升。"),
            )),
            Section("after_sales", "售后", (
                NoData("售后记录", "在“退换货”页登记售后单后，这里会显示原因分布与补偿金额。"),
            )),
            Section("notes", "亮点与不足", (
                Text("老客占比由 41% 降至 33%。", "bullet"),
                Text("直通车花费占 47%，成交仅占 28%。", "bullet"),
                Text("经验教训：预热期 <满300减30> & 定金膨胀 效果好；\n负责人：小王；下一步：双12 提前 3 天预热。", "body"),
                Text("以上数据由 SellerDesk 根据订单导出计算。", "note"),
            )),
        ),
    )


def sparse_doc(lang: str = "zh") -> ReportDoc:
    """A new shop: nothing but notices."""
    return ReportDoc(
        title="双12 2026 复盘" if lang == "zh" else "12.12 2026 retrospective", shop="新店",
        period="2026-12-01 – 2026-12-14", compare="", generated_at=datetime(2026, 12, 15, 9, 0), lang=lang,
        sections=tuple(Section(k, t, (NoData(f"{t}：本期没有数据", "导入订单报表后重新生成报告。"),))
                       for k, t in (("headline", "核心数据"), ("daily", "每日走势"), ("channels", "渠道与流量"),
                                    ("items", "商品"), ("buyers", "买家"), ("crm", "CRM 复盘"))),
    )


def _text(path) -> list[str]:
    reader = pypdf.PdfReader(str(path))
    return [page.extract_text() for page in reader.pages]


def test_rich_document_renders_every_block_with_figures_pages_and_escaped_titles(tmp_path):
    out = tmp_path / "report.pdf"
    seen = []
    pages = render_pdf(rich_doc(), out, font=_font(), progress=lambda f, m: seen.append(f))
    assert out.read_bytes().startswith(b"%PDF")
    texts = _text(out)
    assert pages == len(texts) >= 3
    whole = "\n".join(texts)
    for expected in ("¥123,456.78", "¥100,000.00", "4,321", "▲ +23.5%", "5.2%", "目标 ¥150,000.00",
                     "完成 82.3%", "直通车", "¥83,600.00", "4.42", "3.1%", "暂无数据", "如何补充",
                     "对照组", "数据不足", "老客占比由 41% 降至 33%"):
        assert expected in whole, expected
    # Escaped user text reaches the page as the characters typed, never as markup.
    assert "A<B & C>D" in whole.replace("\n", "")
    assert "<满300减30> & 定金膨胀" in whole
    # Every page has the running header and "page X of Y".
    for number, text in enumerate(texts, start=1):
        assert f"第 {number} 页 / 共 {pages} 页" in text
        assert "小茶馆旗舰店 & 分店 <天猫>" in text
        assert "2026-10-20 – 2026-11-18" in text
    assert "个人信息已脱敏" in texts[0]
    assert seen and seen[-1] == 1.0 and seen == sorted(seen)


def test_the_font_is_embedded_as_a_subset(tmp_path):
    out = tmp_path / "r.pdf"
    render_pdf(sparse_doc(), out, font=_font())
    reader = pypdf.PdfReader(str(out))
    fonts = set()
    for page in reader.pages:
        for f in page["/Resources"]["/Font"].values():
            f = f.get_object()
            fonts.add(f["/BaseFont"])
            # Every font's TrueType program is in the file (no unembedded Helvetica either).
            assert "/FontFile2" in f["/FontDescriptor"].get_object()
    assert fonts and all("+" in name for name in fonts)  # ABCDEF+Name: a subset


def test_long_tables_repeat_their_header_and_long_names_are_shortened(tmp_path):
    out = tmp_path / "r.pdf"
    render_pdf(rich_doc(item_rows=120), out, font=_font())
    texts = _text(out)
    with_items = [t for t in texts if "SKU-" in t]
    assert len(with_items) >= 2
    assert all("商家编码" in t for t in with_items)  # the header row on every page of the table
    whole = "".join(t.replace("\n", "") for t in texts)
    assert "SKU-0119" in whole  # no row lost at a page break
    assert f"{LONG_NAME}119" in whole  # a 60-character name wraps whole in a wide column


def test_text_longer_than_three_lines_is_cut_with_an_ellipsis():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from sellerdesk.exporters.pdf.blocks import fit_lines
    from sellerdesk.exporters.pdf.cjk_font import register_cjk_font

    font = register_cjk_font(_font())
    short = fit_lines(LONG_NAME, font, 8, 400)
    assert short == LONG_NAME
    cut = fit_lines(LONG_NAME * 3, font, 8, 100)
    assert cut.endswith("…") and LONG_NAME.startswith(cut[:-1][:60])
    assert stringWidth(cut, font, 8) <= 3 * 100


def test_english_document_and_an_internal_copy(tmp_path):
    from dataclasses import replace

    doc = replace(sparse_doc("en"), masked=False)
    out = tmp_path / "en.pdf"
    pages = render_pdf(doc, out, font=_font())
    text = "\n".join(_text(out))
    assert f"Page 1 of {pages}" in text
    assert "Internal copy" in text and "No data yet" in text


def test_sparse_document_is_a_clean_report_of_notices(tmp_path):
    out = tmp_path / "sparse.pdf"
    pages = render_pdf(sparse_doc(), out, font=_font())
    text = "\n".join(_text(out))
    assert pages == 1  # six notices fit one page: no half-empty pages
    assert text.count("暂无数据") == 6 and "导入订单报表后重新生成报告" in text


def test_an_empty_chart_becomes_a_notice(tmp_path):
    doc = ReportDoc("t", "s", "p", "", datetime(2026, 1, 1), "zh", (Section("daily", "每日", (
        Chart(ChartKind.LINE, "每日支付金额", ("2026-01-01",), (Series("本期", (None,)),), unit=Kind.MONEY),)),))
    out = tmp_path / "e.pdf"
    render_pdf(doc, out, font=_font())
    assert "暂无数据" in "\n".join(_text(out))


def test_cancel_stops_and_leaves_no_file(tmp_path):
    class Stop:
        calls = 0

        def check(self):
            self.calls += 1
            if self.calls > 10:
                raise ImportCancelled()

    out = tmp_path / "c.pdf"
    out.write_bytes(b"the previous report")
    with pytest.raises(ImportCancelled):
        render_pdf(rich_doc(), out, font=_font(), cancel=Stop())
    assert out.read_bytes() == b"the previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["c.pdf"]


def test_a_missing_folder_is_a_bilingual_error(tmp_path):
    with pytest.raises(ExportError) as e:
        render_pdf(sparse_doc(), tmp_path / "nope" / "r.pdf", font=_font())
    assert "文件夹不存在" in e.value.message_zh and "does not exist" in e.value.message_en


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")
def test_pages_rasterise(tmp_path):
    out = tmp_path / "r.pdf"
    pages = render_pdf(rich_doc(), out, font=_font())
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(out), str(tmp_path / "page")], check=True, timeout=120)
    pngs = sorted(tmp_path.glob("page-*.png"))
    assert len(pngs) == pages
    assert all(p.stat().st_size > 2000 for p in pngs)  # something was drawn on each


@pytest.mark.parametrize(("value", "kind", "text"), [
    (123456, Kind.MONEY, "¥1,234.56"), (-5, Kind.MONEY, "-¥0.05"), (1234, Kind.INT, "1,234"),
    (0.1234, Kind.PCT, "12.3%"), (3.256, Kind.RATIO, "3.26"), (date(2026, 11, 11), Kind.DATE, "2026-11-11"),
    (-0.12, Kind.CHANGE, "▼ -12.0%"), (0.0004, Kind.CHANGE, "0.0%"), (None, Kind.MONEY, "—"),
    ("数据不足", Kind.PCT, "数据不足"),
])
def test_values_are_formatted_by_kind(value, kind, text):
    assert format_value(value, kind) == text


def test_compact_labels():
    assert compact(123_456_00, Kind.MONEY, "zh") == "¥12.3万"
    assert compact(123_456_00, Kind.MONEY, "en") == "¥123k"
    assert compact(5_000, Kind.INT, "zh") == "5,000"
    assert compact(0.456, Kind.PCT, "zh") == "46%"
    assert format_change(None) == "—" and format_change(0.5) == "▲ +50.0%"


def test_no_heading_ends_a_page(tmp_path):
    """Each section's and sub-heading's first block starts on the heading's page, whatever the lengths."""
    for rows in (14, 40, 57, 120):
        out = tmp_path / f"h{rows}.pdf"
        render_pdf(rich_doc(item_rows=rows), out, font=_font())
        texts = [t.replace(" ", "") for t in _text(out)]

        def page_of(snippet: str) -> int:
            return next(i for i, t in enumerate(texts) if snippet.replace(" ", "") in t)

        assert page_of("4\n商品") == page_of("销售额前十")  # the section heading and its chart
        assert page_of("6\nCRM复盘") == page_of("节奏") == page_of("外呼/短信任务")  # heading, sub-heading, text
        assert page_of("畅销商品<限时>") == page_of("SKU-0000")  # a long table's caption and first row


def test_a_small_count_axis_has_whole_number_ticks():
    """Three cases by reason: ticks 0, 1, 2, 3, not 0, 0.5, 1... labelled 0, 0, 1, 1."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart

    from sellerdesk.domain.report_doc import Series
    from sellerdesk.exporters.pdf.charts import _value_axis

    values = [3.0, 2.0, 1.0]
    chart = Chart(ChartKind.BAR, "售后原因", ("破损", "发错货", "尺码"), (Series("记录数", tuple(values)),), Kind.INT)
    bar = VerticalBarChart()
    _value_axis(bar.valueAxis, chart, "Helvetica", "zh", values)
    bar.valueAxis.configure([values])
    ticks = bar.valueAxis._tickValues
    labels = [bar.valueAxis.labelTextFormat(v) for v in ticks]
    assert all(float(v).is_integer() for v in ticks) and len(labels) == len(set(labels)) and ticks[-1] >= 3
