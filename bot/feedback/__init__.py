"""Feedback on the bot's answers: thumbs up or down with an optional comment, redacted before storage.

POST /feedback on the gateway (service.py) writes a row in the console database (models.py, created by
the console's Alembic migrations); the console lists the worst-rated answers first (store.worst)."""
