"""Long stories: the question someone asks (usually at the end) and what the story shows.

Pure logic; the themes, their signs and the texts live in knowledge/story_themes.yml.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

import yaml

THEMES_FILE = Path(__file__).resolve().parent.parent / "knowledge" / "story_themes.yml"
_SENTENCE_END = re.compile(r"(?<=[.!?…؟])\s+|\n+")
_QUESTION_START = re.compile(
    r"^(wat|wie|waar|hoe|wanneer|waarom|welke|kan|kun|mag|moet|is|zijn|heb|what|who|where|how|when|why|which|"
    r"can|could|should|do|does|is|are|kime|nereden|ne|co|gdzie|jak|czy|kto|ماذا|من|أين|كيف|هل)\b", re.IGNORECASE)


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def fold(text: str) -> str:
    """Lower case without accents, so a sign matches "café" and "cafe" alike."""
    return strip_accents(text.casefold())


@dataclass(frozen=True)
class Theme:
    id: str
    names: dict[str, str]
    signs: tuple[re.Pattern[str], ...]
    min_signs: int
    askers: Optional[frozenset[str]] = None  # only for these askers (child, adult, professional); None: all

    def shown_in(self, folded_text: str) -> bool:
        return sum(1 for sign in self.signs if sign.search(folded_text)) >= self.min_signs


@dataclass(frozen=True)
class StorySettings:
    min_chars: int
    max_themes: int
    themes: tuple[Theme, ...]  # in the order they are named
    intro: dict[str, str]
    intro_professional: dict[str, str]
    intro_plain: dict[str, str]
    conjunction: dict[str, str]
    short_messages: tuple[str, ...] = ()  # themes a short message's general route names beside its own entry

    def named(self, theme_ids: list[str], language: str, role: Optional[str] = None) -> str:
        """The opening that names the themes ("... lijkt op A en B."), or the plain one without themes.
        Professionals get a factual opening (their case, not their fault)."""
        if not theme_ids:
            return "" if role == "professional" else self.intro_plain.get(language) or self.intro_plain["nl"]
        by_id = {theme.id: theme for theme in self.themes}
        names = [by_id[t].names.get(language) or by_id[t].names["nl"] for t in theme_ids]
        joined = names[0] if len(names) == 1 else (
            ", ".join(names[:-1]) + f" {self.conjunction.get(language, 'en')} " + names[-1])
        intro = self.intro_professional if role == "professional" else self.intro
        return (intro.get(language) or intro["nl"]).format(themes=joined)


def _theme(theme_id: str, raw: dict[str, Any]) -> Theme:
    return Theme(id=theme_id, names=dict(raw["name"]), min_signs=int(raw.get("min_signs", 1)),
                 signs=tuple(re.compile(strip_accents(sign), re.IGNORECASE) for sign in raw["signs"]),
                 askers=frozenset(raw["for"]) if raw.get("for") else None)


@lru_cache(maxsize=1)
def load_story_settings(path: Path = THEMES_FILE) -> StorySettings:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    raw_themes: dict[str, Any] = data["themes"]
    order = list(data.get("order") or raw_themes)
    missing = set(raw_themes) - set(order)
    if missing:
        raise ValueError(f"{path}: themes missing from 'order': {', '.join(sorted(missing))}")
    return StorySettings(
        min_chars=int(data["min_chars"]), max_themes=int(data["max_themes"]),
        themes=tuple(_theme(theme_id, raw_themes[theme_id]) for theme_id in order),
        intro=dict(data["intro"]), intro_professional=dict(data["intro_professional"]),
        intro_plain=dict(data["intro_plain"]), conjunction=dict(data["and"]),
        short_messages=tuple(str(theme) for theme in data.get("short_messages") or ()),
    )


def sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(text) if part and part.strip()]


def question_of(text: str) -> str:
    """The question the person asks: the last sentence with a question mark near the end of the story
    (with the sentence before it, which often says what it is about), else the last two sentences."""
    parts = sentences(text)
    if not parts:
        return text.strip()
    tail_start = max(0, len(parts) - max(3, len(parts) // 3))
    for index in range(len(parts) - 1, tail_start - 1, -1):
        if "?" in parts[index] or "؟" in parts[index] or (
                index == len(parts) - 1 and _QUESTION_START.match(parts[index])):
            return " ".join(parts[max(index - 1, 0):index + 1])
    return " ".join(parts[-2:])


def _shown(theme: Theme, folded: str, role: Optional[str]) -> bool:
    """The theme is for this asker (a child, a professional, else an adult) and the folded text shows it."""
    asker = role if role in ("child", "professional") else "adult"
    return (theme.askers is None or asker in theme.askers) and theme.shown_in(folded)


def themes_of(text: str, settings: StorySettings, role: Optional[str]) -> list[str]:
    """The themes the story shows, in naming order, at most `max_themes`."""
    folded = fold(text)
    return [theme.id for theme in settings.themes if _shown(theme, folded, role)][:settings.max_themes]


def form_named(text: str, settings: StorySettings, role: Optional[str]) -> Optional[str]:
    """The first form of violence with a help line of its own (`short_messages`) a message names, or None."""
    folded = fold(text)
    by_id = {theme.id: theme for theme in settings.themes}
    return next((theme_id for theme_id in settings.short_messages
                 if theme_id in by_id and _shown(by_id[theme_id], folded, role)), None)
