"""Regenerate ``north_east.yaml``: a second held-out corpus, written fresh for issue 11, in a
different setting (a hospital ward, a fishing town and a prison visitors' centre in the
North East) with the kinds of identifier the first corpus lacked. Every name is invented.

    .venv/bin/python tests/data/anonymise/make_north_east.py

Each sentence lists the identifiers it plants, exactly as written, and its ``kind``; the
anonymiser must replace or flag every character of each (tests/test_anonymise_kinds.py).
"""
from __future__ import annotations

from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REGISTER = {
    "people": ["Kelly Armstrong", "Hope Robson", "Grace Charlton", "Faith Milburn", "Bill Thirlwell", "Sue Hedley",
               "Art Ridley", "June Purvis", "Sunny Dhillon", "Callum Tait", "Yusuf Haddad",
               {"value": "Darren Pike", "replacement": "the lad at the drop-in"}],
    "places": ["Seahaven", "Amble", "Cresswell", "Ashington"],
    "organisations": ["Harbourside Medical Centre", "Seahaven Boat Club", "Coquet Ward"],
}
S = [  # (kind, text, identifiers)
    ("number words", "He's eighty-one and still goes out on the boat.", ["eighty-one"]),
    ("number words", "My nan was ninety-three when she came onto the ward.", ["ninety-three"]),
    ("number words", "I was in flat nine above the chippy for years.", ["flat nine"]),
    ("number words", "She was in bay four by the window.", ["bay four"]),
    ("number words", "He gave me his number, oh one six seven oh, four three two, one nine eight, and I wrote it "
                     "on my hand.", ["oh one six seven oh, four three two, one nine eight"]),
    ("number words", "Ring me on oh seven seven double oh nine double oh four five six.",
     ["oh seven seven double oh nine double oh four five six"]),
    ("number words", "Her dad died in March twenty nineteen.", ["March twenty nineteen"]),
    ("number words", "The lad in bed twelve, he was only nineteen.", ["bed twelve", "nineteen"]),
    ("number words", "She turned seventy the week she came in.", ["seventy"]),
    ("number words", "I lived at number fourteen, right by the harbour wall.", ["number fourteen"]),
    ("number words", "He was an eighty-four-year-old man with nobody.", ["eighty-four-year-old"]),
    ("number words", "Aged sixty-two, she'd never been on a computer.", ["sixty-two"]),
    ("number words", "He said it slowly: zero one six seven zero, four three two, one nine eight.",
     ["zero one six seven zero, four three two, one nine eight"]),
    ("number words", "FLAT NINE was damp from the day we moved in.", ["FLAT NINE"]),
    ("number words", "He was eighty one when the boat was sold.", ["eighty one"]),
    ("place-noun numbers", "They put him in bed 9 on the far side.", ["bed 9"]),
    ("place-noun numbers", "We were in flat 3 for six years.", ["flat 3"]),
    ("place-noun numbers", "Room 4 was where the family sat.", ["Room 4"]),
    ("place-noun numbers", "I worked on ward 2 before it shut.", ["ward 2"]),
    ("place-noun numbers", "Cell 5 was his for the whole sentence.", ["Cell 5"]),
    ("place-noun numbers", "I always sat in seat 11 on the bus to the visits.", ["seat 11"]),
    ("place-noun numbers", "He kept his gear in locker 7 down at the harbour.", ["locker 7"]),
    ("place-noun numbers", "Her mam lived at No. 8 by the slipway.", ["No. 8"]),
    ("place-noun numbers", "Bed-9 was the one by the door.", ["Bed-9"]),
    ("place-noun numbers", "He was moved to bed No 6 in the night.", ["bed No 6"]),
    ("register, any case", "me and hope went into town after the visit.", ["hope"]),
    ("register, any case", "i told kelly armstrong everything that day.", ["kelly armstrong"]),
    ("register, any case", "grace said she'd sit with him.", ["grace"]),
    ("register, any case", "bill's wife came in every afternoon.", ["bill"]),
    ("register, any case", "KELLY ARMSTRONG RAN THE WHOLE WARD.", ["KELLY ARMSTRONG"]),
    ("register, any case", "Faith's lad was on the boats.", ["Faith"]),
    ("register, any case", "Hope rang me the night before.", ["Hope"]),
    ("register, any case", "We all knew Sue from the visitors' centre.", ["Sue"]),
    ("register, any case", "art said he'd never seen the sea so rough.", ["art"]),
    ("register, any case", "Sunny Dhillon did the night shift with me.", ["Sunny Dhillon"]),
    ("register, any case", "June's husband died on the ward.", ["June"]),
    ("register, any case", "i saw june at the bus stop.", ["june"]),
    ("register, any case", "Hope\u2019s mum was on the ward for weeks.", ["Hope"]),
    ("register, any case", "Kelly\u00a0Armstrong was on nights.", ["Kelly\u00a0Armstrong"]),
    ("register, any case", "K\u0435lly Armstrong signed it off.", ["K\u0435lly Armstrong"]),
    ("register, any case", "Kel\u200bly Arm\u200cstrong came in on her day off.", ["Kel\u200bly Arm\u200cstrong"]),
    ("register, any case", "Kelly  Armstrong said we could stay.", ["Kelly  Armstrong"]),
    ("names that are words", "I asked April about the rota and she swapped with me.", ["April"]),
    ("names that are words", "Winter said the boats wouldn't go out.", ["Winter"]),
    ("names that are words", "me and Autumn sat in the car park.", ["Autumn"]),
    ("names that are words", "The nurse, Rose, was lovely with him.", ["Rose"]),
    ("names that are words", "We had Bill from the co-op on the phone.", ["Bill"]),
    ("names that are words", "Christian came in to sit with her every night.", ["Christian"]),
    ("names that are words", "I saw May at the harbour every morning.", ["May"]),
    ("web addresses and handles", "Follow @seahaven_lifeboat_crew for the call-outs.", ["@seahaven_lifeboat_crew"]),
    ("web addresses and handles", "It's all on www.seahavenboats.org.uk/members if you want it.",
     ["www.seahavenboats.org.uk/members"]),
    ("web addresses and handles", "She set up facebook.com/groups/seahavenwidows after he drowned.",
     ["facebook.com/groups/seahavenwidows"]),
    ("web addresses and handles", "Her page is instagram.com/kelly.armstrong.nurse now.",
     ["instagram.com/kelly.armstrong.nurse"]),
    ("web addresses and handles", "Email the ward on coquetward@nhs.net if you can't ring.", ["coquetward@nhs.net"]),
    ("web addresses and handles", "Message me @KellyArmstrong82 and I'll explain.", ["@KellyArmstrong82"]),
    ("web addresses and handles", "Look up https://visits.northgate-prison.example/book to book a slot.",
     ["https://visits.northgate-prison.example/book"]),
    ("web addresses and handles", "He's on there as hope.robson.99, you'll find him.", ["hope.robson.99"]),
    ("web addresses and handles", "WWW.SEAHAVENBOATS.ORG.UK has the tide times.", ["WWW.SEAHAVENBOATS.ORG.UK"]),
    ("web addresses and handles", "It's seahavenboats dot org dot uk slash members.",
     ["seahavenboats dot org dot uk slash members"]),
    ("names run together", "Everyone tagged #kellyarmstrong in the photos.", ["kellyarmstrong"]),
    ("names run together", "The group was called HarboursideMedicalCentre Friends.", ["HarboursideMedicalCentre"]),
    ("names run together", "She signed off as kelly_armstrong on the forum.", ["kelly_armstrong"]),
    ("names run together", "The boat was named Grace-Charlton after her.", ["Grace-Charlton"]),
    ("names run together", "They painted SEAHAVEN-BOAT-CLUB on the side of the shed.", ["SEAHAVEN-BOAT-CLUB"]),
    ("names run together", "Her username was hoperobson, all one word.", ["hoperobson"]),
    ("holiday dates", "It was the Friday before Whitsun 2019 when he didn't come back.",
     ["the Friday before Whitsun 2019"]),
    ("holiday dates", "We lost him the Monday after Bonfire Night.", ["the Monday after Bonfire Night"]),
    ("holiday dates", "She came onto the ward at Easter twenty twenty-one.", ["Easter twenty twenty-one"]),
    ("holiday dates", "He was released the week after Christmas 2022.", ["the week after Christmas 2022"]),
    ("holiday dates", "The boat went down on Hogmanay 2017.", ["Hogmanay 2017"]),
    ("holiday dates", "It was the day before the Jubilee, I remember the bunting.", ["the day before the Jubilee"]),
    ("other scripts", "Her son's name is \u064a\u0648\u0633\u0641 and he's at the big school now.",
     ["\u064a\u0648\u0633\u0641"]),
    ("other scripts", "The interpreter wrote \u0930\u093e\u091c\u0947\u0936 on the board for me.",
     ["\u0930\u093e\u091c\u0947\u0936"]),
    ("other scripts", "My neighbour \u041e\u043b\u0435\u0433 helped with the forms.", ["\u041e\u043b\u0435\u0433"]),
    ("other scripts", "He wrote \u738b\u4f1f on the visitor form.", ["\u738b\u4f1f"]),
    ("quasi-identifiers", "He was the only male health visitor in the district.", ["only male health visitor"]),
    ("quasi-identifiers", "She's the one whose brother was lost at sea.", ["the one whose brother was lost at sea"]),
    ("quasi-identifiers", "My cousin who runs the cafe by the station told me.", ["My cousin who runs the cafe"]),
    ("quasi-identifiers", "Ask the harbour master, he knows everyone.", ["the harbour master"]),
    ("quasi-identifiers", "She was the first woman to skipper a boat out of here.", ["the first woman to skipper"]),
    ("quasi-identifiers", "The head teacher came to the funeral.", ["The head teacher"]),
    ("quasi-identifiers", "Even the vicar came up to the ward.", ["the vicar"]),
    ("quasi-identifiers", "The prison governor shook my hand.", ["The prison governor"]),
    ("quasi-identifiers", "He was the only Polish lad on the boats.", ["the only Polish lad"]),
    ("quasi-identifiers", "My uncle who owns the chippy gave us our tea.", ["My uncle who owns the chippy"]),
    ("register and gazetteers", "Callum Tait was the charge nurse that night.", ["Callum Tait"]),
    ("register and gazetteers", "We drove down from Amble every Sunday.", ["Amble"]),
    ("register and gazetteers", "She grew up in Cresswell, right on the beach.", ["Cresswell"]),
    ("register and gazetteers", "He'd been at Harbourside Medical Centre for years.", ["Harbourside Medical Centre"]),
    ("register and gazetteers", "The Seahaven Boat Club did a collection for her.", ["Seahaven Boat Club"]),
    ("register and gazetteers", "I'd get the bus from Ashington and walk up the bank.", ["Ashington"]),
    ("register and gazetteers", "She drives in from Blyth on her days off.", ["Blyth"]),
    ("register and gazetteers", "Darren, the lad, he sorted the benefits out.", ["Darren"]),
    ("register and gazetteers", "Yusuf Haddad translated for the family.", ["Yusuf Haddad"]),
    ("register and gazetteers", "Coquet Ward had the best sister in the hospital.", ["Coquet Ward"]),
    ("structured", "Her NHS number was 485 777 3456, I had it on a card.", ["485 777 3456"]),
    ("structured", "They lived at 12 Quay Road, NE65 0AB, for forty years.", ["12 Quay Road", "NE65 0AB"]),
    ("structured", "Ring the visitors' centre on 0191 496 0777 before you set off.", ["0191 496 0777"]),
]

# Written for anon-attack's Northern Irish / Cornish findings (anon-fix2): ages of anyone, house
# numbers after a street, codes and references, PINs, oddly grouped phones, more quasi-identifiers.
S_ANON_FIX2 = [
    ("ages of anyone", "Nessa was ninety-four and she still did the flowers.", ["ninety-four"]),
    ("ages of anyone", "My da is seventy-six and he won't use the lift.", ["seventy-six"]),
    ("ages of anyone", "My granda was eighty-nine when the flats went up.", ["eighty-nine"]),
    ("ages of anyone", "Our neighbour is ninety and lives on her own.", ["ninety"]),
    ("house numbers in words", "We were down on Tregarthen Hill, number eleven, above the quay.", ["number eleven"]),
    ("house numbers in words", "She's on Cranmore Road, number thirty-two.", ["number thirty-two"]),
    ("house numbers in words", "They gave us Lisnagarvey Park, no. 7, after the fire.", ["no. 7"]),
    ("house numbers in words", "He was up at the top of Chapel Street, number forty, for years.", ["number forty"]),
    ("codes and PINs", "It was all under tenancy ref KRN/0312/19, not his name.", ["KRN/0312/19"]),
    ("codes and PINs", "My PIN is 6628 and I've had it since the eighties.", ["6628"]),
    ("codes and PINs", "The door code is 1357 and it's never changed.", ["1357"]),
    ("codes and PINs", "The repair was logged as job RP-55190-C.", ["RP-55190-C"]),
    ("codes and PINs", "His rent account is 0077/31 at the office.", ["0077/31"]),
    ("phones in any grouping", "Ring the warden on 07700·900·314 after six.", ["07700\u00b7900\u00b7314"]),
    ("phones in any grouping", "Her number's 07700 900 31 4, she won't mind.", ["07700 900 31 4"]),
    ("phones in any grouping", "The scheme phone is 028\u20227034\u20224466.", ["028\u20227034\u20224466"]),
    ("phones in any grouping", "He spelt it out, 0 1 8 7 2 5 5 5 0 1 9, twice.", ["0 1 8 7 2 5 5 5 0 1 9"]),
    ("more quasi-identifiers", "Ask the Latvian caretaker, he has the keys.", ["the Latvian caretaker"]),
    ("more quasi-identifiers", "She's the one who does the tombola at the chapel.", ["the one who does the tombola"]),
    ("more quasi-identifiers", "As chief executive of the trust I saw every complaint.", ["chief executive"]),
    ("more quasi-identifiers", "He was the only resident with a mobility scooter in the block.",
     ["the only resident with a mobility scooter"]),
    ("more quasi-identifiers", "My aunt got the BEM in 2021 for the lunch club.", ["the BEM in 2021 for the lunch club"]),
    ("more quasi-identifiers", "It was the lad who found the body on the beach.", ["the lad who found the body"]),
    ("more quasi-identifiers", "She's the longest-serving tenant in the close, forty years.",
     ["the longest-serving tenant"]),
    ("more quasi-identifiers", "The fella with the wooden leg from the chapel helped us.", ["The fella with the wooden leg"]),
    ("more quasi-identifiers", "I'm the team leader for the west patch.", ["the team leader for the west patch"]),
    ("codes and PINs", "My account number ends 4417, that's how they check it's me.", ["4417"]),
    ("numbers in Welsh", "Mae fy nhad yn wyth deg naw oed.", ["wyth deg naw"]),
    ("numbers in Welsh", "Roedd e yng ngwely pedwar ar ward y plant.", ["pedwar"]),
    ("numbers in Welsh", "Rydyn ni'n byw yn rhif dau ddeg un.", ["dau ddeg un"]),
    ("numbers in Welsh", "Ffoniwch dim saith saith dim dim, naw dim dim tri un pedwar.",
     ["dim saith saith dim dim, naw dim dim tri un pedwar"]),
]


def main() -> None:
    doc = {"register": REGISTER,
           "sentences": [{"text": t, "identifiers": ids, "kind": k} for k, t, ids in S + S_ANON_FIX2]}
    text = "# Generated by make_north_east.py: edit that, not this.\n" + yaml.safe_dump(
        doc, allow_unicode=False, sort_keys=False, width=120)
    (HERE / "north_east.yaml").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
