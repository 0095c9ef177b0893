"""Keyed hashes of channel sender ids: the raw id never reaches the database.

The key comes from WEGWIJS_SENDER_KEY; without it, from a key file under the var dir that is created on
first use (mode 0600), so every process of one installation hashes the same way.
"""
from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from functools import lru_cache
from pathlib import Path
from typing import Optional

from bot.settings import load_settings, setting

KEY_ENV = "WEGWIJS_SENDER_KEY"
KEY_FILE_NAME = "sender.key"
MIN_KEY_CHARS = 16


def default_key_file() -> Path:
    return load_settings().var_dir / KEY_FILE_NAME


def _check(key: str, origin: str) -> bytes:
    key = key.strip()
    if len(key) < MIN_KEY_CHARS:
        raise SystemExit(f"{origin}: the sender key must have at least {MIN_KEY_CHARS} characters")
    return key.encode("utf-8")


def ensure_key_file(path: Path) -> str:
    """The key stored in `path`; a new random key (mode 0600) when the file does not exist yet."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="utf-8").strip()
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(secrets.token_hex(32) + "\n")
    os.chmod(path, 0o600)
    return path.read_text(encoding="utf-8").strip()


@lru_cache(maxsize=8)
def _key_from_file(path: str) -> bytes:
    return _check(ensure_key_file(Path(path)), path)


def sender_key(key_file: Optional[Path] = None) -> bytes:
    """The hashing key: WEGWIJS_SENDER_KEY when set, else the key file (created when missing)."""
    from_env = setting(KEY_ENV) or ""
    if from_env.strip():
        return _check(from_env, KEY_ENV)
    return _key_from_file(str(key_file or default_key_file()))


def hash_sender(sender_id: str, key: Optional[bytes] = None) -> str:
    """HMAC-SHA256 of the sender id as 64 hex characters; the same id and key always give the same hash."""
    digest = hmac.new(key if key is not None else sender_key(), sender_id.encode("utf-8"), hashlib.sha256)
    return digest.hexdigest()


def conversation_id(sender_id: str) -> str:
    """The id under which a conversation is stored (events.sender_id and every conversation_id column)."""
    return hash_sender(sender_id)
