"""What the MVO page's tabs read of the regional figures, kept while the data does not change: the reporting
organisations that Invullen reads are those the Regio tab's figures start from, and the Regio tab's figures of a
year serve every municipality and the trends of later years. Each read runs in a session of its own, which is
given what the last read kept (domain.mvo.overview.kept_figures) when the data_key (data generation and day) is
still the same; a change to the data starts afresh."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from regisseur_app.context import AppContext
from regisseur_app.domain.mvo import overview
from regisseur_app.ui.page import data_key


class SharedReads:
    def __init__(self, ctx: AppContext):
        self.ctx = ctx
        self._kept: tuple[object, dict] = (None, {})

    @contextmanager
    def reading(self) -> Iterator[object]:
        """ctx.reading(), with what an earlier read at the same data_key kept."""
        key = data_key(self.ctx)
        with self.ctx.reading() as session:
            if self._kept[0] == key:
                overview.reuse_figures(session, self._kept[1])
            yield session
            self._kept = (key, overview.kept_figures(session))
