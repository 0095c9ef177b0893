"""The handoff, per conversation, as the gateway runs it.

consent -> summary shown (send / change / without summary / stop) -> queued for a Wegwijs counsellor (Rasa
paused; the person's messages go to the counsellor, counsellor messages come back through the outbox) or,
when no counsellor is available, the Veilig Thuis chat (open or closed) with the summary to paste. When the
counsellor ends the chat, the gateway resumes Rasa and the bot answers again with the context it had.

The safety net runs on every message in every state: acute danger gets 112, suicidal thoughts 113.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from anyio import to_thread
from sqlalchemy.exc import SQLAlchemyError

from bot.chat.handoff.hours import OpeningHours
from bot.chat.handoff.queue import HandoffStore
from bot.chat.handoff.rasa import RasaApi
from bot.chat.handoff.referral import veilig_thuis_chat
from bot.chat.handoff.safety import safety_level, safety_levels, safety_texts
from bot.chat.handoff.summary import build_summary
from bot.chat.handoff.texts import answer_is, buttons, language, text
from bot.store.handoff_models import ACTIVE, CLOSED, CONSENT, EDITING, ENDED, REVIEW, WAITING, Handoff

logger = logging.getLogger("wegwijs.handoff")
T = TypeVar("T")
Reply = dict[str, Any]
Relay = Callable[[str, str, "dict[str, Any] | None"], Awaitable[list[Reply]]]
PUBLIC_STATE = {WAITING: "waiting", ACTIVE: "handed_off"}
PRE_QUEUE = (CONSENT, REVIEW, EDITING)
MAX_ANSWER_WORDS = 4  # longer messages are never read as a yes/no to the consent question
MIN_ANSWER_CONFIDENCE = 0.8


@dataclass
class FlowSettings:
    wait_limit: dt.timedelta = dt.timedelta(minutes=10)  # queued this long without a counsellor: Veilig Thuis
    stale_after: dt.timedelta = dt.timedelta(minutes=30)  # an unanswered consent question or summary expires
    poll_interval_s: float = 1.0
    max_wait_s: float = 25.0


class Replies:
    """The gateway's answer in Rasa's REST format, with a custom marker for the handoff state."""

    def __init__(self, sender: str) -> None:
        self.sender = sender
        self.items: list[Reply] = []

    def say(self, message: str, choices: list[dict[str, str]] | None = None) -> Replies:
        item: Reply = {"recipient_id": self.sender, "text": message}
        if choices:
            item["buttons"] = choices
        self.items.append(item)
        return self

    def extend(self, messages: list[str]) -> Replies:
        for message in messages:
            self.say(message)
        return self

    def state(self, state: str) -> Replies:
        marker = {"handoff": {"state": PUBLIC_STATE.get(state, "normal")}}
        self.items.append({"recipient_id": self.sender, "custom": marker})
        return self


def handoff_request(replies: list[Reply]) -> tuple[list[Reply], dict[str, Any] | None]:
    """Split Rasa's replies into the visible ones and the action server's handoff request, if any."""
    visible, request = [], None
    for reply in replies:
        custom = reply.get("custom")
        if isinstance(custom, dict) and isinstance(custom.get("handoff"), dict):
            request = request or custom["handoff"]
        else:
            visible.append(reply)
    return visible, request


class HandoffFlow:
    def __init__(self, store: HandoffStore, rasa: RasaApi, relay: Relay, conversation_id: Callable[[str], str],
                 redact: Callable[[str], str], hours: OpeningHours, clock: Callable[[], dt.datetime],
                 settings: FlowSettings | None = None) -> None:
        self.store, self.rasa, self.relay = store, rasa, relay
        self.conversation_id, self.redact = conversation_id, redact
        self.hours, self.clock = hours, clock
        self.settings = settings or FlowSettings()

    async def _db(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        return await to_thread.run_sync(lambda: function(*args, **kwargs))

    # ------------------------------------------------------------------ one user turn
    async def turn(self, sender: str, message: str, metadata: dict[str, Any] | None = None) -> list[Reply]:
        """Answer one message: through the handoff when one is open, else through Rasa."""
        try:
            conversation = self.conversation_id(sender)
            handoff = await self._db(self.store.open_for, conversation)
            if handoff is not None:
                handoff, offer = await self._tick(sender, handoff)
                if offer:  # a counsellor's offer the person has not seen yet: show it with the bot's answer
                    return await self._relay(sender, conversation, message, metadata, offer=handoff)
            if handoff is None:
                return await self._relay(sender, conversation, message, metadata)
            return await self._in_handoff(sender, handoff, message, metadata)
        except SQLAlchemyError as problem:  # the chat must keep working without the handoff tables
            logger.error("handoff store unavailable: %s", type(problem).__name__)
            replies, _ = handoff_request(await self.relay(sender, message, metadata))
            return replies

    async def _relay(self, sender: str, conversation: str, message: str, metadata: dict[str, Any] | None,
                     offer: Handoff | None = None) -> list[Reply]:
        visible, request = handoff_request(await self.relay(sender, message, metadata))
        out = Replies(sender)
        out.items.extend(visible)
        if offer is not None:
            return out.say(text("consent.counsellor", offer.language), buttons("consent", offer.language)).items
        if request is None:
            return out.items
        try:
            return await self._ask_consent(out, conversation, request, metadata)
        except SQLAlchemyError as problem:  # Rasa has answered: never send the message a second time
            logger.error("handoff store unavailable: %s", type(problem).__name__)
            return out.items

    async def _ask_consent(self, out: Replies, conversation: str, request: dict[str, Any],
                           metadata: dict[str, Any] | None) -> list[Reply]:
        reason = str(request.get("reason") or "request")
        if reason == "risk" and await self._db(self.store.ever, conversation, "risk"):
            return out.items  # a risk offer is made once per conversation, not on every message
        lang = language(request.get("language"))
        channel = (metadata or {}).get("channel")
        await self._db(self.store.start, conversation, reason, lang, channel)
        return out.say(text(f"consent.{reason}", lang), buttons("consent", lang)).items

    async def _in_handoff(self, sender: str, handoff: Handoff, message: str,
                          metadata: dict[str, Any] | None) -> list[Reply]:
        out = Replies(sender)
        if handoff.state in (WAITING, ACTIVE):
            return await self._live(out, handoff, message)
        if handoff.state == CONSENT:
            return await self._consent(out, handoff, message, metadata)
        out.extend(await self._safety_texts(message, handoff.language))
        if handoff.state == REVIEW:
            return await self._review(out, handoff, message)
        return await self._editing(out, handoff, message)

    async def _safety_texts(self, message: str, lang: str) -> list[str]:
        return safety_texts(await safety_levels(message, self.rasa), lang)

    # ------------------------------------------------------------------ before the queue
    async def _reads_as(self, message: str, keywords: str, intent: str) -> bool:
        if answer_is(keywords, message):
            return True
        if len(message.split()) > MAX_ANSWER_WORDS:
            return False
        name, confidence = await self.rasa.intent(message)
        return name == intent and confidence >= MIN_ANSWER_CONFIDENCE

    async def _consent(self, out: Replies, handoff: Handoff, message: str,
                       metadata: dict[str, Any] | None) -> list[Reply]:
        if await self._reads_as(message, "accept", "affirm"):
            out.extend(await self._safety_texts(message, handoff.language))
            tracker = await self.rasa.tracker(out.sender)
            summary = build_summary(tracker, handoff.reason, handoff.language, self.redact)
            await self._db(self.store.update, handoff.id, state=REVIEW, summary=summary)
            return self._show_summary(out, handoff.language, summary)
        if await self._reads_as(message, "refuse", "deny"):
            out.extend(await self._safety_texts(message, handoff.language))
            await self._db(self.store.update, handoff.id, state=CLOSED, outcome="declined")
            return out.say(text("declined", handoff.language)).items
        # Something else: the person moved on. Close the question and let Rasa answer (safety net included).
        await self._db(self.store.update, handoff.id, state=CLOSED, outcome="cancelled")
        return await self._relay(out.sender, handoff.conversation_id, message, metadata)

    def _show_summary(self, out: Replies, lang: str, summary: str) -> list[Reply]:
        out.say(text("review.intro", lang) + "\n\n" + summary)
        return out.say(text("review.options", lang), buttons("review", lang)).items

    async def _review(self, out: Replies, handoff: Handoff, message: str) -> list[Reply]:
        lang = handoff.language
        if answer_is("send", message):
            return await self._send(out, handoff, handoff.summary)
        if answer_is("edit", message):
            await self._db(self.store.update, handoff.id, state=EDITING)
            return out.say(text("review.edit_prompt", lang)).items
        if answer_is("without", message):
            await self._db(self.store.update, handoff.id, summary=None)
            return await self._send(out, handoff, None)
        if answer_is("cancel", message):
            await self._db(self.store.update, handoff.id, state=CLOSED, outcome="declined")
            return out.say(text("declined", lang)).items
        return out.say(text("review.options", lang), buttons("review", lang)).items

    async def _editing(self, out: Replies, handoff: Handoff, message: str) -> list[Reply]:
        if answer_is("end", message):
            await self._db(self.store.update, handoff.id, state=CLOSED, outcome="declined")
            return out.say(text("declined", handoff.language)).items
        summary = self.redact(message).strip()
        if not summary:
            return out.say(text("review.empty", handoff.language)).items
        await self._db(self.store.update, handoff.id, state=REVIEW, summary=summary)
        return self._show_summary(out, handoff.language, summary)

    async def _send(self, out: Replies, handoff: Handoff, summary: str | None) -> list[Reply]:
        lang, now = handoff.language, self.clock()
        if handoff.counsellor and await self._db(self.store.is_available, handoff.counsellor):
            paused = await self.rasa.pause(out.sender)
            await self._db(self.store.update, handoff.id, state=ACTIVE, outcome="counsellor", paused=paused,
                           queued_at=now, taken_at=now)
            return out.say(text("queue.connected", lang)).state(ACTIVE).items
        if not handoff.counsellor and await self._db(self.store.counsellor_available):
            paused = await self.rasa.pause(out.sender)
            await self._db(self.store.update, handoff.id, state=WAITING, outcome="counsellor", paused=paused,
                           queued_at=now)
            return out.say(text("queue.waiting", lang)).state(WAITING).items
        await self._db(self.store.update, handoff.id, state=CLOSED, outcome="veilig_thuis")
        return out.extend(veilig_thuis_chat(self.hours, now, lang, summary)).items

    # ------------------------------------------------------------------ in the queue or with a counsellor
    async def _live(self, out: Replies, handoff: Handoff, message: str) -> list[Reply]:
        lang = handoff.language
        if answer_is("end", message):
            await self._db(self.store.end, handoff.id, "user")
            await self._finish(out.sender, handoff)
            return out.say(text("queue.ended_by_user", lang)).state(CLOSED).items
        levels = await safety_levels(message, self.rasa)
        await self._db(self.store.add_message, handoff, "user", self.redact(message), safety_level(levels))
        out.extend(safety_texts(levels, lang))
        if handoff.state == WAITING:
            out.say(text("queue.still_waiting", lang))
        return out.state(handoff.state).items

    async def _finish(self, sender: str, handoff: Handoff) -> None:
        """Close an ended handoff and resume Rasa; the update is atomic, so only one caller resumes."""
        closed = await self._db(self.store.update, handoff.id, expect=(ENDED,), state=CLOSED, paused=False)
        if closed and handoff.paused:
            await self.rasa.resume(sender)

    async def _tick(self, sender: str, handoff: Handoff) -> tuple[Handoff | None, bool]:
        """Apply what happened elsewhere or with time: an end by the counsellor, a queue without anyone,
        a question left unanswered, a counsellor's offer. Returns the handoff still open (or None) and
        whether the counsellor's offer still has to be shown."""
        now = self.clock()
        age = now - _utc(handoff.updated_at)
        if handoff.state == ENDED:
            await self._finish(sender, handoff)
            return None, False
        if handoff.state == WAITING and now - _utc(handoff.queued_at or handoff.updated_at) > self.settings.wait_limit:
            return await self._give_up(sender, handoff), False
        if handoff.state in PRE_QUEUE and age > self.settings.stale_after:
            await self._db(self.store.update, handoff.id, expect=PRE_QUEUE, state=CLOSED, outcome="cancelled")
            return None, False
        if handoff.state == CONSENT and handoff.reason == "counsellor" and not handoff.language:
            lang = language(((await self.rasa.tracker(sender)).get("slots") or {}).get("language"))
            shown_here = await self._db(self.store.claim_offer, handoff.id, lang)
            handoff.language = lang
            return handoff, shown_here
        return handoff, False

    async def _give_up(self, sender: str, handoff: Handoff) -> None:  # always None: the handoff is over
        """Nobody took the queued chat in time: send the Veilig Thuis chat details instead."""
        if not await self._db(self.store.update, handoff.id, expect=(WAITING,), state=ENDED, ended_by="timeout",
                              outcome="veilig_thuis", ended_at=self.clock()):
            return None
        for message in veilig_thuis_chat(self.hours, self.clock(), handoff.language, handoff.summary, "timeout"):
            await self._db(self.store.add_message, handoff, "bot", message)
        await self._finish(sender, handoff)
        return None

    # ------------------------------------------------------------------ the outbox (web widget, Telegram)
    async def outbox(self, sender: str, after: int, wait_s: float = 0.0) -> dict[str, Any]:
        """Counsellor and bot messages newer than `after`; with `wait_s`, waits for one that long."""
        conversation = self.conversation_id(sender)
        deadline = asyncio.get_running_loop().time() + min(max(wait_s, 0.0), self.settings.max_wait_s)
        while True:
            state = await self._state(sender, conversation)
            messages = await self._db(self.store.outbox, conversation, after)
            if messages or asyncio.get_running_loop().time() >= deadline:
                return {"state": PUBLIC_STATE.get(state, "normal"),
                        "messages": [{"id": m.id, "text": m.text, "from": m.author} for m in messages]}
            await asyncio.sleep(self.settings.poll_interval_s)

    async def _state(self, sender: str, conversation: str) -> str:
        handoff = await self._db(self.store.open_for, conversation)
        if handoff is None:
            return "normal"
        handoff, offer = await self._tick(sender, handoff)
        if handoff is None:
            return "normal"
        if offer:
            await self._db(self.store.add_message, handoff, "bot", text("consent.counsellor", handoff.language))
        return handoff.state


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)
