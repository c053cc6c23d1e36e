"""A 1280 × 800 window (a laptop screen) on the demo data: no page or tab makes the window wider, and a table's
stretched last column is as wide as its longest text once the page is shown (its first fit used to run before
Qt laid the page out, leaving the KPI tab's 'Stand' column cut to 'Achter op sche…')."""

from PySide6.QtWidgets import QApplication, QTableView, QTabWidget

from regisseur_app import features
from regisseur_app.ui.app import install_dutch
from regisseur_app.ui.table_base import refit_pending
from tests.ui.conftest import dispose, open_demo_copy

WIDTH = 1280


def _settle(qtbot, window) -> None:
    QApplication.processEvents()
    for table in window.findChildren(QTableView):
        qtbot.waitUntil(lambda t=table: not refit_pending(t), timeout=2000)
    QApplication.processEvents()  # the layout request a wider page posts to the window
    window.layout().activate()


def test_no_page_or_tab_widens_a_laptop_window(qtbot, tmp_path, app_ctx, demo_file):
    from regisseur_app.ui.main_window import MainWindow

    app_ctx.close()
    ctx = open_demo_copy(tmp_path, demo_file)
    install_dutch(QApplication.instance())
    window = MainWindow(ctx)
    window.resize(WIDTH, 800)
    window.show()
    too_wide = []
    try:
        for spec in features.pages():
            page = window.show_page(spec.title)
            _settle(qtbot, window)
            tabs = page.findChildren(QTabWidget)
            for index in range(tabs[0].count() if tabs else 1):
                if tabs:
                    tabs[0].setCurrentIndex(index)
                    _settle(qtbot, window)
                where = f"{spec.title} › {tabs[0].tabText(index)}" if tabs else spec.title
                if window.width() != WIDTH:
                    too_wide.append((where, window.width()))
                    window.resize(WIDTH, 800)
                    _settle(qtbot, window)
        assert too_wide == []

        page = window.show_page("Actieplan")
        tabs = page.findChildren(QTabWidget)[0]
        tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.tabText(i) == "KPI's"))
        _settle(qtbot, window)
        table = tabs.currentWidget().table
        states = [table.model().index(r, 6).data() for r in range(table.model().rowCount())]
        assert "Achter op schema" in states  # the demo has KPIs behind schedule: the longest text of the column
        assert table.columnWidth(6) >= table.sizeHintForColumn(6)
        assert sum(table.columnWidth(c) for c in range(7)) <= table.viewport().width()
    finally:
        dispose(window)
        ctx.close()
