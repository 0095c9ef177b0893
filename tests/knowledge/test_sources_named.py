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
}
# The files of citizen, child and partner knowledge; the professional meldcode/sector files have their own
# sources (handelingsprotocol.nl, KNMG, ...) and can join this list once they follow the same rule.
FILES = {"bot.yml", "pathways.yml", "programme.yml", "situations.yml", "veilig_thuis.yml", "topics.yml",
         "partners.yml"}


def test_source_title_names_the_linked_publisher() -> None:
    wrong = []
    for entry in load_entries(REAL_ENTRIES):
        if entry.file not in FILES:
            continue
        host = (urlparse(entry.source).hostname or "").removeprefix("www.")
        publisher = PUBLISHERS.get(host)
        first = entry.source_title.split(";")[0]
        if publisher is None or publisher.lower() not in first.lower():
            wrong.append(f"{entry.file}:{entry.id}: {entry.source} but 'Bron: {first}'")
    assert not wrong, "\n".join(wrong)
