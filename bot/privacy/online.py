"""Social media: "@naam" handles, links to a profile ("instagram.com/naam"), and the name after a cue
("haar insta is lotte.xo", "snap: sweetgirl2011", "zijn snapchat naam is bad boy ryan"), and a Discord tag
("jaxon#4821") wherever it stands."""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from bot.privacy.lexicon import Lexicon, first_words
from bot.privacy.numbers import IBAN_START
from bot.privacy.spans import Span
from bot.privacy.tokens import Token
from bot.privacy.wordlists import word_lists

AT_HANDLE = re.compile(r"(?<![\w.@])@[A-Za-z0-9_][A-Za-z0-9_.]{1,29}(?<!\.)")
HANDLE_WORD = re.compile(r"[^\W_][\w.\-]*[\w](?:#[0-9]{4})?")
CUE_TAIL = re.compile(r"\s*(?::|is|=|-)?\s*(?:(?:is|naam|name|account)\s+)*:?\s*[\"“'‘]?")
# "mój snapchat to kaska_w02", "mein insta ist lena.k07": a copula of another language between cue and handle;
# the handle must then hold a digit, dot or underscore ("on snapchat to talk" is no handle).
FOREIGN_LINK = re.compile(r"\s+(?:to|jest|ist|est|es|é|e|als|as|onder|under"  # "op TikTok als meisje_123"
                          # the cue as a verb: "snap me op vlinder.2010", "add me on tiktok.girl_09", "dm hem via ..."
                          r"|(?:me|mij|ons|hem|haar|him|her|us)\s+(?:op|on|via|at|onder))\s+")
# "noorr_xx", "meisje_123": a word with an underscore between letters or digits is a user name wherever it stands.
UNDERSCORED = re.compile(r"(?<![\w.@/#-])(?=[\w.]*[^\W\d_])[^\W_][\w.]*_[\w.]*[^\W_](?![\w@#])")
# "jaxon#4821": a user name with a Discord tag (four digits after "#") is a user name wherever it stands.
DISCORD_TAG = re.compile(r"(?<![\w.@/#-])(?=[\w.]*[^\W\d_])[^\W_][\w.]{1,31}#[0-9]{4}(?![\w#])")
MAX_HANDLE_WORDS = 3
STATES = frozenset({"kapot", "privé", "prive", "priv", "private", "privaat", "prv",  # round 12: "priv"
                    "openbaar", "public", "weg", "leeg", "dicht", "open", "down",
                    "offline", "online", "geblokkeerd", "hacked", "gone", "deleted", "banned"})
SPACED_AT = re.compile(r"@\s+")
SPACED_NAME = re.compile(r"(?<![\w.@])@\s([^\W\d_]{2,30})(?![\w@])")
# "stuur me @ lisa.b_": an "@" and a space before a word with a digit, dot or underscore, anywhere.
SPACED_HANDLE = re.compile(r"(?<![\w.@])@\s(?=[\w.]*[0-9._])[A-Za-z0-9_][A-Za-z0-9_.]{1,29}(?<![.])(?![\w@])")
# A mailbox named without its domain after a mail cue: "hotmail: sanne_xx", "m'n gmail is lotte.vd"; a local part
# with a provider and no ending: "sannejansen@gmail".
MAILBOX = re.compile(r"(?i)(?<![\w@.])(?:e-?mail|mail|gmail|hotmail|outlook|icloud|yahoo|mailadres|e-?mailadres)"
                     r"\s*(?::\s*|\s+(?:is|was|=)\s+)"
                     r"(?P<box>(?=[\w.+\-]*[0-9._+])(?=[\w.+\-]*[A-Za-z])[A-Za-z0-9][\w.+\-]*[A-Za-z0-9])(?![\w@])")
PROVIDERS = (r"(?:gmail|googlemail|hotmail|outlook|live|icloud|yahoo|ziggo|kpnmail|planet|msn|proton|protonmail|"
             r"quicknet|xs4all|casema|upcmail|telfort|tele2)")
MAIL_ENDING = r"(?:com|nl|be|net|org|eu|de|fr|uk|co\.uk)"
# "x@gmail", "x@gmail,com", "x@gmailcom": a mailbox at a provider whose ending is missing, glued or typed with a comma.
PROVIDER_ONLY = re.compile(rf"(?i)(?<![\w.%+\-])[\w.%+\-]+@{PROVIDERS}(?:{MAIL_ENDING}|\s?[,.]\s?{MAIL_ENDING})?"
                           r"(?![\w.@-])")
# "sanne at gmail.com": a plain "at" before a provider's domain (not "chat at veiligthuis.nl", a website).
AT_PROVIDER = re.compile(rf"(?i)(?<![\w.%+\-])[\w%+\-]+(?:\.[\w%+\-]+)*\s+at\s+(?!live){PROVIDERS}\s?\.\s?{MAIL_ENDING}"
                         r"(?![\w])")
# "lisa.devries2009 op hotmail", "sanne.b @ gmail", "jan_99 at outlook": a local part with a digit, dot or underscore,
# a word for "at" and a provider without its ending.
BOX_AT_PROVIDER = re.compile(rf"(?i)(?<![\w.%+\-@])(?=[\w.+\-]*[0-9._])(?=[\w.+\-]*[A-Za-z]{{2}})"
                             rf"[A-Za-z0-9][\w.+\-]*[A-Za-z0-9]"
                             rf"(?:\s*@\s*|\s(?:at|op|bij|et|małpa|malpa)\s(?!live))\s*{PROVIDERS}(?![\w.@-])")
SENTENCE_END = re.compile(r"[!?\n]|\.(?:\s|$)")
PLATFORM_REACH = 80  # characters after the platform in which the naming verb may stand
# "op insta heet ik sunflower.zara", "op discord, daar heet hij ghostboy4421", "zijn gamertag op de xbox is
# killerbeast0077": after a platform (`handle_platforms`), later in the sentence, a naming verb and a word with a
# digit, dot or underscore is the user name there.
# Round 17: a colon after the platform and whose it is ("snapchat van mijn ex: ...") names it too.
PLATFORM_NAMING = re.compile(r"(?<![\w])(?i:heet|heette|heten|is|was|noemt\s+(?:hij|ze|zij)\s+zich"
                             r"|noem\s+ik\s+me|staat\s+(?:hij|ze|zij|ik)\s+als|als|onder)"
                             r"\s*:?\s+(?:(?i:ik|hij|ze|zij|je|jij)\s+)?|(?<=[^\W\d_]):\s*")


@lru_cache(maxsize=4)
def _profile_link(domains: tuple[str, ...]) -> re.Pattern[str]:
    hosts = "|".join(re.escape(d) for d in domains)
    return re.compile(rf"(?<![\w.])(?:https?://)?(?:www\.)?(?:{hosts})/[^\s,;!?)\]]+", re.IGNORECASE)


def _user_name(word: str, lex: Lexicon) -> bool:
    """"meisje_123", "noorr_xx": a digit, or a part that is no word; not "bot_challenge", "user_name" (the names
    in code and logs are made of words)."""
    lists = word_lists()
    parts = [p for p in re.split(r"[_.]+", word.lower()) if p]
    return any(ch.isdigit() for ch in word) or any(
        not lists.ordinary(p) and p not in lex.vocabulary and p not in lex.common_words for p in parts)


def _state_word(word: str, text: str, end: int) -> bool:
    """A frequent Dutch word or a participle ("gehackt", "verwijderd") alone after the cue says how the account is."""
    lists = word_lists()
    alone = not re.match(r" [^\W\d_]", text[end:end + 2])
    participle = word.startswith(("ge", "ver", "be", "ont")) and word.endswith(("d", "t", "en")) \
        and lists.ordinary(word)
    return alone and (word in lists.frequent_nl or participle or word in STATES)


def _cue_end(tokens: list[Token], index: int, phrases: tuple[tuple[str, ...], ...]) -> int | None:
    if tokens[index].lower not in first_words(phrases):
        return None
    for phrase in phrases:
        end = index + len(phrase)
        if tuple(t.lower for t in tokens[index:end]) == phrase:
            return end - 1
    return None


def _after_foreign_link(text: str, end: int) -> Span | None:
    link = FOREIGN_LINK.match(text, end)
    word = HANDLE_WORD.match(text, link.end()) if link else None
    if word is None or word.group().isalpha():
        return None
    return Span(word.start(), word.end(), "HANDLE")


def _after_cue(text: str, tokens: list[Token], end: int, lex: Lexicon) -> Span | None:
    foreign = _after_foreign_link(text, tokens[end].end)
    if foreign is not None:
        return foreign
    tail = CUE_TAIL.match(text, tokens[end].end)
    start = tail.end() if tail else tokens[end].end
    if start == tokens[end].end:
        return None  # "telegram.org": the cue must be followed by a space or ":"
    at = SPACED_AT.match(text, start)  # "insta @ lotte.vd": the "@" apart from the name
    first = HANDLE_WORD.match(text, at.end() if at else start)
    if first is None or first.group().lower() in lex.handle_stops or first.group().lower() in lex.not_names_after_cue:
        return None
    if at is not None:
        return Span(at.start(), first.end(), "HANDLE")
    word = first.group()
    if IBAN_START.match(text, first.start()):
        return None  # round 22: "my polish account PL27 1140 ...": an account number, not a user name
    if not text[tokens[end].end:first.start()].strip().strip("\"“'‘"):  # a quote is no ":" or "is"
        return None if word.isalpha() else Span(first.start(), first.end(), "HANDLE")  # needs ":" or "is"
    if word.isalpha() and _state_word(word.lower(), text, first.end()):
        return None  # "mijn insta is kapot", "zijn snap is gehackt": how the account is, not its name
    if any(not ch.isalpha() for ch in word):
        return Span(first.start(), first.end(), "HANDLE")  # "lotte.xo", "sweetgirl2011", "darkwolf#4471"
    words = [first]
    while len(words) < MAX_HANDLE_WORDS:
        nxt = re.compile(r" ([^\W\d_]+)(?![\w])").match(text, words[-1].end())
        if nxt is None or nxt.group(1).lower() in lex.handle_stops:
            break
        words.append(nxt)
    return Span(first.start(), words[-1].end(), "HANDLE")


def _after_platform(text: str, tokens: list[Token], lex: Lexicon) -> Iterator[Span]:
    for index in range(len(tokens)):
        end = _cue_end(tokens, index, lex.handle_platforms)
        if end is None:
            continue
        stop = SENTENCE_END.search(text, tokens[end].end, tokens[end].end + PLATFORM_REACH)
        for link in PLATFORM_NAMING.finditer(text, tokens[end].end, stop.start() if stop else
                                             min(len(text), tokens[end].end + PLATFORM_REACH)):
            word = HANDLE_WORD.match(text, link.end())
            if word is not None and not word.group().isalpha() and any(ch.isalpha() for ch in word.group()) \
                    and word.group().lower() not in first_words(lex.handle_platforms):
                yield Span(word.start(), word.end(), "HANDLE")
                break


def mailboxes(text: str) -> Iterator[Span]:
    """E-mail addresses written without their domain or its ending: "hotmail: sanne_xx", "lisa@hotmail"."""
    if "mail" in text.lower() or "@" in text:
        for match in MAILBOX.finditer(text):
            yield Span(match.start("box"), match.end("box"), "EMAIL")
        for match in PROVIDER_ONLY.finditer(text):
            yield Span(match.start(), match.end(), "EMAIL")
    if " at " in text.lower():
        for match in AT_PROVIDER.finditer(text):
            yield Span(match.start(), match.end(), "EMAIL")
    for match in BOX_AT_PROVIDER.finditer(text):
        yield Span(match.start(), match.end(), "EMAIL")


def handles(text: str, tokens: list[Token], lex: Lexicon) -> Iterator[Span]:
    yield from _after_platform(text, tokens, lex)
    yield from mailboxes(text)
    if "@ " in text:
        for match in SPACED_HANDLE.finditer(text):
            yield Span(match.start(), match.end(), "HANDLE")
        lists = word_lists()
        for match in SPACED_NAME.finditer(text):  # "dm me @ lisa": a given name after an "@" and a space
            word = match.group(1).lower()
            if (word in lists.given_names or word in lex.given_names) and word not in lex.non_names \
                    and not (lists.ordinary(word) and word not in lex.given_names):
                yield Span(match.start(), match.end(), "HANDLE")
    for match in AT_HANDLE.finditer(text):
        yield Span(match.start(), match.end(), "HANDLE")
    for match in _profile_link(lex.social_domains).finditer(text):
        yield Span(match.start(), match.end(), "HANDLE")
    if "#" in text:
        for match in DISCORD_TAG.finditer(text):
            yield Span(match.start(), match.end(), "HANDLE")
    if "_" in text:
        for match in UNDERSCORED.finditer(text):
            if _user_name(match.group(), lex):
                yield Span(match.start(), match.end(), "HANDLE")
    for index in range(len(tokens)):
        end = _cue_end(tokens, index, lex.handle_cues)
        if end is not None:
            found = _after_cue(text, tokens, end, lex)
            if found is not None:
                yield found
