"""PySide6's import hook asks of every imported module whether it uses PySide6; regisseur_app.ui answers
it faster (raw bytes instead of inspect.getsource) and must give the same answers."""

import importlib
import sys

import regisseur_app.ui  # noqa: F401  (installs the faster check)


def test_same_answers_as_pyside_for_every_kind_of_module():
    feature = sys.modules["shibokensupport.feature"]
    fast = feature._mod_uses_pyside
    assert getattr(fast, "regisseur", False), "the faster check is installed"
    names = ["regisseur_app.ui.page", "regisseur_app.ui.home_page", "regisseur_app.domain.core.settings",
             "regisseur_app.formatting", "sqlalchemy.orm.session", "json", "sys", "_sqlite3", "PySide6.QtCore",
             "regisseur_app.ui"]
    answers = {}
    for name in names:
        module = importlib.import_module(name)
        answers[name] = fast(module)
        assert answers[name] == fast.original(module), name
    assert answers["regisseur_app.ui.page"] and answers["regisseur_app.ui.home_page"]
    assert not answers["regisseur_app.domain.core.settings"] and not answers["json"] and not answers["sys"]
