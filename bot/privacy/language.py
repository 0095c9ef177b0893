"""Function-word language detector (pure Python, runs in Rasa 3.10 and the app venv 3.11). It lives in the pure
privacy package because the code Rasa loads (nlu/), the knowledge and the gateway all need it, and the pure
package is the one part of the app they may all import.

``detect_language`` returns an ISO 639-1 code when the message is clearly in one language, and None
when it is too short or ambiguous ("ok", "hoi", emoji, gibberish). The bot answers only in nl and en;
other codes (de, fr, es, pl, tr, ar) are returned so the caller can say so.
"""
from __future__ import annotations

import re
import unicodedata

_WORDS: dict[str, str] = {
    "nl": """
        de het een en van ik je jij u we wij ze zij hij hem haar mijn mn m jouw zijn ons onze jullie hun
        is ben bent was waren wordt word worden heb hebt heeft hebben had kan kun kunt kunnen mag moet moeten
        wil wilt willen zal zou zouden ga gaat gaan doe doet doen weet niet nie geen wel ook nog al maar of
        als dan dat dit die deze wat wie waar hoe waarom wanneer welke met voor naar bij uit aan op over in
        door tot om te er hier daar nu heel erg echt even ff zo toch want omdat alsjeblieft bedankt dank
        hallo hoi goedemorgen goedemiddag goedenavond ja nee oke sorry iemand iets niks niets mij me mezelf
        thuis huis vader moeder kind kinderen vriend vriendin man vrouw bang hulp helpen melden melding
        tegen zonder mee weer altijd vaak soms nooit misschien gewoon graag laat gebeurt vertel vertelt
        kindermishandeling geweld huiselijk politie buren buurman buurvrouw ouders help slaat staat zit
        komt deur probeert dreigt zegt strafbaar zelfmoord dood leven mes vriendje school pijn boos
        wurgt vermoord vermoordt gratis chat vandaag morgen gisteren
    """,
    "en": """
        the a an and of i you he she it we they me him her my your his our their them us this that these
        those is am are was were be been being have has had do does did don didn doesn isn wasn can could
        will would shall should may might must not no yes to from in on at for with about by into out up
        what who where when why how which if then than so but or because just very really also too here
        there now please thanks thank hello hi okay sorry someone something anyone nothing myself im dont
        cant wont s t m ll re ve get got go going want know think help tell say said abuse violence police
        home house father mother child children friend husband wife boyfriend girlfriend scared afraid
        neighbour neighbor report again tonight anymore teenager dating kill die dead life
        hes shes pls plz ur phone died dying laughter today work like feel need hurting hitting
    """,
    "de": """
        der die das den dem des ein eine einen einem einer und ich du er sie es wir ihr mich mir dich dir
        uns ist bin bist sind war hat habe haben hatte nicht kein keine ja nein auch noch aber oder wenn
        dann dass was wer wo wie warum mit fur auf aus bei nach von zu im am um hier jetzt bitte danke
        hallo mein meine dein sein ihre ihnen mann frau kind hilfe geht gut tag
    """,
    "fr": """
        le la les un une des du de et je tu il elle nous vous ils elles me te se moi toi lui mon ma ton
        ta son sa ses est suis es sont etait ai as avons avez ont pas ne plus oui non aussi mais ou si
        que qui quoi comment pourquoi avec pour dans sur chez au aux bonjour merci aide besoin veux peux
        mari femme enfant il y a c j l d n qu va vais veut tuer
    """,
    "es": """
        el la los las un una unos y o de del que en es soy eres son estoy esta estas estan tengo tiene no
        si mi mis tu su me te se lo le por para con sin pero como cuando donde quien hola gracias ayuda
        quiero necesito marido esposo esposa hijo hija muy tambien va a al matar
    """,
    "pl": """
        i w z na do nie tak jest sa jestem byl byla to ten ta ze co jak czy ale lub mnie mi ja ty on ona
        my wy oni go jej jego moj moja moje sie po od dla przez juz tylko bardzo dzien dobry dziekuje
        prosze pomocy pomoc maz zona dziecko mama tata gdzie kiedy dlaczego
    """,
    "tr": """
        ve bir bu su o ben sen biz siz onlar beni seni bana sana benim senin de da mi mu ne neden nasil
        icin ile gibi var yok evet hayir ama cok daha simdi burada merhaba tesekkur tesekkurler lutfen
        yardim kocam karim babam annem cocuk misiniz nedir musunuz
    """,
}
FUNCTION_WORDS: dict[str, frozenset[str]] = {lang: frozenset(words.split()) for lang, words in _WORDS.items()}

# Letters that point to one language (checked before diacritics are stripped).
LETTER_HINTS: dict[str, frozenset[str]] = {
    "tr": frozenset("ıışğ"),
    "pl": frozenset("łąęśźżćń"),
    "de": frozenset("ß"),
    "es": frozenset("ñ¿¡"),
    "fr": frozenset("èêçœ"),
}
# Word endings that point to one language (Turkish present continuous / future: istiyorum, öldürecek).
SUFFIX_HINTS: dict[str, re.Pattern[str]] = {"tr": re.compile(r"(?:[iuı]yor(?:um|sun|uz|lar)?|[ae]ca[kg]\w*)$")}
MIN_WORDS = 2
MARGIN = 1.5
_WORD = re.compile(r"[^\W\d_]+")


def _count_languages() -> dict[str, int]:
    """For each function word, in how many languages it is one ("de" is Dutch, French, Spanish...)."""
    counts: dict[str, int] = {}
    for vocabulary in FUNCTION_WORDS.values():
        for word in vocabulary:
            counts[word] = counts.get(word, 0) + 1
    return counts


_SHARED = _count_languages()


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ı", "i").replace("ł", "l"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _is_arabic(char: str) -> bool:
    return "\u0600" <= char <= "\u06ff" or "\u0750" <= char <= "\u077f"


def _arabic_share(words: list[str]) -> float:
    letters = [char for word in words for char in word]
    return sum(_is_arabic(char) for char in letters) / len(letters) if letters else 0.0


def language_scores(text: str) -> dict[str, float]:
    """Evidence per language: function words (a word shared by k languages counts 1/k for each), plus
    one point per word with a telltale letter or ending."""
    raw_words = _WORD.findall(text.casefold())
    words = _WORD.findall(_fold(text))
    scores = {
        lang: sum(1 / _SHARED[word] for word in words if word in vocabulary)
        for lang, vocabulary in FUNCTION_WORDS.items()
    }
    for lang, letters in LETTER_HINTS.items():
        scores[lang] += sum(1 for word in raw_words if letters.intersection(word))
    for lang, suffix in SUFFIX_HINTS.items():
        scores[lang] += sum(1 for word in raw_words if len(word) > 5 and suffix.search(word))
    return scores


def _clear_winner(scores: dict[str, float], n_words: int) -> str | None:
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    if top < 1 or top < MARGIN * second:
        return None
    if n_words > 4 and top / n_words < 0.15:
        return None
    return best


def detect_language(text: str) -> str | None:
    """ISO 639-1 code ("nl", "en", "de", "fr", "es", "pl", "tr", "ar") when clear, else None."""
    words = _WORD.findall(text or "")
    if words and _arabic_share(words) > 0.5:
        return "ar" if sum(len(word) for word in words) >= 4 else None
    if len(words) < MIN_WORDS:
        return None
    return _clear_winner(language_scores(text), len(words))
