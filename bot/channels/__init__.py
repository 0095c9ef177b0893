"""Channels outside the web page (Telegram, the terminal): they all talk to the gateway over HTTP."""
