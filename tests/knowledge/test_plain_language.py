"""Plain Dutch (B1) for citizen and child texts: sentence length and explained jargon, per audience."""
from __future__ import annotations

import datetime as dt

import yaml
from kbtest import REAL_ENTRIES

from knowledge.config import REPO_ROOT
from knowledge.curated import Entry, load_entries
from knowledge.plain import failures, figures, format_figures, rules, sentences, unexplained_terms


def test_real_knowledge_meets_the_thresholds() -> None:
    result = figures(load_entries(REAL_ENTRIES))
    print("\n" + format_figures(result))
    assert failures(result) == []


def test_jargon_without_explanation_is_found() -> None:
    jargon = ["veiligheidsbeoordeling", "meldrecht"]
    assert unexplained_terms("Veilig Thuis maakt een veiligheidsbeoordeling. Bel 0800-2000.", jargon)
    assert not unexplained_terms("Veilig Thuis kijkt hoe veilig het is (dat heet de veiligheidsbeoordeling).", jargon)
    assert not unexplained_terms("Artsen mogen melden zonder toestemming (dat heet meldrecht).", jargon)
    assert not unexplained_terms("Het meldrecht (het recht om te melden) geldt voor artsen.", jargon)
    assert unexplained_terms("Er zijn veel veiligheidsbeoordelingen gedaan.", jargon)  # inflected forms too
    assert not unexplained_terms("Er zijn veiligheidsbeoordelingen (kijken hoe veilig het is) gedaan.", jargon)


def test_sentences_split_after_numbers_and_keep_urls() -> None:
    assert sentences("Bel 0800-2000. Chat op veiligthuis.nl, meestal.\n- Regel twee") == [
        "Bel 0800-2000.", "Chat op veiligthuis.nl, meestal.", "- Regel twee"]


def test_long_sentences_fail() -> None:
    long = " ".join(["woord"] * 40) + "."
    entry = Entry(id="x", title={"nl": "x"}, audience="child", languages=("nl",), body={"nl": long},
                  source="https://x.nl", source_title="x", checked=dt.date(2026, 12, 5), verified=True)
    assert any("40 words" in problem for problem in failures(figures([entry])))


# Texts for citizens and children outside the knowledge entries: the bot's own answers, the red-flag check,
# the lifeline, the handoff and the gateway's messages. (knowledge/afwegingskader_form.yml is for professionals.)
BOT_TEXTS = ["domain.yml", "knowledge/red_flags.yml", "knowledge/lifeline.yml", "knowledge/story_themes.yml",
             "bot/chat/handoff/texts.yml", "bot/chat/messages.yml", "bot/channels/texts.yml"]


def _dutch(node: object, lang: str = "") -> list[str]:
    """The Dutch strings of a texts file: leaves under an `nl` key (or everything when `lang` starts as "nl":
    the domain responses, where a response without a language condition is the Dutch default)."""
    if isinstance(node, dict):
        if "text" in node and "condition" in node:
            return []  # a domain response for another language
        return [t for key, value in node.items() for t in _dutch(value, key if key in ("nl", "en") else lang)]
    if isinstance(node, list):
        return [t for item in node for t in _dutch(item, lang)]
    return [node] if isinstance(node, str) and lang == "nl" else []


def test_bot_texts_explain_their_jargon() -> None:
    jargon = [term.lower() for term in rules()["jargon"]]
    found = []
    for name in BOT_TEXTS:
        data = yaml.safe_load((REPO_ROOT / name).read_text(encoding="utf-8"))
        texts = _dutch(data["responses"], "nl") if name == "domain.yml" else _dutch(data)
        assert texts, f"no Dutch texts found in {name}"
        found += [f"{name}: {problem}" for text in texts for problem in unexplained_terms(text, jargon)]
    assert not found, "\n".join(found)
