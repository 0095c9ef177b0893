"""What the person gets when no Wegwijs counsellor can take over: the Veilig Thuis chat, open or not."""
from __future__ import annotations

import datetime as dt

from bot.handoff.hours import OpeningHours
from bot.handoff.texts import language, text, texts


def hours_label(hours: OpeningHours, lang: str) -> str:
    return hours.describe(texts()["days"][lang], texts()["through"][lang])


def next_opening_label(hours: OpeningHours, now: dt.datetime, lang: str) -> str:
    opening = hours.next_opening(now)
    if opening is None:
        return text("veilig_thuis.next_unknown", lang)
    return text("next_opening", lang, day=texts()["days"][lang][opening.weekday()], time=f"{opening:%H:%M}")


def veilig_thuis_chat(hours: OpeningHours, now: dt.datetime, lang: str | None, summary: str | None,
                      intro: str = "unavailable") -> list[str]:
    """The link, whether the chat is open now, 0800-2000 when it is closed, and the summary to paste."""
    lang = language(lang)
    label = hours_label(hours, lang)
    messages = [text(f"veilig_thuis.{intro}", lang, url=hours.url)]
    if hours.is_open(now):
        messages.append(text("veilig_thuis.open", lang, hours=label))
    else:
        messages.append(text("veilig_thuis.closed", lang, hours=label, next=next_opening_label(hours, now, lang)))
    if summary:
        messages.append(text("veilig_thuis.paste", lang) + "\n\n" + summary)
    return messages
