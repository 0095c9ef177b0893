"""Privacy: PII redaction before storage, keyed hashes of sender ids, retention and erasure.

The modules Rasa imports (redact, keys, scrub, tracker_store) use only the standard library and PyYAML;
retention and the CLI/gateway parts run in the app venv (SQLAlchemy 2).
"""
