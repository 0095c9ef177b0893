"""Alembic environment: the engine comes from bot.store.db (no alembic.ini, no URL in files)."""
from __future__ import annotations

from alembic import context

from bot.store.console_models import Base
from bot.store.db import VERSION_TABLE

engine = context.config.attributes["engine"]
with engine.begin() as connection:
    context.configure(connection=connection, target_metadata=Base.metadata, version_table=VERSION_TABLE,
                      render_as_batch=engine.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()
