"""Person names: given names from the word lists, any word after a cue ("ik heet", "mijn buurman",
"meneer"), and, in any case, any word that is neither an ordinary word (bot/privacy/wordlists.py) nor one
the bot uses; each extended with a following surname ("Jan de Vries", "kevin bakker")."""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Optional

from bot.privacy.lexicon import Lexicon, bot_word, first_words
from bot.privacy.spans import Span
from bot.privacy.tokens import Token, gap
from bot.privacy.wordlists import WordLists, word_lists

SPACE = re.compile(r"\s+")
CUE_GAP = re.compile(r"\s*:\s*|\s+")
COMMA = re.compile(r"\s*,\s*")
COLON = re.compile(r"\s*:\s*")
INITIALS_BEFORE = re.compile(r"(?<![\w.])(?:[A-Za-z]\.\s?){1,3}$")
PAREN = re.compile(r"\s+\(\s*")  # "vader (rob)", not "kind(eren)"
PAREN_RELATION = re.compile(r"\s*\(\s*(?:mijn|m'n|mn|zijn|z'n|zn|haar|onze|my|his|her|our)\s+(?:ex-?)?([^\W\d_]+)\s*\)")
# Words of time that put the verb before its subject: "toen kwam sky binnen", "gisteren zei dex".
INVERSION_OPENERS = frozenset({
    "toen", "daarna", "gisteren", "vandaag", "vanochtend", "vanmorgen", "vanmiddag", "vanavond", "vannacht", "opeens",
    "ineens", "plots", "later", "eerst", "daarom", "nu", "soms", "altijd", "vaak", "nooit", "dan", "morgen", "zaterdag",
    "zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "laatst", "net", "straks", "waarom", "wanneer",
    "hoe"})
HURT_VERBS = frozenset({"slaat", "sloeg", "sloegen", "schopt", "schopte", "duwt", "duwde", "pakt", "pakte", "greep",
                        "grijpt", "bedreigt", "bedreigde", "pest", "pestte", "knijpt", "kneep", "stalkt", "stalkte",
                        "mishandelt", "mishandelde", "raakt", "raakte", "slaan", "schoppen", "wurgt", "wurgde",
                        "hits", "hit", "kicked", "kicks", "pushed", "grabbed", "threatened", "choked"})
OBJECT_FOLLOWERS = frozenset({"bij", "in", "op", "tegen", "met", "en", "of", "omdat", "want", "toen", "als", "ook",
                              "weer", "elke", "iedere", "altijd", "vaak", "soms", "nooit", "steeds", "hard", "zo",
                              "at", "on", "with", "and", "again"})
COPULAS = frozenset({"is", "was", "wordt", "werd", "blijft", "bleef"})
# Round 11: a given name as the object of a verb, after its subject ("ik zag lotte vanochtend", "ik heb sara beloofd",
# "mijn vader heeft amira weer geslagen"): a word of time or negation, a verb of telling or a participle of hurting
# after it.
OBJECT_SUBJECTS = frozenset({"ik", "hij", "ze", "zij", "we", "wij", "jij", "je"})
HAVE = frozenset({"heb", "heeft", "had", "hebben", "hadden"})
OBJECT_TIMES = frozenset({"gisteren", "vandaag", "vanochtend", "vanmorgen", "vanmiddag", "vanavond", "vannacht", "niet",
                          "nooit", "weer", "ook", "nog", "net", "echt", "meteen", "laatst", "vorige", "elke"})
HURT_PARTICIPLES = frozenset({"geslagen", "geschopt", "geduwd", "gestompt", "bedreigd", "gewurgd", "gebeten",
                              "geknepen", "opgesloten", "mishandeld", "uitgescholden", "gezien", "gesproken", "gebeld",
                              "geappt", "gezegd", "beloofd", "verteld"})
NOT_OBJECT_VERBS = frozenset({"ben", "bent", "is", "was", "word", "wordt", "werd", "heet", "heette", "noem", "noemt"})
# Titles of other languages, before a surname in a message that is not Dutch: "pan kowalski" (Polish).
FOREIGN_TITLES = frozenset({"pan", "pani", "panu", "panem", "bay", "bayan", "herr", "frau", "señor", "señora",
                            "monsieur", "madame"})
# Words before "pan" that make it the Dutch word (a frying pan): "de pan", "in een pan", "mijn pan".
DUTCH_FUNCTION = frozenset({"de", "het", "een", "in", "op", "uit", "met", "mijn", "m'n", "mn", "je", "die", "deze",
                            "zijn", "haar", "onze", "the", "a"})
# Nicknames: after a verb of calling and its objects ("iedereen noemt hem ...", "noemen ze hier allemaal ..."), or
# between "wordt" and "genoemd" (nickname_words: the words that open one, "de", "grote", "lil").
NICK_VERBS = frozenset({"noem", "noemt", "noemen", "noemde", "noemden", "call", "calls", "called"})
SAY_VERBS = frozenset({"zegt", "zeggen", "zei", "zeiden", "noemt", "noemen"})  # round 19: "zegt riet tegen haar"
HABITUAL_SUBJECTS = frozenset({"iedereen", "everyone", "everybody", "we", "wij", "allemaal", "vrienden", "friends"})
# Round 19: what people are called in abuse or bullying is no nickname that names them ("iedereen noemt me slet").
INSULTS = frozenset({"slet", "hoer", "trut", "bitch", "loser", "sukkel", "mongool", "homo", "flikker", "teef", "del",
                     "idioot", "debiel", "freak", "nerd", "dikzak", "vetzak", "lelijkerd", "zwerver", "junk", "junkie",
                     "whore", "slut", "kutwijf", "kankerhoer", "stomkop", "eikel", "lul", "mietje", "watje",
                     "huilebalk", "baby", "verliezer", "gek", "psycho", "kakker", "boer", "aso", "tokkie", "snitch",
                     "verrader", "leugenaar", "liar", "crazy"})
SAID_TO = frozenset({"haar", "hem", "mij", "me", "ons", "hen", "hun", "jou", "je"})
GREETINGS = frozenset({"sorry", "nee", "ja", "hoi", "hallo", "doei", "dag", "bedankt", "dankjewel", "niks", "niets",
                       "alles", "iets", "dat", "dit", "het", "wat", "mama", "papa", "schat", "lieverd", "oké", "oke"})
NICK_SKIP = frozenset({"hem", "haar", "zich", "zichzelf", "me", "mij", "ze", "zij", "hij", "iedereen", "hier", "daar",
                       "allemaal", "altijd", "gewoon", "ook", "nog", "steeds", "eigenlijk", "vaak", "him", "her",
                       "himself", "herself", "everyone"})
SEASONS = frozenset({"storm", "winter", "lente", "zomer", "herfst", "regen", "sneeuw", "zon", "wind", "hagel", "mist",
                     "vorst", "nacht", "avond", "ochtend", "middag", "dag", "summer", "spring", "autumn", "rain",
                     "snow"})
# Round 13
SCHOOL_CLASS_AFTER = re.compile(r"(?i)\s+(?:zit|zat|komt|kwam)\s+(?:nu\s+)?in\s+(?:groep|klas)\s*[0-9]")
AGE_AFTER = re.compile(r"(?i)\s*(?:,\s*|\(\s*|\s+)[0-9]{1,2}\s*(?:jaar|jr|j|years?|yo)?\s*\)?"
                       r"\s*(?:$|[,.!?;:]|\s+(?:en|and|oud|old))")
WELCOMED = frozenset({"hem", "haar", "hen", "hun", "ons", "jullie", "mij", "me", "jou", "iedereen", "niemand",
                      "iemand"})  # "heet hem welkom": no name after "heet"
ITS = ("its", "it's", "it’s")
ITS_ME_AFTER = frozenset({"weer", "hier", "nog", "again", "here", "even"})
MARRY_WORDS = frozenset({"trouwen", "trouw", "trouwt", "getrouwd", "uithuwelijken", "uitgehuwelijkt", "verloofd",
                         "marry", "married", "engaged", "huwelijk", "nikah"})
PLAIN_ENDINGS = ("ig", "ige", "lijk", "lijke", "isch", "ische", "baar", "loos", "en", "st", "ste")
POLISH_RELATIONS = frozenset({"ciocia", "cioci", "ciocią", "ciocię", "ciotka", "ciotki", "ciotką", "wujek", "wujka",
                              "wujkiem", "babcia", "babci", "babcią", "dziadek", "dziadka", "dziadkiem", "siostra",
                              "siostry", "siostrą", "brat", "brata", "bratem", "ojczym", "ojczyma", "ojczymem",
                              "chłopak", "chłopaka", "chłopakiem", "mąż", "męża", "mężem", "kuzyn", "kuzyna",
                              "kuzynka", "kuzynki", "sąsiad", "sąsiada", "sąsiadka", "sąsiadki"})
TURKISH_FOLD = str.maketrans("ıışğçöü", "iisgcou")
TYPED_POSSESSIVES = frozenset({"mijn", "zijn", "jouw", "onze"})  # round 13: one letter off ("miijn") is no name
DUTCH_POSSESSIVES = frozenset({"mijn", "m'n", "mn", "me", "zijn", "z'n", "zn", "haar", "onze", "ons", "je", "jouw"})
AGE = r"(?:\s*\(\s*[0-9]{1,2}\s*(?:jaar|jr|j)?\s*\))?"
LISTED_COMMA = re.compile(AGE + r"\s*,\s*")
LISTED_SPACE = re.compile(AGE + r"\s+")
COMMA_OR_SPACE = re.compile(r"\s*,\s*|\s+")
TITLE_GAP = re.compile(r"\.?\s+")
SURNAME_GAP = re.compile(r" ['’]?|-")  # "van 't hof": the apostrophe of 't stays outside the token
PARTICLE_GAP = re.compile(r" ['’]?")
HYPHEN_PARTICLE = re.compile(r"-(?:de|van|der|den|ten|ter|van-der|van-den|op-den)$")  # "jansen-de boer"
INITIAL_GAP = re.compile(r"\. ?")  # "j. de boer"
CASE_ENDING = re.compile(r"['’][^\W\d_]{1,4}$")  # "Mehmet'in", "Ayşe'yi", "vanessa's"
# Words between a name and "<possessive> <relation>": "van Dijk heet mijn stiefvader", "Sky zijn mijn nichtjes".
LINKS = frozenset({"heet", "heette", "heten", "is", "was", "zijn", "waren", "zo"})
CALLED_VERBS = frozenset({"heet", "heette"})  # round 17
# round 17: abbreviations written with full stops that are no initials ("o.a. bakker en slager", "i.p.v. smit")
DOTTED_ABBREVIATIONS = frozenset({"oa", "mn", "ed", "ipv", "ivm", "tav", "nav", "bv", "dwz", "maw", "zsm", "aub",
                                  "tzt", "ca", "evt", "vs", "ie", "eg", "bijv", "tnv", "ps", "pa", "ovv", "iom", "zgn",
                                  "vgl", "nl", "eu"})
PLURAL_VERBS = frozenset({"zijn", "waren", "hebben", "hadden", "worden", "werden", "wonen", "woonden", "gaan", "gingen",
                          "zitten", "zaten", "mogen", "moeten", "willen", "durven", "slapen", "are", "were", "have"})
# round 17: kin words used as a title before a name without a possessive ("tante selam", "oom mehari")
KIN_TITLES = frozenset({"tante", "oom", "ome", "opa", "oma", "tantie", "nonkel", "teyze", "amca", "dayı", "hala",
                        "ciocia", "wujek", "khalti", "khali", "ammi"})
# round 17: letters Turkish, Polish, Czech and Hungarian write and Dutch never does ("erdoğan", "łukasz", "dvořák")
FOREIGN_LETTER = re.compile(r"[ğşıłśżźćńąęřčěůőűșț]")
AND = frozenset({"en", "and", "und", "ve"})  # "ton en ria", "Lente en Sky"
COMPARISON = ("er", "ere", "ers", "st", "ste")  # "jaloerser", "bangste"
RELATION_LINKS = frozenset({"is", "was"})  # "mijn broer is tim": after a relation word, a cue like "ik ben"
WORD_PARTS = re.compile(r"['’\-]")
# "mijn broer will is", "my sister hope keeps": of the subject verbs, those that cannot follow "will" or "can" as
# an infinitive after them ("my brother will hit me").
BASE_FORMS = frozenset({"en", "and", "heb", "hit", "can", "will"})
CLAUSE_OPENERS = frozenset({"dat", "want", "maar", "omdat", "toen", "als", "sinds", "that", "because", "but", "since",
                            "when"})
TOLD_FROM = frozenset({"aan", "tegen", "to", "over"})  # "ik heb het aan bas verteld", "dat ik over mees praat"
# What stands between a verb of telling and "tegen"/"aan": "zeg het niet tegen ...", "vertel niks aan ...".
TOLD_OBJECTS = frozenset({"het", "niks", "niets", "nooit", "alles", "dit", "dat", "iets", "er", "niet", "ook", "wel",
                          "even", "toch", "nog", "maar", "meteen", "alsjeblieft", "aub", "pls", "please", "nothing",
                          "it", "this", "that", "anything", "dan", "gewoon"})
# A naming verb before "haar"/"hem": "ik noem haar sunny" names her, whatever else "sunny" is.
NAMING_VERBS = frozenset({"noem", "noemt", "noemde", "noemden", "noemen", "call", "calls", "called"})
PERSONAL_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mister", "dhr", "mevr", "mw", "meneer", "mevrouw"})
END_PREPOSITIONS = frozenset({"met", "with", "over", "about", "voor", "for", "om",
                              "tegen", "against", "zonder", "without"})  # round 19: "aangifte doen tegen ruben"
# Round 19: a verb that closes a subordinate clause after "met <name>": "dat ik met youssef ben want ...".
CLOSING_VERBS = frozenset({"ben", "bent", "is", "was", "zijn", "waren", "ga", "gaat", "ging", "gingen", "heb", "heeft",
                           "had", "praat", "praatte", "chat", "chatte", "woon", "woont", "woonde", "omga", "omgaat",
                           "uitga", "uitgaat", "samenwoon", "samenwoont"})
CLOSING_AFTER = frozenset({"want", "maar", "en", "omdat", "dus", "of", "dan", "because", "but", "and"})
# Between a possessive and a relation word: "fleur mn beste vriendin", "kj mijn oude buurman".
RELATION_ADJECTIVES = frozenset({"beste", "oudste", "jongste", "kleine", "grote", "lieve", "oude", "nieuwe", "eigen",
                                 "best", "little", "big", "older", "younger", "old", "new"})
# Before a name in apposition inside a sentence: "zorgen om mees mn beste vriendin", "over kj mijn ex".
# Round 22: verbs that take an infinitive at the clause's end ("je kan mijn tante bellen": "bellen" is what is done)
MODALS = frozenset({"kan", "kun", "kunt", "kon", "konden", "wil", "wilt", "wou", "wilde", "moet", "moest", "mag",
                    "mocht", "ga", "gaat", "gaan", "ging", "zal", "zou", "durf", "durft", "probeer", "probeert",
                    "hoef", "hoeft", "te"})
# Round 22: a capitalised word right after a car brand is its model ("Volkswagen Touran", "Toyota Yaris")
CAR_BRANDS = frozenset({"volkswagen", "vw", "opel", "toyota", "ford", "renault", "peugeot", "citroën", "citroen",
                        "bmw", "audi", "mercedes", "mercedes-benz", "kia", "hyundai", "nissan", "mazda", "seat",
                        "skoda", "škoda", "fiat", "volvo", "suzuki", "honda", "dacia", "tesla", "mitsubishi",
                        "chevrolet", "mini", "lexus", "jeep", "porsche", "alfa", "subaru", "smart", "cupra"})
# Round 22: "dat jan niet weet": words between a subject and its verb
THAT_FILLERS = frozenset({"niet", "nooit", "het", "ook", "alles", "er"})
# Round 22: a place of work after "werk in de" ("ik werk in de kas"), not a person
WORK_PLACE_PREPOSITIONS = frozenset({"in", "op", "at"})
APPOSITION_PREPOSITIONS = frozenset({"om", "over", "voor", "met", "bij", "aan", "tegen", "van", "about", "with"})
# Words that open a sentence before "is mijn vader" without naming him ("daar is mijn vader").
PLACE_ADVERBS = frozenset({"daar", "hier", "er", "nu", "toen", "dan", "soms", "thuis", "buiten", "binnen", "boven",
                           "beneden", "ook", "wel", "dit", "dat", "het", "wie", "wat", "waar", "zo", "dus", "nog"})
HERE = frozenset({"hier", "here"})
HERE_GOES_ON = frozenset({"ben", "ik", "en", "met", "uit", "van"})  # round 21: "<name> hier ben 16"
# Round 21: a cry for help opening the message before a given name and a verb ("help <name> staat beneden")
AGE_AFTER = re.compile(r"(?:\s+(?:is|was|wordt|werd)\s+|\s*\(\s*|\s*,\s*)[0-9]{1,3}(?![0-9])")
HELP_VERBS = frozenset({"staat", "stond", "komt", "kwam", "is", "was", "wil", "gaat", "zit", "heeft", "doet"})
HELP_WORDS = frozenset({"help", "helpp", "hulp", "sos", "please", "pls", "alsjeblieft", "aub"})
PRONOUNS_3 = frozenset({"ze", "zij", "hij", "she", "he"})
CLAUSE_JOINERS = frozenset({"en", "maar", "want", "and", "but"})
CLAUSE_SUBJECTS = frozenset({"ik", "ze", "zij", "hij", "we", "wij", "mijn", "mn", "m'n", "haar", "zijn", "z'n", "i",
                             "she", "he", "my", "her", "his"})
CLAUSE_END = re.compile(r"\s*(?:[,.!?;:]|$)")
MAX_SURNAME_TOKENS = 4
# The account holder after a bank's naming cue: "t.n.v. m. yilmaz", "tnv J. de Vries", "op naam van sanne bakker".
PAYEE = re.compile(r"(?i)(?<![\w.])(?:t\.\s?n\.\s?v\.?|tnv|ten name van|op naam van)\s*:?\s*"
                   r"(?P<name>(?:[a-z]\.\s?){0,3}(?P<words>(?:(?:van|de|der|den|el|al|ter|ten)\s+)*"
                   r"[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?))")
NAME_PARTICLE_WORDS = frozenset({"van", "de", "der", "den", "el", "al", "ter", "ten"})
SPELLED = re.compile(r"\s+([^\W\d_]+)\s+(?i:een|één|1|2|twee|dubbele|a|one|double)\s+[a-zA-Z](?![\w])")
MIN_UNKNOWN_LENGTH = 3
PARTICIPLE = re.compile(r"(?:\w{0,5}ge|be|ver|ont|her|mis)\w{3,}(?:d|t|en)$")  # "bestolen", "geïntimideerd"
# Round 12: verbs of calling out loud; a given name right after one is called ("hij riep jimmy kom hier").
CALL_OUT = frozenset({"riep", "roept", "riepen", "roepen", "schreeuwde", "schreeuwt", "schreeuwden", "gilde", "gilt",
                      "brulde", "brult", "yelled", "shouted", "screamed", "yells", "shouts", "screams"})
# Words before which "wil"/"ben" as a verb would stand, asking for what someone wants or is: "wat mijn moeder wil is".
WANT_OPENERS = frozenset({"wat", "what", "wie", "who", "alles", "all", "waar", "where", "hoe", "how"})
# Words that follow a person's name, not an ordinary noun: "een meisje lente en ze ...", "de jongen mo die ...".
NAME_FOLLOWERS = frozenset({"en", "die", "uit", "van", "is", "was", "zegt", "zei", "heeft", "had", "ze", "hij", "zij",
                            "and", "who", "from", "says", "said", "has"})
# Particles of Berber surnames and the archaic article inside Dutch ones: "aït taleb", "in 't veld", "op 't hof".
ARTICLE_PARTICLE_OPENERS = frozenset({"in", "op", "uit"})
SHORT_NAME = 3
DUTCH_SHARE = 0.5  # the vocabulary check runs on messages with at least this share of Dutch/English words


def _one_edit(word: str, target: str) -> bool:
    """One letter dropped, added or changed."""
    if abs(len(word) - len(target)) > 1 or word == target:
        return False
    if len(word) == len(target):
        return sum(a != b for a, b in zip(word, target, strict=True)) == 1
    short, long = sorted((word, target), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def _near(word: str, targets: frozenset[str]) -> bool:
    """`word` is one edit from a word in `targets`: "vriendn", "stiefvadr"."""
    return len(word) >= 4 and any(_one_edit(word, t) for t in targets if t[:1] == word[:1])


def _typed_possessive(word: str) -> bool:
    """Round 13: "miijn", "mjin", "zjin": a possessive with one letter too many, too few, changed or two swapped."""
    if _near(word, TYPED_POSSESSIVES):
        return True
    return len(word) == 4 and any(word != t and sorted(word) == sorted(t)
                                  and any(word[i] == t[i + 1] and word[i + 1] == t[i] and word[:i] == t[:i]
                                          and word[i + 2:] == t[i + 2:] for i in range(3))
                                  for t in TYPED_POSSESSIVES)


def _without_ending(word: str) -> str:
    """"mehmet'in" -> "mehmet": a genitive or a Turkish case ending after an apostrophe."""
    ending = CASE_ENDING.search(word)
    return word[:ending.start()] if ending and ending.start() > 1 else word


@lru_cache(maxsize=4)
def _chain_words(chains: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    """Shops of one word ("lidl", "jumbo"): a place someone is, never a person's name."""
    return frozenset(chain[0] for chain in chains if len(chain) == 1)


_CUE_WORDS: dict[int, tuple[Lexicon, frozenset[str]]] = {}


def _cue_words(lex: Lexicon) -> frozenset[str]:
    """Round 12: the one-word cues of account numbers, BSN, plates and dates of birth ("rekeningnr", "geb"): never a
    name, though no dictionary lists their short forms. Keyed by identity: the lexicon lives as long as the process."""
    cached = _CUE_WORDS.get(id(lex))
    if cached is None or cached[0] is not lex:
        cues = (*lex.iban_cues, *lex.bsn_cues, *lex.plate_cues, *lex.birth_cues, *lex.id_cues)
        cached = (lex, frozenset(cue for cue in cues if " " not in cue and cue.isalpha()))
        _CUE_WORDS[id(lex)] = cached
    return cached[1]


@lru_cache(maxsize=16)
def _stripped(phrases: tuple[tuple[str, ...], ...]) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """Each cue phrase with its words without the colon that "naam:" asks for in the text."""
    return tuple((phrase, tuple(w.rstrip(":") for w in phrase)) for phrase in phrases)


class NameFinder:
    def __init__(self, text: str, tokens: list[Token], lex: Lexicon) -> None:
        self.text, self.tokens, self.lex = text, tokens, lex
        self.lists: WordLists = word_lists()
        words = [t.lower for t in tokens if len(t.lower) > 1]
        dutch = sum(w in self.lists.dutch or w in lex.vocabulary for w in words)
        self.dutch_message = not words or dutch / len(words) >= DUTCH_SHARE
        english = sum(w in self.lists.frequent_en for w in words)
        self.english = english > sum(w in self.lists.frequent_nl for w in words)
        self.named: set[int] = set()  # tokens found right after "heet", "mijn naam is"
        self.cue_words = _cue_words(lex)

    def _bot_word(self, word: str) -> bool:
        """Round 17: known from the bot's texts (a service it names, or jargon no list has); see lexicon.bot_word."""
        return bot_word(self.lex, word, self.lists.ordinary, self.lists.rare)

    def _frequent(self, token: Token) -> bool:
        """A very frequent word of the message's language ("wil", "is"; "will", "can" in English)."""
        return token.lower in self.lists.frequent_nl or (self.english and token.lower in self.lists.frequent_en)

    def _function_word(self, token: Token) -> bool:
        lex = self.lex
        return (self._frequent(token) or self._blocked(token) or token.lower in lex.subject_verbs
                or token.lower in lex.possessives)

    def _is_given(self, word: str) -> bool:
        ending = CASE_ENDING.search(word)
        if ending and ending.start() > 1:
            return self._is_given(word[:ending.start()])
        if "-" in word:  # a double given name: "lieke-marie", "anne-sophie"
            return all(self._is_given(part) for part in word.split("-"))
        return word in self.lex.given_names or word in self.lists.given_names

    def _ambiguous(self, word: str) -> bool:
        """A given name that is also an ordinary word ("roos", "mark", "storm")."""
        if self.lists.ordinary(word):
            return True
        if word not in self.lex.lowercase_words:
            return False
        # Round 18 (a global knob, not a kind): `lowercase_words` holds given names that are ordinary words, and many
        # that no word list of ours has at all ("linda", "bert", "milan"), which were thereby never a name in lower
        # case outside a cue. Only those an ordinary word stands behind stay ambiguous: a frequent English word
        # ("will"), a word with an ordinary inflected form ("frans": "franse"; "lieve": "lieven") or a describing word.
        known = self.lists.ordinary
        return word in self.lists.frequent_en or word in RELATION_ADJECTIVES or self._inflected(word) \
            or any(known(word + ending) for ending in ("e", "se"))

    def _relation_typo(self, token: Token) -> bool:
        """"stiefvadr" (one edit from a relation word) or "tweelingzus" (a compound ending in one)."""
        word = token.lower
        if word.endswith(self.lex.relation_endings) and not self._is_given(word) and any(
                word.endswith(e) and len(word) >= len(e) + 4 and word[:-len(e)] in self.lists.dutch
                for e in self.lex.relation_endings):
            return True  # a word before the relation word: "tweeling", "half", "stief", not "pal|oma"
        return not self.lists.ordinary(word) and _near(word, self.lex.relations)

    def _unknown(self, token: Token) -> bool:
        """In no word list and not a word the bot uses: a possible name, in any case."""
        lex, lists, word = self.lex, self.lists, token.lower
        if len(word) < MIN_UNKNOWN_LENGTH or not self.dutch_message or self._blocked(token):
            return False
        parts = [p for p in WORD_PARTS.split(word) if len(p) > 1 and p not in lex.name_particles]
        return bool(parts) and all(
            not lists.ordinary(p) and p not in lex.vocabulary and p not in lex.common_words and p not in lists.places
            and p not in lex.glued_cues and not self._compound(p, relaxed=True) for p in parts) \
            and not self._relation_typo(token) and not (not token.cap and self._inflected(word)) \
            and not (_typed_possessive(word) and not self._is_given(word))  # "miijn ex", "mjin vader"

    def _inflected(self, word: str) -> bool:
        """A comparative, a chat form or (round 12) a present tense in "-t" of an ordinary verb ("turnt", "opwerkt"):
        no name in lower case."""
        return self._degree(word) or self._chat_form(word) or (word.endswith("t") and self._verb_form(word))

    def _chat_form(self, word: str) -> bool:
        """"omkleedde", "dronke": a past tense whose infinitive is an ordinary word, or a word with its final "n"
        dropped as people speak ("dronke", "lope"); the lists lack both."""
        known = self.lists.ordinary
        if word.endswith("e") and len(word) > 4 and known(word + "n"):
            return True
        for ending in ("de", "te", "den", "ten"):
            stem = word[:-len(ending)]
            if not word.endswith(ending) or len(stem) < 3:
                continue
            doubled = len(stem) > 2 and stem[-2] == stem[-3] and stem[-2] in "aeiou"  # "kleed" -> "kleden"
            forms = (stem + "en", stem[:-2] + stem[-1] + "en" if doubled else "",
                     stem[:-1] + {"f": "v", "s": "z"}.get(stem[-1], stem[-1]) + "en")  # "leefde" -> "leven"
            if any(form and known(form) for form in forms):
                return True
        return False

    def _degree(self, word: str) -> bool:
        """"jaloerser", "bangste": a comparative or superlative of an ordinary word, which the lists lack."""
        known = self.lists.ordinary
        for ending in COMPARISON:
            stem = word[:-len(ending)]
            if word.endswith(ending) and len(stem) > 2 and (known(stem) or known(stem[:-1]) and stem[-1] == stem[-2]):
                return True
        return False

    def _rare_word(self, token: Token) -> bool:
        """A word web text has, mostly as a name, and no dictionary: a name where a name is expected."""
        word = token.lower
        return (self.dutch_message and len(word) >= MIN_UNKNOWN_LENGTH and word in self.lists.rare
                and not self._function_word(token) and not self._verb_form(word)
                and word not in self.lex.vocabulary and not self._compound(word, relaxed=True))

    def _verb_form(self, word: str) -> bool:
        """A Dutch verb form whose infinitive or stem is an ordinary word ("stompt", "stalkt", "besnijden"):
        the dictionaries list infinitives, web text has the rest, and after "mijn vader" a verb is common."""
        known = self.lists.ordinary
        if word.endswith("t") and len(word) > 4:
            stem = word[:-1]
            doubled_vowel = len(stem) > 2 and stem[-2] == stem[-3] and stem[-2] in "aeiou"
            forms = [stem + "en", stem + stem[-1] + "en", stem[:-2] + stem[-1] + "en" if doubled_vowel else ""]
            voiced = {"f": "v", "s": "z"}.get(stem[-1])
            if voiced:  # round 22: "verblijft" (verblijven), "leest" (lezen): the stem's f or s voiced before "-en"
                forms += [stem[:-1] + voiced + "en", stem[:-3] + stem[-2] + voiced + "en" if doubled_vowel else ""]
            return any(form and known(form) for form in forms)
        if word.endswith("en") and len(word) > 5:
            stem = word[:-2]
            return known(stem) or known(stem + "t") or (stem[-1] == stem[-2] and known(stem[:-1]))
        return False

    def _surname_ending(self, token: Token) -> bool:
        """"wiśniewski", "yıldızoğlu": a surname by its ending, after a given name."""
        word = token.lower
        return (len(word) >= 6 and word.endswith(self.lex.surname_endings) and not self._function_word(token)
                and word not in self.lex.vocabulary)

    def _named(self, token: Token, alone: bool = True) -> bool:
        """A listed given name that is no ordinary word, or an unknown word: a name wherever it stands."""
        if self._blocked(token) or token.lower in self.lex.not_alone or token.lower in self.lists.places:
            return False
        word = token.lower
        if alone and len(word) <= SHORT_NAME and not token.cap:
            return False  # "ty", "hai" in lower case are chat words; "bo" needs a cue or a capital
        if self._is_given(word):
            return not self._ambiguous(_without_ending(word))
        # A capitalised unknown word opening a sentence is as often a brand or a foreign word: it needs
        # a verb after it ("Tesfay zegt", see _rare_subject).
        return not (alone and token.cap and token.sentence_start) and self._unknown(token)

    def _after_relation_word(self, token: Token) -> bool:
        """After "mijn vriendin", "juf de": any given name ("roos"), or any word that is not frequent."""
        if self._function_word(token) or token.lower in self.lists.places:
            return False
        return self._is_given(token.lower) or self._named(token) or token.cap or self._rare_word(token) \
            or self._uncommon(token)

    def _uncommon(self, token: Token) -> bool:
        """Round 18 (a global knob): where a name is expected, the cut-off for an ordinary word is the common words
        (Zipf 3.3), not every word a list has: a word web text has but seldom, that is no verb form, no inflected
        or compound word and no place, is a name there."""
        word = token.lower
        return self.dutch_message and len(word) >= MIN_UNKNOWN_LENGTH and word not in self.lex.common_words \
            and word not in self.lex.vocabulary and not self._function_word(token) and not self._verb_form(word) \
            and not self._inflected(word) and not self._compound(word, relaxed=True) and not self._verb_stem(word) \
            and not PARTICIPLE.match(word) and word not in self.lists.foreign \
            and word not in self.lists.places and word not in self.lists.streets

    def _foreign_after_relation(self, index: int) -> bool:
        """"mijn moeder şükran": after a Dutch possessive and relation word, a word that only another language has
        (a Turkish or Polish word that is also a given name; not "mama mnie bije" in a Polish message). Round 17: after
        a kin title that needs no possessive too ("tante selam"), and a word with a letter Dutch never writes
        ("mijn schoonvader erdoğan") even when web text has it as a Dutch word."""
        token = self.tokens[index + 1]
        word = token.lower
        owned = index > 0 and self.tokens[index - 1].lower in DUTCH_POSSESSIVES and self._adjacent(index - 1, index)
        if self.dutch_message and owned and len(word) > 2 and FOREIGN_LETTER.search(word) \
                and not self._function_word(token) and not self._verb_form(word):
            return True
        return (owned or self.tokens[index].lower in KIN_TITLES) \
            and self.dutch_message and word in self.lists.foreign and word not in self.lists.dutch and len(word) > 2 \
            and not self._function_word(token) \
            and not any(t.lower in self.lists.foreign and t.lower not in self.lists.dutch
                        for t in self.tokens if t is not token)

    def _before_listed_surname(self, index: int) -> bool:
        """"mijn collega ama mensah": a word right before a listed surname, both after a relation word."""
        nxt = index + 1
        if nxt >= len(self.tokens) or not self._adjacent(index, nxt) or self._function_word(self.tokens[index]):
            return False
        token = self.tokens[nxt]
        return token.lower in self.lists.surnames and not self.lists.ordinary(token.lower) \
            and not self._function_word(token)

    def _adjacent(self, left: int, right: int, pattern: re.Pattern[str] = SPACE) -> bool:
        if right >= len(self.tokens):
            return False
        return bool(pattern.fullmatch(gap(self.text, self.tokens[left], self.tokens[right])))

    def _phrase_at(self, index: int, phrases: tuple[tuple[str, ...], ...]) -> Optional[int]:
        """Index of the last token of a cue phrase starting at `index`."""
        first = self.tokens[index].lower
        if first not in first_words(phrases):
            return None
        for phrase, words in _stripped(phrases):
            end = index + len(words) - 1
            if words[0] != first or end >= len(self.tokens) \
                    or tuple(t.lower for t in self.tokens[index:end + 1]) != words:
                continue
            if all(self._adjacent(i, i + 1) for i in range(index, end)):
                if not phrase[-1].endswith(":") or ":" in self._gap_after(end):
                    return end
        return None

    def _gap_after(self, index: int) -> str:
        nxt = self.tokens[index + 1].start if index + 1 < len(self.tokens) else len(self.text)
        return self.text[self.tokens[index].end:nxt]

    def _blocked(self, token: Token) -> bool:
        lex = self.lex
        return (token.lower in lex.non_names or token.lower in lex.titles or token.lower in lex.relations
                or (token.lower,) in lex.handle_platforms  # "op bereal heet hij ...": a platform is no person
                or token.lower in lex.foreign_relations or token.lower in lex.not_names_after_cue
                or token.lower in _chain_words(lex.chains) or token.lower in self.cue_words)

    def _given(self, token: Token) -> bool:
        """A given name that may stand alone here."""
        lex = self.lex
        if self._named(token):
            return True
        if token.lower not in lex.given_names or token.lower in lex.not_alone:
            return False
        if token.lower in lex.lowercase_words:
            return token.cap and not (token.sentence_start and token.lower in lex.sentence_starters) \
                and not self._addressing(token)
        return True

    def _addressing(self, token: Token) -> bool:
        """Round 13: "Lieve mensen", "Beste allemaal": a describing word opening a sentence before a plural, no name."""
        index = self.tokens.index(token)
        if not token.sentence_start or token.lower not in RELATION_ADJECTIVES or index + 1 >= len(self.tokens) \
                or not self._adjacent(index, index + 1):
            return False
        word = self.tokens[index + 1].lower
        known = self.lists.ordinary
        plural = (word.endswith("en") and known(word[:-2])) or (word.endswith("s") and known(word[:-1]))
        return word in ("allemaal", "iedereen", "all", "everyone") or (len(word) > 4 and plural)

    def _listed(self, token: Token) -> bool:
        """A given name after a cue: any case, unless it is also an ordinary lower-case word."""
        if self._named(token, alone=False):
            return True
        return token.lower in self.lex.given_names and (token.cap or token.lower not in self.lex.lowercase_words)

    def _rare(self, token: Token) -> bool:
        """A capitalised word that is no common word, no word the bot uses and in no list: likely a name."""
        if not token.cap or self._blocked(token) or token.lower in self.lists.places:
            return False
        lex = self.lex
        parts = [p for p in WORD_PARTS.split(token.lower) if len(p) > 1 and p not in lex.name_particles]
        return bool(parts) and all(p not in lex.common_words and p not in lex.vocabulary and p not in lex.non_names
                                   and not self._compound(p) for p in parts)

    def _known(self, word: str) -> bool:
        """A word of a compound: common, used by the bot, or in the dictionaries (the rare words, which web
        text has mostly as names or fragments, "olek", "andr", make no compound: "oleks|andr")."""
        return word in self.lex.common_words or word in self.lex.vocabulary \
            or (word in self.lists.dutch and word not in self.lists.rare)

    def _compound(self, word: str, depth: int = 0, relaxed: bool = False) -> bool:
        """A Dutch compound of two known words ("jeugd|fonds", "rechts|bijstand"), not a name. Relaxed (for
        lower-case words): any ordinary Dutch words, linking "s"/"en", three parts ("kinder|fysio|therapeut");
        strict (for capitalised words, where names like "Dijk|stra" would also split): common words only."""
        if not relaxed:
            return self._strict_compound(word)
        for cut in range(3, len(word) - 2):  # a right part of three letters too: "stalker|app"
            left, right = word[:cut], word[cut:]
            if len(right) < 4 and len(left) < 5:
                continue
            # linking s/e/en: "veiligheid-s-huis", "heropvoeding-s-school"
            linked = len(left) > 4 and (left[-1] in "se" and self._known(left[:-1])
                                        or left.endswith("en") and self._known(left[:-2]))
            if (self._known(left) and len(left) >= 4) or linked:
                if self._known(right) or (depth == 0 and self._compound(right, 1, relaxed=True)):
                    return True
        return False

    def _strict_compound(self, word: str) -> bool:
        known = self.lex.common_words
        for cut in range(4, len(word) - 2):
            left, right = word[:cut], word[cut:]
            if len(right) < 4 and len(left) < 5:
                continue
            linked = len(left) > 4 and left[-1] in "se" and left[:-1] in known  # linking s/e: "veiligheid-s-huis"
            if right in known and (left in known or linked):
                return True
        return False

    def _rare_subject(self, index: int) -> bool:
        """"Tesfay zegt ...", "Hylke Dijkstra is ...": a rare word at the start of a sentence, followed by a
        verb or by a capitalised surname."""
        nxt = index + 1
        token = self.tokens[index]
        rare = self._rare(token) or (self._is_given(token.lower) and token.lower not in self.lex.sentence_starters
                                     and not self._function_word(token))
        if not (rare and self._adjacent(index, nxt)):
            return False
        if self.tokens[nxt].lower in AND and not token.cap and self._ambiguous(token.lower) \
                and not (nxt + 1 < len(self.tokens) and self._is_given(self.tokens[nxt + 1].lower)):
            return False  # "storm en regen buiten": two nouns; not "fleur en sanne zeggen" ("roos en ik": _with_person)
        if self._owned_thing(index):
            return False
        if self.tokens[nxt].lower in self.lex.subject_verbs or self._capitalised_name(self.tokens[nxt]):
            return True
        last = self._after_particles(nxt)  # "Rosa de Groot, Nassaulaan 9": particles and a capitalised surname
        return last is not None and last > nxt and self._capitalised_name(self.tokens[last]) \
            and not self.tokens[last].sentence_start

    def _owned_thing(self, index: int) -> bool:
        """Round 16: "lente is mijn lievelingsseizoen", "beer is mijn knuffel": a given name that is also a word,
        then "is"/"was", a possessive and a noun that is no relation or person: the word, no name ("hoop is mijn
        zusje" stays a name)."""
        tokens, lex = self.tokens, self.lex
        thing = index + 3
        if thing >= len(tokens) or not self._ambiguous(tokens[index].lower) \
                or tokens[index + 1].lower not in ("is", "was") or tokens[index + 2].lower not in lex.possessives \
                or not all(self._adjacent(i, i + 1) for i in range(index, thing)):
            return False
        noun = tokens[thing]
        return noun.lower not in lex.relations and noun.lower not in lex.person_nouns \
            and not self._relation_typo(noun) and not self._is_given(noun.lower) and not noun.cap \
            and noun.lower not in RELATION_ADJECTIVES

    def _word_name_subject(self, index: int) -> bool:
        """"april zegt dat het mijn schuld is", "Summer says ...": a given name that is also a word (a month, a
        noun) at the start of a sentence, before a verb that takes a person (person_verbs)."""
        token, lex = self.tokens[index], self.lex
        word = token.lower
        if not token.sentence_start or not self._adjacent(index, index + 1) \
                or self._common_not_alone(token):  # "Dan zegt hij": a frequent word that starts a sentence
            return False
        verb = self.tokens[index + 1].lower
        if word in lex.sentence_starters:  # "grace zegt dat ...": before a Dutch verb in a Dutch message a name
            return not self.english and self.dutch_message and verb in lex.person_verbs \
                and verb not in self.lists.frequent_en and word not in self.lists.frequent_nl
        return (self._is_given(word) or word in lex.not_alone) and verb in lex.person_verbs

    def _word_name(self, token: Token) -> bool:
        """A given name of any list (also one that is a word) that is no frequent or blocked word, no place, no verb
        form and no word that often opens a sentence."""
        word, lex = token.lower, self.lex
        return self._is_given(word) and not self._common_not_alone(token) and word not in lex.not_alone \
            and word not in lex.sentence_starters and word not in self.lists.frequent_en \
            and word not in self.lists.places and not self._verb_form(word) and not self._bot_word(word)

    def _clause_subject(self, index: int) -> bool:
        """"ik wil dat nova veilig is", "omdat raj mijn telefoon hackt": a given name right after a conjunction
        that opens a clause (clause_links), with more of the clause after it; after "dat" ("dat kader wordt":
        "dat" points at a noun) and for a name that is also a word ("maar winter is zwaar") no verb may follow."""
        tokens = self.tokens
        if index == 0 or tokens[index - 1].lower not in self.lex.clause_links or not self._adjacent(index - 1, index) \
                or not self._adjacent(index, index + 1) or not self._word_name(tokens[index]):
            return False
        nxt = tokens[index + 1].lower
        if tokens[index - 1].lower == "en":  # "mijn moeder werkt en lars past op mij": a name no word, and a verb
            return self._curated_given(tokens[index]) and not self._ambiguous(tokens[index].lower) \
                and (nxt in self.lex.subject_verbs or nxt in self.lex.person_verbs or self._verb_form(nxt))
        if tokens[index - 1].lower in ("dat", "that") and tokens[index].lower in self.lex.given_names \
                and nxt in self.lex.person_verbs and tokens[index].lower not in SEASONS:
            return True  # "ik wil niet dat noor weet ...": a curated name before a verb that takes a person
        if tokens[index - 1].lower in ("dat", "that") or not self._curated_given(tokens[index]):
            return not (nxt in self.lex.subject_verbs or nxt in self.lex.person_verbs or self._verb_form(nxt)
                        or nxt in self.lists.frequent_en and self.english)
        return True  # "want merel zegt": a name of the curated lists before a verb too

    def _that_subject(self, index: int) -> bool:
        """Round 22: "ik wil niet dat jan niet weet ...": after "dat" a curated given name (also one that is a frequent
        word), then "niet"/"het"/"nooit" and a verb that takes a person: the subject of that clause."""
        tokens, lex = self.tokens, self.lex
        if index == 0 or index + 2 >= len(tokens) or tokens[index - 1].lower not in ("dat", "that") \
                or not self._adjacent(index - 1, index) or not self._adjacent(index, index + 1) \
                or not self._adjacent(index + 1, index + 2):
            return False
        word = tokens[index].lower
        return word in lex.given_names and word not in lex.sentence_starters and word not in lex.not_alone \
            and word not in SEASONS and word not in self.lists.places and not self._blocked(tokens[index]) \
            and tokens[index + 1].lower in THAT_FILLERS and tokens[index + 2].lower in lex.person_verbs

    def _person_tail(self, index: int) -> bool:
        """"olga van hiernaast werd geslagen", "merel uit mijn klas": a given name before words that place a
        person (person_tails)."""
        return index + 1 < len(self.tokens) and self._adjacent(index, index + 1) \
            and self._word_name(self.tokens[index]) and self._phrase_at(index + 1, self.lex.person_tails) is not None

    def _with_person(self, index: int) -> bool:
        """"april en ik wonen samen", "summer and her mom moved out", "ferry en zijn vader": a given name (also
        one that is a word) before "en"/"and" and "ik"/"i" or a possessive and a relation word."""
        token, lex, tokens = self.tokens[index], self.lex, self.tokens
        word = token.lower
        if self._common_not_alone(token) or not (self._is_given(word) or word in lex.not_alone) \
                or word in self.lists.places:
            return False
        opens = token.sentence_start or self._adjacent(index - 1, index, COMMA) \
            or (index > 0 and tokens[index - 1].lower in CLAUSE_OPENERS)
        if not opens:  # "het is lente en ik durf niet": a word inside a clause
            return False
        if not (index + 2 < len(tokens) and tokens[index + 1].lower in AND and self._adjacent(index, index + 1)
                and self._adjacent(index + 1, index + 2)):
            return False
        after = tokens[index + 2].lower
        if after in ("ik", "i"):
            return True
        return after in lex.possessives and after not in ("de", "het", "die", "the") \
            and index + 3 < len(tokens) and self._adjacent(index + 2, index + 3) \
            and (tokens[index + 3].lower in lex.relations or tokens[index + 3].lower in lex.foreign_relations)

    def _common_not_alone(self, token: Token) -> bool:
        """A frequent Dutch word or a blocked one, other than the given names that are months or holidays: only
        those may stand before a verb or "en ik" ("april zegt", not "dan zegt")."""
        word, lex = token.lower, self.lex
        if word in lex.not_alone:
            return False
        return word in self.lists.frequent_nl or self._blocked(token) or word in lex.subject_verbs \
            or word in lex.possessives

    def _with_given_at_end(self, index: int) -> bool:
        """"... in de zaterdagdienst met bas", "het gaat over sem": a given name of the curated lists after "met",
        "over", "voor" or "om" (and English) at the end of a clause ("het gaat over sem")."""
        token = self.tokens[index]
        return index > 0 and self.tokens[index - 1].lower in END_PREPOSITIONS and self._adjacent(index - 1, index) \
            and self._curated_given(token) and not self._function_word(token) \
            and (self._clause_end(index) or self._participle_after(index) or self._closing_verb_after(index)) \
            and token.lower not in self.lists.places and token.lower not in SEASONS \
            and token.lower not in self.lex.not_alone

    def _closing_verb_after(self, index: int) -> bool:
        """Round 19: "dat ik met youssef ben, want": a verb that closes a subordinate clause right after the name, then
        the clause's end or a conjunction."""
        verb = index + 1
        if verb >= len(self.tokens) or not self._adjacent(index, verb) or self.tokens[verb].lower not in CLOSING_VERBS:
            return False
        return self._clause_end(verb) or (verb + 1 < len(self.tokens) and self._adjacent(verb, verb + 1)
                                          and self.tokens[verb + 1].lower in CLOSING_AFTER)

    def _before_relation_paren(self, index: int) -> bool:
        """Round 19: "kofi (mijn vriend) heeft ...": a word right before a possessive and a relation word in
        brackets is the person's name (the brackets say who they are), unless it is a function or frequent word."""
        token = self.tokens[index]
        match = PAREN_RELATION.match(self.text, token.end)
        if match is None or match.group(1).lower() not in self.lex.relations:
            return False
        return not self._function_word(token) and len(token.lower) > 2 and token.lower not in self.lex.person_nouns \
            and token.lower not in self.lex.relations and not self._verb_form(token.lower)

    def _owner_of_relation(self, index: int) -> bool:
        """"amber's dad is scary", "sanne's moeder": a given name with a possessive "'s" before a relation word."""
        token, nxt = self.tokens[index], index + 1
        word = token.lower
        if not word.endswith(("'s", "’s")) or nxt >= len(self.tokens) or not self._adjacent(index, nxt):
            return False
        relation = self.tokens[nxt].lower
        base = word[:-2]
        return (relation in self.lex.relations or relation in self.lex.foreign_relations) and len(base) > 1 \
            and self._is_given(base) and base not in self.lists.frequent_nl and base not in self.lists.frequent_en \
            and base not in self.lex.non_names and base not in self.lex.relations

    def _participle_after(self, index: int) -> bool:
        """"ik heb met noor gepraat": a past participle ("ge...d/t/en") right after the name ends the clause."""
        nxt = index + 1
        if nxt >= len(self.tokens) or not self._adjacent(index, nxt):
            return False
        word = self.tokens[nxt].lower
        return (word.startswith("ge") and word.endswith(("d", "t", "en")) and len(word) > 5) \
            and (self._clause_end(nxt) or word in self.lex.told_verbs)

    def _after_owned_arabic(self, index: int) -> bool:
        """"اخي عمر": after a relation word that holds "my", an Arabic given name that is also a word."""
        return index > 0 and self.tokens[index].lower in self.lex.arabic_word_names \
            and self.tokens[index - 1].lower in self.lex.owned_relations and self._adjacent(index - 1, index)

    def _relation_after(self, index: int) -> Optional[str]:
        """How "<possessive> <relation>" follows token `index`: "comma" ("dirk, mijn schoonvader"), "verb"
        ("van Dijk heet mijn stiefvader", "Van Leeuwen, zo heet mijn ..."), "space" ("Storm mijn broertje",
        "wojtek mój chłopak") or None."""
        probe, tokens, lex = index + 1, self.tokens, self.lex
        if self._adjacent(index, probe, COMMA):
            kind = "comma"
        elif self._adjacent(index, probe):
            kind = "space"
        else:
            return None
        while probe < len(tokens) and tokens[probe].lower in LINKS and self._adjacent(probe, probe + 1):
            probe, kind = probe + 1, "verb"
        if probe >= len(tokens):
            return None
        if kind == "space" and tokens[probe].lower in lex.owned_relations:
            return "owned"  # "umut abim": the Turkish or Arabic word holds "my"
        possessive = tokens[probe]
        if kind == "comma" and possessive.lower in ("de", "het", "the") and probe + 2 < len(tokens) \
                and tokens[probe + 1].lower in lex.relations and tokens[probe + 2].lower in ("van", "of") \
                and self._adjacent(probe, probe + 1) and self._adjacent(probe + 1, probe + 2):
            return kind  # "ferry, de vriend van mijn moeder"
        if possessive.lower not in lex.possessives or possessive.lower in ("de", "het", "die", "the") \
                or not self._adjacent(probe, probe + 1):
            return None
        relation = tokens[probe + 1].lower
        if relation in RELATION_ADJECTIVES and self._adjacent(probe + 1, probe + 2):  # "mn beste vriendin"
            relation = tokens[probe + 2].lower
        return kind if relation in lex.relations or relation in lex.foreign_relations else None

    def _apposition(self, index: int) -> bool:
        """"dirk, mijn schoonvader", "van Dijk heet mijn stiefvader", "Storm mijn broertje": a possible name
        before a possessive and a relation word. Without a comma it must be a given name or no word; after a
        verb also a capitalised word inside the sentence."""
        token = self.tokens[index]
        surname = token.cap and index > 0 and self.tokens[index - 1].lower in self.lex.name_particles \
            and token.lower in self.lists.surnames and not self._blocked(token)  # "de Jong heet mijn buurman"
        kind = self._relation_after(index)
        # "Hope is my daughter", "Will is my brother": a capitalised given name that is a frequent English word only
        english_name = kind == "verb" and token.cap and self._is_given(token.lower) \
            and token.lower not in self.lists.frequent_nl and not self._blocked(token)
        if (self._function_word(token) and not surname and not english_name) or token.lower in self.lists.places:
            return False
        if kind is None or self._work_place(index):
            return False
        name = self._is_given(token.lower) or self._rare_word(token) or self._unknown(token)
        if kind == "owned":  # "umut abim", "dün ahmet abim geldi": anywhere in the sentence
            return self._is_given(_without_ending(token.lower)) and not self._frequent(token)
        if kind == "space":  # at the start only: "Storm mijn broertje ...", not "to marry my cousin"
            if index > 0 and self.tokens[index - 1].lower in APPOSITION_PREPOSITIONS \
                    and self._adjacent(index - 1, index) and not token.cap:
                # "zorgen om mees mn beste vriendin", "over kj mijn ex": after a preposition a name of any list, or a
                # short word of letters that is no frequent word ("kj")
                return self._is_given(token.lower) or name or (len(token.lower) <= 3 and token.lower.isalpha()
                                                               and not self._frequent(token))
            # round 21: "<name> mijn schoonzus": opening the message, a word of another language's list written with
            # that language's letters ("ü", "ş", "ğ"; not an interjection such as "yani", "tak")
            foreign = index == 0 and token.lower in self.lists.foreign and token.lower not in self.lists.dutch \
                and len(token.lower) > 2 and not self._frequent(token) and not token.lower.isascii()
            return (name or foreign) and (token.sentence_start or self._adjacent(index - 1, index, COMMA))
        return name or (token.cap and (kind == "comma" or not token.sentence_start))

    def _work_place(self, index: int) -> bool:
        """Round 22: "ik werk in de kas, mijn baas ...": a lower-case word after a verb of work, "in"/"op" and an
        article is where the work is done, not a person."""
        tokens = self.tokens
        return index >= 3 and not tokens[index].cap and tokens[index - 1].lower in ("de", "het", "the", "a") \
            and tokens[index - 2].lower in WORK_PLACE_PREPOSITIONS and tokens[index - 3].lower in self.lex.work_words \
            and self.lists.ordinary(tokens[index].lower)

    def _surname_apposition(self, index: int) -> bool:
        """Round 21: "ruzie met de vos de man van mijn moeder", "bang voor van dijk de buurman van beneden": particles
        and a listed surname, then an article, a relation word or person noun and "van": who that person is."""
        tokens, lex = self.tokens, self.lex
        token = tokens[index]
        if index < 1 or index + 3 >= len(tokens) or token.lower not in self.lists.surnames \
                or tokens[index - 1].lower not in lex.name_particles or not self._adjacent(index - 1, index) \
                or token.lower in lex.relations or token.lower in lex.person_nouns or self._blocked(token) \
                or token.lower in lex.subject_verbs or token.lower in lex.possessives:
            return False  # a frequent word may be a surname here: "de jong de vriend van ..."
        return tokens[index + 1].lower in ("de", "het") \
            and all(self._adjacent(i, i + 1) for i in range(index, index + 3)) \
            and (tokens[index + 2].lower in lex.relations or tokens[index + 2].lower in lex.person_nouns) \
            and tokens[index + 3].lower in ("van", "of")

    def _born_as(self, index: int) -> bool:
        """Round 21: "ik ben <name> geboren op ...": after "ik ben" a given name that is no frequent word, then
        "geboren" (not "ik ben thuis geboren", "te vroeg geboren")."""
        tokens = self.tokens
        if index < 2 or index + 1 >= len(tokens) or tokens[index - 2].lower != "ik" \
                or tokens[index - 1].lower != "ben" or tokens[index + 1].lower != "geboren" \
                or not all(self._adjacent(i, i + 1) for i in range(index - 2, index + 1)):
            return False
        word = tokens[index].lower
        return self._is_given(word) and word not in self.lists.frequent_nl and not self._function_word(tokens[index]) \
            and not self._verb_form(word) and word not in self.lists.places

    def _help_opening(self, index: int) -> bool:
        """Round 21: "help <name> staat beneden": a cry for help opening the message, a given name and a verb."""
        tokens = self.tokens
        if index != 1 or index + 1 >= len(tokens) or tokens[0].lower not in HELP_WORDS \
                or not self._adjacent(0, 1, COMMA_OR_SPACE) or not self._adjacent(index, index + 1):
            return False
        word, verb = tokens[index].lower, tokens[index + 1].lower
        return self._is_given(word) and word not in self.lists.frequent_nl and not self._function_word(tokens[index]) \
            and (verb in self.lex.person_verbs or verb in self.lex.subject_verbs or self._verb_form(verb)
                 or verb in HELP_VERBS)

    def _particles_before(self, index: int) -> int:
        """First token of "van Dijk" when "Dijk" is at `index`."""
        first = index
        particles = self.lex.name_particles
        while first > 0 and self.tokens[first - 1].lower in particles and self._adjacent(first - 1, first):
            first -= 1
        return first

    def _coordinated(self, end: int, named: bool = False) -> Optional[int]:
        """"ton en ria", "frank, frank bos", "Lente en Sky": a given name right after a name and "en" or a comma
        (of the curated lists in any case, of the big list with a capital)."""
        tokens = self.tokens
        if self._adjacent(end, end + 1, LISTED_COMMA):  # "liam (8), noor (6) en sem (3)": an age may follow a name
            candidate = end + 1
        elif end + 2 < len(tokens) and tokens[end + 1].lower in AND and self._adjacent(end, end + 1, LISTED_SPACE) \
                and self._adjacent(end + 1, end + 2):
            candidate = end + 2
        else:
            return None
        token = tokens[candidate]
        if self._function_word(token) or token.lower in self.lists.places:
            return None
        given = self._curated_given(token) or (token.cap and self._is_given(token.lower))  # "Sky"
        if not given and named:  # "mijn kinderen heten finn en lou": after a naming cue any given name
            given = self._word_name(token)
        if not given and candidate == end + 2 and candidate + 1 < len(tokens) \
                and tokens[candidate + 1].lower in PLURAL_VERBS and self._adjacent(candidate, candidate + 1):
            given = self._word_name(token)  # round 17: "jade en faith zijn bang": two subjects of a plural verb
        return candidate if given and not token.sentence_start else None

    def _initial(self, index: int) -> bool:
        """"J. de Boer", "j. de boer": an initial, a full stop, particles and a surname."""
        token = self.tokens[index]
        if len(token.text) != 1 or not token.text.isalpha() or not self._adjacent(index, index + 1, INITIAL_GAP):
            return False
        probe = index + 1
        while probe + 1 < len(self.tokens) and len(self.tokens[probe].text) == 1 and self.tokens[probe].text.isalpha() \
                and self._adjacent(probe, probe + 1, INITIAL_GAP):
            probe += 1  # round 17: "j.v. smit", "a.c. de graaf": more initials
        last = self._after_particles(probe)
        if last is None:
            return False
        surname = self.tokens[last]
        opening = index
        while opening > 0 and len(self.tokens[opening - 1].text) == 1 \
                and self._adjacent(opening - 1, opening, INITIAL_GAP):
            opening -= 1
        letters = [t.lower for t in self.tokens[opening:probe]]
        cut = max((n for n in range(1, len(letters) + 1) if "".join(letters[:n]) in DOTTED_ABBREVIATIONS), default=0)
        if index < opening + cut:
            return False  # inside "o.a.", "t.n.v.": the initials, if any, follow it
        if probe > index + 1 and surname.lower in self.lists.surnames and not self._function_word(surname) \
                and not self._blocked(surname):
            return True  # two initials and a listed surname, also one that is a word ("j.v. smit")
        if last > probe and surname.lower in self.lists.surnames and not self._blocked(surname) \
                and surname.lower not in self.lex.subject_verbs:
            return True  # "r. de wit", "a. van dam": after an initial and a particle a frequent word too
        if surname.lower in self.lists.surnames and not self.lists.ordinary(surname.lower) \
                and not self._function_word(surname):
            return True  # "j. pietersen": a listed surname that is no word
        return not self._function_word(surname) and self._capitalised_name(surname)

    def _given_with_surname(self, index: int) -> bool:
        """"olga petrenko": a given name that is also a word, before a word that can only be a surname."""
        token, nxt = self.tokens[index], index + 1
        if not self._adjacent(index, nxt) or not self._curated_given(token) or self._function_word(token):
            return False
        surname = self.tokens[nxt]
        return not self._function_word(surname) and not self._verb_form(surname.lower) \
            and (self._surname_ending(surname) or self._rare_word(surname))

    def _curated_given(self, token: Token) -> bool:
        """A given name of pii.yml's lists ("noor", "olga"), or a listed one that is no ordinary word: the big
        list has words that are seldom a name ("nader", "kok")."""
        word = _without_ending(token.lower)
        return word in self.lex.given_names or (self._is_given(word) and not self._ambiguous(word))

    def _capitalised_name(self, token: Token) -> bool:
        return token.cap and not self._blocked(token)

    # --- cues -----------------------------------------------------------------------------------------
    def _after_cue(self, cue_end: int, strength: str) -> Optional[int]:
        """Index of the name token after a cue ending at `cue_end`, if it is a name."""
        candidate = cue_end + 1
        if not self._adjacent(cue_end, candidate, CUE_GAP):
            return None
        token, lex = self.tokens[candidate], self.lex
        if strength == "strong":  # not "mijn vader heet hem welkom"
            ok = (not self._blocked(token) or token.lower in lex.given_names) and token.lower not in WELCOMED
        elif strength == "weak":  # "ik ben noor", "dit is fleur", "met ene frank"
            ok = self._listed(token) or self._rare(token) or (self._curated_given(token)
                                                              and not self._function_word(token)) \
                or (self._word_name(token) and self._clause_end(candidate)  # "ik ben mo, mijn insta is ..."
                    and (len(token.lower) <= SHORT_NAME or not self.lists.ordinary(token.lower)
                         or token.lower not in lex.common_words  # round 17: "ik ben senna": a rare word
                         or self.tokens[cue_end - 1].lower in NAMING_VERBS)) \
                or (self._word_name(token) and self._new_clause(candidate + 1)) \
                or (self._rare_word(token) and (self._clause_end(candidate) or self._new_clause(candidate + 1))) \
                or (self._word_name(token) and self._adjacent(candidate, candidate + 1)  # "ik ben rico rosaria"
                    and self._named(self.tokens[candidate + 1], alone=False)
                    and not self._function_word(self.tokens[candidate + 1]))  # "ik ben sunny en ik woon .."
        else:
            ok = self._capitalised_name(token) or self._listed(token)
        # round 13: "heet a.j. bakker": initials, even one that is a word ("a", "i"), before more initials or a name
        initials = strength == "strong" and len(token.text) == 1 and token.text.isalpha() \
            and self._adjacent(candidate, candidate + 1, INITIAL_GAP) and "." in self._gap_after(candidate) \
            and self._surname_end(candidate) > candidate
        return candidate if (ok and token.lower not in lex.non_names) or initials else None

    def _after_relation(self, index: int) -> Optional[int]:
        candidate = index + 1
        if candidate >= len(self.tokens):
            return None
        token = self.tokens[candidate]
        if self._adjacent(index, candidate):
            ok = self._capitalised_name(token) or self._listed(token) or self._after_relation_word(token) \
                or self._before_listed_surname(candidate) or self._subject_before_verb(candidate) \
                or self._foreign_after_relation(index) or self._curated_at_end(candidate) \
                or self._given_before_particles(candidate)
            return candidate if ok else None
        if self._adjacent(index, candidate, COLON) and not self._blocked(token) \
                and token.lower not in self.lex.subject_verbs and token.lower not in self.lex.possessives \
                and (self._capitalised_name(token) or token.lower in self.lex.given_names or self._named(token)):
            return candidate  # "ouders: jan en els", "vader: Ahmed"
        if self._adjacent(index, candidate, PAREN) and ")" in self._gap_after(candidate) \
                and not self._function_word(token) and (self._is_given(token.lower) or self._named(token) or token.cap):
            return candidate  # "mijn stiefvader (rob) drinkt": a name in brackets after a relation word
        if self._adjacent(index, candidate, COMMA) and not self._function_word(token) \
                and (self._capitalised_name(token) or self._named(token) or self._curated_given(token)):
            return candidate  # "de vader van mijn vriendin, Ruud, ...", "mijn zus, lars, ..."
        return None

    def _given_before_particles(self, index: int) -> bool:
        """Round 16: "mijn stiefvader jan de graaf": after a relation word a given name that is also a frequent word
        or a month, then particles and a surname, is a full name."""
        token, nxt = self.tokens[index], index + 1
        return self._is_given(token.lower) and not self._blocked(token) and token.lower not in self.lex.possessives \
            and nxt < len(self.tokens) and self.tokens[nxt].lower in self.lex.name_particles \
            and self._adjacent(index, nxt) and self._surname_end(index) > nxt

    def _new_clause(self, index: int) -> bool:
        """"en ik woon", "maar mijn moeder": a conjunction and a pronoun or possessive open a clause at `index`."""
        tokens = self.tokens
        return index + 1 < len(tokens) and self._adjacent(index - 1, index) and self._adjacent(index, index + 1) \
            and tokens[index].lower in CLAUSE_JOINERS and tokens[index + 1].lower in CLAUSE_SUBJECTS

    def _subject_before_verb(self, index: int) -> bool:
        """"mijn broer will is verdwenen", "my sister hope keeps ...": after a relation word, a given name that is
        also a word (lowercase_words) is the subject when a finite verb follows it."""
        token, lex = self.tokens[index], self.lex
        word = token.lower
        # a given name of the curated lists that is also a frequent word or a month: "mijn opa jan doet",
        # "mijn vriendin mei durft" (not "ben", "will", "can": they start sentences as words)
        listed = (word in lex.given_names or word in lex.not_alone) and word not in lex.sentence_starters
        if not (word in lex.lowercase_words or listed) or not self._adjacent(index, index + 1) \
                or (not listed and (word in self.lists.frequent_nl or word in lex.non_names)):
            return False
        verb = self.tokens[index + 1].lower
        return (verb in lex.subject_verbs or (listed and verb in lex.person_verbs)) and verb not in BASE_FORMS

    def _told(self, index: int) -> bool:
        """"ik heb het aan bas verteld", "ik zeg het tegen mees": a given name between "aan"/"tegen" and a verb
        of telling (told_verbs)."""
        token = self.tokens[index]
        if index == 0 or self.tokens[index - 1].lower not in TOLD_FROM or not self._adjacent(index - 1, index):
            return False
        given = self._is_given(token.lower) and not self._blocked(token) and token.lower not in self.lists.frequent_nl
        if not given:
            return False
        if self._adjacent(index, index + 1) and self.tokens[index + 1].lower in self.lex.told_verbs:
            return True
        # the verb first: "zeg niks tegen winter", "vertel het niet aan merel"
        probe = index - 2
        while probe >= 0 and index - probe <= 5 and self._adjacent(probe, probe + 1) \
                and self.tokens[probe].lower in TOLD_OBJECTS:
            probe -= 1
        return probe >= 0 and index - probe <= 5 and self._adjacent(probe, probe + 1) \
            and self.tokens[probe].lower in self.lex.told_verbs and self.tokens[index - 1].lower != "over"

    def _after_particles(self, first: int) -> Optional[int]:
        """The token after the name particles from `first` on ("de", "van der"), each followed by one space;
        None when the text ends there or a gap breaks the name."""
        last = first
        while last < len(self.tokens) and (self.tokens[last].lower in self.lex.name_particles
                                           or (last == first and self._article_particle(last))):
            if not self._adjacent(last, last + 1, PARTICLE_GAP):  # "van 't hof": the apostrophe stays outside
                return None
            last += 1
        return last if last < len(self.tokens) else None

    def _relation_surname(self, index: int) -> Optional[tuple[int, int]]:
        """(first, last) token of "van dijk" in "mijn leraar van dijk": particles, then a surname."""
        first = index + 1
        last = self._after_particles(first) if self._adjacent(index, first) else None
        if last is None or last == first:
            return None
        token = self.tokens[last]
        if self._function_word(token) or token.lower in self.lists.places or self._is_given(token.lower):
            return None  # "de vriend van Kim": a given name after "van" is someone else, found on its own
        listed = token.lower in self.lists.surnames and not self._bot_word(token.lower)
        return (first, last) if listed else None

    def _after_title(self, index: int) -> Optional[tuple[int, int]]:
        """(first, last) token of "de Boer" in "mevrouw de Boer"."""
        first = index + 1
        if first >= len(self.tokens) or not self._adjacent(index, first, TITLE_GAP):
            return None
        token = self.tokens[first]
        if len(token.text) == 1 and token.text.isalpha() \
                and self._adjacent(first, first + 1, INITIAL_GAP):  # "dhr. k. yilmaz": an initial after the title
            surname = self._after_particles(first + 1)
            word = self.tokens[surname] if surname is not None else None
            if word is not None and not self._blocked(word) and word.lower not in self.lex.subject_verbs and (
                    word.lower in self.lists.surnames or self._is_given(word.lower) or word.cap
                    or not self.lists.ordinary(word.lower)):
                return first, surname
            return None
        last = self._after_particles(first)
        if last is None or self._verb_after_title(index, last):
            return None
        token = self.tokens[last]
        if self._composite(token):
            return first, last  # "mr o'neill", "mevrouw al-hassan"
        if self._capitalised_name(token) or self._listed(token) or self._curated_at_end(last):
            return first, last  # "meneer De Wit"
        if not self._function_word(token) and (token.lower in self.lists.surnames or self._unknown(token)
                                                or self._rare_word(token)):
            return first, last  # "mevr bosman", "juf de vries"
        if last > first and token.lower in self.lists.surnames and not self._blocked(token):
            return first, last  # "juf de wit", "meester de groot": after a particle, a frequent word too
        if not self._function_word(token) and self._is_given(token.lower) and not self._verb_form(token.lower):
            return first, last  # "ms. parker", "mr taylor": English surnames are given names too
        if self._surname_ending(token):
            return first, last  # "mevrouw kowalska"
        if self.tokens[index].lower in self.lex.surname_titles and token.lower in self.lists.surnames \
                and not self._blocked(token) and token.lower not in self.lex.subject_verbs \
                and token.lower not in self.lists.frequent_nl and not self._verb_form(token.lower):
            return first, last  # "mr brown", "de familie visser": a surname that is also a word
        word = token.lower
        if self.tokens[index].lower in PERSONAL_TITLES and last == first and len(word) >= 3 \
                and not self._blocked(token) and word not in self.lists.frequent_nl \
                and word not in self.lex.subject_verbs and word not in self.lists.frequent_en \
                and not self._verb_form(word):
            return first, last  # "my neighbour, mrs patel,": after a title a surname in a message of any language
        if self.tokens[index].lower in PERSONAL_TITLES and last == first and word in self.lists.surnames \
                and not self._blocked(token) and word not in self.lex.subject_verbs and not self._verb_form(word) \
                and word not in self.lex.person_nouns and (self._clause_end(last) or (
                    last + 1 < len(self.tokens) and self.tokens[last + 1].lower in NAME_FOLLOWERS)):
            return first, last  # round 19: "meneer bakker van hiernaast": a surname that is a frequent word too
        if token.lower in self.lists.surnames and self._clause_end(last) and not self._blocked(token) \
                and token.lower not in self.lex.subject_verbs and not self._verb_form(token.lower):
            return first, last  # "bij opa en oma koning, daar ...": a surname that is a frequent word
        return None

    def _verb_after_title(self, index: int, last: int) -> bool:
        """Round 22: a verb right after a title or kin word names nothing: "je kan mijn tante bellen" (an infinitive
        after "<possessive> <relation>" once a verb that takes one came before), "Mevrouw verblijft tijdelijk ..."
        (a finite verb in lower case after a title opening the sentence, as reports write)."""
        token, tokens = self.tokens[last], self.tokens
        word = token.lower
        if last != index + 1 or token.cap or self._is_given(word) or not self._verb_form(word):
            return False
        if word.endswith("en"):
            return index > 0 and tokens[index - 1].lower in self.lex.possessives \
                and any(t.lower in MODALS for t in tokens[:index - 1])
        return tokens[index].sentence_start and tokens[index].cap

    def _after_family(self, index: int) -> Optional[tuple[int, int]]:
        """(first, last) token of "Visser" in "de familie Visser", "het gezin de boer": particles and a capitalised
        word inside the sentence, or a listed surname that is no frequent word."""
        first = index + 1
        if not self._adjacent(index, first, TITLE_GAP):  # "fam. bakker"
            return None
        last = self._after_particles(first)
        if last is None:
            return None
        token = self.tokens[last]
        infinitive = self.tokens[last - 1].lower == "te" and self.lists.ordinary(token.lower)  # "gezin te horen"
        if last > first and token.lower in self.lists.surnames and not self._blocked(token) and not infinitive \
                and token.lower not in self.lex.subject_verbs and not self._verb_form(token.lower):
            return first, last  # "de familie de jong": after a particle a frequent word too
        if self._blocked(token) or self._function_word(token) or token.lower in self.lists.places:
            return None
        if token.cap and not token.sentence_start:
            return first, last
        listed = token.lower in self.lists.surnames and not self._verb_form(token.lower) \
            and not self._bot_word(token.lower)
        return (first, last) if listed else None

    def _particles_and_surname(self, first: int) -> Optional[tuple[int, int]]:
        """(first, last) token of "de vries", "van der berg" after a strong naming cue: particles and a listed surname
        or a word that is no word."""
        if first >= len(self.tokens) or self.tokens[first].lower not in self.lex.name_particles \
                or not self._adjacent(first - 1, first, CUE_GAP):
            return None
        last = self._after_particles(first)
        if last is None or last == first:
            return None
        token = self.tokens[last]
        if self._blocked(token) or token.lower in self.lex.subject_verbs \
                or (self.tokens[last - 1].lower == "te" and self.lists.ordinary(token.lower)):
            return None
        return (first, last) if token.lower in self.lists.surnames or self._unknown(token) or token.cap else None

    def _van_subject(self, index: int) -> bool:
        """"van der berg zegt dat ...": at the start of a sentence "van" (der, den, de) and a listed surname before a
        verb that takes a person."""
        tokens = self.tokens
        if not tokens[index].sentence_start or tokens[index].lower != "van":
            return False
        last = self._after_particles(index)
        if last is None or last == index or last + 1 >= len(tokens) or not self._adjacent(last, last + 1):
            return False
        token, verb = tokens[last], tokens[last + 1].lower
        return token.lower in self.lists.surnames and not self._blocked(token) and not self._function_word(token) \
            and (verb in self.lex.person_verbs or verb in self.lex.subject_verbs) and verb not in AND

    def _van_der(self, index: int) -> bool:
        """Round 13: "een van der berg", "bang voor van den heuvel": "van der"/"van den" are only said in a surname; the
        word after them is one when it is no function word (a listed surname, a rare or unknown word)."""
        tokens = self.tokens
        if tokens[index].lower != "van" or index + 2 >= len(tokens) or tokens[index + 1].lower not in ("der", "den") \
                or not self._adjacent(index, index + 1) or not self._adjacent(index + 1, index + 2):
            return False
        token = tokens[index + 2]
        if tokens[index + 1].cap and not tokens[index].cap:
            return False  # "de rechtbank van Den Bosch": a place, whose article is capitalised inside a sentence
        return len(token.lower) > 2 and not self._function_word(token) \
            and (token.lower in self.lists.surnames or token.lower in self.lists.rare or self._unknown(token))

    def _clause_end(self, index: int) -> bool:
        return bool(CLAUSE_END.match(self.text, self.tokens[index].end))

    # --- surnames -------------------------------------------------------------------------------------
    def _surname_end(self, index: int) -> int:
        """The last token of the name that starts with the given name at `index`."""
        end, taken = index, 0
        while taken < MAX_SURNAME_TOKENS:
            nxt = end + 1
            initial = len(self.tokens[end].text) == 1 and self._adjacent(end, nxt, INITIAL_GAP)  # "j. de boer"
            if not (self._adjacent(end, nxt, SURNAME_GAP) or initial):
                break
            if initial and len(self.tokens[nxt].text) == 1 and self.tokens[nxt].text.isalpha() \
                    and self._adjacent(nxt, nxt + 1, INITIAL_GAP) and taken < MAX_SURNAME_TOKENS - 1:
                end, taken = nxt, taken + 1  # round 13: "r.j. brouwer", "a.b.c. de wit": more initials after the first
                continue
            probe = nxt
            while probe < len(self.tokens) and (self.tokens[probe].lower in self.lex.name_particles
                                                 or self._article_particle(probe)) \
                    and self._adjacent(probe, probe + 1, SURNAME_GAP):
                probe += 1
            # after an initial the full stop starts no sentence: "J. Bakker"
            if probe >= len(self.tokens) or (self.tokens[probe].sentence_start and not (initial and probe == nxt)) \
                    or not self._surname(nxt, probe, self.tokens[index]):
                break
            taken += probe - end
            end = probe
        return end

    def _article_particle(self, index: int) -> bool:
        """"in" of "in 't veld", "op" of "op 't hof": a preposition before the archaic article "t" inside a surname."""
        # round 17: "op den kamp", "in den bosch" as a surname: the archaic "den" after a preposition as well
        return self.tokens[index].lower in ARTICLE_PARTICLE_OPENERS and index + 1 < len(self.tokens) \
            and self.tokens[index + 1].lower in ("t", "den") and self._adjacent(index, index + 1, PARTICLE_GAP)

    def _composite(self, token: Token) -> bool:
        """"al-hassan", "o'connor", "d'souza": parts joined by an apostrophe or a hyphen, each a listed surname or
        given name, a particle or a single letter."""
        parts = WORD_PARTS.split(token.lower)
        particle = any(p in self.lex.name_particles for p in parts)  # round 13: "al-khatib", a rare word after "al"
        named = [p for p in parts if p in self.lists.surnames or self._is_given(p)
                 or (particle and len(p) > 3 and p in self.lists.rare and p not in self.lists.frequent_nl)]
        return len(parts) > 1 and bool(named) \
            and all(p in named or p in self.lex.name_particles or len(p) == 1 for p in parts) \
            and not self._function_word(token)

    def _surname(self, first: int, last: int, given: Token) -> bool:
        """Token `last` (after particles from `first`) is a surname: capitalised, unknown, or listed
        ("de jong"; "kevin bakker" only when the given name is in lower case too, not "Burak leest")."""
        token = self.tokens[last]
        if self._capitalised_name(token) or (self._unknown(token) and not self._function_word(token)):
            return True
        if self._surname_ending(token):
            return True
        if self._composite(token):
            return True  # "al-hassan", "o'connor", "d'souza"
        folded = token.lower.translate(TURKISH_FOLD)  # round 13: "yıldırım" as the lists write it, "yildirim"
        listed = (token.lower in self.lists.surnames
                  or (folded != token.lower and folded in self.lists.surnames and folded in self.lists.rare)) \
            and not self._blocked(token)  # not "çok" ("cok")
        if last > first:  # "ilias el khatib": after particles a word web text has mostly as a name too
            # "rené ter haar": after particles a surname that is a possessive, when no noun follows it
            owned = token.lower in self.lex.possessives and token.lower in self.lists.surnames \
                and (self._clause_end(last) or (last + 1 < len(self.tokens)
                                                and self.tokens[last + 1].lower in NAME_FOLLOWERS))
            # "aït hammou"; round 17: "nguyen thi lan": after the Vietnamese middle name the given name, any word
            berber = self.tokens[last - 1].lower in ("aït", "ait", "thi") and not self._function_word(token)
            return listed or self._rare_word(token) or owned or berber
        rare = self._rare_word(token) and self.tokens[first - 1] is given  # one rare word, right after the name
        # round 22: "mijn ex rik zomer wil ...": after a relation word a given name and a listed surname that is a
        # frequent word, right before a finite verb of the clause
        related = listed and not given.cap and first >= 2 and self.tokens[first - 1] is given \
            and self.tokens[first - 2].lower in self.lex.relations and last + 1 < len(self.tokens) \
            and self._adjacent(last, last + 1) and self.tokens[last + 1].lower in self.lex.subject_verbs \
            and token.lower not in self.lex.subject_verbs and not self._verb_form(token.lower)
        return ((listed or rare) and not given.cap and not self._function_word(token)) or related

    # --- all ------------------------------------------------------------------------------------------
    def _starts(self) -> Iterator[tuple[int, int]]:
        """(first, last) token indices of a name's first part, found by cue or by the word lists."""
        lex = self.lex
        for index, token in enumerate(self.tokens):
            if token.cap and index > 0 and self.tokens[index - 1].text in lex.place_prepositions \
                    and self._adjacent(index - 1, index):
                continue  # "w Krakowie", "w Hadze": a place in its Polish case
            for phrases, strength in ((lex.strong_cues, "strong"), (lex.medium_cues, "medium"),
                                      (lex.weak_cues, "weak")):
                end = self._phrase_at(index, phrases)
                if strength == "medium" and index > 0 and (self.tokens[index - 1].lower in lex.relations
                                                           or self.tokens[index - 1].lower in lex.person_nouns
                                                           or self.tokens[index - 1].lower in lex.surname_titles):
                    strength = "strong"  # "mijn stiefvader heet sean", "die jongen heet mats": not "het is heet"
                found = self._after_cue(end, strength) if end is not None else None
                if found is not None:
                    if strength == "strong":
                        self.named.add(found)
                    yield found, found
                elif end is not None and strength == "strong":
                    pair = self._particles_and_surname(end + 1)
                    if pair is not None:  # "mijn achternaam is de vries"
                        yield pair
            if token.lower in lex.glued_cues:  # "ikheet tamara"
                found = self._after_cue(index, "strong")
                if found is not None:
                    yield found, found
            # A capitalised relation word inside a sentence is part of a proper noun ("Child Protection Board").
            relation = token.lower in lex.relations or self._relation_typo(token)
            if token.lower in RELATION_LINKS and index > 0 and self.tokens[index - 1].lower in lex.relations:
                found = self._after_cue(index, "weak")  # "mijn broer is tim"
                if found is not None:
                    yield found, found
            if relation and (not token.cap or token.sentence_start):
                found = self._after_relation(index)
                if found is not None:
                    yield found, found
                pair = self._relation_surname(index)
                if pair is not None:
                    yield pair
            if token.lower in lex.titles:
                pair = self._after_title(index)
                if pair is not None:
                    yield pair
            elif token.lower in lex.surname_titles:
                pair = self._after_family(index)
                if pair is not None:
                    yield pair
            if self._van_subject(index) or self._van_der(index):
                yield index, self._after_particles(index) or index
            subject_end = self._relation_subject(index) if token.sentence_start else None
            if subject_end is not None:
                yield index, subject_end
            if (self._given(token) and not self._owned_noun(index)) \
                    or (self._rare_subject(index) if token.sentence_start else self._rare(token)):
                yield index, index
            elif self._apposition(index) or self._surname_apposition(index):
                yield self._particles_before(index), index
            elif self._initial(index) or self._given_with_surname(index) or self._only_word(index) \
                    or self._told(index) or self._word_name_subject(index) or self._with_person(index) \
                    or self._with_given_at_end(index) or self._after_owned_arabic(index) \
                    or self._before_relation_paren(index) \
                    or self._clause_subject(index) or self._person_tail(index) or self._stayed_with(index) \
                    or self._spelled(index) or self._relation_of(index) or self._greeted(index) \
                    or self._paired(index) or self._inverted_subject(index) or self._hurt_object(index) \
                    or self._here_opening(index) or self._before_pronoun(index) or self._owner_of_relation(index) \
                    or self._object_name(index) or self._genitive(index) or self._double_verb(index) \
                    or self._after_person_noun(index) or self._between_commas(index) or self._called_out(index) \
                    or self._short_with_surname(index) or self._short_after_relation(index) \
                    or self._school_child(index) or self._aged_opening(index) or self._its_me(index) \
                    or self._marriage_partner(index) or self._that_is_relation(index) \
                    or self._plain_after_relation(index) or self._after_polish_relation(index) \
                    or self._born_as(index) or self._help_opening(index) or self._that_subject(index):
                yield index, index
            if token.lower in FOREIGN_TITLES and (index == 0 or self.tokens[index - 1].lower not in DUTCH_FUNCTION) \
                    and index + 1 < len(self.tokens) and self.tokens[index + 1].lower not in self.lists.frequent_nl:
                pair = self._after_title(index)
                if pair is not None:  # "pan kowalski" in a Polish message
                    yield pair

    # --- round 13 -------------------------------------------------------------------------------------
    def _name_word(self, token: Token) -> bool:
        """A given name of any list or a word web text has mostly as a name, that is no function word or place."""
        word = token.lower
        return (self._given_word(token) or self._rare_word(token) or self._unknown(token)) \
            and not self._function_word(token) and word not in self.lists.places and word not in self.lex.number_words \
            and not any(ch.isdigit() for ch in word)

    def _school_child(self, index: int) -> bool:
        """"Lente zit in groep 4", "fem zit in klas 2b": a given name (also one that is a word) before sitting in a
        school class: a child."""
        token = self.tokens[index]
        if not SCHOOL_CLASS_AFTER.match(self.text, token.end) or not self._given_word(token) \
                or (self._frequent(token) and not token.cap):
            return False
        return token.sentence_start or index == 0 or self.tokens[index - 1].lower in AND

    def _aged_opening(self, index: int) -> bool:
        """"sara, 13 jaar", "Noor (9)": a message opening with a given name and an age after it."""
        token = self.tokens[index]
        return index == 0 and self._given_word(token) and not self._frequent(token) \
            and bool(AGE_AFTER.match(self.text, token.end))

    def _its_me(self, index: int) -> bool:
        """"hoi het is lina weer", "it's mila again": a speaker naming themself at the start of a message."""
        tokens = self.tokens
        if index < 1 or tokens[index - 1].lower not in ("is", "s") + ITS or not self._name_word(tokens[index]) \
                or self._frequent(tokens[index]):
            return False
        opener = index - 2
        if (tokens[opener].lower, tokens[index - 1].lower) not in (("het", "is"), ("t", "is"), ("it", "s")) \
                or not self._adjacent(index - 1, index):
            if not (tokens[index - 1].lower in ITS and self._adjacent(index - 1, index)):
                return False
            opener = index - 1
        first = opener == 0 or tokens[opener].sentence_start or tokens[opener - 1].lower in self.lex.greetings
        return first and (self._clause_end(index) or (index + 1 < len(tokens)
                                                      and tokens[index + 1].lower in ITS_ME_AFTER))

    def _marriage_partner(self, index: int) -> bool:
        """"ik moet met karim trouwen", "ze willen dat ik trouw met amir", "getrouwd met ahmed": the partner of a
        marriage, a given name of any list that is no frequent word."""
        tokens = self.tokens
        if index < 1 or tokens[index - 1].lower not in ("met", "with", "aan") or not self._adjacent(index - 1, index) \
                or not self._given_word(tokens[index]) or self._frequent(tokens[index]):
            return False
        before = {t.lower for t in tokens[max(0, index - 3):index - 1]}
        after = {t.lower for t in tokens[index + 1:index + 4]}
        return bool((before | after) & MARRY_WORDS)

    def _that_is_relation(self, index: int) -> bool:
        """"bang voor storm, dat is de ex van mijn zus", "ik bedoel rik, die is mijn stiefvader": a name, a comma,
        "dat/die is" and a relation word ("de ex van", "mijn oom")."""
        tokens = self.tokens
        probe = index + 1
        if not self._adjacent(index, probe, COMMA) or probe + 3 >= len(tokens) \
                or tokens[probe].lower not in ("dat", "die", "that", "this") or tokens[probe + 1].lower not in COPULAS \
                or not self._name_word(tokens[index]):
            return False
        owner, relation = tokens[probe + 2].lower, tokens[probe + 3].lower
        if owner in ("de", "het", "the"):
            return relation in self.lex.relations and probe + 4 < len(tokens) \
                and tokens[probe + 4].lower in ("van", "of")
        return owner in self.lex.possessives and relation in self.lex.relations

    def _plain_after_relation(self, index: int) -> bool:
        """"ik woon bij mijn oom mehari en hij ...", "mijn tante zeynab slaat mij": after a possessive and a relation
        word, a word that is no frequent, describing or verb word before "en/die hij|zij" or a verb of a person."""
        tokens = self.tokens
        if index < 2 or tokens[index - 1].lower not in self.lex.relations \
                or tokens[index - 2].lower not in self.lex.possessives or not self._adjacent(index - 1, index) \
                or index + 2 >= len(tokens) or not self._adjacent(index, index + 1):
            return False
        token, word = tokens[index], tokens[index].lower
        if self._function_word(token) or len(word) < 4 or word in self.lists.places or self._verb_form(word) \
                or self._inflected(word) or word.endswith(PLAIN_ENDINGS) or self._bot_word(word):
            return False
        nxt, after = tokens[index + 1].lower, tokens[index + 2].lower
        # round 17: "mijn neefje tijger heet echt zo": the word is what the relative is called
        return (nxt in ("en", "die") and after in PRONOUNS_3) or nxt in self.lex.person_verbs or nxt in CALLED_VERBS

    def _after_polish_relation(self, index: int) -> bool:
        """"u cioci basi", "z wujkiem staszkiem": in a Polish sentence a name after a relation word in any case."""
        tokens = self.tokens
        if index < 1 or tokens[index - 1].lower not in POLISH_RELATIONS or not self._adjacent(index - 1, index):
            return False
        token, word = tokens[index], tokens[index].lower
        if len(word) <= 3 or self._blocked(token) or word in self.lists.frequent_nl or word in self.lex.possessives:
            return False  # "dziadek boi się": a short verb
        base = word[:-1] + "a" if word.endswith(("i", "ą", "ę", "y")) else word  # "basi", "basią" -> "basia"
        return self._is_given(word) or self._is_given(base) or self._is_given(word + "a") \
            or (word in self.lists.rare and word not in self.lists.foreign)

    # --- round 12 -------------------------------------------------------------------------------------
    def _given_word(self, token: Token) -> bool:
        """A given name of any list that is not blocked (a relation, title, platform, ...)."""
        return (self._is_given(token.lower) or token.lower in self.lex.given_names) and not self._blocked(token)

    def _double_verb(self, index: int) -> bool:
        """"Wil zegt dat ...", "Ben slaat me", "mijn broer ben is 15": a given name that is also a frequent word (a verb
        form), capitalised at the start of a sentence or right after a relation word, before a finite verb. Two finite
        verbs do not follow each other, so the first is the name ("wat mijn moeder wil is ..." asks what she wants)."""
        tokens, lex = self.tokens, self.lex
        token = tokens[index]
        word = token.lower
        frequent = word in self.lists.frequent_nl or word in self.lists.frequent_en or word in lex.sentence_starters
        if index + 1 >= len(tokens) or not self._adjacent(index, index + 1) or not self._given_word(token) \
                or not frequent or word in INVERSION_OPENERS:  # "Dan zegt hij ...": an adverb, the verb, its subject
            return False
        if index + 2 < len(tokens) and tokens[index + 2].lower in OBJECT_SUBJECTS | {"u", "er", "men", "het"}:
            return False  # "... zegt hij": the subject after the verb, so the first word is no subject
        verb = tokens[index + 1].lower
        if not (verb in lex.person_verbs or (verb in lex.subject_verbs and verb not in BASE_FORMS and verb not in AND)):
            return False
        if token.cap and token.sentence_start:
            return verb in lex.person_verbs  # "Wil zegt", not "Kan is ..."
        after_relation = index > 0 and tokens[index - 1].lower in lex.relations and self._adjacent(index - 1, index)
        return after_relation and not any(t.lower in WANT_OPENERS for t in tokens[max(0, index - 4):index - 1])

    def _after_person_noun(self, index: int) -> bool:
        """"een meisje lente en ze zei ...", "de jongen mo die ...": a given name right after "een"/"de"/"die" and a
        noun for a person, before a word that follows a person (NAME_FOLLOWERS) or the end of a clause; a given name
        that is no ordinary word before any word."""
        tokens = self.tokens
        if index < 2 or not self._adjacent(index - 1, index) or not self._adjacent(index - 2, index - 1) \
                or tokens[index - 1].lower not in self.lex.person_nouns \
                or tokens[index - 2].lower not in ("een", "de", "die", "dat", "dit", "deze", "het", "a", "the", "this"):
            return False
        token = tokens[index]
        if not self._given_word(token) or self._frequent(token) or token.lower in self.lex.subject_verbs \
                or self._verb_form(token.lower) or token.lower in self.lists.places:
            return False
        if not self._ambiguous(token.lower):
            return True
        return self._clause_end(index) or (index + 1 < len(tokens) and self._adjacent(index, index + 1)
                                           and tokens[index + 1].lower in NAME_FOLLOWERS)

    def _between_commas(self, index: int) -> bool:
        """"een leerling van mij, sem, heeft ...", "een jongen, mo, slaapt ...": a given name (or a word of no list)
        between commas after a person or relation word a few words before."""
        tokens, lex = self.tokens, self.lex
        if index < 1 or not self._adjacent(index - 1, index, COMMA) or "," not in self._gap_after(index)[:2] \
                or index + 1 >= len(tokens):
            return False
        token = tokens[index]
        if self._function_word(token) or token.lower in self.lists.places or token.lower in lex.subject_verbs \
                or not (self._given_word(token) or self._unknown(token) or self._rare_word(token)):
            return False
        return any(t.lower in lex.relations or t.lower in lex.person_nouns for t in tokens[max(0, index - 5):index])

    def _called_out(self, index: int) -> bool:
        """"hij riep jimmy kom hier", "ze schreeuwde: sem!": a given name right after a verb of calling out."""
        if index < 1 or self.tokens[index - 1].lower not in CALL_OUT \
                or not (self._adjacent(index - 1, index) or self._adjacent(index - 1, index, CUE_GAP)):
            return False
        token = self.tokens[index]
        return self._given_word(token) and not self._frequent(token) and token.lower not in self.lex.subject_verbs \
            and token.lower not in SEASONS

    def _short_with_surname(self, index: int) -> bool:
        """"pim van der linden zit ...", "bo de vries": a short given name in lower case, particles and a listed
        surname (a long or capitalised one is a name of its own)."""
        token = self.tokens[index]
        if not self._given_word(token) or self._frequent(token) or token.lower in self.lex.subject_verbs \
                or not self._adjacent(index, index + 1, PARTICLE_GAP):
            return False
        last = self._after_particles(index + 1)
        if last is None or last == index + 1:
            return False
        surname = self.tokens[last]
        return surname.lower in self.lists.surnames and not self._blocked(surname) \
            and surname.lower not in self.lex.subject_verbs and not self._frequent(surname) \
            and not (self.tokens[last - 1].lower == "te" and self.lists.ordinary(surname.lower))

    def _short_after_relation(self, index: int) -> bool:
        """"mijn zoontje sep is ...": after a possessive and a relation word a short word (2 to 4 letters) of the name
        lists that is no frequent word in Dutch or English, no verb form and no place."""
        tokens, lex = self.tokens, self.lex
        if index < 2 or not self._adjacent(index - 1, index) or tokens[index - 1].lower not in lex.relations \
                or tokens[index - 2].lower not in DUTCH_POSSESSIVES or not self._adjacent(index - 2, index - 1):
            return False
        token = tokens[index]
        word = token.lower
        aged = AGE_AFTER.match(self.text, token.end) is not None  # round 21: "mijn vader <name> is 79": any short word
        return 2 <= len(word) <= 4 and word.isalpha() \
            and (word in self.lists.surnames or self._is_given(word) or aged) \
            and word not in self.lists.frequent_nl and word not in self.lists.frequent_en \
            and not self._function_word(token) and not self._verb_form(word) and word not in self.lists.places \
            and word not in lex.number_words and word not in SEASONS

    def _object_name(self, index: int) -> bool:
        """"ik zag lotte vanochtend", "ik vertrouw joy niet", "ik heb sara beloofd", "mijn vader heeft amira weer
        geslagen": a given name (also one that is a word) after a subject and a verb, before a word of time or
        negation (OBJECT_TIMES), or after "heb"/"heeft" before a participle of telling or hurting."""
        tokens = self.tokens
        if index < 2 or index + 1 >= len(tokens) or not self._adjacent(index - 2, index - 1) \
                or not self._adjacent(index - 1, index) or not self._adjacent(index, index + 1):
            return False
        subject, verb, token = tokens[index - 2].lower, tokens[index - 1].lower, tokens[index]
        nxt = tokens[index + 1].lower
        if subject not in OBJECT_SUBJECTS and subject not in self.lex.relations:
            return False
        word = token.lower
        if not (self._is_given(word) or word in self.lex.given_names) or self._blocked(token) \
                or word in self.lists.frequent_nl or word in SEASONS or word in self.lex.not_alone \
                or word in self.lex.subject_verbs or self._verb_form(word):
            return False
        if verb in HAVE:
            return nxt in HURT_PARTICIPLES or nxt in self.lex.told_verbs or nxt in OBJECT_TIMES
        if verb in NOT_OBJECT_VERBS or verb in self.lex.possessives or verb in self.lex.name_particles \
                or not self.dutch_message or self.english or verb in self.lists.frequent_en:
            return False
        return nxt in OBJECT_TIMES

    def _genitive(self, index: int) -> bool:
        """"joosts moeder", "over liekes zaak": a given name with a genitive "s" and no ordinary word, before
        a word (its owner's relation or thing)."""
        token = self.tokens[index]
        word = token.lower
        if len(word) < 5 or not word.endswith("s") or not self._adjacent(index, index + 1) \
                or self.lists.ordinary(word) and word not in self.lists.surnames or self._is_given(word):
            return False
        stem = word[:-1]
        if not self._is_given(stem) or self._ambiguous(stem) or stem in self.lex.not_alone or self._blocked(token):
            return False
        nxt = self.tokens[index + 1].lower
        return nxt in self.lex.relations or (nxt not in self.lex.possessives and nxt not in self.lex.subject_verbs
                                             and nxt not in CLAUSE_JOINERS and nxt not in self.lex.name_particles
                                             and nxt not in self.lex.not_names_after_cue and len(nxt) > 2)

    def _here_opening(self, index: int) -> bool:
        """"sanne hier, het gaat weer mis", "hoi, noor hier": a given name (also one that is a word) opening the
        message or after a greeting, then "hier" ending the clause: how someone introduces themselves."""
        tokens = self.tokens
        if index + 1 >= len(tokens) or tokens[index + 1].lower not in HERE or not self._adjacent(index, index + 1):
            return False
        if not self._clause_end(index + 1) and not (index + 2 < len(tokens) and self._adjacent(index + 1, index + 2)
                                                    and tokens[index + 2].lower in HERE_GOES_ON):
            return False  # round 21: "<name> hier ben 16", "<name> hier ik heb een vraag": the introduction goes on
        opening = index == 0 or (index == 1 and tokens[0].lower in self.lex.greetings
                                 and self._adjacent(0, 1, COMMA_OR_SPACE))
        return opening and self._plain_given(index) and tokens[index].lower not in self.lex.sentence_starters

    def _relation_subject(self, index: int) -> Optional[int]:
        """"fleur is mijn zusje en ze is bang", "daan van der meer is mijn stiefvader": at the start of a sentence a
        name (any list, a surname or no word) and its surname, then "is"/"was", a possessive and a relation word
        ending the clause; the last token of the name."""
        tokens, token = self.tokens, self.tokens[index]
        word = token.lower
        if not token.sentence_start or word in PLACE_ADVERBS or word in INVERSION_OPENERS or self._blocked(token) \
                or word in self.lex.possessives or word in self.lists.places:
            return None
        if word in self.lex.subject_verbs and not (self._is_given(word) and token.cap):
            return None  # round 13: "Wil is mijn oma": a given name that is a verb too, capitalised
        if not (self._is_given(word) or word in self.lists.surnames or self._unknown(token) or self._rare_word(token)):
            return None
        last = self._surname_end(index)
        link = last + 1
        if link + 2 >= len(tokens) or tokens[link].lower not in RELATION_LINKS or not self._adjacent(last, link) \
                or tokens[link + 1].lower not in DUTCH_POSSESSIVES or not self._adjacent(link, link + 1) \
                or not self._adjacent(link + 1, link + 2):
            return None
        relation = link + 2
        if tokens[relation].lower in RELATION_ADJECTIVES and self._adjacent(relation, relation + 1):
            relation += 1
        if relation >= len(tokens) or tokens[relation].lower not in self.lex.relations:
            return None
        ends = self._clause_end(relation) or (relation + 1 < len(tokens) and self._adjacent(relation, relation + 1)
                                              and (tokens[relation + 1].lower in PRONOUNS_3
                                                   or tokens[relation + 1].lower in CLAUSE_JOINERS))
        return last if ends else None

    def _before_pronoun(self, index: int) -> bool:
        """"ik wil hulp voor jade, ze is pas 5": a given name (also one that is a word) after a preposition, then a
        comma and "ze"/"hij" opening a clause about that person."""
        tokens = self.tokens
        if index < 1 or index + 1 >= len(tokens) or tokens[index - 1].lower not in APPOSITION_PREPOSITIONS \
                or not self._adjacent(index - 1, index) or not self._adjacent(index, index + 1, COMMA) \
                or tokens[index + 1].lower not in PRONOUNS_3:
            return False
        token = tokens[index]
        return (self._word_name(token) or self._curated_given(token)) and not self._function_word(token) \
            and token.lower not in SEASONS

    def _hurt_object(self, index: int) -> bool:
        """"hij pakte senna bij haar arm", "ze sloeg lente", "toen sloeg hij daan weer": a given name (also one that
        is a word) right after a verb of hurting or grabbing someone (and its subject), before a preposition, "weer"
        or the end of the clause."""
        tokens = self.tokens
        verb = index - 1
        if verb >= 1 and tokens[verb].lower in PRONOUNS_3 and self._adjacent(verb - 1, verb):
            verb -= 1  # "toen sloeg hij daan weer": the subject after the verb
        if index < 1 or tokens[verb].lower not in HURT_VERBS or not self._adjacent(index - 1, index):
            return False
        token = tokens[index]
        if token.lower in SEASONS or not self._word_name(token):
            return False
        return self._clause_end(index) or (index + 1 < len(tokens) and self._adjacent(index, index + 1)
                                           and tokens[index + 1].lower in OBJECT_FOLLOWERS)

    def _curated_at_end(self, index: int) -> bool:
        """"ik mis opa jan", "mijn broer bas.": after a relation word or a title, a given name of the curated lists
        that is also a word ends the clause."""
        token = self.tokens[index]
        # round 22: "ik ben bang van mijn oom said": in a Dutch message after a Dutch possessive and a relation word a
        # curated name that opens English sentences ("said", "will") ends the clause as a name
        english = token.lower in self.lex.sentence_starters and self.dutch_message and not self.english \
            and token.lower not in self.lists.frequent_nl and index >= 2 \
            and self.tokens[index - 1].lower in self.lex.relations \
            and self.tokens[index - 2].lower in DUTCH_POSSESSIVES
        return token.lower in self.lex.given_names and (token.lower not in self.lex.sentence_starters or english) \
            and not self._blocked(token) and (token.lower not in self.lex.subject_verbs or english) \
            and self._clause_end(index) and token.lower not in self.lists.places

    def _inverted_subject(self, index: int) -> bool:
        """"toen kwam sky binnen", "gisteren zei dex dat ...": after a word of time and a finite verb that takes a
        person, a given name (also one that is a word) is the subject."""
        tokens = self.tokens
        if index < 2 or tokens[index - 2].lower not in INVERSION_OPENERS or not self._adjacent(index - 2, index - 1) \
                or not self._adjacent(index - 1, index):
            return False
        verb, opener, word = tokens[index - 1].lower, tokens[index - 2].lower, tokens[index].lower
        if opener not in INVERSION_OPENERS or not (verb in self.lex.subject_verbs or verb in self.lex.person_verbs) \
                or verb in AND or word in SEASONS or self._verb_form(word):
            return False
        if verb in COPULAS:  # "nu is winter voorbij": after "is" only a name of the curated lists
            return self._curated_given(tokens[index]) and not self._function_word(tokens[index])
        return self._word_name(tokens[index])

    def _paired(self, index: int) -> bool:
        """"bij ilse en mila", "kim and iris": two given names of the curated lists joined by "en"/"and", none a
        frequent word, a word the bot uses, a place or a word that often opens a sentence."""
        tokens = self.tokens
        if tokens[index].lower not in self.lex.given_names:
            return False
        for other, link in ((index + 2, index + 1), (index - 2, index - 1)):
            if 0 <= other < len(tokens) and tokens[link].lower in AND and self._adjacent(min(index, other), link) \
                    and self._adjacent(link, max(index, other)) \
                    and self._pair_name(tokens[index]) and self._pair_name(tokens[other]):
                return True
        return False

    def _pair_name(self, token: Token) -> bool:
        word, lex = token.lower, self.lex
        return word in lex.given_names and not self._frequent(token) and word not in lex.vocabulary \
            and word not in lex.sentence_starters and word not in lex.not_alone and word not in self.lists.places \
            and not self._blocked(token)

    def _owned_noun(self, index: int) -> bool:
        """"to moja wina", "een mercedes": a name of the big list only (not the curated ones) right after a
        possessive or an article is a noun of another language or a brand; a person's name takes neither."""
        token = self.tokens[index]
        if index == 0 or token.lower in self.lex.given_names or not self._adjacent(index - 1, index):
            return False
        before = self.tokens[index - 1].lower
        return before in self.lex.possessives or before in ("een", "a", "an", "this", "dit", "deze")

    def _greeted(self, index: int) -> bool:
        """"met bas hier", "hoi, met sanne": a given name after "met" at the start of a message or after a greeting
        (the way a phone call opens), or before "hier"."""
        tokens = self.tokens
        if index == 0 or tokens[index - 1].lower != "met" or not self._adjacent(index - 1, index) \
                or not self._plain_given(index) and not (tokens[index].lower in self.lex.lowercase_words
                                                         and tokens[index].lower not in self.lex.sentence_starters):
            return False
        here = index + 1 < len(tokens) and tokens[index + 1].lower == "hier" and self._adjacent(index, index + 1)
        opening = index == 1 or (index >= 2 and tokens[index - 2].lower in self.lex.greetings
                                 and self._adjacent(index - 2, index - 1, COMMA_OR_SPACE) and index - 2 == 0)
        return here or (opening and self._clause_end(index))

    def _plain_given(self, index: int) -> bool:
        """A given name of any list that is no function word, relation word or title ("mama", "juf")."""
        token, lex = self.tokens[index], self.lex
        return self._is_given(token.lower) and not self._function_word(token) and token.lower not in lex.relations \
            and token.lower not in lex.titles and token.lower not in self.lists.places

    def _stayed_with(self, index: int) -> bool:
        """"ik heb bij dewi geslapen", "bij june thuis": a given name between "bij" and a word of staying
        (stay_words)."""
        tokens = self.tokens
        return 0 < index < len(tokens) - 1 and tokens[index - 1].lower == "bij" \
            and tokens[index + 1].lower in self.lex.stay_words and self._adjacent(index - 1, index) \
            and self._adjacent(index, index + 1) \
            and (self._plain_given(index) or tokens[index].lower in self.lex.not_alone)  # "bij june thuis"

    def _spelled(self, index: int) -> bool:
        """"sara met 1 r", "jaimy met een y": a given name spelled out by a letter."""
        found = SPELLED.match(self.text, self.tokens[index].end)
        return found is not None and found.group(1).lower() in self.lex.spelled_links and self._plain_given(index)

    def _relation_of(self, index: int) -> bool:
        """"de zus van milan", "de vader van kim": a given name after a relation word and "van"."""
        tokens = self.tokens
        return index > 1 and tokens[index - 1].lower == "van" and tokens[index - 2].lower in self.lex.relations \
            and self._adjacent(index - 2, index - 1) and self._adjacent(index - 1, index) and self._plain_given(index)

    def _named_surname(self, index: int) -> bool:
        """"heet giovanni rossi": after a naming cue and a name, the next word is a surname unless it is a word
        of the sentence (a function word, a verb, a word the bot uses, a place)."""
        if index >= len(self.tokens) or not self._adjacent(index - 1, index) or not self.dutch_message:
            return False
        token = self.tokens[index]
        word = token.lower
        return len(word) >= MIN_UNKNOWN_LENGTH and not self._function_word(token) and word not in self.lex.vocabulary \
            and word not in self.lists.places and not self._verb_form(word) and not self._degree(word) \
            and not self._verb_stem(word) and not self._compound(word, relaxed=True) and not token.sentence_start

    def _verb_stem(self, word: str) -> bool:
        """"woon", "zit", "ga": the first person of a verb ("ik heet sanne woon in utrecht")."""
        known = self.lists.ordinary
        doubled = len(word) > 2 and word[-2] == word[-3] and word[-2] in "aeiou"
        forms = (word + "en", word + word[-1] + "en", word[:-2] + word[-1] + "en" if doubled else "", word + "n")
        return any(form and known(form) for form in forms)

    def _only_word(self, index: int) -> bool:
        """A message that is one given name ("noor"): the answer to "hoe heet je?"; not a word the bot uses, and
        a short one only from the curated lists and no word ("hai", "joe", "ty" are greetings)."""
        token, lex = self.tokens[index], self.lex
        word = token.lower
        short = len(word) <= SHORT_NAME and (word not in lex.given_names or word in lex.lowercase_words)
        given = self._curated_given(token) or (token.cap and self._is_given(word) and word not in self.lists.places)
        return len(self.tokens) == 1 and given and not self._function_word(token) \
            and word not in lex.vocabulary and not short

    def _span(self, first: int, last: int) -> Span:
        """The name from token `first` to `last`, without the ending of a given name: "[NAAM]'s moeder",
        "[NAAM]'in arabası"."""
        token = self.tokens[last]
        base = _without_ending(token.lower)
        end = token.start + len(base) if base != token.lower and self._is_given(base) else token.end
        start = self.tokens[first].start
        initials = INITIALS_BEFORE.search(self.text, max(0, start - 8), start)
        if initials is not None and len(self.tokens[first].text) == 1 \
                and "n.v" not in self.text[initials.start():end].lower().replace(" ", ""):  # not "t.n.v."
            start = initials.start()  # "j.k. de boer": more initials before the first
        return Span(start, end, "NAAM")

    def spans(self) -> Iterator[Span]:
        for first, last in self._starts():
            if first > 0 and self.tokens[first].cap and self.tokens[first - 1].lower in CAR_BRANDS \
                    and self._adjacent(first - 1, first):
                continue  # round 22: "(Volkswagen Touran)": a car's model after its brand
            end = self._surname_end(last)
            if HYPHEN_PARTICLE.search(self.tokens[end].lower) and end + 1 < len(self.tokens) \
                    and self._adjacent(end, end + 1) and not self._blocked(self.tokens[end + 1]) \
                    and self.tokens[end + 1].lower not in self.lex.subject_verbs:
                end += 1  # "mevrouw jansen-de boer": a double surname whose second part opens with a particle
            if end == last and last in self.named and self._named_surname(last + 1):
                end = last + 1
            yield self._span(first, end)
            named = first in self.named
            for _ in range(MAX_SURNAME_TOKENS):  # "ton en ria en ..."
                nxt = self._coordinated(end, named)
                if nxt is None:
                    break
                end = self._surname_end(nxt)
                yield self._span(nxt, end)


def _payees(text: str) -> Iterator[Span]:
    """"t.n.v. m. yilmaz", "op naam van J. de Vries": the account holder after a bank's naming cue: initials,
    particles and one or two words that are no function word."""
    lists = word_lists()
    for match in PAYEE.finditer(text):
        words = [w for w in match.group("words").split() if w]
        keep = 0
        for count, word in enumerate(words, 1):
            lower = word.lower()
            if lower in lists.frequent_nl and lower not in NAME_PARTICLE_WORDS:
                break
            keep = count
        if keep:
            start = match.start("name")
            end = match.start("words") + len(" ".join(words[:keep])) if match.group("words") else match.end("name")
            yield Span(start, end, "NAAM")


def _nicknames(finder: NameFinder) -> Iterator[Span]:
    """"iedereen noemt hem de stier", "noemen ze hier allemaal dikke kees", "wordt grote joep genoemd", "noemt zich
    lil jay", "iedereen zegt pietje": a nickname after a verb of calling and its objects (a possessive and a relation
    word too: "noemt mijn oom kleine henk"), or between "wordt"/"werd" and "genoemd": "de" or a word of
    `nickname_words` and a word that is no frequent word, or one given name or unknown word."""
    tokens, lex = finder.tokens, finder.lex
    for index, token in enumerate(tokens):
        word = token.lower
        if word in NICK_VERBS or (word in ("zegt", "zeggen") and index > 0 and tokens[index - 1].lower == "iedereen"):
            probe, skipped = index + 1, 0
            while probe < len(tokens) and skipped < 4 and finder._adjacent(probe - 1, probe) \
                    and (tokens[probe].lower in NICK_SKIP or tokens[probe].lower in lex.relations
                         or (tokens[probe].lower in lex.possessives  # "noemt hem de beer": "de" opens the nickname
                             and not (tokens[probe].lower == "de" and skipped and probe + 1 < len(tokens)  # a surname
                                      and tokens[probe + 1].lower in finder.lists.surnames
                                      and tokens[probe + 1].lower not in lex.relations
                                      and not finder._function_word(tokens[probe + 1])))):
                probe, skipped = probe + 1, skipped + 1
            if word in ("zegt", "zeggen") and skipped:
                continue
            # round 19: "iedereen noemt hem ...", "we noemen haar ...": what a group calls someone is a nickname
            habitual = index > 0 and tokens[index - 1].lower in HABITUAL_SUBJECTS and word in NICK_VERBS
            found = _nickname_at(finder, probe, single=word not in ("zegt", "zeggen"), habitual=habitual)
            if found is not None:
                yield finder._span(probe, found)
        elif word == "zich" and index + 2 < len(tokens) and tokens[index + 2].lower in NICK_VERBS \
                and finder._adjacent(index, index + 1) and finder._adjacent(index + 1, index + 2) \
                and not finder._function_word(tokens[index + 1]) and len(tokens[index + 1].lower) > 1 \
                and tokens[index + 1].lower not in finder.lists.frequent_nl:
            yield finder._span(index + 1, index + 1)  # round 19: "iemand die zich noor noemde"
        if word in SAY_VERBS and index + 3 < len(tokens) and tokens[index + 2].lower == "tegen" \
                and tokens[index + 3].lower in SAID_TO and finder._adjacent(index, index + 1) \
                and finder._adjacent(index + 1, index + 2) and not finder._function_word(tokens[index + 1]) \
                and tokens[index + 1].lower not in finder.lists.frequent_nl \
                and tokens[index + 1].lower not in GREETINGS:
            yield finder._span(index + 1, index + 1)  # round 19: "iedereen zegt riet tegen haar": what she is called
        elif word in ("wordt", "werd") and index + 2 < len(tokens):
            for last in (index + 1, index + 2):
                if last + 1 < len(tokens) and tokens[last + 1].lower == "genoemd" \
                        and all(finder._adjacent(i, i + 1) for i in range(index, last + 1)) \
                        and not any(finder._function_word(t) and t.lower not in lex.nickname_words
                                    for t in tokens[index + 1:last + 1]):
                    yield finder._span(index + 1, last)
                    break


def _nickname_at(finder: NameFinder, index: int, single: bool, habitual: bool = False) -> Optional[int]:
    """Last token of a nickname that starts at `index`, if one does."""
    tokens, lex, lists = finder.tokens, finder.lex, finder.lists
    if index >= len(tokens) or (index > 0 and not finder._adjacent(index - 1, index)):
        return None
    token = tokens[index]
    if (token.lower in lex.nickname_words or token.lower == "de") and index + 1 < len(tokens) \
            and finder._adjacent(index, index + 1):
        name = tokens[index + 1]
        given = finder._is_given(name.lower) and name.lower not in lex.subject_verbs  # "dikke ben"
        if (given or not finder._function_word(name)) and not (finder.english and name.lower in lists.frequent_en) \
                and not name.lower.endswith(("ste", "st")) and name.lower not in lex.possessives:
            return index + 1
        return None
    word = token.lower
    given = finder._is_given(word) or word in lex.given_names or not lists.ordinary(word) or word in lists.rare
    if given and not finder._function_word(token) and not (finder.english and word in lists.frequent_en) \
            and len(word) > 2 \
            and (single or finder._clause_end(index)):
        return index
    # round 19: "iedereen noemt hem bulldozer omdat": after calling someone, a word that is no frequent word ends the
    # nickname where the clause ends or a conjunction follows
    closes = finder._clause_end(index) or (index + 1 < len(tokens) and tokens[index + 1].lower in CLOSING_AFTER)
    describing = any(word + ending in lists.dutch for ending in ("e", word[-1:] + "e"))  # "dom": "domme"
    if habitual and closes and word not in INSULTS and not finder._function_word(token) \
            and word not in lists.frequent_nl and word not in lists.frequent_en and len(word) > 2 \
            and not finder._verb_form(word) and not describing:
        return index
    return None


def _repeated(finder: NameFinder, spans: list[Span]) -> Iterator[Span]:
    """"ik bedoel jade, niet de steen, maar mijn zus jade": a given name found as a name is a name wherever else it
    stands in the message (unless it is a frequent word)."""
    text, tokens, lists = finder.text, finder.tokens, finder.lists
    found = {text[s.start:s.end].lower() for s in spans if s.kind == "NAAM"}
    found = {w for w in found
             if " " not in w and (finder._is_given(w) or w in finder.lex.given_names) and w not in lists.frequent_nl
             and not (finder.english and w in lists.frequent_en)}
    if not found:
        return
    taken = [(s.start, s.end) for s in spans]
    for token in tokens:
        if token.lower in found and not any(a <= token.start < b for a, b in taken):
            yield Span(token.start, token.end, "NAAM")


# Round 20: ringing someone's doorbell names the family on it: "aanbellen bij de Vries", "bel aan bij van Dam".
DOORBELL = re.compile(r"(?i)(?<![\w])(?:aan\s?bellen|aangebeld|bel\s+aan|belt\s+aan|belde\s+aan"
                      r"|ring\s+(?:the\s+bell\s+)?(?:at|for))\s+(?:bij\s+)?(?:(?:de\s+)?familie\s+|fam\.?\s+)?")


def _doorbell(finder: NameFinder) -> Iterator[Span]:
    """Round 20: after ringing at someone's door ("aanbellen bij", "bel aan bij", "ring at") the family name on
    the bell: particles and a word in any case ("de Haan", "van der steen"), or a capitalised word, a listed surname
    or a given name without them; not a function word or a possessive ("aanbellen bij mijn oma")."""
    text, tokens, lex, lists = finder.text, finder.tokens, finder.lex, finder.lists
    for match in DOORBELL.finditer(text):
        first = next((i for i, t in enumerate(tokens) if t.start >= match.end()), None)
        if first is None or tokens[first].start != match.end():
            continue
        last = first
        while last + 1 < len(tokens) and tokens[last].lower in lex.name_particles and finder._adjacent(last, last + 1):
            last += 1
        name = tokens[last]
        if name.lower in lex.possessives or name.lower in lex.non_names or name.lower in lex.relations \
                or name.lower in lex.person_nouns or finder._function_word(name) and last == first:
            continue
        articles = all(t.lower in ("de", "het", "'t", "t") for t in tokens[first:last])
        if last > first and articles and not name.cap \
                and (name.lower not in lists.surnames or name.lower in lists.frequent_nl):
            continue  # "aanbellen bij de achterdeur", "bij de bovenste bel"
        named = last > first or name.cap or name.lower in lists.surnames or finder._is_given(name.lower)
        if named and not (last == first and name.lower in lists.frequent_nl and not name.cap):
            yield Span(tokens[first].start, name.end, "NAAM")


# Round 20: a name corrected to another: "sem? ik bedoel daan", "lotte, i mean lieke".
CORRECTED = re.compile(r"(?i)(?<![\w])([^\W\d_]+)\s*[?!.,]*\s+(?:nee\s*,?\s*)?(?:ik\s+bedoel|i\s+mean)\s+([^\W\d_]+)")


def _corrected(finder: NameFinder, spans: list[Span]) -> Iterator[Span]:
    """Round 20: a given name (also one that is a word) before "ik bedoel"/"i mean" and the name found after it: the
    writer corrects one name with another, both name people ("tim? ik bedoel tom")."""
    names = [s for s in spans if s.kind == "NAAM"]
    for match in CORRECTED.finditer(finder.text):
        word = match.group(1).lower()
        if any(s.start <= match.start(2) < s.end for s in names) and finder._is_given(word) \
                and word not in finder.lex.possessives and word not in finder.lists.frequent_nl:
            yield Span(match.start(1), match.end(1), "NAAM")


def _shop_after_article(text: str, span: Span, chains: tuple[tuple[str, ...], ...]) -> bool:
    """Round 15: "naar de albert heijn": a shop of more words after an article is a place, not a person."""
    words = tuple(text[span.start:span.end].lower().split())
    before = text[:span.start].rstrip().rsplit(None, 1)
    return len(words) > 1 and words in chains and bool(before) and before[-1].lower() in ("de", "het", "the")


# round 15: "iemand die linda heette", "een vriend die milan heet": a given name between "die"/"dat" and "heet"
CALLED_BETWEEN = re.compile(r"(?i)(?<![\w])(?:die|dat|who)\s+([^\W\d_]+)\s+(?:heet|heette|heten|heetten)(?![\w])")


def _called_between(text: str) -> Iterator[Span]:
    lists = word_lists()
    for match in CALLED_BETWEEN.finditer(text):
        word = match.group(1).lower()
        if word in lists.given_names and word not in lists.frequent_nl and word not in lists.frequent_en:
            yield Span(match.start(1), match.end(1), "NAAM")


# round 17: "Samira B.", "mohammed b. en hij ...": a surname's initial with its full stop after a name
INITIAL_AFTER = re.compile(r"\s[^\W\d_]\.(?=\s|$|[,;:!?)])")
INITIAL_DOT = re.compile(r"(?<=\s[^\W\d_])\.(?=\s|$|[,;:!?)])")


def _with_initial(text: str, span: Span) -> Span:
    """Round 17: a name with the initial of its surname after it, full stop included ("Samira B.")."""
    dot = INITIAL_DOT.match(text, span.end) if span.end - span.start > 2 else None
    initial = dot or INITIAL_AFTER.match(text, span.end)
    return Span(span.start, initial.end(), span.kind) if initial else span


def names(text: str, tokens: list[Token], lex: Lexicon) -> Iterator[Span]:
    finder = NameFinder(text, tokens, lex)
    spans = [_with_initial(text, s) for s in finder.spans() if not _shop_after_article(text, s, lex.chains)]
    if "heet" in text.lower() or "heten" in text.lower():
        spans += list(_called_between(text))
    if any(t.lower in NICK_VERBS or t.lower in ("genoemd", "zegt", "zeggen") for t in tokens):
        spans += list(_nicknames(finder))
    yield from spans
    yield from _repeated(finder, spans)
    if "bedoel" in text.lower() or "i mean" in text.lower():
        yield from _corrected(finder, spans)
    lower = text.lower()
    if "bel" in lower or "ring" in lower:
        yield from _doorbell(finder)
    if "n.v" in lower or "tnv" in lower or "n. v" in lower or "naam van" in lower:
        yield from _payees(text)
