"""Regenerate ``planted.yaml``: interview-style sentences with planted identifiers.

    .venv/bin/python tests/data/anonymise/make_corpus.py

Every sentence lists the identifiers it contains, exactly as they appear in its text
(after any case change, line break, zero-width character or look-alike letter was
applied). ``register`` at the top is the anonymise.yaml the corpus assumes; identifiers
that are not in it must be caught by the structured recognisers, the gazetteers or
default deny. Hand-written hard cases come first, then seeded template sentences.
``ordinary.txt`` beside this file holds sentences with no identifiers at all.
"""
from __future__ import annotations

import random
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REGISTER = {
    "people": ["Margaret Owen", "Hope Williams", "Will Barker", "Mark Jennings", "Joy Adebayo", "Grace Fairclough",
               "Dawn Pickering", "Siobhan O'Neill", "Bill Hargreaves", "Faith Okafor", "Catherine Lund",
               "Philip Marsh", "Steven Royle", "Zoë Hartley", "Priya Chauhan", "Kasia Nowak", "Rose Kaur",
               "Frank Cheetham", {"value": "Desmond Achterberg", "replacement": "my manager"},
               {"value": "Bernadette Quigley", "aliases": ["Bernie"]}],
    "places": ["Reading", "Bath", "Sale", "Hebden Bridge", "Stoke-on-Trent", "Todmorden", "Wells", "Deal"],
    "organisations": ["Riverside Surgery", "Calder Valley Housing Association", "Moorside Care Home",
                      "Brightwell Primary School", "St Luke's Hospice"],
    "other": ["Ward 7B", "the Tuesday Club"],
    "allow": ["Bramley"],
}
HARD = [  # (text, identifiers)
    ("Hope said she'd cover my shift, and Hope meant it.", ["Hope", "Hope"]),
    ("I asked Will if he was coming, and Will said yes.", ["Will", "Will"]),
    ("Mark rang the office while I was out.", ["Mark"]),
    ("We all loved working with Joy, she made the place.", ["Joy"]),
    ("Hope Williams was the first to notice I wasn't sleeping.", ["Hope Williams"]),
    ("i saw margaret owen at the bus stop last week.", ["margaret owen"]),
    ("MARGARET OWEN SIGNED THE LETTER.", ["MARGARET OWEN"]),
    ("Margaret's husband was in and out of hospital.", ["Margaret"]),
    ("Owen was her married name, I think.", ["Owen"]),
    ("That was Mrs Owen's idea, the quiet room.", ["Owen"]),
    ("Margaret\nOwen came in on her day off.", ["Margaret\nOwen"]),
    ("M\u0430rg\u0430ret was brilliant with the new starters.", ["M\u0430rg\u0430ret"]),
    ("Mar\u200bgaret Ow\u200cen phoned every week.", ["Mar\u200bgaret Ow\u200cen"]),
    ("\uff2d\uff41\uff52\uff47\uff41\uff52\uff45\uff54 wrote it all down for us.", ["\uff2d\uff41\uff52\uff47\uff41\uff52\uff45\uff54"]),
    ("Zoe Hartley set up the wellbeing group.", ["Zoe Hartley"]),
    ("Zoë was the one who pushed for it.", ["Zoë"]),
    ("Katherine Lund ran the training, she was lovely.", ["Katherine Lund"]),
    ("Phillip Marsh had been there longer than anyone.", ["Phillip Marsh"]),
    ("Stephen Royle was our union rep at the time.", ["Stephen Royle"]),
    ("Siobhan O'Neill's team were the first to try it.", ["Siobhan O'Neill"]),
    ("Bernie always had biscuits in her drawer.", ["Bernie"]),
    ("Desmond Achterberg signed off the new rota.", ["Desmond Achterberg"]),
    ("I grew up in Reading and moved north for work.", ["Reading"]),
    ("We had a team away day in Bath.", ["Bath"]),
    ("My sister lives over in Sale now.", ["Sale"]),
    ("READING was where it all started for me.", ["READING"]),
    ("The office in Hebden Bridge was tiny.", ["Hebden Bridge"]),
    ("She commuted from Stoke-on-Trent every day.", ["Stoke-on-Trent"]),
    ("She commuted from Stoke on Trent for years.", ["Stoke on Trent"]),
    ("We covered the whole of Todmorden and the valley.", ["Todmorden"]),
    ("They opened a new office in Wells last year.", ["Wells"]),
    ("I used to do the home visits in Deal.", ["Deal"]),
    ("Riverside Surgery were brilliant about it.", ["Riverside Surgery"]),
    ("I rang the Calder Valley Housing Association every day for a month.", ["Calder Valley Housing Association"]),
    ("Mum went into Moorside Care Home in the end.", ["Moorside Care Home"]),
    ("My son's at Brightwell Primary School.", ["Brightwell Primary School"]),
    ("St Luke's Hospice looked after him at the end.", ["St Luke's Hospice"]),
    ("I worked nights on Ward 7B for six years.", ["Ward 7B"]),
    ("We set up the Tuesday Club for carers.", ["the Tuesday Club"]),
    ("Email me at jo.bloggs@example.org and I'll send it.", ["jo.bloggs@example.org"]),
    ("You can reach her on jo at example dot org.", ["jo at example dot org"]),
    ("It's sam [at] example [dot] co [dot] uk if you need it.", ["sam [at] example [dot] co [dot] uk"]),
    ("Her address was JO.BLOGGS@EXAMPLE.ORG in capitals.", ["JO.BLOGGS@EXAMPLE.ORG"]),
    ("Ring me on 07700 900123 any time.", ["07700 900123"]),
    ("My number is +44 7700 900123.", ["+44 7700 900123"]),
    ("The office is (0113) 496 0123.", ["(0113) 496 0123"]),
    ("Call 0113-496-0123 and ask for the duty team.", ["0113-496-0123"]),
    ("The direct line was 07700\n900456, I still know it by heart.", ["07700\n900456"]),
    ("Her NHS number was 943 476 5919.", ["943 476 5919"]),
    ("I had to read out 9434765919 three times.", ["9434765919"]),
    ("The number on the letter was 401 023 2137.", ["401 023 2137"]),
    ("My national insurance number is QQ 12 34 56 C.", ["QQ 12 34 56 C"]),
    ("They had it down as ab123456c, all lowercase.", ["ab123456c"]),
    ("We lived at LS6 2AB for years.", ["LS6 2AB"]),
    ("It's a big patch, most of HX7 really.", ["HX7"]),
    ("The postcode was ls6 2ab, which they got wrong.", ["ls6 2ab"]),
    ("She lived at 14 Mill Lane, just round the corner.", ["14 Mill Lane"]),
    ("Our office was at 2 Station Road before the move.", ["2 Station Road"]),
    ("It happened on 3rd March 2021.", ["3rd March 2021"]),
    ("It was last Tuesday the 14th when she told me.", ["Tuesday the 14th"]),
    ("Her funeral was on 12/04/2022.", ["12/04/2022"]),
    ("She was 87 when she went into the home.", ["87"]),
    ("He was aged 52 and had never had a day off.", ["aged 52"]),
    ("An 81-year-old tenant had been without heating.", ["81-year-old"]),
    ("They found her at 6.45am on the kitchen floor.", ["6.45am"]),
    ("Jane from the council came out the same day.", ["Jane"]),
    ("I spoke to a lovely woman called Priyanka.", ["Priyanka"]),
    ("Dr Patel at the practice was really kind.", ["Patel"]),
    ("We had a training day in Halifax.", ["Halifax"]),
    ("The Oakwood Surgery have a social prescriber now.", ["Oakwood Surgery"]),
    ("I worked for Pennine Homes for a while.", ["Pennine Homes"]),
    ("Leeds Teaching Hospitals NHS Trust took over the contract.", ["Leeds Teaching Hospitals NHS Trust"]),
    ("Kirklees Council ran the scheme for a year.", ["Kirklees Council"]),
    ("I'd ring Hope every evening.", ["Hope"]),
    ("Her daughter Grace was the one who rang us.", ["Grace"]),
    ("Dawn was on the same shift as me.", ["Dawn"]),
    ("Faith Okafor started the lunch club.", ["Faith Okafor"]),
    ("Bill Hargreaves never took a sick day.", ["Bill Hargreaves"]),
    ("Rose was our team leader then.", ["Rose"]),
    ("Priya Chauhan and Kasia Nowak ran the night shift.", ["Priya Chauhan", "Kasia Nowak"]),
    ("Frank Cheetham was the caretaker.", ["Frank Cheetham"]),
    ("Mr Cheetham's van was always outside.", ["Cheetham"]),
    ("we'd meet ronan and aisling for lunch on fridays.", ["ronan", "aisling"]),
    ("Our Yvonne sorted it all out in the end.", ["Yvonne"]),
    ("Tell Siobhan I said thanks.", ["Siobhan"]),
    ("Oluwaseun helped me with the forms.", ["Oluwaseun"]),
    ("Then Gareth from the repairs team came.", ["Gareth"]),
    ("We moved to Huddersfield when the job came up.", ["Huddersfield"]),
    ("Mrs Bhattacharya on the top floor.", ["Bhattacharya"]),
]
FIRST = ["Hope", "Will", "Mark", "Joy", "Grace", "Dawn", "Faith", "Bill", "Rose", "Frank", "Margaret", "Catherine",
         "Philip", "Steven", "Priya", "Kasia", "Siobhan", "Bernie"]
FULL = ["Margaret Owen", "Hope Williams", "Will Barker", "Mark Jennings", "Joy Adebayo", "Grace Fairclough",
        "Dawn Pickering", "Bill Hargreaves", "Faith Okafor", "Catherine Lund", "Philip Marsh", "Steven Royle",
        "Priya Chauhan", "Kasia Nowak", "Rose Kaur", "Frank Cheetham", "Bernadette Quigley"]
UNREG_PEOPLE = ["Jane", "Gareth", "Yvonne", "Sharon", "Imran", "Natasha", "Darren", "Aisha", "Lorraine", "Tomasz"]
PLACES = ["Reading", "Bath", "Sale", "Hebden Bridge", "Todmorden", "Halifax", "Huddersfield", "Leeds", "Bradford",
          "Wakefield", "Rochdale", "Skipton"]
ORGS = ["Riverside Surgery", "Calder Valley Housing Association", "Moorside Care Home", "Brightwell Primary School",
        "Oakwood Surgery", "Kirklees Council", "Pennine Homes", "Elmfield Housing Association", "Hillside Medical Centre"]
PHONES = ["07700 900123", "07700 900 987", "+44 7700 900321", "(0113) 496 0123", "0113-496-0456", "0161 496 0789",
          "020 7946 0321", "01632 960123", "+44 (0)113 496 0999"]
NHS = ["943 476 5919", "9434765919", "401-023-2137", "485 777 3456", "123 456 7890"]
NI = ["QQ 12 34 56 C", "AB123456D", "JZ 98 76 54 A", "ce 55 44 33 b"]
POSTCODES = ["LS6 2AB", "HX7 8QT", "M14 5RT", "BD1 1AA", "SW1A 1AA", "OL14 6DJ", "WF1 2EE"]
ADDRESSES = ["14 Mill Lane", "2 Station Road", "37 Beech Grove", "Flat 3, 12 Victoria Street", "101 Kirkgate Way"]
DATES = ["3rd March 2021", "14 February 2019", "the 22nd of June", "12/04/2022", "Tuesday the 14th", "May 5th, 2020",
         "2019-11-30", "1st of December"]
EMAILS = ["jo.bloggs@example.org", "sam@example.co.uk", "jo at example dot org", "help [at] example [dot] com"]
TEMPLATES = {
    "full": ["{x} was the first one who asked how I was really doing.",
             "I'll never forget what {x} did for us that winter.",
             "When I was struggling, {x} just sat with me.",
             "It was {x} who changed the rota so I could do the school run."],
    "first": ["{x} said I should take the afternoon off.",
              "I told {x} everything, and she just listened.",
              "We went for a walk, me and {x}, round the block.",
              "Honestly, {x} kept that team together."],
    "unreg": ["I spoke to {x} on the phone for an hour.",
              "We used to go for coffee with {x} after the meeting."],
    "place": ["We moved to {x} when the job came up.", "I'd drive over to {x} twice a week.",
              "The office in {x} was tiny but friendly."],
    "org": ["I rang {x} every day for a month.", "They sent me to {x} for a week.",
            "The staff at {x} couldn't have been kinder."],
    "phone": ["Ring me on {x} if you need anything.", "The number was {x}, I still know it by heart."],
    "nhs": ["My NHS number is {x}, I had to read it out three times.", "She wrote {x} on the back of my hand."],
    "ni": ["They wanted my national insurance number, {x}, before they'd even talk to me."],
    "postcode": ["We lived at {x} for eleven years.", "The van went to {x} by mistake."],
    "address": ["We were at {x} before we moved.", "She lived at {x}, the house with the blue door."],
    "date": ["It all happened on {x}.", "The funeral was {x}, and the whole team came."],
    "email": ["Email me at {x} if you want the rota.", "Her address was {x}, she checked it every morning."],
    "age": ["She was {x} when she went into the home.", "He was {x} and still volunteering."],
}
POOLS = {"full": FULL, "first": FIRST, "unreg": UNREG_PEOPLE, "place": PLACES, "org": ORGS, "phone": PHONES,
         "nhs": NHS, "ni": NI, "postcode": POSTCODES, "address": ADDRESSES, "date": DATES, "email": EMAILS,
         "age": [str(n) for n in (19, 34, 47, 63, 78, 87, 91, 102)]}
LOOKALIKE = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "i": "\u0456", "c": "\u0441"}


def disguise(x: str, how: str) -> str:
    if how == "lower":
        return x.lower()
    if how == "upper":
        return x.upper()
    if how == "linebreak" and " " in x:
        return x.replace(" ", "\n", 1)
    if how == "zerowidth" and len(x) > 3:
        return x[:2] + "\u200b" + x[2:]
    if how == "lookalike":
        return "".join(LOOKALIKE.get(c, c) if i % 2 else c for i, c in enumerate(x))
    return x


def generated(rng: random.Random, n: int) -> list[dict]:
    out = []
    kinds = sorted(TEMPLATES)
    for i in range(n):
        kind = kinds[i % len(kinds)]
        x = rng.choice(POOLS[kind])
        how = rng.choice(["plain"] * 6 + ["lower", "upper", "linebreak", "zerowidth", "lookalike"])
        if kind in ("first", "place") and how in ("lower",) and x.lower() in {
                "hope", "will", "mark", "joy", "grace", "dawn", "faith", "bill", "rose", "frank", "reading", "bath",
                "sale"}:
            how = "plain"  # a lower-case common word is the word, not the name (documented limitation)
        if kind == "age":
            how = "plain"
        shown = disguise(x, how)
        text = rng.choice(TEMPLATES[kind]).format(x=shown)
        out.append({"text": text, "identifiers": [shown], "kind": kind, "disguise": how})
    return out


def main() -> None:
    rng = random.Random(20261125)
    sentences = [{"text": t, "identifiers": ids, "kind": "hard"} for t, ids in HARD]
    sentences += generated(rng, 260)
    doc = {"register": REGISTER, "sentences": sentences}
    (HERE / "planted.yaml").write_text(
        "# Generated by make_corpus.py: edit that, not this.\n" + yaml.safe_dump(doc, allow_unicode=False,
                                                                                 sort_keys=False, width=120),
        encoding="utf-8")
    print(f"{len(sentences)} sentences")


if __name__ == "__main__":
    main()
