"""What the person gets when no Wegwijs counsellor can take over: the Veilig Thuis chat's usual hours
and the phone line that is always there. Never "the chat is open now": it is not always staffed."""
from __future__ import annotations

import datetime as dt

from bot.chat.handoff.hours import OpeningHours
from bot.chat.handoff.texts import language, text, texts


def hours_label(hours: OpeningHours, lang: str) -> str:
    return hours.describe(texts()["days"][lang], texts()["through"][lang])


def next_opening_label(hours: OpeningHours, now: dt.datetime, lang: str) -> str:
    opening = hours.next_opening(now)
    if opening is None:
        return text("veilig_thuis.next_unknown", lang)
    return text("next_opening", lang, day=texts()["days"][lang][opening.weekday()], time=f"{opening:%H:%M}")


def veilig_thuis_chat(hours: OpeningHours, now: dt.datetime, lang: str | None, summary: str | None,
                      intro: str = "unavailable") -> list[str]:
    """No counsellor; whether the chat is usually open at this hour, 0800-2000 always; the summary to paste."""
    lang = language(lang)
    label = hours_label(hours, lang)
    messages = [text(f"veilig_thuis.{intro}", lang)]
    if hours.is_open(now):
        messages.append(text("veilig_thuis.usually_open", lang, hours=label, url=hours.url))
    else:
        messages.append(text("veilig_thuis.usually_closed", lang, hours=label, url=hours.url,
                             next=next_opening_label(hours, now, lang)))
    if summary:
        messages.append(text("veilig_thuis.paste", lang) + "\n\n" + summary)
    return messages
