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


def test_modules_answered_by_name_do_not_use_pyside():
    """The shortcut by name (standard library, SQLAlchemy, Regisseur outside ui) gives PySide6's own answer for
    every such module this process has imported (the whole application is imported by the other tests)."""
    import regisseur_app.ui.main_window  # noqa: F401  (SQLAlchemy, the features, the standard library)
    from regisseur_app.ui import _never_qt

    original = sys.modules["shibokensupport.feature"]._mod_uses_pyside.original
    named = [m for name, m in list(sys.modules.items()) if _never_qt(name) and isinstance(getattr(m, "__file__", None), str)
             and m.__file__.endswith(".py")]
    assert len(named) > 200
    assert [m.__name__ for m in named if original(m)] == []
    assert not _never_qt("regisseur_app.ui") and not _never_qt("regisseur_app.ui.page")
    assert not _never_qt("PySide6.QtCore") and not _never_qt("regisseur_appx")
