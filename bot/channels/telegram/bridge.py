"""The Telegram bot: commands, relaying chat messages to the gateway and replies back, deleting on /wis.

Private chats only. The sender id the gateway sees is a keyed hash of the chat id (config.sender_id).
Per chat, updates are handled one at a time so replies keep their order; different chats run in parallel.
"""
from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import Coroutine, Iterator
from typing import Any

from telegram import Bot, ReplyKeyboardMarkup, ReplyKeyboardRemove, Update
from telegram.constants import ChatAction, MessageLimit
from telegram.ext import Application, ApplicationBuilder, CommandHandler, ContextTypes, MessageHandler, filters

from bot.channels.gateway_client import AsyncGatewayClient, Choice
from bot.channels.telegram.config import TelegramConfig, sender_id
from bot.channels.telegram.history import ChatHistory
from bot.channels.telegram.relay import OutboxRelay
from bot.channels.telegram.retry import call_with_retry
from bot.channels.texts import language_of, text
from bot.chat.messages import storage_notice

logger = logging.getLogger("wegwijs.telegram")
DELETE_BATCH = 100  # deleteMessages takes at most 100 ids
NOTICE_LIFETIME_S = 60.0  # the /wis answer removes itself after this
# Telegram apps split a text longer than 4,096 characters into several messages, sent right after each
# other. A message this close to the limit may be such a part: the bridge waits briefly for the rest.
PART_NEAR_LIMIT = MessageLimit.MAX_TEXT_LENGTH - 600
PART_WAIT_S = 2.5
BUTTONS_PER_ROW = 2  # quick choices are long: two per row (a yes/no question stays on one row)


class PartJoiner:
    """Joins the parts of a long text that Telegram delivered as separate messages, per chat.

    `add` returns the text to relay: a normal message at once, the parts of a split one together when the
    last (shorter) part comes in. A chat whose parts stop coming is flushed by `take` after a wait (the
    caller's timer, checked against `generation` so only the last part's timer acts)."""

    def __init__(self, near_limit: int = PART_NEAR_LIMIT) -> None:
        self.near_limit = near_limit
        self._pending: dict[int, str] = {}
        self.generation: defaultdict[int, int] = defaultdict(int)

    def add(self, chat_id: int, text: str) -> str | None:
        pending = self._pending.get(chat_id)
        if pending is None and len(text) < self.near_limit:
            return text
        self._pending[chat_id] = text if pending is None else _join(pending, text)
        self.generation[chat_id] += 1
        return self.take(chat_id) if len(text) < self.near_limit else None

    def take(self, chat_id: int) -> str | None:
        return self._pending.pop(chat_id, None)


def _join(first: str, second: str) -> str:
    """Parts are cut at a space or line break that the app may have dropped: keep the words apart."""
    if first[-1:].isspace() or second[:1].isspace():
        return first + second
    return f"{first} {second}"


def chunks(message: str, size: int = MessageLimit.MAX_TEXT_LENGTH) -> Iterator[str]:
    """Split a long text into Telegram-sized parts, at a line break when there is one."""
    while len(message) > size:
        cut = message.rfind("\n", 0, size)
        cut = cut if cut > 0 else size
        yield message[:cut]
        message = message[cut:].lstrip("\n")
    if message:
        yield message


class Bridge:
    def __init__(self, config: TelegramConfig, gateway: AsyncGatewayClient, history: ChatHistory | None = None,
                 notice_lifetime_s: float = NOTICE_LIFETIME_S) -> None:
        self.config = config
        self.gateway = gateway
        self.history = history or ChatHistory()
        self.notice_lifetime_s = notice_lifetime_s
        self.stopped: set[int] = set()
        self._locks: defaultdict[int, asyncio.Lock] = defaultdict(asyncio.Lock)
        self._background: set[asyncio.Task[None]] = set()
        self.relay: OutboxRelay | None = None
        self.app: Application | None = None
        self._choices: dict[int, dict[str, str]] = {}  # chat -> button title (folded) -> payload
        self._keyboards: set[int] = set()  # chats that still show reply buttons
        self.parts = PartJoiner()
        self.part_wait_s = PART_WAIT_S

    def sender(self, chat_id: int) -> str:
        return sender_id(self.config.token, chat_id)

    @property
    def bot(self) -> Bot:
        assert self.app is not None, "install() the bridge on an application first"
        return self.app.bot

    def install(self, app: Application) -> None:
        self.app = app
        private = filters.ChatType.PRIVATE
        self.relay = OutboxRelay(self.gateway, self._deliver_counsellor_message)
        app.add_handler(CommandHandler("start", self.on_start, filters=private))
        app.add_handler(CommandHandler("help", self.on_help, filters=private))
        app.add_handler(CommandHandler(["wis", "wissen", "erase", "delete"], self.on_erase, filters=private))
        app.add_handler(CommandHandler("stop", self.on_stop, filters=private))
        app.add_handler(MessageHandler(private & filters.TEXT & ~filters.COMMAND, self.on_text))
        app.add_handler(MessageHandler(private & ~filters.TEXT, self.on_not_text))
        app.add_handler(MessageHandler(~private & (filters.COMMAND | filters.Entity("mention")), self.on_group))
        app.add_error_handler(self.on_error)

    # --- handlers -------------------------------------------------------------------------------------

    async def on_start(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        chat_id, language = self._incoming(update)
        self.stopped.discard(chat_id)
        await self.send(chat_id, text("telegram", "start", language, storage=storage_notice(language)))

    async def on_help(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        chat_id, language = self._incoming(update)
        await self.send(chat_id, text("telegram", "help", language))

    async def on_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        chat_id, language = self._incoming(update)
        self.stopped.discard(chat_id)
        whole = self.parts.add(chat_id, update.effective_message.text)  # no await before: parts stay in order
        if whole is None:  # part of a long text: wait for the rest
            self._later(self._flush_parts(chat_id, language, self.parts.generation[chat_id]))
            return
        await self._relay_text(chat_id, language, whole)

    async def _flush_parts(self, chat_id: int, language: str, generation: int) -> None:
        await asyncio.sleep(self.part_wait_s)
        if self.parts.generation[chat_id] == generation:  # no newer part came in meanwhile
            whole = self.parts.take(chat_id)
            if whole:
                await self._relay_text(chat_id, language, whole)

    async def _relay_text(self, chat_id: int, language: str, text: str) -> None:
        async with self._locks[chat_id]:
            await call_with_retry(lambda: self.bot.send_chat_action(chat_id, ChatAction.TYPING),
                                  "sendChatAction", attempts=1)
            message = self._chosen(chat_id, text)
            for reply in await self.gateway.send(self.sender(chat_id), message, language):
                await self.send(chat_id, reply.text, choices=reply.choices)
        if self.relay:
            self.relay.watch(self.sender(chat_id), chat_id)

    async def on_not_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        chat_id, language = self._incoming(update)  # photos, voice, files: never downloaded
        await self.send(chat_id, text("telegram", "not_text", language))

    async def on_group(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        language = language_of(update.effective_user.language_code if update.effective_user else None)
        await self.send(update.effective_chat.id, text("telegram", "private_only", language), track=False)

    async def on_stop(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        chat_id, language = self._incoming(update)
        sender = self.sender(chat_id)
        if self.relay:
            self.relay.unwatch(sender)
        async with self._locks[chat_id]:
            if await self.gateway.handoff_state(sender) != "normal":  # end the handoff the way a user would
                for reply in await self.gateway.send(sender, "stop", language):
                    await self.send(chat_id, reply.text)
        self.stopped.add(chat_id)
        await self.send(chat_id, text("telegram", "stopped", language))

    async def on_erase(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        chat_id, language = self._incoming(update)
        sender = self.sender(chat_id)
        if self.relay:
            self.relay.unwatch(sender)
        async with self._locks[chat_id]:
            erased = await self.gateway.erase(sender)
            deleted = await self.delete_chat_messages(chat_id)
        lines = [text("telegram", "erased" if erased else "erase_failed", language),
                 text("telegram", "deleted_messages", language, count=deleted),
                 text("telegram", "cannot_delete", language)]
        notice = await self.send(chat_id, "\n\n".join(lines), track=False)
        for message_id in notice:
            self._later(self._delete_after(chat_id, message_id, self.notice_lifetime_s))

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        # Only the type: the error text can quote a user's message.
        logger.error("error while handling an update: %s", type(context.error).__name__)

    # --- helpers --------------------------------------------------------------------------------------

    def _incoming(self, update: Update) -> tuple[int, str]:
        chat_id = update.effective_chat.id
        if update.effective_message:
            self.history.add(chat_id, update.effective_message.message_id)
        user = update.effective_user
        return chat_id, language_of(user.language_code if user else None)

    def _chosen(self, chat_id: int, message: str) -> str:
        """A tapped reply button sends its title; the gateway gets the button's payload instead."""
        choices = self._choices.pop(chat_id, {})
        return choices.get(message.strip().casefold(), message)

    def _keyboard(self, chat_id: int, choices: tuple[Choice, ...]) -> ReplyKeyboardMarkup | ReplyKeyboardRemove | None:
        if choices:
            self._choices[chat_id] = {c.title.casefold(): c.payload for c in choices}
            self._keyboards.add(chat_id)
            titles = [c.title for c in choices]
            per_row = len(titles) if len(titles) <= BUTTONS_PER_ROW else BUTTONS_PER_ROW
            rows = [titles[i:i + per_row] for i in range(0, len(titles), per_row)]
            return ReplyKeyboardMarkup(rows, resize_keyboard=True, one_time_keyboard=True)
        if chat_id in self._keyboards:  # buttons from an earlier reply are no longer the question
            self._keyboards.discard(chat_id)
            return ReplyKeyboardRemove()
        return None

    async def send(self, chat_id: int, message: str, track: bool = True, choices: tuple[Choice, ...] = ()) -> list[int]:
        """Send `message` (split when too long), with reply buttons when there are choices; returns the ids
        of the parts that arrived."""
        sent: list[int] = []
        parts = list(chunks(message))
        for index, part in enumerate(parts):
            markup = self._keyboard(chat_id, choices) if index == len(parts) - 1 else None
            result = await call_with_retry(lambda p=part, m=markup: self.bot.send_message(chat_id, p, reply_markup=m),
                                           "sendMessage")
            if result is not None:
                sent.append(result.message_id)
                if track:
                    self.history.add(chat_id, result.message_id)
        return sent

    async def delete_chat_messages(self, chat_id: int) -> int:
        """Delete every message of this chat the bot still may; returns how many."""
        ids = self.history.deletable(chat_id)
        deleted: list[int] = []
        for start in range(0, len(ids), DELETE_BATCH):
            batch = ids[start:start + DELETE_BATCH]
            done = await call_with_retry(lambda b=batch: self.bot.delete_messages(chat_id, b), "deleteMessages")
            if done:
                deleted.extend(batch)
        self.history.forget(chat_id, deleted)
        return len(deleted)

    async def _delete_after(self, chat_id: int, message_id: int, delay_s: float) -> None:
        await asyncio.sleep(delay_s)
        await call_with_retry(lambda: self.bot.delete_message(chat_id, message_id), "deleteMessage")

    def _later(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(work)
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def _deliver_counsellor_message(self, chat_id: int, message: str, author: str) -> None:
        if chat_id in self.stopped:
            return
        prefix = text("telegram", "counsellor_prefix") if author == "counsellor" else ""
        await self.send(chat_id, prefix + message)


def build_application(config: TelegramConfig, bridge: Bridge) -> Application:
    builder: ApplicationBuilder = (
        Application.builder().token(config.token).base_url(config.api_url)
        .concurrent_updates(32)  # chats in parallel; Bridge keeps one chat in order
        .connect_timeout(10).read_timeout(30).write_timeout(30).pool_timeout(10)
        .get_updates_read_timeout(40)
    )
    if config.mode == "webhook":
        builder = builder.updater(None)
    app = builder.build()
    bridge.install(app)
    return app
