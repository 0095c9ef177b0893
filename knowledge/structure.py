"""Recognise the heading structure of a plain-text / markdown / PDF-extracted document.

Turns text into a list of :class:`Section` (heading path + paragraphs). Recognised headings:
markdown ``#`` lines, numbered headings ("3.2 Title", "2.1.1 Title"), "Hoofdstuk 3 ..." and
"Bijlage 1 ..." lines, ALL-CAPS lines, and short title-like lines that open a paragraph
("minor" headings; demoted back to text when nothing follows them but another heading).
Table-of-contents sections and lines are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_MD = re.compile(r"^(#{1,6})\s+(.*)$")
_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)(\.?)\s+(\S.*)$")
_CHAPTER = re.compile(r"^(hoofdstuk|bijlage|appendix|chapter)(?:\s+(\d{1,2}|[ivx]+))?[.:]?(?:\s+(.*))?$", re.I)
_TOC_LINE = re.compile(r"(\t\s*\d{1,3}\s*$)|(\.{4,}\s*\d{1,3}\s*$)")
_TAG = re.compile(r"<[^>]{1,200}>")
_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)")
_LIST = re.compile(r"^\s*(?:[-•○✓▪◦–*]|\d{1,2}[.)]|[a-z][.)])\s+")
_TOC_TITLES = {"inhoud", "inhoudsopgave", "contents", "table of contents"}
MAX_HEADING_WORDS = 12
MINOR_MAX_WORDS = 10
MINOR_MAX_CHARS = 80


@dataclass(frozen=True)
class Heading:
    text: str
    level: int
    number: str | None = None
    minor: bool = False


@dataclass
class Section:
    path: tuple[str, ...]
    paragraphs: list[str] = field(default_factory=list)


def clean_line(line: str) -> str:
    line = _TAG.sub(" ", line)
    line = _EMPHASIS.sub("", line)
    line = line.replace("\u00a0", " ").replace("\t", " | ")
    return re.sub(r"[ ]{2,}", " ", line).strip(" |")


def _plain_heading_text(text: str) -> str:
    return clean_line(text).strip(" #:")


def _structural(line: str) -> Heading | None:
    """A markdown, numbered or chapter heading, or None."""
    raw = _EMPHASIS.sub("", _TAG.sub(" ", line)).strip()
    md = _MD.match(raw)
    body = _plain_heading_text(md.group(2)) if md else raw
    if md and not body:
        return None
    if not md and (_TOC_LINE.search(line) or "\t" in line):
        return None
    if not md and (len(body.split()) > MAX_HEADING_WORDS or body.endswith((".", ";", ","))):
        return None
    chapter = _CHAPTER.match(body)
    if chapter:
        number = chapter.group(2)
        prefix = chapter.group(1).lower()
        key = number if prefix in ("hoofdstuk", "chapter") else None
        return Heading(text=body, level=1, number=key)
    numbered = _NUMBERED.match(body)
    if numbered and (md or _numbered_heading(numbered)):
        return Heading(text=body, level=len(md.group(1)) if md else 0, number=numbered.group(1))
    if md:
        return Heading(text=body, level=len(md.group(1)))
    if _all_caps(body):
        return Heading(text=body, level=1)
    return None


def _numbered_heading(match: re.Match[str]) -> bool:
    number, dot, title = match.groups()
    if dot and "." not in number:  # "1. Foo" is a list item in plain text
        return False
    return bool(title[:1].isupper()) and not title.rstrip().endswith((":", ".", ";", ","))


def _all_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 4 and all(ch.isupper() for ch in letters) and len(text.split()) <= 8


def _minor(line: str, following: str | None) -> bool:
    """A short title-like line opening a paragraph (or standing alone)."""
    text = clean_line(line)
    if not text or _LIST.match(line) or "\t" in line or "|" in text:
        return False
    if len(text) > MINOR_MAX_CHARS or len(text.split()) > MINOR_MAX_WORDS:
        return False
    if not text[0].isupper() or "." in text or text.endswith((",", ";", ":", "-")):
        return False
    if sum(ch.isdigit() for ch in text) > len(text) // 3:
        return False
    if following is None:
        return True
    return len(following) >= 50 and len(text) < 0.7 * len(following)


def _blocks(text: str) -> list[list[str]]:
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in text.splitlines():
        if line.strip():
            current.append(line.rstrip())
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _join_paragraph(lines: list[str]) -> str:
    kept = [line for line in lines if not _TOC_LINE.search(line)]
    if any(_LIST.match(line) for line in kept):
        return "\n".join(clean_line(line) for line in kept if clean_line(line))
    return " ".join(clean_line(line) for line in kept if clean_line(line))


Token = Heading | str


def tokenize(text: str) -> list[Token]:
    """Headings and paragraphs in document order."""
    tokens: list[Token] = []
    for block in _blocks(text):
        lines = list(block)
        while lines:
            heading = _structural(lines[0])
            if heading is None and _minor(lines[0], lines[1] if len(lines) > 1 else None):
                heading = Heading(text=clean_line(lines[0]), level=0, minor=True)
            if heading is None:
                break
            tokens.append(heading)
            lines = lines[1:]
        paragraph = _join_paragraph(lines) if lines else ""
        if paragraph:
            tokens.append(paragraph)
    return _demote_empty_minors(tokens)


def _demote_empty_minors(tokens: list[Token]) -> list[Token]:
    """A minor heading directly followed by another heading (or the end) was just a short line."""
    result: list[Token] = []
    for i, token in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if isinstance(token, Heading) and token.minor and (nxt is None or isinstance(nxt, Heading)):
            result.append(token.text)
        else:
            result.append(token)
    return result


class _PathStack:
    """The open headings; numbered headings find their parent by number ("3.2" under "3")."""

    def __init__(self) -> None:
        self.stack: list[Heading] = []

    def push(self, heading: Heading) -> None:
        level = self._level(heading)
        if heading.minor:
            while self.stack and self.stack[-1].minor:
                self.stack.pop()
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()
        self.stack.append(Heading(heading.text, level, heading.number, heading.minor))

    def _level(self, heading: Heading) -> int:
        if heading.minor:
            structural = [h for h in self.stack if not h.minor]
            return (structural[-1].level if structural else 0) + 1
        if heading.number:
            parent = heading.number.rsplit(".", 1)[0] if "." in heading.number else None
            depth = heading.number.count(".") + 1
            for open_heading in reversed(self.stack):
                if parent and open_heading.number == parent:
                    return open_heading.level + 1
                if open_heading.number and open_heading.number.count(".") + 1 == depth:
                    return open_heading.level
        return heading.level or (heading.number.count(".") + 1 if heading.number else 1)

    @property
    def path(self) -> tuple[str, ...]:
        return tuple(h.text for h in self.stack)


def sections(text: str) -> list[Section]:
    """Group the paragraphs of ``text`` under their heading path; drops tables of contents."""
    stack = _PathStack()
    result: list[Section] = [Section(path=())]
    for token in tokenize(text):
        if isinstance(token, Heading):
            stack.push(token)
            result.append(Section(path=stack.path))
        elif not _in_toc(result[-1].path):
            result[-1].paragraphs.append(token)
    return [s for s in result if s.paragraphs]


def _in_toc(path: tuple[str, ...]) -> bool:
    return bool(path) and path[-1].strip().lower() in _TOC_TITLES


def document_title(text: str, fallback: str) -> str:
    """The first line, plus the next block as subtitle when it is short (a one-line block, or
    up to two lines under a markdown title)."""
    blocks = [[clean_line(line).lstrip("# ").strip() for line in block] for block in _blocks(text)[:3]]
    if not blocks or not blocks[0][0]:
        return fallback
    first, title = blocks[0], blocks[0][0]
    if len(title.split()) > MAX_HEADING_WORDS:
        return fallback
    is_markdown = text.lstrip().startswith("#")
    rest = first[1:] if len(first) > 1 else (blocks[1] if len(blocks) > 1 else [])
    if len(rest) == 1 or (is_markdown and len(rest) == 2):
        subtitle = " ".join(rest)
        if 2 <= len(subtitle.split()) <= 15 and not subtitle.endswith(".") and not _looks_like_date(subtitle):
            title = f"{title} — {subtitle}"
    return title


_MONTHS = ("januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
           "january|february|march|may|june|july|august|october")
_DATE = re.compile(rf"((\d{{1,2}} )?({_MONTHS}) )?\d{{4}}", re.IGNORECASE)


def _looks_like_date(text: str) -> bool:
    return bool(_DATE.fullmatch(text.strip())) or text.lower().startswith(("datum", "versie"))
