"""Text normalisation shared by the splitter (dedupe) and the lexical index."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_NON_WORD = re.compile(r"[^\w]+")
_WORD = re.compile(r"\w+")


def strip_accents(text: str) -> str:
    """'cliënten' -> 'clienten'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """Lower case, accents stripped, punctuation turned into single spaces."""
    return _NON_WORD.sub(" ", strip_accents(text).lower()).strip()


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def word_count(text: str) -> int:
    return len(text.split())


def text_hash(text: str) -> str:
    """Hash of the folded text: equal for passages that differ only in case, accents, spacing or punctuation."""
    return hashlib.sha1(fold(text).encode("utf-8")).hexdigest()[:16]
