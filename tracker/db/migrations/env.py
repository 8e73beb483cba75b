"""Alembic environment for tracker: one migration tree for SQLite and PostgreSQL.

The database URL never comes from ``alembic.ini``: ``tracker.db.migrate`` passes an open
connection (``config.attributes["connection"]``); the ``alembic`` command line in a checkout uses
``-x db=URL`` or, failing that, the tracker settings (``--db``/``TRACKER_DB_URL``/config file).
SQLite runs in batch mode (``render_as_batch``) so ALTERs become table copies.
"""

from __future__ import annotations

from alembic import context

from tracker.db.models import Base

config = context.config
target_metadata = Base.metadata

if config.config_file_name is not None and "connection" not in config.attributes:
    from logging.config import fileConfig

    fileConfig(config.config_file_name, disable_existing_loggers=False)  # the alembic command line


def _url_from_settings() -> str:
    db = context.get_x_argument(as_dictionary=True).get("db")
    if db:
        from tracker.config import db_url_from

        return db_url_from(db)
    from tracker.config import load_settings

    return load_settings().db_url


def _configure(connection: object, dialect_name: str) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=dialect_name == "sqlite",
        compare_type=True,
        compare_server_default=True,
    )


def run_migrations_offline() -> None:
    url = config.attributes.get("url") or _url_from_settings()
    context.configure(
        url=url,
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=url.startswith("sqlite"),
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        # tracker.db.migrate owns the connection and its transaction.
        _configure(connection, connection.dialect.name)
        with context.begin_transaction():
            context.run_migrations()
        return

    from tracker.db.migrate import migration_engine

    engine = migration_engine(config.attributes.get("url") or _url_from_settings())
    try:
        with engine.begin() as conn:
            _configure(conn, conn.dialect.name)
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
