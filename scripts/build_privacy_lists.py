"""Build the redactor's compact word lists (bot/privacy/data/*.txt.gz) from maintained sources.

    .venv/rasa/bin/python scripts/build_privacy_lists.py WHEEL_DIR

WHEEL_DIR holds deduce-3.0.6 and wordfreq-3.1.1 wheels (`pip download --no-deps deduce==3.0.6
wordfreq==3.1.1 -d WHEEL_DIR`); the OpenTaal list comes from Debian's hunspell-nl and the English one from
wamerican (both in APT_PACKAGES of scripts/setup.sh). msgpack (a Rasa dependency) reads wordfreq's data.
The outputs are committed; the redactor only reads them, so set-up never runs this.

    given_names   deduce's first names and pii.yml's given names
    surnames      deduce's surnames (also the part after "van der" in "van der Linden")
    streets       deduce's street names of one word ("beatrixlaan")
    places        deduce's residences, municipalities, provinces and regions (never a person)
    dutch         ordinary Dutch and English words: wordfreq (nl, en) without the given names, plus every
                  lower-case entry of OpenTaal and of wamerican (which keep proper nouns capitalised):
                  "roos", "storm", "bakker" are words as well as names
    foreign       the same for Turkish, Polish, Arabic and German (wordfreq), less what is in `dutch`
    frequent_nl   Dutch words of Zipf frequency 5 or more ("wil", "is"): never a name, even after "mijn broer"
    frequent_en   the same for English ("will", "can", "hope")
    rare          words of `dutch` that are rare in Dutch and English text (Zipf below 3), not common in
                  the other languages (Zipf 4) and no entry of OpenTaal or wamerican: web text has them
                  mostly as names ("bouzid", "nowak"); the redactor takes them as a name only where a
                  name is expected (after a given name, a relation word or a title)
"""
from __future__ import annotations

import gzip
import re
import sys
import zipfile
from pathlib import Path

import msgpack
import yaml

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bot" / "privacy" / "data"
OPENTAAL = Path("/usr/share/hunspell/nl.dic")
WAMERICAN = Path("/usr/share/dict/american-english")
LOOKUP = "deduce/data/lookup/src/"
# Minimum Zipf frequency per wordfreq list (wordfreq's large lists reach 1.0, small ones 3.0).
WORDFREQ = {"large_nl": 1.5, "large_en": 2.0, "small_tr": 3.0, "large_pl": 3.0, "large_ar": 3.0, "large_de": 3.0}
DUTCH_LISTS = ("large_nl", "large_en")
FREQUENT_ZIPF = 5.0
RARE_ZIPF = 3.0
FOREIGN_COMMON_ZIPF = 4.0
WORD = re.compile(r"^[^\W\d_]+(?:['’\-][^\W\d_]+)*$")


def _wheel(directory: Path, name: str) -> zipfile.ZipFile:
    return zipfile.ZipFile(next(directory.glob(f"{name}-*.whl")))


def _deduce_list(wheel: zipfile.ZipFile, path: str) -> set[str]:
    def read(name: str) -> set[str]:
        try:
            text = wheel.read(LOOKUP + path + "/" + name).decode("utf-8")
        except KeyError:
            return set()
        return {line.strip().lower() for line in text.splitlines() if line.strip()}
    return read("items.txt") - read("exceptions.txt")


def _wordfreq(wheel: zipfile.ZipFile, name: str, min_zipf: float) -> set[str]:
    data = msgpack.unpackb(gzip.decompress(wheel.read(f"wordfreq/data/{name}.msgpack.gz")), raw=False)
    words: set[str] = set()
    for centibels, bucket in enumerate(data[1:]):
        if 9 - centibels / 100 < min_zipf:
            break
        words.update(w for w in bucket if WORD.match(w))
    return words


def _lowercase_entries(path: Path, split: str) -> set[str]:
    words = set()
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        word = line.split(split, 1)[0].strip()
        if word and word[0].islower() and WORD.match(word):
            words.add(word)
    return words


def _pii_given_names() -> set[str]:
    data = yaml.safe_load((ROOT / "bot" / "privacy" / "pii.yml").read_text(encoding="utf-8"))
    return {str(n).lower() for group in data["given_names"].values() for n in group}


def _single_words(entries: set[str]) -> set[str]:
    return {w for w in entries if WORD.match(w)}


def _write(name: str, words: set[str], note: str) -> None:
    body = f"# {note}\n" + "\n".join(sorted(words)) + "\n"
    with open(OUT / f"{name}.txt.gz", "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write(body.encode("utf-8"))  # mtime 0: the same lists give the same bytes
    print(f"{name}: {len(words)} words")


def main(wheels: Path) -> None:
    deduce, wordfreq = _wheel(wheels, "deduce"), _wheel(wheels, "wordfreq")
    given = _single_words(_deduce_list(deduce, "names/lst_first_name")) | _pii_given_names()
    surnames = _deduce_list(deduce, "names/lst_surname") | _deduce_list(deduce, "names/lst_interfix_surname")
    surnames = _single_words({s.split()[-1] for s in surnames})
    streets = _single_words(_deduce_list(deduce, "locations/lst_street"))  # the redactor looks up one word
    places: set[str] = set()
    for kind in ("lst_residence", "lst_municipality", "lst_province", "lst_region"):
        places |= _deduce_list(deduce, f"locations/lst_placename/{kind}")
    lowercase = _lowercase_entries(OPENTAAL, "/") | _lowercase_entries(WAMERICAN, "\n")
    lowercase |= _deduce_list(deduce, "whitelist/lst_stop_word") | _deduce_list(deduce, "whitelist/lst_common_word")
    # Surnames stay ordinary words when wordfreq has them ("ligt", "bij" and "haar" are surnames too); the
    # redactor finds a surname through its given name, a title or its capital instead.
    names = given - lowercase
    dutch, ordinary = set(), set()
    for name, min_zipf in WORDFREQ.items():
        words = _wordfreq(wordfreq, name, min_zipf) - names
        ordinary |= words
        if name in DUTCH_LISTS:
            dutch |= words
    ordinary |= lowercase
    dutch |= lowercase
    source = "deduce 3.0.6 lookup lists (LGPL-3.0-or-later), see LICENSES.md"
    _write("given_names", given, f"Given names, lower case. From {source} and pii.yml.")
    _write("surnames", surnames, f"Surnames (last word), lower case. From {source}.")
    _write("streets", streets, f"Street names, lower case. From {source}.")
    _write("places", places, f"Place names, lower case. From {source}.")
    note = "wordfreq 3.1.1 (CC BY-SA 4.0), OpenTaal via hunspell-nl (BSD/CC BY 3.0), wamerican (SCOWL)"
    _write("dutch", dutch, f"Ordinary Dutch and English words, without names. From {note}.")
    for name in DUTCH_LISTS:
        language = name.rsplit("_", 1)[-1]
        _write(f"frequent_{language}", _wordfreq(wordfreq, name, FREQUENT_ZIPF),
               f"{language} words of Zipf frequency {FREQUENT_ZIPF} or more. From {note}.")
    common = set().union(*(_wordfreq(wordfreq, name, RARE_ZIPF) for name in DUTCH_LISTS))
    common |= set().union(*(_wordfreq(wordfreq, name, FOREIGN_COMMON_ZIPF) for name in WORDFREQ
                            if name not in DUTCH_LISTS))  # "numer": an ordinary Polish word in a short message
    _write("rare", dutch - common - lowercase,
           f"Dutch/English words below Zipf {RARE_ZIPF} that no dictionary lists (mostly names). From {note}.")
    _write("foreign", ordinary - dutch, f"Ordinary tr, pl, ar, de words not in dutch.txt.gz. From {note}.")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
