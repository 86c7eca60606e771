"""Help > About: what SellerDesk is, which version, where the shop file lives."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from sellerdesk import __version__
from sellerdesk.services.shop import ShopFile



def about_html(shop: ShopFile | None) -> str:
    lines = [
        "<h3>" + html.escape(QCoreApplication.translate("About", "SellerDesk")) + f" {__version__}</h3>",
        "<p>" + html.escape(QCoreApplication.translate(
            "About", "Customer operations for small online shops: import your platform order exports, see your "
                "buyers, plan promotions and outreach. Everything stays on this computer.")) + "</p>",
    ]
    if shop is not None:
        where = QCoreApplication.translate("About", "Shop database: {path}").format(path=shop.path)
        lines.append("<p>" + html.escape(where) + "</p>")
    built = QCoreApplication.translate("About", "Built with Qt {version}").format(version=qVersion())
    lines.append("<p><small>" + html.escape(built) + "</small></p>")
    return "".join(lines)


def show_about(parent: QWidget, shop: ShopFile | None) -> None:
    QMessageBox.about(parent, QCoreApplication.translate("About", "About SellerDesk"), about_html(shop))
