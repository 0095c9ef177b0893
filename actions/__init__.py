"""Rasa action server package (rasa-sdk), loaded with `python -m rasa_sdk --actions actions`."""
