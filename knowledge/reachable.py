""""Wie is er nu bereikbaar?": which lines are *usually* open at this moment by their published hours.

Computed from the services table and the Europe/Amsterdam clock; the clock is passed in so tests can fix
it. A chat is never called "open now" (it is not always staffed), and the answer always ends with the line
that is surely reachable: a phone line that is open day and night.
"""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from knowledge.services import Service, ServiceTable, clock_label, hours_label, load_table

# The lines the answer names, in this order (keys of knowledge/services.yml).
LINES = ("nood", "vt", "zmp", "csg", "kt", "allesoke", "vt_chat")
SURE_FIRST = "vt"  # among the lines open day and night, the one for advice; 112 is always added for danger
_DAYS = {"nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
         "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")}
_TEXT = {
    "nl": {
        "intro": "Het is nu {day} {time}. Volgens de vaste openingstijden:",
        "always": "{name} ({phone}): dag en nacht.",
        "usually_open": "{name}{phone}: nu meestal open ({hours}).",
        "usually_open_unstaffed": "{name}{phone}: nu meestal open ({hours}), maar er zit "
                                  "niet altijd iemand klaar.",
        "closed": "{name}{phone}: nu dicht (meestal open {hours}); weer open {next}.",
        "unknown": "{name}: de tijden hebben wij niet kunnen controleren; kijk op hun website.",
        "next": "{day} om {time} uur",
        "today": "vandaag om {time} uur",
        "sure": "Zeker bereikbaar, ook nu: {name} op {phone}, gratis en dag en nacht. Bij direct gevaar: bel {danger}.",
    },
    "en": {
        "intro": "It is now {day} {time}. By the published opening hours:",
        "always": "{name} ({phone}): day and night.",
        "usually_open": "{name}{phone}: usually open now ({hours}).",
        "usually_open_unstaffed": "{name}{phone}: by its usual hours normally open now ({hours}), but there is "
                                  "not always someone to answer.",
        "closed": "{name}{phone}: closed now (usually open {hours}); open again {next}.",
        "unknown": "{name}: we could not check the hours; see their website.",
        "next": "on {day} at {time}",
        "today": "today at {time}",
        "sure": "Surely reachable, also now: {name} on {phone}, free, day and night. "
                "In immediate danger: call {danger}.",
    },
}


def _phone(service: Service) -> str:
    numbers = " / ".join(p for p in (service.phone, service.phone2) if p)
    return f" ({numbers})" if numbers else ""


def _next(service: Service, table: ServiceTable, local: dt.datetime, lang: str) -> str:
    opening = service.opening(table.timezone).next_opening(local)
    if opening is None:
        return "?"
    key = "today" if opening.date() == local.date() else "next"
    return _TEXT[lang][key].format(day=_DAYS[lang][opening.weekday()], time=clock_label(opening.time(), lang))


def line(service: Service, table: ServiceTable, local: dt.datetime, lang: str) -> str:
    texts = _TEXT[lang]
    name = service.name.get(lang) or service.name["nl"]
    name = name[:1].upper() + name[1:]
    if service.ages:
        low, high = service.ages.split("-")
        name += f" ({low} tot {high} jaar)" if lang == "nl" else f" (ages {low} to {high})"
    if not service.known_hours:
        return texts["unknown"].format(name=name)
    hours = service.opening(table.timezone)
    if hours.always:
        return texts["always"].format(name=name, phone=" / ".join(p for p in (service.phone, service.phone2) if p))
    if hours.is_open(local):
        key = "usually_open" if service.staffed else "usually_open_unstaffed"
        return texts[key].format(name=name, phone=_phone(service), hours=hours_label(service.hours_spec, lang))
    return texts["closed"].format(name=name, phone=_phone(service), hours=hours_label(service.hours_spec, lang),
                                  next=_next(service, table, local, lang))


def sure_line(table: ServiceTable) -> Service:
    """A phone line open day and night and always staffed; the advice line first."""
    candidates = [s for s in table.services.values()
                  if s.phone and s.staffed and s.known_hours and s.opening(table.timezone).always and s.key != "nood"]
    if not candidates:
        raise ValueError("the services table has no phone line that is open day and night")
    return next((s for s in candidates if s.key == SURE_FIRST), candidates[0])


def reachable_now(now: dt.datetime, lang: str = "nl", table: ServiceTable | None = None) -> str:
    """The answer for this moment (an aware datetime), one line per service."""
    if now.tzinfo is None:
        raise ValueError("the clock must give an aware datetime")
    table = table or load_table()
    lang = lang if lang in _TEXT else "nl"
    local = now.astimezone(ZoneInfo(table.timezone))
    rows = [_TEXT[lang]["intro"].format(day=_DAYS[lang][local.weekday()], time=f"{local:%H:%M}")]
    rows += [f"- {line(table.services[key], table, local, lang)}" for key in LINES if key in table.services]
    sure = sure_line(table)
    rows.append(_TEXT[lang]["sure"].format(name=sure.name.get(lang) or sure.name["nl"], phone=sure.phone,
                                           danger=table.services["nood"].phone))
    return "\n".join(rows)


def fill_live(text: str, lang: str, now: dt.datetime) -> str:
    """Fill the live placeholders ({now.reachable}) of a reply; other text is returned unchanged."""
    if "{now.reachable}" not in text:
        return text
    return text.replace("{now.reachable}", reachable_now(now, lang))
