"""Telegram bridge: python-telegram-bot on one side, the Wegwijs gateway (HTTP) on the other."""
