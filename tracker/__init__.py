"""tracker: follow up the tasks of Vietnamese provincial directives."""

__version__ = "0.1.0"
