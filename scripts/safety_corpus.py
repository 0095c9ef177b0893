"""Expand the safety training corpus (nlu/safety_corpus/*.yml) into labelled messages.

Each template is filled with seeded samples of its {SLOT}s, wrapped in an ordinary frame of its language
(the same frames for danger and ordinary text, so a frame is never a signal) and given noisy copies the
way people type: no punctuation, all caps, a typo, chat abbreviations, no diacritics. Deterministic:
the same files and seed give the same messages. Every template belongs to the `train` or the `tune`
split as a whole (by a hash of its text), so tuning measures phrasings the head never saw.
"""
from __future__ import annotations

import hashlib
import itertools
import random
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

CORPUS_DIR = Path(__file__).resolve().parents[1] / "nlu" / "safety_corpus"
LABELS = ("none", "acute", "suicide")
TUNE_SHARE = 0.2
_SLOT = re.compile(r"\{([A-Z]+)\}")
_PUNCT = re.compile(r"[.,!?;:¿¡،؟]")
ABBREVIATIONS = {
    "nl": {"mijn": "mn", "ik": "k", "hij": "hy", "heeft": "heef", "niet": "nie", "zijn": "zn", "een": "n",
           "het": "t", "wat": "wa", "meteen": "mtn"},
    "en": {"you": "u", "are": "r", "please": "pls", "i'm": "im", "he's": "hes", "don't": "dont", "can't": "cant",
           "my": "ma", "because": "cuz"},
}
FRAMES = {
    "nl": ["{}", "help {}", "{} wat moet ik doen", "sorry voor mijn spelling maar {}", "{} ik weet niet wat te doen",
           "hallo, {}", "ik weet niet of dit hier kan maar {}"],
    "en": ["{}", "help {}", "{} what do i do", "sorry for my english but {}", "{} i don't know what to do", "hi, {}"],
    "tr": ["{}", "yardım {}", "{} ne yapmalıyım", "merhaba {}", "{} bilmiyorum ne yapacağımı"],
    "pl": ["{}", "pomocy {}", "{} co mam robić", "dzień dobry {}", "{} nie wiem co robić"],
    "ar": ["{}", "ساعدوني {}", "{} ماذا أفعل", "مرحبا {}", "{} لا أعرف ماذا أفعل"],
}


@dataclass(frozen=True)
class Example:
    text: str
    label: str
    lang: str
    split: str
    template: str


def split_of(template: str) -> str:
    digest = int(hashlib.sha256(template.encode("utf-8")).hexdigest()[:8], 16)
    return "tune" if digest % 1000 < TUNE_SHARE * 1000 else "train"


def strip_accents(text: str) -> str:
    folded = text.translate(str.maketrans({"ı": "i", "ł": "l", "Ł": "L"}))
    return "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))


def typo(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    long = [i for i, word in enumerate(words) if len(word) >= 4]
    if not long:
        return text
    i = rng.choice(long)
    word, j = words[i], rng.randrange(1, len(words[i]) - 1)
    op = rng.randrange(3)
    words[i] = (word[:j] + word[j + 1] + word[j] + word[j + 2:] if op == 0 else
                word[:j] + word[j + 1:] if op == 1 else word[:j] + word[j] + word[j:])
    return " ".join(words)


def abbreviate(text: str, lang: str) -> str:
    table = ABBREVIATIONS.get(lang, {})
    return " ".join(table.get(word.lower(), word) for word in text.split(" "))


def noisy(text: str, lang: str, rng: random.Random) -> str:
    kind = rng.choice(("plain", "caps", "typo", "abbrev", "accents"))
    bare = " ".join(_PUNCT.sub(" ", text).split())
    if kind == "caps":
        return bare.upper()
    if kind == "typo":
        return typo(bare.lower(), rng)
    if kind == "abbrev":
        return abbreviate(bare.lower(), lang)
    if kind == "accents":
        return strip_accents(bare.lower())
    return bare.lower()


def fills(template: str, slots: dict[str, list[str]], count: int, rng: random.Random) -> list[str]:
    names = list(dict.fromkeys(_SLOT.findall(template)))
    if not names:
        return [template]
    combos = list(itertools.product(*(slots[name] for name in names)))
    rng.shuffle(combos)
    out = []
    for combo in combos[:count]:
        text = template
        for name, value in zip(names, combo, strict=True):
            text = text.replace("{" + name + "}", str(value))
        out.append(" ".join(text.split()))
    return out


FILLS = {"none": 10, "acute": 6, "suicide": 8}
NOISY = {"none": 2, "acute": 2, "suicide": 4}


def expand_file(raw: dict[str, Any], seed: int) -> list[Example]:
    lang = str(raw["lang"])
    slots = {name: [str(v) for v in values] for name, values in (raw.get("slots") or {}).items()}
    frames = FRAMES[lang]
    examples: list[Example] = []
    for label in LABELS:
        for template in raw.get(label) or []:
            rng = random.Random(f"{seed}:{lang}:{label}:{template}")
            split = split_of(template)
            for text in fills(str(template), slots, FILLS[label], rng):
                framed = rng.choice(frames).format(text)
                variants = [text, framed] + [noisy(rng.choice((text, framed)), lang, rng) for _ in range(NOISY[label])]
                examples += [Example(v, label, lang, split, str(template)) for v in dict.fromkeys(variants)]
    return examples


def load_corpus(seed: int = 12, directory: Path = CORPUS_DIR) -> list[Example]:
    examples: list[Example] = []
    for path in sorted(directory.glob("*.yml")):
        examples += expand_file(yaml.safe_load(path.read_text(encoding="utf-8")), seed)
    unique: dict[tuple[str, str], Example] = {}
    for example in examples:
        unique.setdefault((example.text, example.label), example)
    return list(unique.values())
