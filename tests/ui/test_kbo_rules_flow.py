"""GUI flow of the SE candidate rules, driven like a user: a malformed NACE code is refused at the field with a
Dutch message, the corrected rule brings its enterprise onto the candidate list, Ctrl+Z takes it off again."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from regisseur_app.operations import kbo as ops
from regisseur_app.ui.kbo.rules_dialog import RulesDialog
from tests.ui.conftest import when_modal
from tests.unit.kbo_support import H, digits, region_extract


def _candidates(view) -> set[str]:
    return {view.model.row_at(r).id for r in range(view.model.rowCount())}


def test_add_a_rule_refused_then_saved_and_undone(qtbot, main_window, app_ctx, tmp_path):
    ops.import_extract(app_ctx, region_extract().write(tmp_path / "extract"))
    page = main_window.show_page("KBO-register")
    page.tabs.setCurrentIndex(1)
    view = page.candidate_view
    view.refresh()
    assert digits(H) not in _candidates(view) and view.model.rowCount() == 3
    seen = []

    def edit(dialog: RulesDialog) -> None:
        rows = dialog.model.rowCount()
        qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(dialog.value_edit, "41,2")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        seen.append(dialog.findChild(QLabel, "error_value").text())
        assert dialog.model.rowCount() == rows                  # nothing saved
        dialog.value_edit.clear()
        qtbot.keyClicks(dialog.value_edit, "41.2")
        qtbot.keyClicks(dialog.label_edit, "bouw van gebouwen")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        seen.append(dialog.status.text())
        assert dialog.model.rowCount() == rows + 1
        assert any(dialog.model.index(r, 0).data() == "NACE 41.2" for r in range(dialog.model.rowCount()))
        dialog.reject()

    when_modal(lambda: edit(QApplication.activeModalWidget()))
    qtbot.mouseClick(view.rules_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert "'41,2' is geen geldige NACE-code" in seen[0]
    assert "bijgewerkt" in seen[1]
    assert digits(H) in _candidates(view)
    rule_column = next(c for c in range(view.model.columnCount())
                       if view.model.headerData(c, Qt.Orientation.Horizontal) == "Regel")
    row = next(r for r in range(view.model.rowCount()) if view.model.row_at(r).id == digits(H))
    assert view.model.index(row, rule_column).data() == "NACE 41.2 bouw van gebouwen (41.201)"

    main_window.undo_stack.undo()
    qtbot.waitUntil(lambda: digits(H) not in _candidates(view))
    assert view.model.rowCount() == 3


def test_without_any_rule_in_use_the_list_says_so(qtbot, main_window, app_ctx, tmp_path):
    from regisseur_app.domain.kbo import rules

    ops.import_extract(app_ctx, region_extract().write(tmp_path / "extract"))
    with app_ctx.reading() as s:
        shipped = rules.list_rules(s)
    for rule in shipped:
        ops.change_candidate_rule(app_ctx, rule.id, rules.RuleInput(**{**rule.as_input().__dict__, "active": False}))
    page = main_window.show_page("KBO-register")
    page.tabs.setCurrentIndex(1)
    view = page.candidate_view
    view.refresh()
    assert view.model.rowCount() == 0
    assert "geen enkele regel in gebruik" in view.hint.text() and view.hint.isVisibleTo(view)
