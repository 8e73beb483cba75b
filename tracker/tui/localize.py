"""Key bindings name their description by an i18n key; each node translates its own copy when it
is built, so the footer and the help screen follow the language chosen at start-up."""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding
from textual.dom import DOMNode

from tracker.i18n import t


def localize_bindings(node: DOMNode) -> None:
    """Replace every ``tui.*`` description of ``node``'s bindings by its translation."""
    for key, bindings in node._bindings.key_to_bindings.items():
        node._bindings.key_to_bindings[key] = [_translated(binding) for binding in bindings]


def _translated(binding: Binding) -> Binding:
    if binding.description.startswith("tui."):
        tooltip = t(binding.tooltip) if binding.tooltip.startswith("tui.") else binding.tooltip
        return replace(binding, description=t(binding.description), tooltip=tooltip)
    return binding
