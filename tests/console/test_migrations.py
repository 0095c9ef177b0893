"""Alembic migrations create exactly the tables the models describe, repeatably, on both databases."""
from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from bot.store.console_models import Base
from bot.store.db import VERSION_TABLE, Database, alembic_config

CONSOLE_TABLES = {"console_users", "console_sessions", "console_audit_log", "console_annotations"}


def _table_of(diff: object) -> str:
    """The table an Alembic autogenerate difference is about."""
    kind, *rest = diff[0] if isinstance(diff, list) else diff  # type: ignore[index]
    if kind.endswith("_table"):
        return str(rest[0].name)
    if kind.endswith(("_index", "_constraint", "_fk")):
        return str(rest[0].table.name)
    return str(rest[1])  # (schema, table, column, ...)


def test_migrations_match_the_models_and_run_twice(new_database: str) -> None:
    database = Database(new_database)
    database.migrate()
    database.migrate()
    assert CONSOLE_TABLES <= set(inspect(database.engine).get_table_names())
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE})
        diffs = [d for d in compare_metadata(context, Base.metadata) if _table_of(d) in CONSOLE_TABLES]
    database.dispose()
    assert diffs == []


def test_downgrade_and_upgrade_again(new_database: str) -> None:
    database = Database(new_database)
    database.migrate()
    config = alembic_config(database.engine)
    command.downgrade(config, "base")
    assert not CONSOLE_TABLES & set(inspect(database.engine).get_table_names())
    command.upgrade(config, "head")
    assert CONSOLE_TABLES <= set(inspect(database.engine).get_table_names())
    database.dispose()
