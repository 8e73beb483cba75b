"""What every use case needs: the settings, the database, the clock and the acting user.

A use case takes a ``ServiceContext`` first, opens its own transaction with
``with ctx.sessions.begin() as session:`` (a change) or ``with ctx.readers() as session:`` (reading
only: no write lock, one consistent snapshot) and returns plain dataclasses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from tracker.config import Settings
from tracker.db.engine import make_engine, make_reader_factory, make_session_factory


@dataclass
class ServiceContext:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    readers: sessionmaker[Session] = None  # type: ignore[assignment]  # built from the engine when omitted

    def __post_init__(self) -> None:
        if self.readers is None:
            self.readers = make_reader_factory(self.engine)

    @property
    def user(self) -> str:
        return self.settings.user

    def today(self) -> date:
        return self.settings.clock.today()

    def now(self) -> datetime:
        return self.settings.clock.now()

    def close(self) -> None:
        self.engine.dispose()


def open_context(settings: Settings, *, prepare: bool = True) -> ServiceContext:
    """Connect to the configured database; bring it to the current schema first when ``prepare``
    (a SQLite file is copied aside before an automatic upgrade; a database from a newer version of
    tracker, or a file that is not a database, is refused untouched)."""
    if prepare:
        from tracker.config import default_data_dir
        from tracker.db.migrate import ensure_database

        ensure_database(settings.db_url, backup_dir=default_data_dir() / "backups")
    engine = make_engine(settings.db_url)
    return ServiceContext(settings=settings, engine=engine, sessions=make_session_factory(engine),
                          readers=make_reader_factory(engine))
