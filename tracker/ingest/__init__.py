"""Reading directive files into text: ``read_file(path) -> SourceText``.

``decode_source(name, data)`` is the pure part (bytes in, SourceText out); ``read_file`` adds the file
system checks. Every refusal is an ``InputError`` with a message key in ``tracker/i18n/ingest.py``.
"""

from tracker.ingest.reader import MAX_FILE_BYTES, SUPPORTED_SUFFIXES, decode_source, read_file

__all__ = ["MAX_FILE_BYTES", "SUPPORTED_SUFFIXES", "decode_source", "read_file"]
