"""Screen free text (remarks, answers, results) for personal data before it reaches the warehouse.

Partners type whatever they like in a remark: "Bewoner Jan Jansen, Kerkstraat 12, 5531 AB Bladel, 06-12345678".
Before such a value is stored, `mask` replaces BSNs (9 digits passing the elfproef), postcodes with letters
(1234 AB), street + house number, phone numbers and e-mail addresses by a marker such as [adres], and says
how many of each it replaced. Names of persons cannot be recognised reliably in free text; the contract
asks partners not to write them (Column.description of these columns).
"""

from __future__ import annotations

import re
from collections import Counter

from etl.parse import elfproef

FREE_TEXT: frozenset[tuple[str, str]] = frozenset({
    ("Bevindingen", "toelichting"),
    ("Antwoorden", "antwoord"),
    ("Opvolging", "resultaat"),
    ("Opvolging", "afdeling"),
    ("Resultaten", "soort"),
    ("Teams", "bron_periode"),
    ("Interventies", "omschrijving"),
})
"""(contract sheet, column) holding free text that is screened."""

_STREET_WORDS = ("straat", "laan", "weg", "plein", "dijk", "dreef", "hof", "singel", "gracht", "kade", "pad",
                 "steeg", "baan", "ring", "markt", "park", "veld", "akker", "erf", "dam", "wal", "burg", "hoek",
                 "oord", "berg", "bosch", "donk", "eind", "hei", "heide", "hoeve", "kamp", "laar", "straatje")
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("e-mail", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    ("BSN", re.compile(r"(?<![\d-])\d(?:[ .]?\d){8}(?![\d-])")),
    ("telefoon", re.compile(r"(?<![\w+])(?:\+31|0031|0)(?:[ -]?\(?0?\)?)?(?:[ -]?\d){9}(?!\d)")),
    ("adres", re.compile(r"\b(?:[A-Z][\w'-]*\s)?(?=[A-Z])[\w'-]*(?i:" + "|".join(_STREET_WORDS) + r")\s+\d{1,5}"
                         r"(?:\s?[a-zA-Z](?![a-zA-Z])|-\d+)?")),
    ("postcode", re.compile(r"\b[1-9]\d{3}(?:\s?[A-Z]{2}|[a-z]{2})\b")),
)


def mask(text: str) -> tuple[str, Counter[str]]:
    """`text` with personal data replaced by [e-mail], [BSN], [telefoon], [adres], [postcode]; and the counts."""
    counts: Counter[str] = Counter()
    for label, pattern in _PATTERNS:
        def replace(match: re.Match[str], label: str = label) -> str:
            if label == "BSN" and not elfproef(re.sub(r"\D", "", match.group())):
                return match.group()
            counts[label] += 1
            return f"[{label}]"

        text = pattern.sub(replace, text)
    return text, counts


def describe(counts: Counter[str]) -> str:
    """'3 gemaskeerd (1 adres, 1 postcode, 1 BSN)'."""
    parts = ", ".join(f"{n} {label}" for label, n in sorted(counts.items(), key=lambda item: (-item[1], item[0])))
    return f"{sum(counts.values())} gemaskeerd ({parts})"
