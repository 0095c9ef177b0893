"""The two privacy functions the handoff uses, from bot.privacy: redaction before storage and the keyed-hash
conversation id (the same id Rasa's tracker store and the erase command use)."""
from __future__ import annotations


def redact(text: str) -> str:
    from bot.privacy.redact import redact as privacy_redact
    return privacy_redact(text)


def conversation_id(sender: str) -> str:
    from bot.privacy.keys import conversation_id as privacy_conversation_id
    return privacy_conversation_id(sender)
