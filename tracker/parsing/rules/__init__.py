"""Parser rules as data: numbering, header lines, marks, abbreviations, phrases, the body directory,
deadline phrases and the working-day calendar. Each rule carries an id and a real example."""

from tracker.parsing.rules.directory import BODY_DIRECTORY, DirectoryEntry

body_directory = list(BODY_DIRECTORY)

__all__ = ["BODY_DIRECTORY", "DirectoryEntry", "body_directory"]
