"""Shared building blocks of the synthetic demo data: invented names, addresses, BSNs and dates, and the evening
and visit every generator plans its rows with.

Everything here is made up and looks it. Streets are obviously fictional ("Voorbeeldstraat 12", "Demolaan 3a")
with a real 4-digit postcode area of the municipality but the fixed fake letters "ZZ"; persons are a first name
with the surname "Demo-<number>"; landlords and temp agencies are "Verhuurder 07 (fictief)", "Demo Vastgoed 03
BV", "Demo Uitzendbureau 12"; BSNs come from the 99999xxxx range that is reserved for test purposes (so they
never belong to a real person) while passing the 11-proef.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass, field

KEMPEN = ("Bergeijk", "Best", "Bladel", "Eersel", "Oirschot", "Reusel-De Mierden", "Veldhoven", "Waalre")
BOER = ("Bladel", "Oirschot", "Eersel", "Reusel-De Mierden")
"""The B.O.E.R.-gemeenten where follow-up lagged (HAM/KIT evaluation, question 8)."""
PEELLAND = ("Asten", "Deurne", "Gemert-Bakel", "Helmond", "Laarbeek", "Someren")

PC4: dict[str, tuple[int, ...]] = {
    "Bergeijk": (5571, 5563, 5561, 5575),
    "Best": (5681, 5682, 5683, 5684),
    "Bladel": (5531, 5527, 5528, 5534),
    "Eersel": (5521, 5524, 5512, 5513, 5511),
    "Oirschot": (5688, 5689, 5091, 5089),
    "Reusel-De Mierden": (5541, 5094, 5095),
    "Veldhoven": (5501, 5502, 5503, 5504, 5505, 5506),
    "Waalre": (5581, 5582, 5583),
    "Asten": (5721, 5724, 5725),
    "Deurne": (5751, 5752, 5753, 5756, 5757),
    "Gemert-Bakel": (5421, 5422, 5423, 5424, 5761, 5763),
    "Helmond": (5701, 5702, 5703, 5704, 5705, 5706, 5707, 5708),
    "Laarbeek": (5735, 5737, 5738, 5741),
    "Someren": (5711, 5712, 5715),
}

STREETS = (
    "Fictiehof", "Schijnpad", "Verzonnenlaan", "Verzonnenweg", "Nephof", "Nepweg", "Demopad", "Voorbeeldweg",
    "Neplaan", "Schijnstraat", "Demostraat", "Demohof", "Voorbeeldpad", "Fictiestraat", "Verzonnenpad", "Demoweg",
    "Nepplein", "Schijnlaan", "Verzonnenplein", "Fictielaan", "Voorbeeldlaan", "Voorbeeldhof", "Schijnhof",
    "Voorbeeldstraat", "Nepstraat", "Verzonnenhof", "Voorbeeldplein", "Fictieweg", "Demolaan", "Schijnweg",
    "Fictiepad", "Demoplein", "Verzonnenstraat", "Neppad", "Fictieplein", "Schijnplein",
)
"""36 obviously fictional street names: the stems Voorbeeld/Demo/Fictie/Verzonnen/Nep/Schijn with
straat/laan/weg/pad/plein/hof. None is a prefix of another, and their order here gives the same alphabetical
ranks as the ordinary street names the generator drew from before, so every sheet sorted on address (and every
figure derived from that order) is unchanged."""
FAKE_POSTCODE_LETTERS = "ZZ"
"""The fixed, obviously fake letters of every demo postcode: only the real 4-digit area (pc4) carries meaning."""
FIRST_NAMES: dict[str, tuple[str, ...]] = {
    "Pools": ("Jan", "Piotr", "Tomasz", "Krzysztof", "Marek", "Pawel", "Michal", "Anna", "Katarzyna", "Agnieszka",
              "Magdalena", "Joanna", "Lukasz", "Grzegorz", "Monika", "Adam", "Ewa", "Dariusz"),
    "Roemeens": ("Andrei", "Mihai", "Ionut", "Florin", "Elena", "Ioana", "Cristina", "Gabriel", "Adrian", "Maria"),
    "Bulgaars": ("Georgi", "Ivan", "Dimitar", "Petya", "Desislava", "Nikolay"),
    "Hongaars": ("Zoltan", "Laszlo", "Eszter", "Gabor", "Katalin"),
    "Litouws": ("Tomas", "Mantas", "Ruta", "Darius", "Egle"),
    "Slowaaks": ("Peter", "Martin", "Zuzana", "Jozef", "Lucia"),
    "Portugees": ("Joao", "Pedro", "Ana", "Rui", "Sofia"),
    "Lets": ("Janis", "Andris", "Liga", "Edgars"),
    "Nederlands": ("Jan", "Kees", "Sanne", "Bart", "Linda", "Ruud", "Marieke", "Henk", "Ingrid", "Tom"),
    "Spaans": ("Javier", "Carlos", "Lucia", "Pablo"),
}
"""First names only; every demo surname is "Demo-<number>", so no full name can belong to a real person."""
SURNAME_DRAWS: dict[str, int] = {
    "Pools": 16, "Roemeens": 9, "Bulgaars": 6, "Hongaars": 5, "Litouws": 4, "Slowaaks": 4, "Portugees": 5, "Lets": 4,
    "Nederlands": 8, "Spaans": 4,
}
"""How many surnames the generator once drew from per nationality; the draw is kept (and ignored) so that the
random stream, and with it every published figure, stays as it was."""
LANDLORD_COMPANIES = tuple(f"Demo Vastgoed {i:02d} BV" for i in range(1, 9))
"""Eight plainly fictional landlord companies."""
AGENCIES = tuple(f"Demo Uitzendbureau {i:02d}" for i in range(1, 41))
"""Plainly fictional temp agencies (uitzendbureaus); no real company name."""
MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                    "oktober", "november", "december")


def bsn(rng: random.Random, used: set[str]) -> str:
    """A synthetic BSN from the test range 99999xxxx that passes the 11-proef and is not in `used` (added)."""
    while True:
        digits = [9, 9, 9, 9, 9] + [rng.randrange(10) for _ in range(4)]
        number = "".join(map(str, digits))
        if passes_elfproef(number) and number not in used:
            used.add(number)
            return number


def passes_elfproef(number: str) -> bool:
    """Whether a 9-digit number passes the BSN 11-proef (weights 9..2 and -1)."""
    if len(number) != 9 or not number.isdigit():
        return False
    digits = [int(c) for c in number]
    return (sum(d * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - digits[8]) % 11 == 0


def person_name(rng: random.Random, nationality: str, number: int) -> str:
    """A plainly fictional name: a first name fitting the nationality and the surname "Demo-<number>".

    `number` makes the name distinct per person (so pseudonymisation keeps persons apart).
    """
    key = nationality if nationality in FIRST_NAMES else "Pools"
    first = rng.choice(FIRST_NAMES[key])
    rng.randrange(SURNAME_DRAWS[key])  # the former surname draw, kept for a stable random stream
    return f"{first} Demo-{number:04d}"


def landlord(rng: random.Random) -> str:
    """A plainly fictional landlord: "Verhuurder NN (fictief)" or "Demo Vastgoed NN BV"."""
    if rng.random() < 0.45:
        return rng.choice(LANDLORD_COMPANIES)
    first = rng.randrange(len(FIRST_NAMES["Nederlands"]))
    last = rng.randrange(SURNAME_DRAWS["Nederlands"])
    return f"Verhuurder {first * SURNAME_DRAWS['Nederlands'] + last + 1:02d} (fictief)"


class AddressBook:
    """Hands out distinct invented street addresses (distinct as text, so also after pseudonymisation)."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._used: set[str] = set()

    def new(self, gemeente: str) -> tuple[str, str]:
        """Return (street address, postcode) not handed out before."""
        while True:
            street = f"{self._rng.choice(STREETS)} {self._rng.randint(1, 180)}"
            if self._rng.random() < 0.12:
                street += self._rng.choice("abc")
            pc4 = self._rng.choice(PC4[gemeente])
            for _ in range(2):  # the former postcode-letter draws, kept for a stable random stream
                self._rng.choice("ABCDEGHJKLMNPRSTVWXZ")
            if street not in self._used:
                self._used.add(street)
                return street, f"{pc4} {FAKE_POSTCODE_LETTERS}"


def spread(rng: random.Random, total: int, parts: int, minimum: int = 0) -> list[int]:
    """Split `total` into `parts` non-negative integers (each >= minimum) at random."""
    if parts <= 0:
        raise ValueError("parts must be positive")
    base = [minimum] * parts
    for _ in range(total - minimum * parts):
        base[rng.randrange(parts)] += 1
    return base


def dutch_long_date(day: dt.date) -> str:
    """A date as written in Dutch running text, e.g. '3 maart 2019'."""
    return f"{day.day} {MAANDEN[day.month - 1]} {day.year}"


def dmy(day: dt.date) -> str:
    """A date as Dutch day-first text, e.g. '03-04-2019'."""
    return day.strftime("%d-%m-%Y")


def weighted(rng: random.Random, options: Sequence[tuple[str, float]]) -> str:
    """Pick one option by weight."""
    names = [name for name, _ in options]
    weights = [w for _, w in options]
    return rng.choices(names, weights=weights, k=1)[0]


@dataclass
class Evening:
    """A planned control evening (for PIT: an actie): id, date, municipality (name), theme, the partners present
    (as the generator writes them) and its visits."""

    id: str
    date: dt.date
    gemeente: str
    thema: str
    partners: list[str]
    visits: list[Visit] = field(default_factory=list)


@dataclass
class Visit:
    """A planned visit on an evening: id, the evening, the (fictional) address and its postcode, the object kind and
    the number of persons found."""

    id: str
    evening: Evening
    adres: str
    postcode: str
    object_type: str
    persons: int
