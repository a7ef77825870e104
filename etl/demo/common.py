"""Shared building blocks of the synthetic demo data: invented names, addresses, BSNs and dates.

Everything here is made up. Streets are common Dutch street names with random house numbers, names
are random combinations of common first and last names, and BSNs come from the 99999xxxx range that
is reserved for test purposes (so they never belong to a real person) while passing the 11-proef.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

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
    "Dorpsstraat", "Kerkstraat", "Molenstraat", "Schoolstraat", "Hoofdstraat", "Kapelstraat", "Beekstraat",
    "Zandstraat", "Hoogstraat", "Lindenlaan", "Bosweg", "Akkerweg", "Veldweg", "Heideweg", "Nieuwstraat",
    "Broekweg", "Industrieweg", "Kempenlaan", "Peelweg", "Eikenlaan", "Steenweg", "Stationsstraat",
    "Kastanjelaan", "Wilhelminastraat", "Julianastraat", "Meerweg", "Vennen", "Heuvelstraat", "Ambachtsweg",
    "Loonsedijk", "Eindsestraat", "Berkenweg", "Populierenlaan", "Hulst", "Goorstraat", "Leemskuilen",
)
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
LAST_NAMES: dict[str, tuple[str, ...]] = {
    "Pools": ("Kowalski", "Nowak", "Wisniewski", "Wojcik", "Kaminski", "Lewandowski", "Zielinski", "Szymanski",
              "Wozniak", "Dabrowski", "Kozlowski", "Jankowski", "Mazur", "Krawczyk", "Piotrowski", "Grabowski"),
    "Roemeens": ("Popescu", "Ionescu", "Popa", "Dumitru", "Stan", "Stoica", "Gheorghe", "Rusu", "Munteanu"),
    "Bulgaars": ("Ivanov", "Georgiev", "Dimitrov", "Petrov", "Nikolova", "Stoyanova"),
    "Hongaars": ("Nagy", "Kovacs", "Toth", "Szabo", "Horvath"),
    "Litouws": ("Kazlauskas", "Jankauskas", "Petrauskas", "Stankevicius"),
    "Slowaaks": ("Horvath", "Kovac", "Varga", "Balaz"),
    "Portugees": ("Silva", "Santos", "Ferreira", "Pereira", "Oliveira"),
    "Lets": ("Berzins", "Kalnins", "Ozols", "Liepins"),
    "Nederlands": ("de Vries", "Jansen", "van den Heuvel", "Smits", "van Dijk", "Peeters", "Bakker", "Verhoeven"),
    "Spaans": ("Garcia", "Martinez", "Lopez", "Sanchez"),
}
LANDLORD_COMPANIES = (
    "Kempen Wonen Verhuur BV", "Huisvesting De Hoeve BV", "VastgoedBeheer Zuid BV", "Brabantse Logies BV",
    "Flexhousing Kempenland BV", "Peelvastgoed BV", "Stayfort Huisvesting BV", "Woonunits Zuidoost BV",
)
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


def person_name(rng: random.Random, nationality: str) -> str:
    """An invented full name fitting a nationality."""
    key = nationality if nationality in FIRST_NAMES else "Pools"
    return f"{rng.choice(FIRST_NAMES[key])} {rng.choice(LAST_NAMES[key])}"


def landlord(rng: random.Random) -> str:
    """An invented landlord: a private person or a (made-up) company."""
    if rng.random() < 0.45:
        return rng.choice(LANDLORD_COMPANIES)
    return f"{rng.choice(FIRST_NAMES['Nederlands'])[0]}. {rng.choice(LAST_NAMES['Nederlands'])}"


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
            letters = "".join(self._rng.choice("ABCDEGHJKLMNPRSTVWXZ") for _ in range(2))
            if street not in self._used:
                self._used.add(street)
                return street, f"{pc4} {letters}"


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
