"""A "Bron:" line names the organisation or document its link points to (first part of source_title)."""
from __future__ import annotations

from urllib.parse import urlparse

from kbtest import REAL_ENTRIES

from knowledge.curated import load_entries

# Who publishes at each linked site, as the first part of source_title must name it.
PUBLISHERS = {
    "veiligthuis.nl": "Veilig Thuis", "rijksoverheid.nl": "Rijksoverheid", "politie.nl": "Politie",
    "kindertelefoon.nl": "Kindertelefoon", "centrumseksueelgeweld.nl": "Centrum Seksueel Geweld",
    "slachtofferhulp.nl": "Slachtofferhulp", "113.nl": "113", "chatmetfier.nl": "Fier", "comensha.nl": "CoMensha",
    "nlarbeidsinspectie.nl": "Arbeidsinspectie", "stopitnow.nl": "Stop it Now", "core.telegram.org": "Telegram",
    "igj.nl": "IGJ", "ind.nl": "IND", "stopstalkerware.org": "Stalkerware",
    "kinderbescherming.nl": "Raad voor de Kinderbescherming",
    "zorgenveiligheidshuizen.nl": "Zorg- en Veiligheidshuizen",
    # the professional meldcode, afwegingskader and sector sources
    "handelingsprotocol.nl": "Handelingsprotocol", "meldcodehaaglanden.nl": "Meldcode Haaglanden",
    "meldcode.nu": "Meldcode.nu", "augeo.nl": "Augeo", "knmg-meldcode.maglr.com": "KNMG-meldcode",
    "zoek.officielebekendmakingen.nl": "Stb.", "wetten.overheid.nl": "Wet ",
}


def test_source_title_names_the_linked_publisher() -> None:
    """Every entry, citizen or professional: the Bron line shows source_title with the link."""
    entries = load_entries(REAL_ENTRIES)
    assert {e.file for e in entries} >= {"meldcode.yml", "sectors.yml", "afwegingskader.yml", "topics.yml"}
    wrong = []
    for entry in entries:
        host = (urlparse(entry.source).hostname or "").removeprefix("www.")
        publisher = PUBLISHERS.get(host)
        first = entry.source_title.split(";")[0]
        if publisher is None or publisher.lower() not in first.lower():
            wrong.append(f"{entry.file}:{entry.id}: {entry.source} but 'Bron: {first}'")
    assert not wrong, "\n".join(wrong)
