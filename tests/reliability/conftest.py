"""The reliability tests use the unit tests' `ctx` and the GUI tests' `main_window` fixtures (real files)."""

from tests.ui.conftest import main_window  # noqa: F401
from tests.unit.conftest import ctx  # noqa: F401
