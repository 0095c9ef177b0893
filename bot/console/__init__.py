"""The operator console: a loopback web app for reviewers, counsellors and admins.

``bot.console.app.create_app`` builds the FastAPI app; ``python -m bot console ...`` holds the CLI.
It reads Rasa's tracker store read-only and keeps its own tables (users, sessions, audit log,
annotations) under Alembic migrations in ``bot/store/migrations``.
"""
