"""Panes read their data the first time they are shown, not at start-up (a hidden tab costs
nothing), and afterwards only when asked to."""

from __future__ import annotations


class LazyLoad:
    loaded = False

    def reload(self) -> None:  # each pane reads its data here
        raise NotImplementedError

    def on_show(self) -> None:
        if not self.loaded:
            self.loaded = True
            self.reload()

    def refresh_data(self) -> None:
        """Read again if already shown once (after a change made elsewhere)."""
        if self.loaded:
            self.reload()
