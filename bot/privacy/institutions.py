"""Schools, clubs and workplaces that name where someone is: "basisschool De Klimop", "obs de regenboog",
"Berlage Lyceum", "Dr. Schaepmanschool", "het cals college", "garage van Tol", "MHC de Pauw", and the shop
or firm after "ik werk bij" ("Albert Heijn Zuidplein", "de albert heijn in noord"). An article right before
the name belongs to it ("op [het Erasmus College]")."""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Optional

from bot.privacy.lexicon import Lexicon, bot_word, by_first_word, first_words
from bot.privacy.spans import Span
from bot.privacy.tokens import Token, gap
from bot.privacy.wordlists import word_lists

ARTICLES = frozenset({"de", "het", "'t", "t", "the"})  # "t": the token of "'t" ("basisschool 't palet")
MAX_NAME_WORDS = 3
# Adjective forms describe a school and name none: "het christelijk college", "de islamitische school".
ADJECTIVE_ENDINGS = ("isch", "ische", "lijk", "lijke", "ig", "ige", "baar", "bare", "ief", "ieve", "se")
# round 17: "św." (Polish "saint") too
ABBREVIATED = frozenset({"st", "dr", "mgr", "prof", "ds", "mr", "kon", "pr", "gebr", "św", "sw"})
FIRM_OPENERS = frozenset({"gebr", "gebroeders", "fa", "firma"})  # "transportbedrijf gebr. van dam"
AREA_LINKS = frozenset({"in", "aan", "op"})  # "albert heijn in noord"
# A club's founding year after its name: "DOS '46", "dosko 32" (two digits, not a count: "12 jaar").
CLUB_YEAR = re.compile(r"(?: ['’]?|['’])[0-9]{2}(?![\w'’])")  # round 14: "dos'46" too
UNIT_AFTER = re.compile(r"\s+([^\W\d_]+)")
CLUB_HEADS = frozenset({"vv", "sv", "svv", "rkvv", "cvv", "hc", "fc", "mhc", "hv", "kv", "kc", "zv", "rkhvv", "rksv",
                        "vvv", "ksv", "av", "gv", "tc", "ltc", "zc", "ttv", "avv", "rkavv", "bc"})  # round 16: avv, bc
# "op de regenboog in groep 6", "op het minkema in de brugklas": a school class after the school's name.
CLASS_AFTER = re.compile(r"(?i)\s+in\s+(?:(?:groep|klas|leerjaar)\s*[0-9]{1,2}[a-z]?|de\s+(?:brugklas|[0-9]e\s+klas)"
                         r"|[0-9]\s*(?:havo|vwo|vmbo|mavo|gym|atheneum|tl|kader|basis)|the\s+[0-9]+(?:st|nd|rd|th)\s+grade)"
                         r"(?![\w])")
# "de fontein, dat is mijn school": a name before "dat is" and a possessive with a kind word.
THAT_IS_MY = re.compile(r"(?i)\s*,?\s*(?:dat|die|that)\s+(?:is|was|'s)\s+(?:mijn|m'n|mn|zijn|haar|onze|my|his|her|our)"
                        r"\s+(?:school|basisschool|werk|kerk|moskee|club|sportclub|vereniging|opvang|kinderopvang|"
                        r"werkplek|stage|stageplek|school\s+now)(?![\w])")
# Kind words before "dat/die ... heet": "een bedrijf dat vanderlande heet", "een school die de klimop heet".
GENERIC_KINDS = frozenset({"bedrijf", "bedrijfje", "school", "club", "winkel", "zaak", "kerk", "vereniging", "opvang",
                           "praktijk", "stichting", "organisatie", "firma", "fabriek", "kantoor", "restaurant",
                           "moskee", "ziekenhuis", "kliniek", "instelling", "sportschool", "kinderopvang", "crèche"})
# Round 22: venues of youth and sport before their name ("Sportcentrum De Kuil", "Jeugdhuis ..."): places people go
# to, so a name only when a capitalised word follows ("het zwembad aan de ..." names none)
VENUE_HEADS = frozenset({"jeugdhuis", "sportcentrum", "sporthal", "zwembad", "sportpark", "ijsbaan", "wijkcentrum",
                         "wijkgebouw", "jongerenhuis"})
# Round 22: an English trade after a brand ("Heineken brewery") or a plural profession after a family name ("Van
# Dongen Advocaten"); a frequent word in lower case or opening the sentence before it names none
# ("Local factory threatens ...", "Goede advocaten zijn duur"); nor before a plural profession
ENGLISH_TRADES = frozenset({"brewery", "factory", "warehouse", "advocaten", "notarissen", "accountants", "makelaars"})
# Round 22: words for any firm that an apposition may name ("a cleaning company, CleanStar, and ..."), only with a
# capitalised name between the commas.
GENERIC_FIRMS = frozenset({"company", "firm", "business", "agency", "bedrijf", "bedrijfje", "firma"})
SCHOOL_SAID = re.compile(r"(?i)(?<![\w])(?:groep|klas|leerjaar)\s*[0-9]{1,2}[a-z]?(?![\w])")  # round 20
SCHOOL_CLASS = re.compile(r"(?i)(?<![\w])(?:groep|klas|class|grade|leerjaar)\s*[0-9]{1,2}[a-z]?\s+$")
# Round 20: a year and level of secondary school, the first year, a level: "2 havo op het stedelijk", "de brugklas van
# het calvijn", "de havo van het dalton" (then a name that is no kind word or frequent word: not "op de fiets").
SCHOOL_LEVEL = re.compile(r"(?i)(?<![\w])(?:[0-9]\s*(?:havo|vwo|vmbo|mavo|gym|atheneum|tl|kader|basis)|brugklas"
                          r"|[0-9](?:e|de|ste)\s+klas|havo|vwo|vmbo|mavo)\s+$")
# Trades after a family name that make it a firm: "jansen transport", "van dijk installatietechniek".
FIRM_TAILS = frozenset({"transport", "logistiek", "logistics", "installatietechniek", "installaties", "bv", "vof",
                        "holding", "schoonmaakdiensten", "autoschade", "bouwbedrijf", "transportbedrijf"})
# Kind words too common to be a head: a name after them needs an article and a word that is no frequent, describing
# or plural word ("in de opvang de klimroos", not "in de opvang de regels").
WEAK_HEADS = frozenset({"opvang", "crisisopvang", "vrouwenopvang", "nachtopvang", "jongerenopvang", "instelling",
                        "jeugdinstelling", "zorginstelling", "onderwijs", "praktijkonderwijs", "leefgroep", "woongroep",
                        "behandelgroep", "jeugdgroep", "kliniek", "jeugdkliniek", "internaat", "tehuis", "kindertehuis",
                        "pleeggezin",
                        # round 11: a ward or building of a hospital or clinic ("afdeling de eik", "paviljoen de ...")
                        "afdeling", "paviljoen", "centrum"})
# "ik zit op leefgroep regenboog": after a preposition a weak head without an article names its group too.
WEAK_HEAD_PREPOSITIONS = frozenset({"op", "in", "bij", "naar", "van", "on", "at"})
# "rijn college locatie noord": a branch after the school's name is part of it.
BRANCH_WORDS = frozenset({"locatie", "vestiging", "campus", "afdeling"})
# "de brede school horizon": a school after these describing words is a kind of school whose name follows in lower
# case, as after "basisschool".
SCHOOL_KINDS = frozenset({"vrije", "brede", "openbare", "christelijke", "islamitische", "katholieke", "montessori",
                          "dalton", "jenaplan", "protestants-christelijke", "internationale"})
# Round 20: a school's method said as a noun names the town's school of that method ("op de montessori in delft").
SCHOOL_METHODS = frozenset({"montessori", "dalton", "jenaplan", "freinet", "waldorf", "vrijeschool"})
# round 16: the same kinds written as one word, and the international transition class: "de vrijeschool in zutphen"
GLUED_KINDS = frozenset({"vrijeschool", "montessorischool", "daltonschool", "jenaplanschool", "isk",
                         "montessoricollege", "montessorilyceum", "daltoncollege", "daltonlyceum"})
BARE_HEAD_PREPOSITIONS = frozenset({"in", "bij", "op", "naar", "uit", "van"})
# Kind words people say without an article and without a name: "naar school", "in kerk", "op college"
BARE_KINDS = frozenset({"school", "kerk", "moskee", "college", "universiteit", "hogeschool", "university", "gym",
                        "kapper", "restaurant", "cafe", "café", "hotel", "supermarkt", "garage", "huize", "salon",
                        "mbo", "havo", "vwo", "vmbo", "mavo", "stichting", "scouting", "church", "mosque", "hospital",
                        "clinic", "daycare", "nursery", "kindergarten", "schule", "okul", "disco", "praktijk",
                        "gevangenis", "kinderopvang", "opvang", "bso", "dagbesteding", "sportschool", "dansschool"})
NAME_OPENERS = frozenset({"team", "crew", "studio"})  # round 13: a club's name opening with "team" after its kind word
WORK_ADVERBS = frozenset({"nu", "ook", "soms", "graag", "al", "nog", "daar", "toen", "now", "also"})  # "werkt nu bij"
ROLE_LINKS = frozenset({"als", "as", "op", "in", "aan", "at"})  # "werkt als kok bij", "werkt op het vliegveld bij"
# Round 13: a part of a firm between a work cue and the firm: "werk bij het callcenter van ziggo".
FIRM_PARTS = frozenset({"kinderopvang", "bso", "opvang", "crèche", "creche", "locatie", "vestiging",  # round 14
                        "callcenter", "klantenservice", "servicedesk", "helpdesk", "hoofdkantoor", "magazijn",
                        "distributiecentrum", "kantoor", "afdeling", "filiaal", "winkel", "fabriek", "keuken", "kassa"})
HET_PREPOSITIONS = frozenset({"op", "van", "in", "naar", "bij", "aan", "at", "to"})
NAMING_VERBS = frozenset({"is", "was", "heet", "heette", "called", "named"})  # "mijn school heet ..."
CALLED = frozenset({"heet", "heette", "called", "named"})
# A compound ending in one of these is a kind word when a capitalised name follows it: "judovereniging Kyu Shin",
# "volleybalclub Red Lions", "verhuisbedrijf Snel", "drukkerij De Vries", "schoenmaker Pieters".
KIND_ENDINGS = ("vereniging", "club", "bedrijf", "school", "studio", "praktijk", "erij", "maker", "handel", "winkel",
                "salon", "zaak", "fabriek", "kantoor", "bureau", "academie", "center", "gym")
PLACE_TAILS = frozenset({"university", "universiteit", "hogeschool", "ziekenhuis", "hospital", "college", "academy"})
# Trades before a family name: "tandarts de vries", "makelaardij van dijk", "schoenmaker pieters" name a practice.
TRADES = frozenset({"tandarts", "huisarts", "fysiotherapeut", "fysio", "bakker", "slager", "kapper", "makelaar",
                    "makelaardij", "notaris", "advocaat", "advocatenkantoor", "fietsenmaker", "schilder", "loodgieter",
                    "aannemer", "hovenier", "installateur", "garagehouder", "drukker", "kweker", "timmerman"})
KIND_WORDS = frozenset({"gym", "center", "dojo"})  # a kind word of its own before a capitalised name: "gym Fightzone"
# A school by its number: "szkoła podstawowa nr 5", "szkoły podstawowej nr 12" (Polish), "basisschool nr 3".
NUMBERED_SCHOOL = re.compile(r"(?i)(?<![\w])(?:szko[łl][aeyę]?|przedszkol[aeu]|liceum|gimnazjum|basisschool)"
                             r"(?:\s+[^\W\d_]+){0,2}?\s+(?:nr|numer)\.?\s*[0-9]{1,3}(?![\w])")
# "Snel & Co", "Jansen & Zn": a firm's tail after an ampersand.
FIRM_AMPERSAND = re.compile(r"(?:\s*&\s*|\s+en\s+)(?:Co|co|Zn|zn|Zonen|zonen|Zoon|zoon|Partners|partners)(?![\w])\.?")
# Words that follow a name, not a noun: "loonbedrijf ter haar en ...", "ter haar hij ..." (not "ter haar bescherming").
AFTER_NAME_WORDS = frozenset({"en", "maar", "in", "aan", "op", "bij", "hij", "zij", "ze", "die", "dat", "want", "of",
                              "is", "was", "met", "uit", "te", "and", "heeft", "had", "zit", "werkt", "woont"})
# After a name between commas: "een snackbar, de gouden draak, en daar ...", "..., waar ik werk".
APPOSITION_CLOSERS = frozenset({"en", "maar", "die", "dat", "waar", "daar", "is", "was", "heet", "and", "which",
                                "where"})
# Round 14: cues of a sport, a club or unpaid work are read like cues of work before a chain or a firm word ("traint
# bij trainmore", "speelt bij ajax", "lid van ...", "vakkenvul bij de vomar").
MEMBER_WORDS = frozenset({"train", "traint", "trainen", "trainde", "speel", "speelt", "spelen", "speelde", "sport",
                          "sporten", "sportte", "lid", "stage", "bijbaan", "bijbaantje", "baan", "baantje", "job",
                          "vrijwilliger", "vrijwilligster", "vrijwilligerswerk", "vakkenvul", "vakkenvult",
                          "trains", "training", "play", "plays", "volunteer", "aangenomen", "solliciteer",
                          "gesolliciteerd", "bijles", "les", "zwemles", "dansles", "therapie"})
# Round 19: verbs of a sport played in a club: after one and "bij" a lower-case word that is no frequent, function or
# person word is the club ("voetbalt bij sparta nijkerk", "hockeyt bij kampong"), with its town.
SPORT_VERBS = frozenset({"voetbal", "voetbalt", "voetbalde", "voetballen", "hockey", "hockeyt", "hockeyde", "korfbal",
                         "korfbalt", "handbal", "handbalt", "tennis", "tennist", "turn", "turnt", "turnde", "zwem",
                         "zwemt", "judo", "judoot", "boks", "bokst", "kickbokst", "rugbyt", "volleybalt", "basketbalt",
                         "train", "traint", "trainde", "trainen", "waterpoloot", "roei", "roeit", "schaatst"})
# Round 20: a sport said as a noun before "bij" opens a club's name as a verb of sport does ("speelt basketbal bij
# ...", "zit op judo bij ...", "doet aan boksen bij ..."), and more verbs of a sport.
SPORT_NOUNS = frozenset({"voetbal", "basketbal", "volleybal", "handbal", "korfbal", "hockey", "honkbal", "softbal",
                         "rugby", "tennis", "judo", "karate", "taekwondo", "boksen", "kickboksen", "turnen", "dansen",
                         "zwemmen", "waterpolo", "atletiek", "wielrennen", "schaken", "badminton", "tafeltennis",
                         "paardrijden", "ballet", "streetdance", "jiujitsu", "worstelen", "schermen", "roeien",
                         "basketball", "football", "soccer", "swimming", "dance", "gymnastics", "box", "boxt", "bokst",
                         "jiu-jitsu", "fitness", "krachtsport", "klimmen", "cheerleading", "twirlen", "majorette"})
# Round 14: a compound ending in one of these is a kind word before a name in lower case as well ("gymnastiekvereniging
# olympia", "korfbalclub dos'46", "loodgietersbedrijf bakker"), like the heads of `named_heads`.
NAMED_ENDINGS = ("vereniging", "club", "bedrijf", "bedrijven", "academie")
# Round 14: short acronyms of a school group after "het" or "op" alone name the school ("ik zit op het sg").
SCHOOL_GROUPS = frozenset({"sg", "csg", "rsg", "osg", "isg", "pcc", "ccl"})
# Round 14: firms and chains whose name has a sign or a digit inside (tokens are letters only).
SIGN_BRANDS = re.compile(r"(?i)(?<![\w&])(?:h\s?&\s?m|c\s?&\s?a|v\s?&\s?d|g4s|7-eleven|3m)(?![\w&])")
SIGN_CUES = re.compile(r"(?i)(?:werk\w*|stage|bijbaan\w*|baan\w*|job|works?|worked|beveiliger|bij|at|for|voor)"
                       r"\s+(?:(?:de|het|the)\s+)?$")
# "restaurant la piazza", "moskee al fourkaan": a foreign article opens a name after a kind word
FOREIGN_ARTICLES = frozenset({"la", "le", "il", "el", "al", "los", "las", "les", "da", "del"})
SAINT_FEASTS = frozenset({"maarten", "nicolaas", "niklaas", "juttemis"})  # "de sint maarten optocht": a feast
# Round 14: "hij is manager bij", "ik ben stagiair bij": a form of "zijn" and a job before "bij" is a cue of work.
ROLE_VERBS = frozenset({"is", "ben", "was", "bent", "werd", "word", "wordt", "als", "am", "as"})
JOB_ENDINGS = ("er", "ster", "eur", "euse", "ier", "iair", "iaire", "ist", "ant", "aar", "man", "vrouw", "kracht",
               "hulp", "leider", "werker", "medewerker", "docent", "chef", "baas", "coach", "arts", "juf", "or",
               "ice", "ent", "ling", "ee")
NOT_JOBS = frozenset({"later", "eerder", "weer", "meer", "minder", "verder", "ooit", "zeker", "lekker", "veel",
                      "over", "onder", "achter", "daar", "hier", "waar", "nooit", "erger", "beter", "liever", "zwanger",
                      "bang", "boos", "ziek", "thuis", "alleen", "samen", "bezig", "welkom", "klant", "patient",
                      "patiënt", "cliënt", "client", "binnen", "buiten", "voor", "door", "mee", "even", "heel",
                      "altijd", "vaker", "zelf", "nieuw", "jonger", "ouder", "groter", "kleiner", "geweest",
                      "langer", "eigenaar"})
SCHOOL_SEATS = frozenset({"zit", "zat", "zitten", "zaten", "studeer", "studeert", "studeerde", "studeren", "brugklas",
                          "klas", "groep", "leerling", "docent", "leraar", "lerares", "juf", "meester", "mentor"})
GYM_CHAINS = frozenset({"basic fit", "basic-fit", "basicfit", "sportcity", "trainmore", "fit for free", "jims",
                        "the jims", "anytime fitness", "snap fitness", "david lloyd"})
WORD_TOWNS = frozenset({"een", "best", "echt", "lent", "born", "nu"})  # towns that are function words too
TEAM_AFTER = re.compile(r"(?i)\s+(?:(?:meiden|meisjes|jongens|dames|heren|girls|boys)\s+(?:onder|o)\s*[0-9]{1,2}"
                        r"|(?:jo|mo)\s?[0-9]{1,2}(?:-[0-9])?)(?![\w])")
SQUAD = re.compile(r"[0-9]{1,2}(?:-[0-9])?(?![\w])")
# Round 17: an English name of an organisation after a Dutch preposition or article ("van Youth for Christ").
DUTCH_BEFORE_NAME = frozenset({"van", "bij", "de", "het", "op", "naar", "voor", "aan"})
ENGLISH_LINKS = frozenset({"for", "without"})  # not "of": Dutch "or" ("van Lisa of Emma")
# Round 17: a club's team or youth before "van" and the club: "de jeugd van Sparta", "de O13 van Feyenoord".
TEAM_WORDS = frozenset({"jeugd", "jeugdafdeling", "jeugdopleiding", "selectie", "jeugdselectie", "elftal", "junioren",
                        "pupillen", "senioren", "veteranen", "damesteam", "herenteam", "meidenteam", "jongensteam",
                        "youth", "academy"})
TEAM_CODE = re.compile(r"(?i)(?<![\w])(?:[jm]?o|u)\s?[0-9]{1,2}(?:-[0-9])?\s+$")
BY_AFTER = re.compile(r"\s+by\s+([^\W\d_]+)(?![\w])")
GLUED_AMPERSAND = re.compile(r"\s+([^\W\d_]{2,}&[^\W\d_]{2,})(?![\w&])")  # round 15: "bso kids&co"
# Round 21: a care organisation's kind word after its name ("... zorggroep", "... verslavingszorg"), after a cue of work
CARE_TAIL_ENDINGS = ("zorggroep", "zorg", "zorgcentrum", "zorgcentra", "woongroep")
# Round 21: "speelt korfbal bij dos '46", "bij hc '73": one to three words and the year a club was founded
CLUB_WITH_YEAR = re.compile(r"(?i)(?<![\w])(?:bij|van|tegen|voor|at)\s+((?:[^\W\d_][\w-]*\s+){0,2}[^\W\d_][\w-]*\s?['’]"
                            r"[0-9]{2})(?![\w'’])")
STATION_WORDS = frozenset({"centraal", "cs"})  # round 21: "utrecht centraal": a town's station names a branch
SITE_DESCRIBERS = frozenset({"hoog", "hoge", "nieuw", "nieuwe", "oud", "oude", "groot", "grote", "klein", "kleine"})
SPACED_DOMAINS = frozenset({"com", "nl"})  # round 21: "bol com", "coolblue nl": a web name written with a space
# Round 21: kinds of venue before their own name after a cue of work ("portier bij club rodeo")
VENUE_KINDS = frozenset({"club", "discotheek", "disco", "nachtclub", "bar", "café", "cafe", "eetcafé", "eetcafe",
                         "restaurant", "hotel", "lunchroom", "snackbar", "cafetaria", "shisha", "shishabar",
                         "lounge", "casino"})
WEB_DOMAINS = frozenset({"com", "nl", "be", "de", "eu", "org", "net", "io", "co"})  # round 15: a firm by its web name
# Round 19: a kind word of two words, a describing word and a noun that alone names nothing: "het zaans medisch
# centrum", "het universitair medisch centrum utrecht", "psychiatrisch centrum ...".
# Round 20: verbs of work or sport that may have words between them and "bij" ("werken allebei bij"), and the
# forms that close a clause after the workplace ("sinds hij bij dhl werkt"); words that end such a gap.
GAP_WORK_VERBS = frozenset({"werk", "werkt", "werken", "werkte", "werkten", "work", "works", "worked", "working",
                            "traint", "trainde", "speelt", "speelde", "voetbalt", "hockeyt", "sport"})
FINAL_WORK_VERBS = frozenset({"werkt", "werk", "werken", "werkte", "werkten", "gewerkt", "werkzaam", "traint",
                              "trainde", "getraind", "speelt", "speelde", "gespeeld", "voetbalt", "voetbalde",
                              "hockeyt", "sport", "sportte", "gesport", "solliciteert", "solliciteerde"})
NOT_ROLES = frozenset({"klant", "client", "cliënt", "patient", "patiënt", "bezoeker", "gast", "customer",
                       "vaak", "nooit", "altijd", "soms"})  # "ik ben klant bij de rabobank": no job there
YEAR_GAP = re.compile(r" (?:[0-9]{1,4} )?")
GAP_STOPS = frozenset({"met", "van", "naar", "uit", "tot", "tegen", "zonder", "als", "as", "with", "in", "on",
                       "en", "of", "maar", "dat", "die", "want", "and", "but", "or", "to", "the", "a", "een"})
TWO_WORD_KINDS = {"centrum": frozenset({"medisch", "medische", "psychiatrisch", "academisch", "universitair",
                                        "revalidatie", "orthopedisch", "pediatrisch", "forensisch"}),
                  "center": frozenset({"medical", "medisch", "health"}), "centre": frozenset({"medical", "health"}),
                  "spectrum": frozenset({"medisch"}), "ziekenhuis": frozenset({"algemeen", "academisch"}),
                  # round 20: English schools by their level after the name ("Oak Hill high school", "... primary
                  # school"): the name before the two words, with both of them
                  "school": frozenset({"primary", "elementary", "high", "secondary", "middle", "grammar", "junior",
                                       "infant", "nursery", "senior", "comprehensive"}),
                  # round 22: an English firm by its trade after the name ("Houthoff law firm")
                  "firm": frozenset({"law", "accounting", "accountancy", "architecture", "consulting"})}
ROMAN = frozenset({"i", "ii", "iii", "iv"})  # "koning willem i college": a regnal number after a given name


def _one_edit(word: str, other: str) -> bool:
    """Round 14: one letter changed, missing, added, or two neighbours swapped ("kruitvat", "albert hein")."""
    if word == other or abs(len(word) - len(other)) > 1:
        return False
    if len(word) == len(other):
        diff = [i for i, (a, b) in enumerate(zip(word, other, strict=True)) if a != b]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and word[diff[0]] == other[diff[1]] and word[diff[1]] == other[diff[0]])
    short, long_ = (word, other) if len(word) < len(other) else (other, word)
    i = next((i for i, (a, b) in enumerate(zip(short, long_, strict=False)) if a != b), len(short))
    return short[i:] == long_[i + 1:]


def _plural(word: str) -> bool:
    """A plural of an ordinary word ("mensen", "regels", "mannen"), not a surname like "jansen", "willems"."""
    lists = word_lists()
    doubled = len(word) > 4 and word[-3] == word[-4]  # "mannen" -> "man"
    return (word.endswith("en") and (lists.ordinary(word[:-2]) or (doubled and lists.ordinary(word[:-3])))) \
        or (word.endswith("s") and lists.ordinary(word[:-1]))


def _acronym(word: str) -> bool:
    """"KLM", "UvA", "HvA", "PostNL": at least two capitals, and at least half the letters capitals."""
    upper = sum(ch.isupper() for ch in word)
    return len(word) > 1 and upper >= 2 and upper * 2 >= len(word)


def _two_words(word: str, known: frozenset[str], unless: frozenset[str] = frozenset()) -> bool:
    """"sorteercentrum", "speelkwartier": two known words of four letters or more (a linking "s" allowed), none of
    them in `unless`."""
    def ok(part: str) -> bool:
        return part in known and part not in unless
    for cut in range(4, len(word) - 3):
        left, right = word[:cut], word[cut:]
        if ok(right) and (ok(left) or (left[-1] == "s" and ok(left[:-1]))):
            return True
    return False


def _inflected(word: str, known: frozenset[str]) -> bool:
    """"stormde", "regent": a verb form whose stem is a known word; "appje": a diminutive of one."""
    for ending in ("tje", "pje", "je", "ke"):  # a diminutive: "het appje", "het filmpje"
        if word.endswith(ending) and word[:-len(ending)] in known:
            return True
    doubled = len(word) > 3 and word[-2] == word[-3] and word[-2] in "aeiou"
    if word + "en" in known or word + word[-1] + "en" in known or (doubled and word[:-2] + word[-1] + "en" in known):
        return True  # a verb's stem: "als ik het uitmaak" (uitmaken), "het stop" (stoppen)
    for ending in ("den", "ten", "de", "te", "t"):
        stem = word[:-len(ending)]
        if word.endswith(ending) and (stem in known or stem + "en" in known or stem[:-1] in known):
            return True
    return False


def _verb_like(word: str, known: frozenset[str]) -> bool:
    """A past form or a diminutive of a known word ("stormde", "appje"), not a noun that has a plural ("ankerpaal",
    "regenboog": names of groups and wards after a kind word and an article)."""
    for ending in ("tje", "pje", "je", "ke"):
        if word.endswith(ending) and word[:-len(ending)] in known:
            return True
    if _participle(word, known):
        return True
    for ending in ("den", "ten", "de", "te"):
        stem = word[:-len(ending)]
        if word.endswith(ending) and len(stem) >= 4 and (stem in known or stem + "en" in known or stem[:-1] in known):
            return True  # "stormde"; not "tilde"
    return False


def _finite(word: str, known: frozenset[str]) -> bool:
    """"voert", "komt": a present-tense verb whose infinitive is a known word (not "pietersen")."""
    if not word.endswith("t") or len(word) < 4:
        return False
    stem = word[:-1]
    doubled = len(stem) > 2 and stem[-2] == stem[-3] and stem[-2] in "aeiou"  # "haalt" -> "halen"
    forms = (stem + "en", stem + stem[-1] + "en", stem[:-2] + stem[-1] + "en" if doubled else "")
    return any(form and form in known for form in forms)


def _participle(word: str, known: frozenset[str]) -> bool:
    """"gezeten", "geslagen": a past participle, which names nothing after a kind word."""
    return len(word) > 5 and word.startswith("ge") and word.endswith(("en", "d", "t")) and word in known


class InstitutionFinder:
    def __init__(self, text: str, tokens: list[Token], lex: Lexicon) -> None:
        self.text, self.tokens, self.lex = text, tokens, lex
        upper = sum(len(t.text) > 1 and t.text.isupper() for t in tokens)
        self.shouting = upper * 2 > len(tokens)  # an all-capitals message has no acronyms

    def _next(self, index: int, gaps: tuple[str, ...] = (" ",)) -> bool:
        return index + 1 < len(self.tokens) and gap(self.text, self.tokens[index], self.tokens[index + 1]) in gaps

    def _stop(self, token: Token) -> bool:
        """Not part of an institution's name: function words, and the services the bot itself names
        ("Jeugdzorg", "Wijkteam": its own vocabulary), which say nothing about who someone is. Round 17: a word of the
        bot's texts stops a name only when it is a service the bot names, its jargon, or a frequent word."""
        lex = self.lex
        word = token.lower
        lists = word_lists()
        return (bot_word(lex, word, lists.ordinary, lists.rare, token.cap) or word in lex.not_names_after_cue
                or word in lex.handle_stops
                or word in lex.non_names or word in lex.subject_verbs or word in lex.street_particles - ARTICLES)

    def _pronoun(self, token: Token) -> bool:
        """"I" in "after school I ...", "Ik": a capitalised function word ends a name."""
        return token.lower in self.lex.not_names_after_cue

    def _proper(self, token: Token) -> bool:
        """Capitalised, or an acronym ("KLM", "ROC", "MHC"; "UvA", "PostNL" with capitals inside) in a message
        that is not all capitals."""
        return (token.cap or (not self.shouting and _acronym(token.text))) and not self._pronoun(token)

    def _describer(self, token: Token) -> bool:
        """"grote", "christelijk", "mbo", "katholieke": a lower-case word that describes a school."""
        word, lists = token.lower, word_lists()
        if word in self.lex.institution_describers or word in lists.frequent_nl:
            return True
        if word.endswith(ADJECTIVE_ENDINGS) and lists.ordinary(word):
            return True
        stem = word[:-1]  # "katholieke", "nieuwe"; not "rede", "tale": an English stem makes no Dutch adjective
        return word.endswith("e") and len(word) > 3 and stem in lists.dutch \
            and not (stem in lists.frequent_en and stem not in lists.frequent_nl)

    def _weak_describer(self, token: Token) -> bool:
        """A describing word after a weak kind word, unless it is a listed place or given name ("de eik")."""
        lists = word_lists()
        if token.lower in lists.places or token.lower in lists.given_names:
            return token.lower in self.lex.institution_describers or token.lower in lists.frequent_nl
        return self._describer(token)

    def _label(self, index: int) -> bool:
        """"school: al-Ghazali": a kind word followed by a colon labels the name after it, in any case."""
        return self._next(index, (": ", ":"))

    def _kind(self, token: Token) -> str:
        """The kind word without a case ending after an apostrophe: "basisschool'a" (Turkish)."""
        return token.lower.split("'")[0].split("’")[0]

    def _name_after(self, index: int, any_case: bool, cue: bool = False, label: bool = False) -> int | None:
        """Last token of the name that follows token `index`: capitalised words, or after an article, a label's
        colon ("school: al-Ghazali") or a head of `named_heads` ("roc mondriaan") any words ("obs de
        regenboog"), at most three. After a cue ("werk bij") only capitalised words."""
        last, probe, taken = None, index, 0
        head = not cue and self._kind(self.tokens[index]) in self.lex.institution_heads
        if head and not any_case and self._school_kind(index):
            any_case = True  # "de brede school horizon"
        if self._next(probe, (" ", " '", " ’")) and self._article(probe + 1):
            probe, any_case = probe + 1, not cue
        first_gaps = (": ", ":") if label else (" ",)
        named_by = ""  # "particle" after "van" ("garage van dam"), "title" after "st." ("scoutinggroep st. franciscus")
        while taken < MAX_NAME_WORDS and self._next(probe, first_gaps if probe == index else self._gaps_after(probe)):
            token = self.tokens[probe + 1]
            place_end = self._place_phrase(probe + 1) if not cue else None
            if place_end is not None:  # "azc ter apel", "roc den bosch": a place of two words
                probe, taken, last = place_end, taken + 2, place_end
                continue
            if self._particle_before_name(probe + 1):
                probe, taken, named_by = probe + 1, taken + 1, "particle"  # "bouwbedrijf van gils"
                continue
            if head and taken == 0 and token.lower in FIRM_OPENERS and self._next(probe + 1, (" ", ". ")) \
                    and (self.tokens[probe + 2].lower in self.lex.name_particles or self.tokens[probe + 2].cap
                         or self._family_name(self.tokens[probe + 2])):
                probe, taken, named_by = probe + 1, taken + 1, "particle"  # "transportbedrijf gebr. van dam"
                continue
            if token.lower == "of" and not cue and self._next(probe + 1) and (
                    self._place(self.tokens[probe + 2]) or self._proper(self.tokens[probe + 2])):
                probe, taken = probe + 1, taken + 1  # "the university of amsterdam", "british school of Amsterdam"
                continue
            if head and taken == 0 and token.lower in NAME_OPENERS and self._next(probe + 1) \
                    and (self._proper(self.tokens[probe + 2]) or self._no_word(self.tokens[probe + 2])):
                probe, taken, last = probe + 2, taken + 2, probe + 2  # "boksschool team kawa", "dansstudio crew xl"
                continue
            if head and taken == 0 and self._place_adjective(token) and self._next(probe + 1) \
                    and self._region_noun(self.tokens[probe + 2]):
                probe, taken, last = probe + 2, taken + 2, probe + 2  # "ziekenhuis brabantse wal", "utrechtse heuvel"
                continue
            if head and self._title_before_name(probe + 1):
                probe, taken, last, named_by = probe + 1, taken + 1, probe + 1, "title"  # "scoutinggroep st. jozef"
                continue
            proper = self._proper(token) and not (cue and self._stop(token))  # not "werk bij Veilig Thuis"
            # "dansschool Dance It": inside a sentence a capitalised function word after a capitalised name word
            proper = proper or (taken > 0 and token.cap and not token.sentence_start and not cue
                                and self.tokens[probe].cap and token.lower not in ("i", "ik")) \
                or (taken > 0 and self._numeral(probe + 1))  # "Koning Willem I"
            lower = any_case and not self._stop(token) and not _participle(token.lower, word_lists().dutch) \
                and (not self._describer(token)
                                                            or (taken == 0 and self._describing_name(probe + 1)))
            # after a kind word and an article, or inside a lower-case name, a family name that is also a word:
            # "transportbedrijf de wit", "roc de waard", "sv blauw zwart"; after "van" or a title any surname
            # round 11: right after any kind word a listed family name or a chain ("garage pietersen", "spar")
            lower = lower or (head and (any_case or (taken == 0 and not _finite(token.lower, word_lists().dutch)))
                              and self._family_name(token)) \
                or (head and taken == 0 and token.lower in first_words(self.lex.chains)
                    and token.lower not in word_lists().frequent_nl) \
                or (head and self._kind(self.tokens[index]) == "huize" and not self._stop(token)) \
                or (named_by == "particle" and (self._family_name(token) or self._particle_surname(probe + 1))) \
                or (named_by == "particle" and self.tokens[probe].lower in FOREIGN_ARTICLES and not self._stop(token)) \
                or (named_by == "title" and not self._stop(token)) \
                or (head and taken == 0 and token.lower in word_lists().given_names and not token.cap
                    and self._particle_before_name(probe + 2))  # round 21: "scouting jan van hoof"
            named_by = ""
            # "roc midden nederland", "ROC Midden Nederland": a region inside the name after a kind word
            region = not cue and token.lower in self.lex.institution_regions and (taken > 0 or probe == index) \
                and (taken > 0 or self._kind(self.tokens[index]) in self.lex.named_heads
                     or self._proper(token) or self.tokens[index].text.isupper())
            # round 14: "gezondheidscentrum zuid", "sportcentrum oost": a compass word right after a compound kind word
            region = region or (head and taken == 0 and probe == index and token.lower in self.lex.institution_areas
                                and len(self._kind(self.tokens[index])) > 8)
            place = not cue and self._place(token)
            if not (proper or lower or place or region or self._no_word(token)) or token.lower in ARTICLES:
                break
            probe, taken, last = probe + 1, taken + 1, probe + 1
            any_case = any_case and taken < 2 or (region and any_case)
        return last

    def _common_before_trade(self, index: int) -> bool:
        """Round 22: "Local factory", "Goede advocaten": before an English trade or a plural profession a frequent
        word in lower case or opening the sentence names no firm ("Bij Koning Makelaars" does)."""
        if self.tokens[index].lower not in ENGLISH_TRADES or index == 0:
            return False
        before, lists = self.tokens[index - 1], word_lists()
        return (before.lower in lists.frequent_en or before.lower in lists.frequent_nl) \
            and (not before.cap or before.sentence_start)

    def _capital_after(self, index: int) -> bool:
        """Round 22: the word after token `index` (or after an article there) is capitalised."""
        probe = index + 1 + (index + 1 < len(self.tokens) and self.tokens[index + 1].lower in ARTICLES)
        return probe < len(self.tokens) and self.tokens[probe].cap

    def _bare_head(self, index: int) -> bool:
        """Round 13: "werkt in ziekenhuis rivierenland", "zit bij huisartsenpraktijk ...": a kind word right after a
        preposition without an article is followed by its name (not the kind words said bare: "naar school")."""
        word = self.tokens[index].lower
        return index > 0 and word not in BARE_KINDS and self.tokens[index - 1].lower in BARE_HEAD_PREPOSITIONS \
            and self._next(index - 1)

    def _place_adjective(self, token: Token) -> bool:
        """Round 13: "gelderse", "utrechtse", "brabantse", "amsterdamse": a describing word made of a place or region
        (with or without "land": "gelderland"); after a kind word it opens the name of a hospital or school."""
        word, places = token.lower, word_lists().places
        if not word.endswith("se") or len(word) < 6:
            return False
        stem = word[:-2]
        return stem in places or f"{stem}land" in places or (stem.endswith("s") and stem[:-1] in places)

    def _region_noun(self, token: Token) -> bool:
        """The noun after such a place word: no function, frequent or describing word, no verb ("wal", "vallei")."""
        word, lists, lex = token.lower, word_lists(), self.lex  # a word the bot uses too: it may name a region
        return word not in lex.non_names and word not in lex.subject_verbs and word not in lex.not_names_after_cue \
            and word not in lex.handle_stops and word not in lists.frequent_nl and word not in ARTICLES \
            and not self._describer(token) and not _finite(word, lists.dutch) and len(word) > 2 and not _plural(word)

    def _article(self, index: int) -> bool:
        """"de", "het", or "'t" (its token is "t" after the apostrophe: "basisschool 't kompas")."""
        token = self.tokens[index]
        return token.lower in ARTICLES \
            or (token.lower == "t" and token.start > 0 and self.text[token.start - 1] in "'’")

    def _family_name(self, token: Token) -> bool:
        """"wit" in "transportbedrijf de wit": a listed surname that is no function word, person, plural or
        describing word (the bot's own words allowed: "roc de waard")."""
        lex, word = self.lex, token.lower
        if word not in word_lists().surnames or word in ARTICLES or len(word) < 3:
            return False
        if word in lex.not_names_after_cue or word in lex.non_names or word in lex.subject_verbs \
                or word in lex.handle_stops or word in lex.street_particles or word in lex.person_nouns \
                or word in lex.relations or word in lex.titles or word in lex.institution_describers \
                or word in lex.institution_heads or word in lex.institution_tails or word in lex.number_units \
                or word in lex.number_words or word in lex.ordinal_words:  # "kinderopvang de drie routes"
            return False
        # "pieters", "willems": a patronymic is no plural
        return not word.endswith(ADJECTIVE_ENDINGS) and (not _plural(word) or word[:-1] in word_lists().given_names)

    def _title_before_name(self, index: int) -> bool:
        """"st. franciscus", "sint jozef": an abbreviated title or a saint's before a given name, in any case."""
        token = self.tokens[index]
        if not (token.lower in ABBREVIATED or token.lower in self.lex.institution_honorifics) \
                or not self._next(index, (" ", ". ")):
            return False
        name = self.tokens[index + 1]
        return not self._stop(name) and (name.cap or name.lower in word_lists().given_names or self._no_word(name))

    def _place_phrase(self, index: int) -> Optional[int]:
        """Last token of a place of two words starting with a particle at `index`: "ter apel", "den helder"."""
        if index + 1 >= len(self.tokens) or self.tokens[index].lower not in self.lex.name_particles \
                or not self._next(index):
            return None
        phrase = f"{self.tokens[index].lower} {self.tokens[index + 1].lower}"
        return index + 1 if phrase in word_lists().places else None

    def _describing_name(self, index: int) -> bool:
        """"kinderdagverblijf de vrolijke vlinder": after an article a describing word opens a name when a noun
        follows that is no function word or frequent word ("de hele dag" names nothing)."""
        if index < 1 or self.tokens[index - 1].lower not in ARTICLES or not self._next(index):
            return False
        token = self.tokens[index + 1]
        # a frequent noun too when it ends the clause and counts no time: "kinderopvang de kleine wereld", not "de hele
        # dag"
        frequent = token.lower in word_lists().frequent_nl \
            and not (self._clause_end_after(index + 1) and token.lower not in self.lex.number_units)
        return not token.cap and not self._stop(token) and not self._describer(token) and not frequent

    def _gaps_after(self, probe: int) -> tuple[str, ...]:
        """"het St. Ignatius", "de Dr. Nassau": an abbreviated title inside a name goes on after its full stop."""
        token = self.tokens[probe]
        return (" ", ". ") if token.lower in ABBREVIATED else (" ",)

    def _place(self, token: Token) -> bool:
        """"vv hoogland", "lyceum delft"; not the places named like a common word ("op de bso een kind":
        Een in Drenthe, "kinderopvang de drie routes")."""
        lists, word = word_lists(), token.lower
        if word in WORD_TOWNS and not token.cap:  # round 15: "onze praktijk een eigen ...": no town Een
            return False
        return word in lists.places and (word not in lists.frequent_nl or word in self.lex.non_names)  # "utrecht"

    def _area_end(self, last: int) -> int:
        """"fightclub zuid", "albert heijn in noord": a compass word after the name is part of it."""
        areas = self.lex.institution_areas
        if self._next(last) and self.tokens[last + 1].lower in areas:
            return last + 1
        if self._next(last) and self.tokens[last + 1].lower in AREA_LINKS and self._next(last + 1) \
                and self.tokens[last + 2].lower in areas:
            return last + 2
        return last

    def _no_word(self, token: Token) -> bool:
        """A lower-case word that is no ordinary word in our languages, or one web text has mostly as a name
        (the rare-word list): part of a name ("vinci", "gils")."""
        lists, lex = word_lists(), self.lex
        word = token.lower
        if word in lex.institution_heads or word in lex.institution_tails or word in lex.mail_providers \
                or (word,) in lex.handle_platforms:  # "ik zit op hotmail", "zit op insta": no school
            return False  # "zit op de montessorischool": a kind word names no school
        return len(word) > 2 and not self._stop(token) and word not in lex.common_words \
            and (not lists.ordinary(word) or word in lists.rare) and not _two_words(word, lists.dutch)

    def _particle_before_name(self, index: int) -> bool:
        """"van" in "bouwbedrijf van gils": a name particle followed by a surname or a word that is no word."""
        particles = self.lex.name_particles
        if self.tokens[index].lower not in particles or not self._next(index):
            return False
        while self.tokens[index + 1].lower in particles and self._next(index + 1):  # "Van den Berg"
            index += 1
        nxt = self.tokens[index + 1]
        if self.tokens[index].lower in FOREIGN_ARTICLES and not self._stop(nxt) \
                and nxt.lower not in word_lists().frequent_nl and len(nxt.lower) > 2:
            return True  # round 14: "restaurant la piazza", "moskee al fourkaan": a foreign article opens a name
        return nxt.cap or self._no_word(nxt) or (nxt.lower in word_lists().surnames and not self._stop(nxt)) \
            or self._place(nxt) or self._particle_surname(index + 1)  # "roc van twente"

    def _particle_surname(self, index: int) -> bool:
        """Round 12: "wijk" in "garage van wijk", "bosch" in "van den bosch", "haar" in "ter haar": after a name
        particle a listed surname that is also a word the bot uses, or a possessive that no noun follows."""
        token, lex = self.tokens[index], self.lex
        word = token.lower
        if index < 1 or self.tokens[index - 1].lower not in lex.name_particles or not self._next(index - 1) \
                or word not in word_lists().surnames or len(word) < 3 or word in ARTICLES:
            return False
        if word in lex.possessives:  # "ter haar bescherming": a possessive before a noun
            return self._clause_end_after(index) or self.tokens[index + 1].lower in AFTER_NAME_WORDS
        # "van der meer", "van den berg", "ter horst": after particles that only names have, a frequent word too
        only_names = self.tokens[index - 1].lower in ("der", "den", "ter", "ten") and index > 1 \
            and (self.tokens[index - 1].lower in ("ter", "ten") or self.tokens[index - 2].lower == "van")
        return not (word in lex.not_names_after_cue or word in lex.subject_verbs or word in lex.handle_stops
                    or word in lex.number_words or word in lex.street_particles or word in lex.non_names
                    or (word in word_lists().frequent_nl and not only_names) or word in lex.person_nouns
                    or word in lex.relations)

    def _after_article(self, probe: int, index: int) -> bool:
        """"het da vinci college", "het cals college": lower-case words between an article and the kind word,
        none of them a function word or one that describes the school ("het grote ziekenhuis")."""
        numerals = sum(self._numeral(i) or self.tokens[i].lower in self.lex.name_particles
                       for i in range(probe, index))  # no place: "het koning willem i college"; particles: "van"
        while probe >= 0 and index - probe - numerals <= MAX_NAME_WORDS:
            token = self.tokens[probe]
            if token.lower in ARTICLES:
                return probe < index - 1
            # round 17: a naming word before the name passes too ("het stedelijk dalton lyceum")
            particle = token.lower in self.lex.name_particles or self._numeral(probe) or self._honorific(probe) \
                or (token.lower in self.lex.institution_namers and probe < index - 1) \
                or self._given_in_name(probe, index) or self._describer_of_noun(probe, index)
            if not particle and (self._stop(token) or self._describer(token)):
                return False
            if self._honorific(probe):
                numerals += 1  # round 19: a title adds no length ("de prins willem alexander school")
            probe -= 1
        return False

    def _name_before(self, index: int) -> int:
        """First token of "Stedelijk Gymnasium", "graafschap college" (after "op het"), "Dr. Schaepmanschool"."""
        first, probe = index, index - 1
        numerals = 0
        while probe >= 0 and index - probe - numerals <= MAX_NAME_WORDS:
            token, between = self.tokens[probe], gap(self.text, self.tokens[probe], self.tokens[probe + 1])
            if between == " " and self._inner_particle(probe, index):
                first, probe, numerals = probe - 1, probe - 2, numerals + 1  # round 19: "de pieter de hoochschool"
                continue
            if between not in (" ", ". ") or token.lower in ARTICLES:
                break
            if token.lower in self.lex.titles or token.lower in self.lex.institution_namers \
                    or (token.lower in ABBREVIATED and between == ". " and first < index):
                first, probe = probe, probe - 1  # "Dr. Schaepmanschool", "het stedelijk gymnasium", "st. john's ..."
                continue
            if token.lower.endswith(("'s", "’s")) and token.lower[:-2] in word_lists().given_names:
                first, probe = probe, probe - 1  # "st. john's primary", "king's college"
                continue
            if self._numeral(probe):  # "i" in "koning willem i college"
                first, probe, numerals = probe, probe - 1, numerals + 1
                continue
            if self._place(token) and probe == index - 1 and self._kind(self.tokens[index]) in PLACE_TAILS \
                    and token.lower not in word_lists().frequent_nl and token.lower not in self.lex.non_names:
                first, probe = probe, probe - 1  # "leiden university": a town before a university or hospital
                continue
            particle = token.lower in self.lex.name_particles and first < index  # "da" in "da vinci college"
            # round 19: "al" in "de al noor moskee" in lower case: a foreign article before a name word
            after = self.tokens[probe + 1]
            foreign = particle and token.lower in FOREIGN_ARTICLES and not self._stop(after) \
                and after.lower not in word_lists().frequent_nl and len(after.lower) > 2
            if particle:
                numerals += 1  # "de juliana van stolberg school": a particle makes the name no longer
            if particle and token.cap and self._proper(self.tokens[probe + 1]):
                first, probe = probe, probe - 1  # "de Al Noor moskee", "het Van Maerlant lyceum"
                continue
            firm = self._kind(self.tokens[index]) in FIRM_TAILS
            if (self._stop(token) and not self._proper(token) and not particle
                and not self._describer_of_noun(probe, index)) \
                    or (self._pronoun(token) and not (particle and (firm or foreign))):  # "van dijk transport"
                break
            family = firm and self._family_name(token)  # "jansen transport"
            if not self._proper(token) and not self._no_word(token) and not particle and not family \
                    and not self._after_article(probe, index):
                if self._middle_word(probe, index):  # "oakwood international school"
                    first, probe = probe - 1, probe - 2
                    continue
                break
            first, probe = probe, probe - 1
        return first

    def _inner_particle(self, probe: int, index: int) -> bool:
        """Round 19: "de" in "de pieter de hoochschool": an article right after a given name and before the rest of
        the name is a particle of a person's name the school carries."""
        return self.tokens[probe].lower == "de" and probe > 0 \
            and gap(self.text, self.tokens[probe - 1], self.tokens[probe]) == " " \
            and self._given_in_name(probe - 1, index)

    def _given_in_name(self, probe: int, index: int) -> bool:
        """Round 19: a given name before the kind word ("het jan ligthart college", "de maria montessorischool"):
        the person a school or hospital is named after, even when the name is a frequent word too; not a describing
        word ("de grote school")."""
        word = self.tokens[probe].lower
        return probe < index and not self._plural_kind(index) and word in word_lists().given_names \
            and word not in self.lex.institution_describers \
            and not word.endswith(ADJECTIVE_ENDINGS) and not self._pronoun(self.tokens[probe]) \
            and word not in self.lex.non_names and word not in self.lex.subject_verbs

    def _describer_of_noun(self, probe: int, index: int) -> bool:
        """Round 19: "groene" in "het groene hart ziekenhuis": a describing word inside a name when a noun that is no
        describing, function or frequent word stands between it and the kind word ("het grote ziekenhuis" names
        nothing, nor does "de hele dag school")."""
        if probe + 1 >= index or not self._next(probe) or self._plural_kind(index) \
                or not self._describer(self.tokens[probe]):
            return False
        noun = self.tokens[probe + 1]
        word = self.tokens[probe].lower
        return word not in self.lex.not_names_after_cue and word not in self.lex.subject_verbs \
            and word not in ARTICLES and not self._stop(noun) and not self._describer(noun) \
            and noun.lower not in self.lex.institution_describers and len(noun.lower) > 2

    def _plural_kind(self, index: int) -> bool:
        """"ziekenhuizen", "scholen": a kind word in the plural names no single place."""
        word = self.tokens[index].lower
        return word.endswith("en")

    def _middle_word(self, probe: int, index: int) -> bool:
        """"international" in "greenfield international school": right before the kind word, a word that is no
        function word and no frequent Dutch word, after a capitalised word or one that is no word."""
        if probe != index - 1 or probe < 1 or not self._next(probe - 1):
            return False
        token, before = self.tokens[probe], self.tokens[probe - 1]
        return not self._stop(token) and token.lower not in word_lists().frequent_nl \
            and not self._stop(before) and not self._pronoun(before) \
            and (self._proper(before) or self._no_word(before)) and before.lower not in ARTICLES

    def _numeral(self, index: int) -> bool:
        """"i" in "willem i", "II" in "Willem II": a roman numeral right after a given name."""
        return self.tokens[index].lower in ROMAN and index > 0 and self._next(index - 1) \
            and self.tokens[index - 1].lower in self.lex.given_names

    def _honorific(self, index: int) -> bool:
        """"koning" in "koning willem", "prins" in "prins claus": a title right before a given name."""
        return self.tokens[index].lower in self.lex.institution_honorifics and self._next(index) \
            and self.tokens[index + 1].lower in self.lex.given_names

    def _describers_before(self, index: int) -> int:
        """First of the describing words between an article and the kind word: "het [christelijk] lyceum"."""
        probe = index - 1
        while probe >= 0 and index - probe <= MAX_NAME_WORDS and self._next(probe):
            token = self.tokens[probe]
            if token.lower in ARTICLES:
                return probe + 1
            if (self._stop(token) and token.lower not in self.lex.institution_describers) or not self._describer(token):
                break  # "het openbaar lyceum": a describing word the bot uses too
            probe -= 1
        return index

    def _with_article(self, first: int, last: int) -> int:
        """"de bascule", "De Fontein": the article before a name of one word is part of it. Round 15: not before a
        chain, a name of more words or one glued to its kind word ("bij de albert heijn", "op het stedelijk lyceum",
        "in het radboudumc"): there it only points."""
        if first > 0 and self.tokens[first - 1].lower in ARTICLES and self._next(first - 1):
            article = self.tokens[first - 1]
            one = first == last and self._chain_end(first) is None and not self._compound(self.tokens[first])
            if article.cap or one:  # not "het [Sint-Janscollege]": a name glued to its kind word
                return first - 1
        return first

    def _branch_town(self, first: int, last: int) -> int:
        """Round 15: "de kfc in hoofddorp", "ikea delft", "mcdonalds in amersfoort centrum": the town after a shop with
        many branches names the branch, so it is part of the name (a school's or firm's town is not)."""
        if first < last and self._chain_end(first) is None and self._chain_end(first + 1) == last:
            first += 1  # round 16: a kind word before the chain, "sportschool basic-fit", "kinderopvang humankind"
        if self._chain_end(first) != last or not self._next(last) \
                or " ".join(t.lower for t in self.tokens[first:last + 1]) not in self.lex.branch_chains:
            return last
        probe = last + 1
        if self.tokens[probe].lower == "in" and self._next(probe):
            probe += 1
        else:
            site = self._branch_site(probe)
            if site is not None:  # round 21: "albert heijn zuidplein", "de jumbo kanaleneiland", "hema nieuw west"
                return site
        town = self.tokens[probe]
        phrase = self._place_phrase(probe)
        if phrase is not None:  # "in den haag"
            return phrase
        if probe > last + 1:
            quarter = self._quarter(probe)
            if quarter is not None:
                return quarter
        if not self._place(town) or town.lower in self.lex.institution_areas:
            return last
        if self._next(probe) and self.tokens[probe + 1].lower in self.lex.institution_areas:
            probe += 1  # "amersfoort centrum"
        return probe

    def _branch_site(self, probe: int) -> Optional[int]:
        """Round 21: right after a shop chain (no "in"), where the branch is: a listed quarter ("jumbo kanaleneiland",
        "nieuw west" for "nieuw-west"), a town and its station ("mcdonalds utrecht centraal"), or the name of a
        shopping centre or square that web text has and no common word is ("hema <name>"), a describing word of
        place before it allowed ("hoog <name>"). Last token, or None."""
        tokens = self.tokens
        token = tokens[probe]
        if token.lower in self.lex.quarters:
            return probe
        if self._next(probe) and f"{token.lower}-{tokens[probe + 1].lower}" in self.lex.quarters:
            return probe + 1
        if self._place(token) and self._next(probe) and tokens[probe + 1].lower in STATION_WORDS:
            return probe + 1
        if self._site_name(token):
            return probe
        if token.lower in SITE_DESCRIBERS and self._next(probe) and self._site_name(tokens[probe + 1]):
            return probe + 1
        return None

    def _site_name(self, token: Token) -> bool:
        word, lists = token.lower, word_lists()
        return len(word) >= 5 and word in lists.rare and word not in self.lex.common_words \
            and word not in lists.frequent_nl and not self._stop(token) and not self._pronoun(token) \
            and word not in lists.given_names and not _finite(word, lists.dutch) and not _plural(word)

    def chains_with_branch(self, found: list[Span]) -> Iterator[Span]:
        """Round 21: a shop chain named with its branch right after it ("bij de mcdonalds utrecht centraal", "bij de
        jumbo <quarter>") is a workplace or meeting place even without a cue of work; so is a chain "in de"/"in het"
        after a workplace just named or in a sentence with a word of work ("kok bij <chain> in de <chain>", "werkt bij
        de kaasboer in de hema")."""
        tokens, lists = self.tokens, word_lists()
        covered = [(span.start, span.end) for span in found]
        work = any(t.lower in self.lex.work_words or t.lower in FINAL_WORK_VERBS for t in tokens)
        firsts = first_words(self.lex.chains)
        for index in range(1, len(tokens)):
            if tokens[index].lower not in firsts or tokens[index].lower in ARTICLES \
                    or (tokens[index - 1].lower not in ARTICLES and tokens[index - 1].lower not in ("bij", "at")):
                continue  # "de bijenkorf" is found at "bijenkorf"; a chain here follows an article or "bij"
            end = self._chain_end(index)
            if end is None or any(a <= tokens[index].start < b for a, b in covered):
                continue
            phrase = " ".join(t.lower for t in tokens[index:end + 1])
            if end == index and tokens[index].lower in lists.frequent_nl:
                continue  # "plus", "action" are words too
            before = index - 1
            article = tokens[before].lower in ARTICLES and self._next(before)
            if article:
                before -= 1
            if before < 0 or not self._next(before):
                continue
            link = tokens[before].lower
            if phrase in self.lex.branch_chains and link in ("bij", "at") \
                    and self._next(end) and self._branch_site(end + 1) is not None:
                yield self._span(index, end)
            elif link == "in" and article and phrase in self.lex.branch_chains \
                    and (work or any(b == tokens[before - 1].end for a, b in covered if before > 0)):
                yield self._span(index, end)

    def clubs_with_year(self) -> Iterator[Span]:
        """Round 21: a club named with the year it was founded after "bij"/"tegen" ("korfbal bij dos '46"): its words
        no article, possessive, function or frequent word (a club's letters, "vv", "hc", excepted)."""
        lists = word_lists()
        for match in CLUB_WITH_YEAR.finditer(self.text):
            words = re.findall(r"[^\W\d_][\w-]*", match.group(1))
            if all(w.lower() in CLUB_HEADS or (w.lower() not in ARTICLES and w.lower() not in self.lex.possessives
                                               and w.lower() not in lists.frequent_nl
                                               and w.lower() not in self.lex.not_names_after_cue
                                               and w.lower() not in self.lex.non_names) for w in words):
                yield Span(match.start(1), match.end(1), "INSTELLING")

    def _capital_town(self, last: int) -> int:
        """Round 20: a capitalised town right after a capitalised name belongs to it: "Sparta Rotterdam", "Fight Club
        Den Haag", "Voedselbank Haarlem" (in lower case a town after a name stays out, see round 18)."""
        tokens = self.tokens
        if not tokens[last].cap or not self._next(last) or not tokens[last + 1].cap:
            return last
        phrase = self._place_phrase(last + 1)
        if phrase is not None and tokens[last + 2].cap:
            return phrase  # "Den Haag"
        town = tokens[last + 1]
        if self._place(town) and town.lower not in word_lists().frequent_nl and town.lower not in WORD_TOWNS \
                and town.lower not in self.lex.institution_areas:
            return last + 1
        return last

    def branch_streets(self, found: list[Span]) -> Iterator[Span]:
        """Round 19: "de hema op het marktplein": the street of a shop chain's branch, an address of its own
        (the preposition and article between stay)."""
        ends = {span.end for span in found}
        for index, token in enumerate(self.tokens[:-1]):
            if token.end not in ends or not self._next(index):
                continue
            first = next((i for i in range(index, -1, -1) if self._chain_end(i) == index), None)
            if first is None or " ".join(t.lower for t in self.tokens[first:index + 1]) not in self.lex.branch_chains:
                continue
            street = self._branch_street(index + 1)
            if street is not None:
                yield Span(self.tokens[street].start, self.tokens[street].end, "ADRES")

    def _branch_street(self, probe: int) -> Optional[int]:
        """Round 19: after a shop chain, "op"/"aan" (an article between allowed) and a street word ("marktplein",
        "kerkstraat": a listed street, or no ordinary word, ending in a street suffix) name the branch's street."""
        tokens = self.tokens
        if tokens[probe].lower not in ("op", "aan") or not self._next(probe):
            return None
        probe += 1
        if tokens[probe].lower in ARTICLES and self._next(probe):
            probe += 1
        word, lists = tokens[probe].lower, word_lists()
        suffixes = self.lex.street_suffixes_any_case
        street = any(word.endswith(s) and len(word) >= len(s) + 3 for s in suffixes)
        return probe if street and (word in lists.streets or not lists.ordinary(word)) else None

    def _quarter(self, probe: int) -> Optional[int]:
        """Round 16: after a shop chain and "in", a quarter names the branch as a town does: a listed quarter ("in
        kanaleneiland", "in de pijp": web text has most of them as words) or the centre of a named town ("in het
        centrum van breda"; not "in het centrum" alone). Last token of it, or None."""
        tokens = self.tokens
        token = tokens[probe]
        if token.lower in ("het", "'t") and self._next(probe) and tokens[probe + 1].lower in ("centrum", "center"):
            end = probe + 1
            if self._next(end) and tokens[end + 1].lower == "van" and self._next(end + 1) \
                    and self._place(tokens[end + 2]):
                return end + 2
            return None
        if token.lower == "de" and self._next(probe):
            token, probe = tokens[probe + 1], probe + 1
        return probe if token.lower in self.lex.quarters else None

    def _span(self, first: int, last: int) -> Span:
        """The name with its article and area; a case ending after a kind word stays out ("basisschool'a")."""
        last = self._area_end(self._branch_town(first, last))
        last = self._capital_town(last)
        token = self.tokens[last]
        kind = self._kind(token)
        end = token.start + len(kind) if kind != token.lower and kind in self.lex.institution_tails else token.end
        if self._club(self.tokens[first]) and last > first:
            founded = CLUB_YEAR.match(self.text, end)  # "korfbalvereniging dos 46", "vv dosko '32"
            unit = founded and UNIT_AFTER.match(self.text, founded.end())
            if founded and not (unit and unit.group(1).lower() in self.lex.number_units):
                end = founded.end()
        if self._kind(self.tokens[first]).startswith("scouting") and last > first and self._next(last) \
                and self.tokens[last + 1].lower in ("groep", "group"):
            end = self.tokens[last + 1].end  # "scouting baden powell groep"
        ampersand = FIRM_AMPERSAND.match(self.text, end)
        if ampersand:  # "verhuisbedrijf Snel & Co"
            end = ampersand.end()
        team = TEAM_AFTER.match(self.text, end)
        if team:  # round 15: "ajax meiden onder 13", "vv hoogland jo11-2": a club's team
            end = team.end()
        elif token.lower in ("jo", "mo") and end == token.end:
            squad = SQUAD.match(self.text, end)
            end = squad.end() if squad else end  # "jo" taken as a word of the name: its number and squad too
        maker = BY_AFTER.match(self.text, end)
        if maker and (maker.group(1)[0].isupper() or maker.group(1).lower() in word_lists().given_names) \
                and maker.group(1).lower() not in word_lists().frequent_en:
            end = maker.end()  # round 15: "kapsalon hair by samir": a shop named after its owner
        return Span(self.tokens[self._with_article(first, last)].start, end, "INSTELLING")

    def _club(self, token: Token) -> bool:
        """A kind word of a sports club: "korfbalvereniging", "hockeyclub", "vv", "sv"."""
        word = self._kind(token)
        return (word in self.lex.institution_heads or word.endswith(NAMED_ENDINGS)) \
            and (word.endswith(("vereniging", "club")) or word in CLUB_HEADS)

    def _compound(self, token: Token) -> bool:
        """"Schaepmanschool", "Jozefkerk": a capitalised word ending in a kind word."""
        lex, word = self.lex, token.lower
        if word in lex.institution_heads or word in lex.institution_tails:
            return False
        if not word.endswith(lex.institution_suffixes):
            return False
        suffix = next((s for s in lex.institution_suffixes if word.endswith(s) and len(word) > len(s) + 2), None)
        if suffix is None:
            return False
        if token.cap:
            return True
        lists, stem = word_lists(), word[:-len(suffix)]  # "radboudumc": in lower case a name and a kind word
        generic = stem.endswith("en") or (stem.endswith("s") and lists.ordinary(stem[:-1]))  # "verloskundigen|"
        return (not lists.ordinary(word) or word in lists.rare) and len(stem) > 2 and not generic \
            and stem not in lists.frequent_nl and not self._stop(token)

    def _named_compound(self, token: Token) -> bool:
        """A compound that is a name on its own: no ordinary word, or one web text has mostly as a name
        ("Westerkerk"); not "de Huisartsenpraktijk"."""
        lists = word_lists()
        return not lists.ordinary(token.lower) or token.lower in lists.rare

    def spans(self) -> Iterator[Span]:
        lex, tokens = self.lex, self.tokens
        for index, token in enumerate(tokens):
            kind = self._kind(token)
            if kind in lex.institution_heads or self._compound_head(index) or self._named_compound_head(index):
                named = (kind in lex.named_heads or kind not in lex.institution_heads or self._bare_head(index)) \
                    and token.text.islower()
                label = self._label(index)  # the label stays: "school: [INSTELLING]"
                last = self._name_after(index, any_case=named or label, label=label)
                if last is not None and kind in VENUE_HEADS and not self._capital_after(index):
                    last = None  # round 22: "het zwembad aan de Hofvlietweg" says where the pool is, not its name
                if last is not None:
                    yield self._span(self._nationality_before(index) if not label else index + 1, last)
            elif token.lower in TRADES and self._trade_family(index) is not None:  # "tandarts de vries"
                yield self._span(index, self._trade_family(index))
            elif self._ending_head(index):  # "judovereniging Kyu Shin", "drukkerij De Vries"
                last = self._name_after(index, any_case=False)
                if last is not None:
                    yield self._span(index, last)
            elif self._lower_ending_head(index):  # "slagerij de vette os": in lower case with an article
                last = self._weak_head_name(index)
                if last is not None:
                    yield self._span(index, last)
            if kind in lex.institution_heads and "&" in self.text:
                glued = GLUED_AMPERSAND.match(self.text, token.end)
                if glued:  # round 15: "de bso kids&co", "kinderopvang spelen&leren": a name glued by "&"
                    yield Span(token.start, glued.end(), "INSTELLING")
            if token.lower in lex.daycare_chains:
                last = self._weak_head_name(index)
                if last is not None:  # round 19: "partou de zonnebloem", "smallsteps het ..."
                    yield self._span(index, last)
            if kind in WEAK_HEADS and not tokens[index].cap:
                last = self._weak_head_name(index)
                if last is not None:  # "de opvang de klimroos", "praktijkonderwijs het rotsoord"
                    yield self._span(self._adjective_before(index), last)
            if kind in WEAK_HEADS | {"groep"} and not tokens[index].cap:
                last = self._bare_weak_head_name(index)
                if last is not None:  # "ik zit op leefgroep regenboog", "in groep de dolfijnen"
                    yield self._span(index, last)
            if token.lower == "het" and self._next(index) and index + 1 < len(tokens) \
                    and (tokens[index + 1].lower,) in lex.care_organisations_cued:
                yield self._span(index + 1, index + 1)  # "het antonius", "in het slingeland": never a person
            if kind in lex.institution_heads or kind in lex.institution_tails:
                named = self._named_by_verb(index)
                if named is not None:  # "my school is riverside international school", "mijn school heet de klimop"
                    yield self._span(*named)
            last = self._faith_name(index)
            if last is not None:  # "pinkstergemeente levend water en daar ...": without an article
                yield self._span(index, last)
            if self._congregation(index):  # "evangelische gemeente de bron", "Gereformeerde Kerk Bethel"
                at = index + 2 if tokens[index + 1].lower in ARTICLES else index + 1
                name = self.tokens[at] if at == index + 1 or self._next(index + 1) else None
                if name is not None and name.lower not in lex.non_names and name.lower not in lex.not_names_after_cue \
                        and name.lower not in lex.institution_describers and name.lower not in lex.subject_verbs \
                        and not name.lower.endswith(ADJECTIVE_ENDINGS):
                    # round 19: "kerk san salvatore", "kerk san antonio": a saint's title takes the name after it
                    titled = at + 1 if self._title_before_name(at) else at
                    yield self._span(index - 1, self._name_after(titled, any_case=False) or titled)
            if index > 0 and tokens[index - 1].lower in TWO_WORD_KINDS.get(kind, ()) and self._next(index - 1):
                first, last = self._name_before(index - 1), self._name_after(index, any_case=False)
                if first < index - 1 or last is not None:  # round 19: "het zaans medisch centrum"
                    yield self._span(min(first, index - 1), self._branch_after(last or index, named=True))
            if kind in lex.institution_tails and not self._common_before_trade(index):
                first, last = self._name_before(index), self._name_after(index, any_case=False)
                if first == index and last is not None:  # "het christelijk lyceum delft"
                    first = self._describers_before(index)
                if first < index or last is not None:
                    yield self._span(first, self._branch_after(last or index, named=first < index))
            elif self._compound(token):
                first = self._name_before(index)
                if first < index or self._named_compound(token):
                    yield self._span(first, self._name_after(index, any_case=False) or index)
            school = self._higher_education(index)
            if school is not None:  # "studeert aan de uva", "fontys pabo", "tu delft"
                yield self._span(index, school)
            if index >= 3 and tokens[index - 1].lower in ("een", "a", "an") and self._next(index - 1) \
                    and (kind in lex.institution_heads or kind in lex.institution_tails):
                named = self._name_before_kind(index - 1)
                if named is not None:  # round 20: "opa woont in de rozenhof, een verzorgingshuis"
                    yield self._span(*named)
            if kind in lex.institution_heads or token.lower in GENERIC_FIRMS:
                named = self._apposition(index)
                if named is not None:  # "een shoarmazaak, de gouden draak, en ..."
                    yield self._span(*named)
            end = self._cue_end(index)
            role = self._role_cue_end(index) if token.lower in lex.work_words else None
            if end is None:
                end, role = role, None  # "werkt als buschauffeur bij arriva"
            if end is None and (token.lower in MEMBER_WORDS or token.lower in SPORT_VERBS
                                or token.lower in SPORT_NOUNS) and self._next(index) \
                    and tokens[index + 1].lower in ("bij", "at", "for", "voor"):
                end = index + 1  # round 14: "vakkenvul bij de vomar", "plays for ajax"
            if end is not None:  # "werk bij de Jumbo", not "werk bij de reclassering"
                yield from self._after_cue(index, end)
            if role is not None and role != end:  # "werkt in de keuken bij de kfc": a cue of its own, then a place
                yield from self._after_cue(index, role)
            if end is None and token.lower in GAP_WORK_VERBS:
                gapped = self._gapped_cue_end(index)
                if gapped is not None:  # round 20: "werken allebei bij philips", "werkt sinds kort bij"
                    yield from self._after_cue(index, gapped, job=True)
            if token.lower in ("bij", "at") and index + 2 < len(tokens) \
                    and any(t.lower in FINAL_WORK_VERBS for t in tokens[index + 2:index + 8]):
                yield from self._work_before_verb(index)  # round 20: "sinds hij bij dhl werkt"
            if end is None and token.lower in ROLE_VERBS and index + 3 < len(tokens) \
                    and tokens[index + 2].lower in ("bij", "voor") and not self._job_before_bij(index + 1):
                chain = self._chain_after_role(index)
                if chain is not None:  # round 20: "hij is postbode bij postnl": any job word before a chain
                    yield self._span(*chain)
            if end is None and token.lower in ROLE_VERBS and self._job_before_bij(index + 1):
                yield from self._after_cue(index, index + 2, job=True)  # round 14: "hij is manager bij de lidl"
            if token.lower in lex.teacher_titles:
                school = self._teachers_school(index)
                if school is not None:  # "juf priya van de springplank": with its article
                    yield self._span(school, school)
            if token.lower == "het" and self._rare_after_het(index + 1):
                yield self._span(index + 1, index + 1)
            saint = self._saint_after_article(index)
            if saint is not None:  # round 14: "naar de sint bavo", "bij het St. Antonius", "van de sint martinusgroep"
                yield self._span(index, saint)
            placed = self._kind_in_place(index)
            if placed is not None:  # round 14: "de vrije school in zeist", "de hervormde kerk in nijkerk"
                yield Span(tokens[index].start, tokens[placed].end, "INSTELLING")
            if token.lower in ("op", "aan") and self._named_school_after(index):  # round 14: "zit op de wolfert"
                yield self._span(index + 2, index + 2)
            if token.lower in ("naar", "to") and self._next(index):
                gym = self._gym_after(index + 1)
                if gym is not None:  # round 14: "ik ga elke dag naar de sportcity": a gym, unlike a shop, is a habit
                    yield self._span(gym[0], gym[1])
            if token.lower in SCHOOL_GROUPS and index > 0 and self._next(index - 1) \
                    and tokens[index - 1].lower in ("het", "'t", "t") and index > 1 \
                    and tokens[index - 2].lower in ("op", "naar", "on", "to"):
                yield self._span(index, index)  # round 14: "ik zit op het sg": a school group written short
            if token.lower in ARTICLES and self._honorific_after_het(index + 1):  # "bij het Koning Willem I"
                last = self._name_after(index + 1, any_case=False)
                if last is not None:
                    yield self._span(index + 1, last)
            if token.lower in ARTICLES and index > 0 and tokens[index - 1].lower in ("op", "naar", "bij", "at", "to"):
                last = self._class_after_name(index)
                if last is not None:  # "op de regenboog in groep 6", "naar de fontein, dat is mijn school"
                    yield self._span(index + 1, last)
            if token.lower in ("dat", "die") and index > 0 and self._next(index - 1) \
                    and (tokens[index - 1].lower in GENERIC_KINDS
                         or self._kind(tokens[index - 1]) in self.lex.institution_heads):
                named = self._named_then_called(index + 1)
                if named is not None:  # "een bedrijf dat vanderlande heet"
                    yield self._span(*named)
            linked = self._english_name(index)
            if linked is not None:  # round 17: "van Doctors without Borders", "werkt bij Bank for Youth"
                yield Span(tokens[index].start, tokens[linked].end, "INSTELLING")
            if self._owner_shop(index):  # round 17: "Mike's Gym", "ali's kapsalon": a shop named after its owner
                yield self._span(index, index + 1)
            if token.lower == "van" and index > 0:
                team = self._team_of(index)
                if team is not None:  # round 17: "de jeugd van Sparta", "de O13 van Feyenoord"
                    yield self._span(*team)
            if token.lower in ("van", "from") and index > 0:
                chain = self._person_of_chain(index)
                if chain is not None:  # "mijn vriend daan van de jumbo", "die man van de albert heijn"
                    yield self._span(chain[0], chain[1])
            town = self._employer_town(index) if token.lower == "gemeente" else None
            if town is not None:  # "hij werkt bij de gemeente zwolle", "bij gemeente den haag"
                yield self._span(index, self._branch_after(town, named=False))  # round 15: "... afdeling vergunningen"
            if token.lower in ARTICLES and not self._after_school_class(index) and self._school_said_before(index):
                last = self._name_after(index, any_case=False)
                tail = last is not None and self._next(last) and self._kind(tokens[last + 1]) in lex.institution_tails
                if last is not None and not tail:  # round 20: "ik zit in groep 5 bij meester kees op de Zonnewijzer"
                    yield self._span(index + 1, last)  # (a name before its kind word is found with the kind word)
            if token.lower in ARTICLES and self._after_school_class(index):  # "in groep 7 van de klimop"
                last = self._name_after(index - 1, any_case=True) if index > 0 else None
                if last is not None:
                    yield self._span(index + 1, last)

    def _english_name(self, index: int) -> Optional[int]:
        """Round 17: an organisation's English name of capitalised words joined by "for" or "without" ("Youth for
        Christ", "Doctors without Borders") after a Dutch preposition or article: the last token, or None."""
        tokens = self.tokens
        if index < 1 or index + 2 >= len(tokens) or tokens[index - 1].lower not in DUTCH_BEFORE_NAME \
                or not self._next(index - 1) or not tokens[index].cap or self._pronoun(tokens[index]):
            return None
        probe = index + 1
        while probe < len(tokens) - 1 and probe - index < MAX_NAME_WORDS and tokens[probe].cap \
                and self._next(probe - 1) and not self._pronoun(tokens[probe]):
            probe += 1  # "Young Life for Kids"
        if tokens[probe].text not in ENGLISH_LINKS or not self._next(probe - 1) or not self._next(probe):
            return None
        if tokens[probe + 1].text == "the" and probe + 2 < len(tokens) and self._next(probe + 1):
            probe += 1
        name = tokens[probe + 1]
        return probe + 1 if name.cap and not self._pronoun(name) and name.lower not in self.lex.non_names else None

    def _owner_shop(self, index: int) -> bool:
        """Round 17: a name with a genitive "'s" right before a kind word: "Mike's Gym", "ali's kapsalon" (a capitalised
        name or a listed given name; not "mama's kapper", nor "Sanne's school" with a kind said bare in lower case)."""
        tokens, word = self.tokens, self.tokens[index].lower
        if not word.endswith(("'s", "’s")) or len(word) < 5 or not self._next(index):
            return False
        owner, kind = word[:-2], self._kind(tokens[index + 1])
        return (kind in self.lex.institution_heads or kind in self.lex.institution_tails) \
            and (tokens[index + 1].cap or kind not in BARE_KINDS) \
            and (tokens[index].cap or owner in word_lists().given_names) and owner not in self.lex.relations \
            and not self._stop(tokens[index])

    def _team_of(self, index: int) -> Optional[tuple[int, int]]:
        """Round 17: the club after a team of it and "van" (`index`): "de jeugd van Sparta", "de JO11 van Feyenoord";
        a capitalised name or a listed club, not a town after a word ("de jeugd van Nederland"), nor lower case ("de
        jeugd van tegenwoordig")."""
        tokens = self.tokens
        start = tokens[index].start
        code = bool(TEAM_CODE.search(self.text, max(0, start - 12), start))
        if not (code or tokens[index - 1].lower in TEAM_WORDS and self._next(index - 1)) or not self._next(index):
            return None
        first = index + 1
        chain = self._chain_end(first)
        if chain is not None:
            return first, chain
        token = tokens[first]
        if not self._proper(token) or self._stop(token) or (self._place(token) and not code) \
                or token.lower in ARTICLES:
            return None
        return first, self._name_after(index, any_case=False, cue=True) or first

    def _higher_education(self, index: int) -> Optional[int]:
        """Round 12: the last token of a university or university of applied sciences starting at `index` ("uva",
        "tu delft", "hogeschool van amsterdam"), with a place or a department after it ("fontys pabo", "avans
        breda"). A short name that is a word too ("rug", "hu", "han") only after a preposition or a cue of study."""
        tokens, lex = self.tokens, self.lex
        if tokens[index].lower not in first_words(lex.higher_education):
            return None
        last = None
        for phrase in by_first_word(lex.higher_education).get(tokens[index].lower, ()):  # longest first
            end = index + len(phrase) - 1
            if end < len(tokens) and tuple(t.lower for t in tokens[index:end + 1]) == phrase \
                    and all(self._next(i) for i in range(index, end)):
                last = end
                break
        if last is None:
            return None
        lists = word_lists()
        word = " ".join(t.lower for t in tokens[index:last + 1])
        if last == index and (word in lex.higher_education_words or lists.ordinary(word)) \
                and not _acronym(tokens[index].text) and not self._after_school_preposition(index):
            return None  # "mijn rug doet pijn", "han is mijn broer"
        taken = 0
        while taken < 2 and self._next(last) and (tokens[last + 1].lower in lex.school_departments
                                                  or self._place(tokens[last + 1])):
            last, taken = last + 1, taken + 1
        return last

    def _after_school_preposition(self, index: int) -> bool:
        """"aan de", "op de", "bij", "naar", "at the", or a cue of study or work right before token `index`."""
        probe = index - 1
        if probe >= 0 and self.tokens[probe].lower in ARTICLES:
            probe -= 1
        if probe < 0 or not self._next(probe):
            return False
        return self.tokens[probe].lower in ("aan", "op", "bij", "naar", "at", "from", "van") \
            or any(self._cue_end(start) == probe for start in range(max(0, probe - 2), probe + 1))

    def _apposition(self, index: int) -> Optional[tuple[int, int]]:
        """Round 12: "een shoarmazaak, de gouden draak, en ...", "zijn garage, Autopoint, is ...": a kind word after
        "een" or a possessive, then between commas one to three words that are no function words, at least one of
        them no Dutch word or capitalised: the name of that place."""
        tokens, lex, lists = self.tokens, self.lex, word_lists()
        generic = tokens[index].lower in GENERIC_FIRMS
        at = index - 1
        while generic and at > 0 and index - at <= 2 and not tokens[at].cap and self._next(at) \
                and tokens[at].lower not in ("een", "an", "a") and tokens[at].lower not in lex.possessives \
                and tokens[at].lower not in lex.handle_stops:
            at -= 1  # round 22: "a small cleaning company, CleanStar, ...": describing words before the kind
        before = tokens[at].lower if at >= 0 else ""
        if not (before in ("een", "an", "a") or before in lex.possessives) or not self._next(index, (", ",)):
            return None
        first = index + 1
        if self._article(first) and self._next(first):
            first += 1
        last = first
        while True:
            token = tokens[last]
            if self._stop(token) or self._pronoun(token) or token.lower in ARTICLES \
                    or (token.lower in lists.frequent_nl and not token.cap):
                return None
            if last + 1 >= len(tokens) or not self._next(last):
                break
            if last - first >= 2:
                return None
            last += 1
        after = self.text[tokens[last].end:tokens[last].end + 2]
        if not (after.startswith(",") or after.strip() == "" and tokens[last].end >= len(self.text.rstrip())):
            return None
        words = tokens[first:last + 1]
        if generic and not all(t.cap for t in words):
            return None  # after a word as wide as "company" only a capitalised name: "a company, CleanStar, ..."
        foreign = any(t.cap or t.lower not in lists.dutch or t.lower in lists.rare
                      or (t.lower in lists.frequent_en and t.lower not in lists.frequent_nl) for t in words)
        nxt = tokens[last + 1].lower if last + 1 < len(tokens) else ""
        if not foreign and not (nxt in APPOSITION_CLOSERS and (len(words) > 1 or first > index + 1)
                                and not any(_verb_like(t.lower, lists.dutch) for t in words)):
            return None  # "een supermarkt, vakkenvullen, en ...": one Dutch word between commas names nothing
        return (first if first == index + 1 else first - 1), last

    def _name_before_kind(self, een: int) -> Optional[tuple[int, int]]:
        """Round 20: a name, a comma and "een" with a kind word: "in de rozenhof, een verzorgingshuis", "op de Linde,
        a primary school". After a preposition and an article, one or two words that are no function, frequent or
        describing words (first and last token of the name)."""
        tokens, lists = self.tokens, word_lists()
        last = een - 1
        if gap(self.text, tokens[last], tokens[een]) not in (", ", " , ", " - ", ": "):
            return None
        first = last
        while first > last - 2 and first - 1 >= 0 and tokens[first - 1].lower not in ARTICLES \
                and self._next(first - 1):
            first -= 1
        if first < 2 or tokens[first - 1].lower not in ARTICLES or not self._next(first - 1) \
                or tokens[first - 2].lower not in ("in", "op", "bij", "naar", "at", "to") or not self._next(first - 2):
            return None
        words = tokens[first:last + 1]
        lex = self.lex
        if any(self._stop(t) or self._pronoun(t) or (t.lower in lists.frequent_nl and not t.cap) or self._describer(t)
               and not t.cap or t.lower in TRADES or t.lower in BARE_KINDS or t.lower in lex.person_nouns
               or t.lower in lex.relations or self._kind(t) in lex.institution_heads
               or self._kind(t) in lex.institution_tails for t in words):
            return None  # not "bij de bakker, een bakkerij"
        return first, last

    def _nationality_before(self, index: int) -> int:
        """"turkse bakkerij istanbul", "poolse supermarkt ...": a word of origin before the kind word is part of the
        name (the inflected forms of `congregation_describers` that end in "se")."""
        before = index - 1
        if before >= 0 and self._next(before) and self.tokens[before].lower.endswith("se") \
                and self.tokens[before].lower in self.lex.congregation_describers:
            return before
        return index

    def _adjective_before(self, index: int) -> int:
        """"forensisch centrum de kijvelanden", "psychiatrische kliniek de ...": an adjective right before a weak kind
        word belongs to the name."""
        before = index - 1
        word = self.tokens[before].lower if before >= 0 else ""
        if before >= 0 and self._next(before) and word.endswith(("isch", "ische")) and len(word) > 6 \
                and word not in word_lists().frequent_nl:
            return before
        return index

    def _bare_weak_head_name(self, index: int) -> Optional[int]:
        """Last token of the name after a preposition and a weak kind word without an article: "op leefgroep
        regenboog", "op afdeling de eik", "in groep de dolfijnen" (a group of a day care or a school, which a
        number names otherwise: "in groep 7"); the name is one word that is no function, frequent, describing or
        inflected word, with an article before it for "groep"."""
        tokens, lists = self.tokens, word_lists()
        if index < 1 or tokens[index - 1].lower not in WEAK_HEAD_PREPOSITIONS or not self._next(index - 1) \
                or not self._next(index):
            return None
        name = index + 1
        if self._article(name):
            if not self._next(name):
                return None
            name += 1
        elif tokens[index].lower == "groep":
            return None
        if tokens[index].lower != "groep" and name > index + 1:
            return None  # with an article: _weak_head_name
        token = tokens[name]
        word = token.lower
        if self._stop(token) or self._weak_describer(token) or word in lists.frequent_nl or word in lists.frequent_en \
                or self._function_word(token) or word in self.lex.person_nouns or _verb_like(word, lists.dutch) \
                or word in self.lex.school_parts or len(word) < 3 or word in self.lex.institution_heads:
            return None
        if tokens[index].lower != "groep" and _plural(word):
            return None
        return name

    def _branch_after(self, last: int, named: bool) -> int:
        """"rijn college locatie noord": a branch word and its name after a school's name; "het montessori
        lyceum westpoort": after a named school a lower-case word that web text has mostly as a name, or a place."""
        tokens, lists = self.tokens, word_lists()
        if self._next(last) and last + 2 < len(tokens) and tokens[last + 1].lower in BRANCH_WORDS \
                and self._next(last + 1) and not self._stop(tokens[last + 2]) \
                and tokens[last + 2].lower not in ARTICLES and (tokens[last + 2].lower not in lists.frequent_nl
                     or tokens[last + 2].lower in self.lex.institution_areas):
            return last + 2
        if named and self._next(last) and last + 1 < len(tokens):
            token = tokens[last + 1]
            word = token.lower
            if not token.cap and len(word) > 3 and (word in lists.rare or self._place(token)) \
                    and not self._stop(token) and word not in lists.frequent_nl and word not in self.lex.common_words \
                    and not _inflected(word, lists.dutch):
                return last + 1
        return last

    def _school_kind(self, index: int) -> bool:
        """"school" after a word that makes it a kind of school ("vrije school", "brede school")."""
        return self._kind(self.tokens[index]) == "school" and index > 0 and self._next(index - 1) \
            and self.tokens[index - 1].lower in SCHOOL_KINDS

    def _employer_town(self, index: int) -> Optional[int]:
        """Last token of the town in "werkt bij de gemeente zwolle", "ambtenaar bij gemeente Den Haag": a municipality
        and its town after a word of work or "bij" (not "ik woon in de gemeente ...", where the town is said anyway)."""
        tokens = self.tokens
        if not self._next(index) or tokens[index + 1].lower in ARTICLES:
            return None
        town = self._place_phrase(index + 1) or (index + 1 if self._place(tokens[index + 1]) else None)
        if town is None:
            return None
        window = [t.lower for t in tokens[max(0, index - 4):index]]
        before = index - 1 - (index > 1 and tokens[index - 1].lower in ARTICLES)
        if any(w in self.lex.work_words for w in window) \
                or (before >= 0 and tokens[before].lower in ("bij", "for", "at") and self._next(before)):
            return town
        return None

    def _trade_family(self, index: int) -> Optional[int]:
        """Last token of "de vries" in "tandarts de vries", "makelaardij van dijk", "bakker Jansen": after a trade,
        particles and a listed family name, or a capitalised one inside the sentence."""
        first = index + 1
        if not self._next(index):
            return None
        last = first
        while last < len(self.tokens) - 1 and self.tokens[last].lower in self.lex.name_particles and self._next(last):
            last += 1
        token = self.tokens[last]
        if self._stop(token) and not token.cap or token.lower in self.lex.person_nouns:
            return None
        surname = token.lower in word_lists().surnames and not self._stop(token) and len(token.lower) > 2
        listed = surname and (last > first or not word_lists().ordinary(token.lower))
        capitalised = last == first and token.cap and not token.sentence_start and not self._pronoun(token) \
            and not token.text.isupper() and "-" not in token.text
        return last if listed or capitalised else None

    def _ending_head(self, index: int) -> bool:
        """"judovereniging", "verhuisbedrijf", "drukkerij": a dictionary word ending in a kind of club, firm or school
        (KIND_ENDINGS) before a capitalised word inside the sentence (or a capitalised article: "De Vries")."""
        token, tokens = self.tokens[index], self.tokens
        word = token.lower
        if not word.endswith(KIND_ENDINGS) or not self._next(index) or self._stop(token):
            return False
        after = tokens[index + 1]
        named = after.lower in ARTICLES or after.lower in self.lex.name_particles  # "De Vries", "Van den Berg"
        if not after.cap or after.sentence_start or after.lower in self.lex.subject_verbs \
                or (not named and (self._pronoun(after) or after.lower in self.lex.non_names)):
            return False
        if word in KIND_WORDS:  # "gym Fightzone"; not "gym Morgen"
            return after.lower not in word_lists().frequent_nl
        ending = next(e for e in KIND_ENDINGS if word.endswith(e))
        stem = word[:-len(ending)]
        lists = word_lists()
        return len(stem) >= 3 and (lists.ordinary(word) or lists.ordinary(stem)
                                   or (stem[-1] == "s" and lists.ordinary(stem[:-1])))

    def _lower_ending_head(self, index: int) -> bool:
        """"vishandel", "drukkerij", "judovereniging" in lower case: a dictionary compound ending in a kind of firm,
        club or school (KIND_ENDINGS) before an article; the name after it is checked like a weak head's."""
        token = self.tokens[index]
        word = token.lower
        if token.cap or not word.endswith(KIND_ENDINGS) or word in KIND_WORDS or self._stop(token) \
                or not self._next(index) or index + 1 >= len(self.tokens) or not self._article(index + 1):
            return False
        ending = next(e for e in KIND_ENDINGS if word.endswith(e))
        stem, lists = word[:-len(ending)], word_lists()
        return len(stem) >= 3 and lists.ordinary(word) and word not in lists.frequent_nl

    def _saint_after_article(self, index: int) -> Optional[int]:
        """Round 14: after a preposition and an article, a saint's title and a name ("naar de sint bavo", "bij het St.
        Antonius", "van de sint martinusgroep") name a church, hospital, school or group: a person takes no article
        there (not "de sint komt": no name after the title)."""
        tokens = self.tokens
        if index >= 2 and self._glued_saint(tokens[index]) and tokens[index - 1].lower in ARTICLES \
                and tokens[index - 2].lower in HET_PREPOSITIONS and self._next(index - 2) and self._next(index - 1):
            return index  # round 16: "naar de sint-dominicus", "in de st-jozef"
        if index < 2 or tokens[index].lower not in ("sint", "st", "sint-", "saint") \
                or tokens[index - 1].lower not in ARTICLES or tokens[index - 2].lower not in HET_PREPOSITIONS \
                or not self._next(index - 2) or not self._next(index - 1) \
                or not (self._title_before_name(index) or self._saint_name(index)):
            return None
        name = tokens[index + 1]
        if (name.lower in word_lists().frequent_nl and not name.cap) or name.lower in SAINT_FEASTS:
            return None
        return self._name_after(index + 1, any_case=False) or index + 1

    def _saint_name(self, index: int) -> bool:
        """Round 16: "in het st. antonius", "naar de sint bavo": after a preposition, an article and a saint's title,
        a word that is no function word or frequent word is the saint's name, in lower case too."""
        if not self._next(index, (" ", ". ")):
            return False
        name = self.tokens[index + 1]
        return len(name.lower) > 3 and name.lower.isalpha() and not self._stop(name) \
            and name.lower not in word_lists().frequent_nl and name.lower not in SAINT_FEASTS

    def _glued_saint(self, token: Token) -> bool:
        """"sint-dominicus", "st-jozef": a saint's title and a given name joined by a hyphen, one token."""
        head, _, name = token.lower.partition("-")
        return head in ("sint", "st") and len(name) > 2 and name not in SAINT_FEASTS \
            and (name in word_lists().given_names or (name not in word_lists().frequent_nl and not self._stop(token)))

    def _kind_in_place(self, index: int) -> Optional[int]:
        """Round 14: a school or church with a word of its kind ("vrije", "hervormde") and a town after "in": the
        town's one school or church of that kind ("de vrije school in zeist"). Returns the town's token."""
        tokens = self.tokens
        word = tokens[index].lower
        if word in GLUED_KINDS and index + 2 < len(tokens) and self._next(index) and self._next(index + 1) \
                and tokens[index + 1].lower in ("in", "te", "uit") and self._place(tokens[index + 2]):
            return index + 2  # round 16: "de vrijeschool in zutphen", "de isk in amersfoort"
        if word in SCHOOL_METHODS and index > 0 and tokens[index - 1].lower in ARTICLES and index + 2 < len(tokens) \
                and self._next(index) and self._next(index + 1) and tokens[index + 1].lower in ("in", "te", "uit"):
            two = self._place_phrase(index + 2)  # "den haag"
            if two is not None or self._place(tokens[index + 2]) \
                    or tokens[index + 2].lower in self.lex.institution_areas:
                return two or index + 2  # round 20: "op het dalton in den haag", "de montessori in oost"
        if word not in SCHOOL_KINDS and word not in self.lex.congregation_describers:
            return None
        if index + 3 >= len(tokens) or not all(self._next(i) for i in range(index, index + 3)):
            return None
        kind, link, town = tokens[index + 1], tokens[index + 2], tokens[index + 3]
        if self._kind(kind) not in ("school", "kerk", "basisschool", "moskee", "gemeente", "church", "school's") \
                or link.lower not in ("in", "te", "uit") or not self._place(town):
            return None
        return index + 3

    def _named_compound_head(self, index: int) -> bool:
        """Round 14: "gymnastiekvereniging olympia", "korfbalclub dos'46", "loodgietersbedrijf bakker": a lower-case
        dictionary compound ending in a kind of club or firm (`NAMED_ENDINGS`) whose first part is a word, before a
        word that is no function, frequent or describing word: a head like those of `named_heads`."""
        token = self.tokens[index]
        word = token.lower
        if token.cap or not word.endswith(NAMED_ENDINGS) or not self._next(index) or self._stop(token):
            return False
        before = index - 1 - (index > 1 and self.tokens[index - 1].lower in ARTICLES)
        if before < 0 or self.tokens[before].lower not in BARE_HEAD_PREPOSITIONS \
                or not all(self._next(i) for i in range(before, index)):
            return False  # only where a place is said: "bij", "van", "op" ("de volkstuinvereniging viert ...")
        after = self.tokens[index + 1]
        if after.lower in ARTICLES or after.cap or self._stop(after) or self._describer(after) \
                or len(after.lower) < 3 or after.lower in word_lists().frequent_nl \
                or _participle(after.lower, word_lists().dutch) or _finite(after.lower, word_lists().dutch):
            return False  # with an article or a capital the other rules read it ("toneelvereniging de schakel")
        lists = word_lists()
        ending = next(e for e in NAMED_ENDINGS if word.endswith(e))
        stem = word[:-len(ending)]
        return len(stem) >= 3 and (lists.ordinary(stem) or (stem[-1] == "s" and lists.ordinary(stem[:-1]))
                                   or (stem.endswith("en") and lists.ordinary(stem[:-2])))

    def _compound_head(self, index: int) -> bool:
        """"pinkstergemeente de levensbron", "evangeliekerk de rots": a compound of a word and a kind of
        congregation (`named_head_endings`), before an article."""
        word = self.tokens[index].lower
        if not word.endswith(self.lex.named_head_endings) or not self._next(index):
            return False
        after = self.tokens[index + 1]  # "pinkstergemeente de levensbron", "pinkstergemeente elim"
        if after.lower not in ARTICLES and (self._stop(after) or self._describer(after) or after.lower in
                                            word_lists().frequent_nl or len(after.lower) < 3):
            return False
        lists = word_lists()
        for ending in self.lex.named_head_endings:
            stem = word[:-len(ending)]
            if word.endswith(ending) and len(stem) >= 4 and (
                    lists.ordinary(stem) or (stem[-1] == "s" and lists.ordinary(stem[:-1]))
                    or (stem.endswith("en") and lists.ordinary(stem[:-2]))):
                return True
        return False

    def _weak_head_name(self, index: int) -> Optional[int]:
        """Last token of the name after a kind word too common to be a head (`WEAK_HEADS`: "opvang", "onderwijs"),
        an article and one or two words that are no frequent, describing, plural or function word: "de opvang de
        klimroos"; not "in de opvang de regels", "de hele dag"."""
        tokens, lists = self.tokens, word_lists()
        article = index + 1
        if article + 1 >= len(tokens) or not self._next(index) or not self._article(article) \
                or not self._next(article):
            return None
        last = None
        for probe in (article + 1, article + 2):
            if probe >= len(tokens) or (probe > article + 1 and not self._next(probe - 1)):
                break
            token = tokens[probe]
            word = token.lower
            # "advocatenkantoor de jong en partners": a family name after "de" that is a frequent word, ending the name
            family = probe == article + 1 and tokens[article].lower == "de" and self._family_name(token) \
                and (self._clause_end_after(probe) or tokens[probe + 1].lower in AFTER_NAME_WORDS)
            if family:
                return probe
            if self._stop(token) or self._weak_describer(token) or word in lists.frequent_nl or word in ARTICLES \
                    or self._function_word(token) or word in self.lex.person_nouns or _verb_like(word, lists.dutch) \
                    or _plural(word) or word in lists.frequent_en:
                break
            last = probe
            if self._clause_end_after(probe):
                break
        return last

    def _clause_end_after(self, index: int) -> bool:
        rest = self.text[self.tokens[index].end:self.tokens[index].end + 2]
        return not rest or not rest.startswith(" ") or index + 1 >= len(self.tokens)

    def _named_by_verb(self, index: int) -> Optional[tuple[int, int]]:
        """(first, last) token of the name after a kind word and a naming verb: "mijn school heet de klimop" (any
        words after "heet"), "my school is riverside international school" (after "is" only words ending in a
        kind word, the first no frequent word: not "mijn school is de beste school")."""
        tokens, lists = self.tokens, word_lists()
        verb = index + 1
        if not self._next(index) or tokens[verb].lower not in NAMING_VERBS or not self._next(verb):
            return None
        if tokens[verb + 1].lower in CALLED and self._next(verb + 1):
            verb += 1  # "my school is called ..."
        first = verb + 1 + (tokens[verb + 1].lower in ARTICLES)
        if first >= len(tokens) or not self._next(first - 1):
            return None
        if tokens[verb].lower in CALLED:
            last = self._name_after(verb, any_case=True)
            return (verb + 1, last) if last is not None else None
        opener = tokens[first]
        if self._function_word(opener) or self._stop(opener) or opener.lower in lists.frequent_nl \
                or opener.lower in lists.frequent_en or self._describer(opener):
            return None
        for probe in range(first + 1, min(first + MAX_NAME_WORDS + 1, len(tokens))):
            if not self._next(probe - 1):
                return None
            kind = self._kind(tokens[probe])
            if kind in self.lex.institution_tails or kind in self.lex.institution_heads:
                return verb + 1, probe
            if self._function_word(tokens[probe]):
                return None
        return None

    def _faith_name(self, index: int) -> Optional[int]:
        """Last token of "levend water" in "pinkstergemeente levend water": after a compound of a word of faith
        (`faith_stems`) and a kind of congregation, up to three words that are no function word, the first no
        frequent word either ("pinkstergemeente elke zondag" names nothing)."""
        word, lex = self.tokens[index].lower, self.lex
        if not word.endswith(lex.named_head_endings) or not word.startswith(lex.faith_stems) or not self._next(index):
            return None
        last, probe = None, index + 1
        while probe < len(self.tokens) and probe - index <= MAX_NAME_WORDS and self._next(probe - 1):
            token = self.tokens[probe]
            if token.lower in ARTICLES or self._function_word(token) \
                    or (probe == index + 1 and token.lower in word_lists().frequent_nl):
                break
            last, probe = probe, probe + 1
        return last

    def _function_word(self, token: Token) -> bool:
        """A word that never belongs to a congregation's name: function words, verbs that follow a subject."""
        lex, word = self.lex, token.lower
        return word in lex.not_names_after_cue or word in lex.subject_verbs or word in lex.handle_stops \
            or word in lex.possessives or word in lex.street_particles or word in lex.told_verbs \
            or word in lex.person_verbs or word in lex.non_names or word in AREA_LINKS or len(word) < 2

    def _congregation(self, index: int) -> bool:
        """"evangelische gemeente de bron": a kind of congregation as a word of its own, after a word of faith
        (`congregation_describers`) and before an article."""
        return 0 < index and self.tokens[index].lower in self.lex.named_head_endings \
            and self.tokens[index - 1].lower in self.lex.congregation_describers and self._next(index - 1) \
            and self._next(index) and (self.tokens[index + 1].lower in ARTICLES or self._title_before_name(index + 1)
                                       or (self.tokens[index + 1].cap and not self._stop(self.tokens[index + 1])))

    def _teachers_school(self, index: int) -> int | None:
        """"juf priya van de springplank": a teacher (`teacher_titles`), a name, "van"/"op", an article and a word
        that is no frequent word, none the bot uses and no kind word ("juf anna van de klas", "van de bso")."""
        tokens, lists = self.tokens, word_lists()
        school = index + 4
        if index + 3 < len(tokens) and tokens[index + 1].lower in ("op", "bij") and self._article(index + 2) \
                and self._next(index) and self._next(index + 1) and self._next(index + 2):
            # round 12: "juf op de vlinderboom": a teacher at a school whose name is in no dictionary
            token = tokens[index + 3]
            word = token.lower
            # round 20: or a Dutch word that is no common word, kind word, part of a school or describing word ("juf
            # op de klimop"; not "juf op de gang", "meester op het plein")
            rare = word not in lists.dutch or (
                word not in lists.frequent_nl and word not in self.lex.common_words
                and word not in self.lex.institution_heads and word not in self.lex.institution_tails
                and word not in self.lex.school_parts and word not in BARE_KINDS and word not in SCHOOL_METHODS
                and word not in SCHOOL_KINDS and not word.endswith(ADJECTIVE_ENDINGS) and not _plural(word)
                and not _inflected(word, lists.dutch))
            if not token.cap and rare and not self._stop(token) and len(word) > 3 \
                    and word not in lists.places and not self._describer(token):
                return index + 3
            return None
        if school >= len(tokens) or not all(self._next(i) for i in range(index, school)) \
                or tokens[index + 2].lower not in ("van", "op") or tokens[index + 3].lower not in ARTICLES:
            return None
        name, token = tokens[index + 1], tokens[school]
        if self._stop(name) or name.lower in lists.frequent_nl:
            return None
        word = token.lower
        if self._stop(token) or word in lists.frequent_nl or word in self.lex.common_words or len(word) < 4 \
                or word in self.lex.institution_heads or word in self.lex.institution_tails \
                or word in self.lex.institution_describers or word in self.lex.school_parts \
                or word.endswith(ADJECTIVE_ENDINGS):
            return None
        return school

    def _named_then_called(self, first: int) -> Optional[tuple[int, int]]:
        """(first, last) token of the name between "dat"/"die" and "heet": one to three words, no function word."""
        tokens = self.tokens
        start = first + 1 if first < len(tokens) and self._article(first) else first
        for last in range(start, min(start + MAX_NAME_WORDS, len(tokens) - 1)):
            if not self._next(last - 1) or self._function_word(tokens[last]) and not self._article(last):
                return None
            if tokens[last + 1].lower in ("heet", "heette", "hete", "heten") and self._next(last):
                return first, last
        return None

    def _class_after_name(self, index: int) -> Optional[int]:
        """Last token of "regenboog" in "op de regenboog in groep 6" or "naar de fontein, dat is mijn school": after
        a preposition and an article, one or two words that are no function, frequent or describing word, then a
        school class or "dat is mijn school"."""
        tokens, lists = self.tokens, word_lists()
        last = None
        for probe in (index + 1, index + 2):
            if probe >= len(tokens) or not self._next(probe - 1):
                break
            token = tokens[probe]
            if self._stop(token) or self._function_word(token) or self._describer(token) \
                    or token.lower in lists.frequent_nl or token.lower in ARTICLES or _plural(token.lower):
                break
            last = probe
            if CLASS_AFTER.match(self.text, token.end) or THAT_IS_MY.match(self.text, token.end):
                return last
        return None

    def _after_school_class(self, index: int) -> bool:
        """"groep 7 van de klimop", "klas 2b op het vathorst": an article after a school class and "van"/"op" opens
        the school's name."""
        if index < 1 or self.tokens[index - 1].lower not in ("van", "op", "bij") or not self._next(index - 1):
            return False
        if SCHOOL_CLASS.search(self.text, max(0, self.tokens[index - 1].start - 16),
                               self.tokens[index - 1].start) is not None:
            return True
        before = self.tokens[index - 1].start
        if index + 1 >= len(self.tokens) or not SCHOOL_LEVEL.search(self.text, max(0, before - 16), before):
            return False
        name, lex = self.tokens[index + 1], self.lex
        kind = self._kind(name)
        if self.tokens[index - 1].lower != "van" and not name.cap:
            return False  # "de brugklas van het calvijn", "3 vwo op het Stanislas"; not "in de brugklas op de fiets"
        return not self._stop(name) and name.lower not in word_lists().frequent_nl and kind not in BARE_KINDS \
            and kind not in lex.institution_heads and kind not in lex.institution_tails \
            and not name.lower.endswith(("school", "college", "lyceum")) and not self._place(name)

    def _school_said_before(self, index: int) -> bool:
        """Round 20: "op" and an article, a capitalised word inside the sentence that is no place, function word or
        service, and earlier in the message a school class ("groep 7", "klas 2b") or a teacher ("juf", "meester"),
        or right before it a verb of sitting or studying ("zitten op de Brug"): the school's name ("in groep 7 bij juf
        Mira op de Walvis"), not "op de Veluwe"."""
        tokens = self.tokens
        if index < 1 or index + 1 >= len(tokens) or tokens[index - 1].lower not in ("op", "van") \
                or not self._next(index - 1) or not self._next(index):
            return False
        name = tokens[index + 1]
        if not name.cap or name.sentence_start or self._stop(name) or self._pronoun(name) or self._place(name) \
                or name.lower in self.lex.non_names or name.lower in self.lex.months \
                or name.lower in self.lex.bare_streets:
            return False
        if index >= 2 and tokens[index - 2].lower in SCHOOL_SEATS and tokens[index - 1].lower == "op" \
                and self._next(index - 2) and name.lower not in self.lex.quarters \
                and name.lower not in word_lists().frequent_nl:  # not "zat op de Bank"
            return True  # "mijn kinderen zitten op de Brug": a capitalised name where a school is said
        return any(t.lower in self.lex.teacher_titles and t.lower not in ("meneer", "mevrouw")
                   for t in tokens[max(0, index - 8):index - 1]) \
            or SCHOOL_SAID.search(self.text, max(0, tokens[index - 1].start - 60), tokens[index - 1].start) is not None

    def _honorific_after_het(self, index: int) -> bool:
        """"op het koning willem i", "bij het Prins Claus": after a preposition and "het" a title before a given
        name: a school or hospital named after a royal or a saint (a person never takes "het")."""
        return 2 <= index < len(self.tokens) - 1 and self.tokens[index - 2].lower in HET_PREPOSITIONS \
            and self._next(index - 2) and self._next(index - 1) and self._honorific(index)

    def _rare_after_het(self, index: int) -> bool:
        """"van het maasstad", "in het rijnstate": after "het" (never before a person's name) a lower-case word
        that web text has mostly as a name and no dictionary has, and no compound of words: a hospital, a school."""
        if index >= len(self.tokens) or not self._next(index - 1):
            return False
        token, lists = self.tokens[index], word_lists()
        word = token.lower
        if not token.cap and len(word) > 4 and word in lists.rare and not self._stop(token) \
                and word not in self.lex.common_words and not _inflected(word, lists.dutch) \
                and not _two_words(word, lists.dutch):
            return True
        # "zit op het marnix", "in de brugklas van het erasmus", "op het hoornbeeck": after a preposition and "het",
        # a given name (a person's name never takes "het") or a word that is in no list names a school or hospital
        if index < 2 or self.tokens[index - 2].lower not in HET_PREPOSITIONS or not self._next(index - 2) \
                or len(word) < 4 or self._stop(token) or word in self.lex.common_words \
                or (lists.ordinary(word) and word not in lists.rare) or token.text.isupper() or word in lists.streets \
                or word.endswith(self.lex.street_suffixes_any_case) \
                or all(lists.ordinary(part) for part in word.split("-")):  # "WODC", "Rembrandtplein", "triage-"
            return False
        return word in lists.given_names or word in self.lex.given_names \
            or (word not in lists.places and not _inflected(word, lists.dutch) and not _two_words(word, lists.dutch))

    def _after_cue(self, start: int, end: int, job: bool = False) -> Iterator[Span]:
        tokens = self.tokens
        first = end + 1 + (tokens[end + 1].lower in ARTICLES if end + 1 < len(tokens) else 0)
        work = job or any(t.lower in self.lex.work_words or t.lower in MEMBER_WORDS for t in tokens[start:end + 1])
        if work and first + 2 < len(tokens) and tokens[first].lower in FIRM_PARTS and self._next(first) \
                and tokens[first + 1].lower in ("van", "of") and self._next(first + 1):
            part = first + 2 + (tokens[first + 2].lower in ARTICLES)
            if self._chain_end(part) is not None:  # "werk bij het callcenter van ziggo": the firm, not its part
                first = part
        if work and first + 2 < len(tokens) and tokens[first].lower == "ministerie" \
                and tokens[first + 1].lower == "van" and self._next(first) and self._next(first + 1):
            yield self._span(first, first + 2)  # round 14: "werkt bij het ministerie van justitie"
            return
        chain = (self._chain_end(first) or self._chain_typo_end(first)) if work else None
        if chain is None and tokens[end].lower == "op" and first < len(tokens) and self._place(tokens[first]):
            return  # round 17: "werkt op Schiphol" names a workplace, "werk op Texel" a town
        if chain is not None:  # "werkt bij de albert heijn", not "ga naar de jumbo"
            last = self._name_after(chain, any_case=False, cue=True) or chain
            while self._next(last) and tokens[last + 1].lower in self.lex.chain_sites:
                last += 1  # "de jumbo distributiecentrum", "albert heijn xl"
            if self._next(last) and self._place(tokens[last + 1]) \
                    and tokens[last + 1].lower not in self.lex.institution_areas \
                    and tokens[last + 1].lower not in WORD_TOWNS \
                    and tokens[last + 1].lower not in word_lists().frequent_nl:
                last += 1  # round 17: "PostNL sorteercentrum Nieuwegein"; round 21: "tata steel ijmuiden", the site
            elif self._next(last, (" ", ".")) and tokens[last + 1].lower in SPACED_DOMAINS:
                last += 1  # round 21: "bol com", "coolblue nl": a web shop written with a space
            yield self._span(first, last)
            return
        if work and first + 1 < len(tokens) and self._next(first) and tokens[first + 1].lower in SPACED_DOMAINS \
                and not self._stop(tokens[first]) and tokens[first].lower not in ARTICLES \
                and tokens[first].lower not in word_lists().frequent_nl:
            yield self._span(first, first + 1)  # round 21: "werkt bij zalando com": a web shop written with a space
            return
        if first + 1 < len(tokens) and tokens[first].lower in VENUE_KINDS and self._next(first) \
                and first == end + 1 and self._venue_name(first + 1):
            last = first + 1
            if self._next(last) and self._venue_name(last + 1):
                last += 1
            yield self._span(first, last)  # round 21: "uitsmijter bij club paradiso", a venue by its kind word
            return
        if work and first + 1 < len(tokens) and self._next(first, (".",)) and tokens[first + 1].lower in WEB_DOMAINS \
                and not self._stop(tokens[first]) and not (first + 2 < len(tokens) and self._next(first + 1, ("@",))):
            yield self._span(first, first + 1)  # round 15: "i work at booking.com", "werkt bij thuisbezorgd.nl"
            return
        last = self._name_after(end, any_case=False, cue=True)
        tail = self._tail_after_cue(first)
        if tail is not None and (last is None or last < tail):  # "works at riverside bakery", "studeert aan erasmus
            yield self._span(first, tail)                        # university": lower-case words and a kind word
            return
        town = self._employer_in_town(first) if work else None
        if town is not None and (last is None or last < town):  # "werkt bij de sociale dienst amsterdam"
            yield self._span(first, town)
            return
        if last is not None and first <= last:
            yield self._span(first, last)
        elif work and first + 1 < len(tokens) and self._next(first - 1) and self._next(first) \
                and self._kind_then_name(first):
            yield self._span(first, first + 1)  # round 14: "werkt bij woningcorporatie ymere"
        elif first == end + 1 and first < len(tokens) and self._sport_club(end):
            town = first + 1 if self._next(first) and first + 1 < len(tokens) and self._place(tokens[first + 1]) \
                else first
            yield self._span(first, town)  # round 19: "voetbalt bij sparta nijkerk"
        elif work and first < len(tokens) and self._next(first - 1) and self._short_acronym(tokens[first]):
            yield self._span(first, first)  # round 14: "werkt bij het OM", "werkt bij rws", "bij het cbr"
        elif work and first < len(tokens) and self._next(first - 1) and (self._firm_word(tokens[first])
                                                                          or self._unknown_word(tokens[first])):
            yield self._span(first, first)  # "hij werkt bij vanderlande": a word web text has mostly as a name

    def _venue_name(self, index: int) -> bool:
        """Round 21: a word that may name a venue after its kind word ("club rodeo"): no function, frequent or
        describing word, no article, pronoun or verb of the clause."""
        token, lists = self.tokens[index], word_lists()
        word = token.lower
        return len(word) > 2 and not self._stop(token) and not self._pronoun(token) and word not in ARTICLES \
            and word not in lists.frequent_nl and word not in self.lex.relations and word not in self.lex.possessives \
            and not _finite(word, lists.dutch) and word not in self.lex.work_words

    def _gapped_cue_end(self, index: int) -> Optional[int]:
        """Round 20: a verb of work or sport, one to three words that are no article, preposition or noun of a place
        ("allebei", "al jaren", "sinds kort", "hij", "tegenwoordig fulltime") and "bij"/"at"/"for": the index of
        "bij", the end of a work cue ("ze werken allebei bij philips", "nu werkt hij bij de gamma")."""
        tokens, lex = self.tokens, self.lex
        for end in (index + 2, index + 3, index + 4):
            if end >= len(tokens) or not YEAR_GAP.fullmatch(gap(self.text, tokens[end - 2], tokens[end - 1])) \
                    or not YEAR_GAP.fullmatch(gap(self.text, tokens[end - 1], tokens[end])):
                return None  # "werkt sinds 2019 bij": a year or count between the words
            between = tokens[end - 1]
            if between.lower in ("bij", "at", "for"):
                return None
            if between.cap and not between.sentence_start or between.lower in ARTICLES \
                    or between.lower in GAP_STOPS or between.lower in lex.possessives \
                    or between.lower in lex.street_particles and between.lower not in ("voor", "over"):
                return None
            if tokens[end].lower in ("bij", "at", "for"):
                return end
        return None

    def _work_before_verb(self, index: int) -> Iterator[Span]:
        """Round 20: "bij" (or "at"), a workplace or club and, right after it or after its town ("in <town>"), a
        verb of work or sport closing the clause: "sinds hij bij dhl werkt", "bij de gamma in zwolle werkt zijn
        broer", "omdat ze bij Coolblue gewerkt heeft". The workplace is read as after "werkt bij"."""
        tokens = self.tokens
        for span in self._after_cue(index, index, job=True):
            after = next((i for i, t in enumerate(tokens) if t.start >= span.end), None)
            if after is not None and tokens[after].lower in AREA_LINKS and after + 1 < len(tokens) \
                    and self._place(tokens[after + 1]) and self._next(after):
                after += 2  # "bij dhl in tilburg werkt"
            if after is not None and after < len(tokens) and tokens[after].lower in FINAL_WORK_VERBS \
                    and gap(self.text, tokens[after - 1], tokens[after]).strip() == "":
                yield span

    def _chain_after_role(self, index: int) -> Optional[tuple[int, int]]:
        """Round 20: a form of "zijn", a lower-case word of one's role and "bij"/"voor", then a shop or firm with many
        branches: "hij is postbode bij postnl", "ze is invalkracht bij de hema" (first and last token)."""
        tokens = self.tokens
        role = tokens[index + 1]
        if role.cap or self._stop(role) or self._pronoun(role) or role.lower in ARTICLES or role.lower in NOT_ROLES \
                or not self._next(index) or not self._next(index + 1) or not self._next(index + 2):
            return None
        first = index + 3 + (tokens[index + 3].lower in ARTICLES and self._next(index + 3))
        end = self._chain_end(first)
        if end is None or (end == first and tokens[first].lower in word_lists().frequent_nl):
            return None
        return first, end

    def _sport_club(self, end: int) -> bool:
        """Round 19: "bij" after a verb of a club sport, then a lower-case word that may be a club's name."""
        tokens, lists = self.tokens, word_lists()
        if end < 1 or tokens[end].lower != "bij" \
                or tokens[end - 1].lower not in SPORT_VERBS and tokens[end - 1].lower not in SPORT_NOUNS \
                or not self._next(end - 1) or not self._next(end):
            return False
        token = tokens[end + 1]
        word = token.lower
        return not self._stop(token) and not self._pronoun(token) and word not in lists.frequent_nl \
            and word not in self.lex.relations and word not in self.lex.person_nouns \
            and word not in self.lex.possessives and word not in lists.given_names and not _plural(word) \
            and len(word) > 2 and not self._describer(token)

    def _tail_after_cue(self, first: int) -> Optional[int]:
        """The kind word that ends one or two lower-case words right after a cue of work or study ("werkt bij", "works
        at"), none of them a function, frequent or describing word: the name of the workplace or school."""
        tokens, lists = self.tokens, word_lists()
        for tail in (first + 1, first + 2):
            if tail >= len(tokens) or not all(self._next(i) for i in range(first, tail)):
                return None
            kind = self._kind(tokens[tail])
            if kind in self.lex.institution_tails or (kind.endswith(CARE_TAIL_ENDINGS) and len(kind) > 6):
                words = tokens[first:tail]
                if all(not self._stop(t) and t.lower not in lists.frequent_nl and t.lower not in lists.frequent_en
                       and t.lower not in ARTICLES and not self._pronoun(t)
                       and t.lower not in self.lex.institution_heads
                       and t.lower not in self.lex.institution_describers and not t.lower.endswith(ADJECTIVE_ENDINGS)
                       for t in words):
                    return tail
                return None
        return None

    def _employer_in_town(self, first: int) -> Optional[int]:
        """Round 14: after a cue of work, one or two lower-case words and a town or region right after them name the
        employer's branch there ("werkt bij de sociale dienst amsterdam", "bij de brandweer amsterdam-amstelland",
        "vrijwilligerswerk bij de voedselbank zuidoost", "de havenbedrijf rotterdam"). Returns the town's token."""
        tokens, lex = self.tokens, self.lex
        for town in (first + 1, first + 2):
            if town >= len(tokens) or not all(self._next(i) for i in range(first, town)):
                return None
            words = tokens[first:town]
            if any(t.cap or t.lower in ARTICLES or self._pronoun(t) or t.lower in lex.non_names
                   or t.lower in lex.not_names_after_cue or t.lower in lex.street_particles for t in words):
                return None
            word = tokens[town].lower
            if word in WORD_TOWNS or word in lex.not_names_after_cue:  # "lid van de familie een ...": not Een
                return None
            if self._place(tokens[town]) or word in lex.institution_regions or word in lex.institution_areas \
                    or ("-" in word and all(self._place_word(part) for part in word.split("-"))):
                return town
        return None

    def _place_word(self, part: str) -> bool:
        lists = word_lists()
        return part in lists.places or part in self.lex.institution_regions

    def _chain_typo_end(self, first: int) -> Optional[int]:
        """Round 14: a chain written with one letter wrong, missing, added or swapped after a cue of work ("kruidvaat",
        "albert hein", "mediamark"): each word of five letters or more that is no ordinary word at most one edit from
        the chain's word (not "blokken" for "blokker"), the shorter words the same."""
        tokens = self.tokens
        if first >= len(tokens) or tokens[first].cap and tokens[first].sentence_start:
            return None
        for phrase in self.lex.chains:
            end = first + len(phrase) - 1
            if end >= len(tokens) or not all(self._next(i) for i in range(first, end)):
                continue
            words = [t.lower for t in tokens[first:end + 1]]
            if any(len(w) >= 5 for w in phrase) and all(
                    w == p or (len(p) >= 5 and not word_lists().ordinary(w) and _one_edit(w, p))
                    for w, p in zip(words, phrase, strict=True)):
                return end
        return None

    def _named_school_after(self, index: int) -> bool:
        """Round 14: "ik zit op de wolfert", "in de brugklas op het stanislas": after sitting or studying, "op"/"aan"
        and an article, a name (a given name or surname that is no ordinary word) is a school named after someone."""
        tokens, lists = self.tokens, word_lists()
        if index < 1 or index + 2 >= len(tokens) or tokens[index - 1].lower not in SCHOOL_SEATS \
                or tokens[index + 1].lower not in ARTICLES \
                or not all(self._next(i) for i in range(index - 1, index + 2)):
            return False
        name = tokens[index + 2]
        word = name.lower
        return (word in lists.given_names or word in lists.surnames) and not lists.ordinary(word) \
            and not self._stop(name) and len(word) > 3

    def _gym_after(self, first: int) -> Optional[tuple[int, int]]:
        """Round 14: a gym chain (`GYM_CHAINS`) after "naar" and an article: where someone trains, week after week."""
        tokens = self.tokens
        if first < len(tokens) and tokens[first].lower in ARTICLES and self._next(first):
            first += 1
        end = self._chain_end(first)
        if end is None or " ".join(t.lower for t in tokens[first:end + 1]) not in GYM_CHAINS:
            return None
        return first, end

    def _kind_then_name(self, first: int) -> bool:
        """Round 14: after a cue of work a lower-case dictionary noun (the kind of employer) and then a word no list
        has (its name): "woningcorporatie ymere", "thuiszorgorganisatie zorgaccent"."""
        kind, name = self.tokens[first], self.tokens[first + 1]
        lists = word_lists()
        return not kind.cap and len(kind.lower) > 5 and lists.ordinary(kind.lower) and not self._stop(kind) \
            and kind.lower not in lists.frequent_nl and not _inflected(kind.lower, lists.dutch) \
            and not kind.lower.endswith(ADJECTIVE_ENDINGS) and (self._unknown_word(name) or self._no_word(name))

    def _job_before_bij(self, index: int) -> bool:
        """Round 14: "is manager bij", "ben stagiair bij", "is conducteur bij": after a form of "zijn" a lower-case word
        of a job (its ending: `JOB_ENDINGS`, or a work word) and then "bij"/"at"/"for"/"voor"."""
        tokens = self.tokens
        if index + 1 >= len(tokens) or not self._next(index - 1) or not self._next(index) \
                or tokens[index + 1].lower not in ("bij", "at", "for", "voor"):
            return False
        token = tokens[index]
        word = token.lower
        lex = self.lex
        if token.cap or word in NOT_JOBS or len(word) < 4 or word in lex.not_names_after_cue or word in lex.non_names \
                or word in lex.subject_verbs or word in lex.street_particles or word in word_lists().frequent_nl \
                and not word.endswith(("er", "ster", "eur", "ier", "iair")):
            return False
        return word in self.lex.work_words or word.endswith(JOB_ENDINGS)

    def _unknown_word(self, token: Token) -> bool:
        """Round 14: a lower-case word of five letters or more that no word list of ours has after a cue of work
        ("werkt bij vattenfal", "traint bij fitfabriek"): a firm's or club's own name, typos of chains included."""
        word, lists = token.lower, word_lists()
        return len(word) >= 5 and not token.cap and not self._stop(token) and not lists.ordinary(word) \
            and word not in lists.frequent_en and word not in self.lex.common_words \
            and not _inflected(word, lists.dutch) and word not in lists.streets and word not in lists.places

    def _short_acronym(self, token: Token) -> bool:
        """Round 14: an acronym of two to five letters after a cue of work: all capitals ("OM", "CBR") in a message
        that is not all capitals, or lower-case letters without a vowel ("rws", "cbr"); not a function word."""
        word = token.lower
        if not 2 <= len(word) <= 5:
            return False
        if token.text.isupper() and not self.shouting:  # "OM" (a word in capitals), not a service the bot names ("GGD")
            return word not in self.lex.vocabulary or word in word_lists().frequent_nl
        return token.text.islower() and not self._pronoun(token) and not any(ch in "aeiouy" for ch in word) \
            and not self._stop(token) and word not in self.lex.common_words

    def _firm_word(self, token: Token) -> bool:
        word, lists = token.lower, word_lists()
        return len(word) > 3 and word in lists.rare and not self._stop(token) and word not in self.lex.common_words \
            and not _inflected(word, lists.dutch) and word not in lists.frequent_en and word not in lists.streets \
            and not _two_words(word, lists.dutch, lists.rare)  # "sorteercentrum"; not "vander|lande"

    def _chain_end(self, first: int) -> Optional[int]:
        """Last token of a shop or firm with many branches starting at `first` ("albert heijn", "jumbo")."""
        if first >= len(self.tokens) or self.tokens[first].lower not in first_words(self.lex.chains):
            return None
        for phrase in self.lex.chains:
            end = first + len(phrase) - 1
            if end < len(self.tokens) and tuple(t.lower for t in self.tokens[first:end + 1]) == phrase \
                    and all(self._next(i) for i in range(first, end)):
                return end
        return None

    def _person_of_chain(self, index: int) -> Optional[tuple[int, int]]:
        """Round 13: a person, "van" (an article) and a chain: the chain is where that person works ("de buurman
        van de hema", "mijn vriend tom van de lidl"); "de tas van de hema" names no workplace."""
        tokens, lex, lists = self.tokens, self.lex, word_lists()
        before = tokens[index - 1]
        person = before.lower in lex.relations or before.lower in lex.person_nouns or before.lower in lex.titles \
            or (before.lower in lists.given_names and before.lower not in lists.frequent_nl)
        if not person or not self._next(index - 1) or not self._next(index):
            return None
        first = index + 1 + (tokens[index + 1].lower in ARTICLES and self._next(index + 1))
        end = self._chain_end(first)
        if end is None or (end == first and tokens[first].lower in lists.frequent_nl):
            return None
        return first, end

    def _role_cue_end(self, index: int) -> int | None:
        """Round 12: "werkt als buschauffeur bij", "works as a cleaner at": a work word, "als"/"as", one or two words
        and "bij"/"at"/"for": the end of a work cue. Round 13: so is a place between ("werkt op de haven bij",
        "werkt in het magazijn bij")."""
        tokens = self.tokens
        if index + 2 >= len(tokens) or not self._next(index):
            return None
        if tokens[index + 1].lower not in ROLE_LINKS:  # "bezorgt pakketjes voor", "rijdt taxi voor": what is done
            thing = tokens[index + 1]
            if index + 2 < len(tokens) and tokens[index + 2].lower in ("bij", "voor", "for", "at") \
                    and self._next(index + 1) and (thing.lower in WORK_ADVERBS
                                                   or (not self._stop(thing) and not self._pronoun(thing)
                                                       and thing.lower not in word_lists().frequent_nl
                                                       and thing.lower not in ARTICLES)):
                return index + 2
            return None
        for end in (index + 3, index + 4):
            if end < len(tokens) and tokens[end].lower in ("bij", "at", "for", "voor") \
                    and all(self._next(i) for i in range(index, end)):
                return end
        return None

    def _cue_end(self, index: int) -> int | None:
        first = self.tokens[index].lower
        if first not in first_words(self.lex.institution_cues):
            return None
        for phrase in by_first_word(self.lex.institution_cues).get(first, ()):  # longest first
            end = index + len(phrase)
            if tuple(t.lower for t in self.tokens[index:end]) == phrase:
                return end - 1
        return None


def institutions(text: str, tokens: list[Token], lex: Lexicon) -> Iterator[Span]:
    finder = InstitutionFinder(text, tokens, lex)
    found = list(finder.spans())
    yield from found
    yield from finder.branch_streets(found)
    yield from finder.chains_with_branch(found)
    if "'" in text or "’" in text:
        yield from finder.clubs_with_year()
    if "&" in text or "4" in text or "-eleven" in text.lower():
        for match in SIGN_BRANDS.finditer(text):  # round 14: "werk bij de h&m", "beveiliger bij g4s"
            if SIGN_CUES.search(text, 0, match.start()):
                yield Span(match.start(), match.end(), "INSTELLING")
    if " nr" in text.lower() or "numer" in text.lower():
        for match in NUMBERED_SCHOOL.finditer(text):  # "szkoły podstawowej nr 5"
            yield Span(match.start(), match.end(), "INSTELLING")
