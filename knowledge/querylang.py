"""Is a query written in another language than the two the knowledge is written in (nl, en)?"""

from __future__ import annotations

from bot.privacy.language import detect_language  # pure Python, shared with the NLU pipeline

KNOWLEDGE_LANGUAGES = frozenset({"nl", "en"})


def other_language(text: str) -> bool:
    """True when the text is clearly in another language (tr, pl, ar, de, fr, es); unclear counts as nl/en."""
    language = detect_language(text)
    return language is not None and language not in KNOWLEDGE_LANGUAGES
