"""Read a figure as the documents print it ("bijna 64%", "zo'n 13%", "tussen 195 en 625") and decide a match.

The documents qualify their numbers in words. `parse()` turns such a printed expression into a
`Qualifier`; `Qualifier.match(computed)` says whether a value computed from warehouse rows agrees with
what was printed, and `Qualifier.rule` says in Dutch what was checked. The rules:

- a plain percentage "40%": the computed percentage rounds (half up, on the percentage) to 40;
- "bijna 64%": the computed value is below 64 and rounds to 64;
- "zo'n 13%", "ongeveer 13%", "ca. 13%", "circa 13%": the computed percentage rounds to 13;
  for a count ("ca. 30") the computed count lies within 10% of 30 (27..33);
- "iets meer dan 1%": above 1 and below 1.5; "iets minder dan 1%": above 0.5 and below 1;
- "meer dan 20" / "minder dan 20": strictly above / below 20;
- "tussen 195 en 625": the computed (minimum, maximum) pair equals (195, 625);
- "1000den" (duizenden), "honderden", "tientallen": at least 1000 and below 10000, and so on;
- "€396.939": the computed amount rounds (half up) to 396939 euro;
- "rang 6": a rank; the computed (best, worst) rank interval of a tied group contains 6;
- "elke" / "alle" (e.g. "elke overtreding wordt opgepakt"): the computed percentage is exactly 100;
- "vooral" / "meer dan de helft": a share strictly above 50%;
- "aandeel lager dan bij de overige gemeenten" / "hoger dan ...": a comparison of two computed values
  (group, rest): the first is strictly lower (higher) than the second;
- a date ("1 maart 2019", "01-03-2019", "1-3-2019"): the computed date equals it (a number never does);
- an exact count, in digits or in Dutch words ("17", "een tweetal", "vijftal", "zestien", "één"):
  the computed count equals it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

Computed = float | int | tuple[float, float] | date | None

_WORDS: dict[str, int] = {
    "geen": 0, "nul": 0, "een": 1, "één": 1, "eén": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5,
    "zes": 6, "zeven": 7, "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13,
    "veertien": 14, "vijftien": 15, "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19,
    "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50,
}
_ORDERS: dict[str, tuple[int, int]] = {
    "tientallen": (10, 100),
    "honderden": (100, 1000),
    "1000den": (1000, 10000),
    "duizenden": (1000, 10000),
}
_APPROX = ("zo'n", "zo’n", "ongeveer", "ca.", "circa", "rond de", "ruwweg")
_ALL = ("elke", "alle", "iedere", "ieder")
_MOSTLY = ("vooral", "meer dan de helft", "merendeels")
_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december")
_COUNT_TOLERANCE = 0.10


def round_half_up(value: float, digits: int = 0) -> float:
    """Round like people do on paper: 0.5 goes up (Python's round() goes to even)."""
    quantum = Decimal(1).scaleb(-digits)
    return float(Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_HALF_UP))


def _number(token: str) -> float:
    """Parse a printed number: digits with Dutch separators ('396.939', '1,5') or a Dutch word ('tweetal')."""
    token = token.strip().lower().rstrip(".")
    if token.endswith("tal") and token[:-3] in _WORDS:
        return float(_WORDS[token[:-3]])
    if token in _WORDS:
        return float(_WORDS[token])
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", token):
        return float(token.replace(".", ""))
    return float(token.replace(",", "."))


@dataclass(frozen=True)
class Qualifier:
    """A printed figure understood: its kind, its value(s) and whether it is a percentage."""

    printed: str
    kind: str
    """exact | percent | bijna | ongeveer | iets_meer | iets_minder | meer | minder | tussen | orde | euro | rang |
    alle | lager | hoger | datum"""
    value: float
    high: float | None = None
    percent: bool = False
    digits: int = 0
    """Decimals printed ("12,5%" has 1): rounding checks round to this many decimals."""
    day: date | None = None
    """The printed date (kind datum)."""
    other: str = ""
    """What a comparison (lager | hoger) compares with, as printed ("de overige gemeenten")."""

    @property
    def rule(self) -> str:
        """The check, in Dutch, as shown next to the figure."""
        v = _fmt(self.value)
        unit = "%" if self.percent else ""
        match self.kind:
            case "percent":
                return f"afgerond (half naar boven) {v}{unit}"
            case "bijna":
                return f"kleiner dan {v}{unit} en afgerond {v}{unit}"
            case "ongeveer" if self.percent:
                return f"afgerond {v}{unit}"
            case "ongeveer":
                lo, hi = self.value * (1 - _COUNT_TOLERANCE), self.value * (1 + _COUNT_TOLERANCE)
                return f"binnen ±10% van {v} ({_fmt(lo)} t/m {_fmt(hi)})"
            case "iets_meer":
                return f"groter dan {v}{unit} en kleiner dan {_fmt(self.high)}{unit}"
            case "iets_minder":
                return f"groter dan {_fmt(self.high)}{unit} en kleiner dan {v}{unit}"
            case "meer":
                return f"groter dan {v}{unit}"
            case "minder":
                return f"kleiner dan {v}{unit}"
            case "tussen":
                return f"minimum {v} en maximum {_fmt(self.high)}"
            case "orde":
                return f"minstens {v} en kleiner dan {_fmt(self.high)}"
            case "euro":
                return f"afgerond op hele euro's gelijk aan {v}"
            case "rang":
                return f"rang {v} (bij gelijke aantallen: binnen de gedeelde rangen)"
            case "alle":
                return "precies 100% (geen enkele uitzondering)"
            case "lager" | "hoger":
                what = "aandeel " if self.percent else ""
                return f"{what}{self.kind} dan {self.other} (eerste berekende waarde {self._op} tweede)"
            case "datum":
                return f"datum gelijk aan {self.day:%d-%m-%Y}" if self.day else "datum"
            case _:
                return f"gelijk aan {v}"

    @property
    def _op(self) -> str:
        return "<" if self.kind == "lager" else ">"

    def match(self, computed: Computed) -> bool:
        """True when the computed value agrees with the printed figure under this qualifier's rule."""
        if computed is None:
            return False
        if self.kind == "datum" or isinstance(computed, date):
            return self.kind == "datum" and isinstance(computed, date) and computed == self.day
        if self.kind in ("tussen", "rang", "lager", "hoger"):
            if not isinstance(computed, tuple):
                return False
            low, high = (float(x) for x in computed)
            if math.isnan(low) or math.isnan(high):
                return False
            if self.kind == "tussen":
                return math.isclose(low, self.value) and math.isclose(high, self.high or 0.0)
            if self.kind == "lager":
                return low < high
            if self.kind == "hoger":
                return low > high
            return low <= self.value <= high
        if isinstance(computed, tuple):
            return False
        x = float(computed)
        if math.isnan(x):
            return False
        match self.kind:
            case "percent":
                return round_half_up(x, self.digits) == self.value
            case "bijna":
                return x < self.value and round_half_up(x, self.digits) == self.value
            case "ongeveer" if self.percent:
                return round_half_up(x, self.digits) == self.value
            case "ongeveer":
                return self.value * (1 - _COUNT_TOLERANCE) <= x <= self.value * (1 + _COUNT_TOLERANCE)
            case "iets_meer":
                return self.value < x < (self.high or 0.0)
            case "iets_minder":
                return (self.high or 0.0) < x < self.value
            case "meer":
                return x > self.value
            case "minder":
                return x < self.value
            case "orde":
                return self.value <= x < (self.high or 0.0)
            case "euro":
                return round_half_up(x, self.digits) == self.value
            case _:  # exact, and alle (exactly 100%)
                return math.isclose(x, self.value)


def _fmt(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}".replace(".", ",")


def _digits(token: str) -> int:
    """Decimals in a printed number ('12,5' -> 1); a thousands dot ('396.939') is no decimal."""
    token = token.strip()
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", token):
        return 0
    m = re.search(r"[.,](\d+)$", token)
    return len(m.group(1)) if m else 0


def _date(body: str) -> date | None:
    """A printed date: '1 maart 2019', '01-03-2019' or '1-3-2019'; None when the text is no date."""
    m = re.fullmatch(r"(\d{1,2}) (" + "|".join(_MONTHS) + r") (\d{4})", body)
    if m:
        return date(int(m.group(3)), _MONTHS.index(m.group(2)) + 1, int(m.group(1)))
    m = re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", body)
    if m:
        return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    return None


def parse(printed: str) -> Qualifier:
    """Understand one printed figure expression; raise ValueError on text it cannot read."""
    text = " ".join(printed.strip().split())
    low = text.lower()
    percent = "%" in low
    body = low.replace("%", "").strip()

    m = re.fullmatch(r"(?:de huur ligt )?tussen (?:de )?([\d.,]+) en ([\d.,]+)(?: euro.*)?", body)
    if m:
        return Qualifier(text, "tussen", _number(m.group(1)), _number(m.group(2)))
    m = re.fullmatch(r"rang (\d+)", body)
    if m:
        return Qualifier(text, "rang", float(m.group(1)))
    day = _date(body)
    if day is not None:
        return Qualifier(text, "datum", float(day.toordinal()), day=day)
    if body in _ALL:
        return Qualifier(text, "alle", 100.0, percent=True)
    if body in _MOSTLY:
        return Qualifier(text, "meer", 50.0, percent=True)
    m = re.fullmatch(r"(aandeel )?(lager|hoger|kleiner|groter) dan (.+)", body)
    if m and not re.fullmatch(r"[\d.,]+", m.group(3)):
        kind = "lager" if m.group(2) in ("lager", "kleiner") else "hoger"
        return Qualifier(text, kind, 0.0, percent=bool(m.group(1)), other=m.group(3))
    m = re.fullmatch(r"(?:€|eur)\s*([\d.,]+)", body)
    if m:
        return Qualifier(text, "euro", _number(m.group(1)))
    if body in _ORDERS:
        lo, hi = _ORDERS[body]
        return Qualifier(text, "orde", float(lo), float(hi))
    m = re.fullmatch(r"bijna ([\d.,]+)", body)
    if m:
        return Qualifier(text, "bijna", _number(m.group(1)), percent=percent, digits=_digits(m.group(1)))
    m = re.fullmatch(r"iets meer dan ([\d.,]+)", body)
    if m:
        value = _number(m.group(1))
        return Qualifier(text, "iets_meer", value, value + 0.5, percent=percent)
    m = re.fullmatch(r"iets minder dan ([\d.,]+)", body)
    if m:
        value = _number(m.group(1))
        return Qualifier(text, "iets_minder", value, value - 0.5, percent=percent)
    m = re.fullmatch(r"(?:ruim |meer dan )([\d.,]+)", body)
    if m:
        return Qualifier(text, "meer", _number(m.group(1)), percent=percent)
    m = re.fullmatch(r"minder dan ([\d.,]+)", body)
    if m:
        return Qualifier(text, "minder", _number(m.group(1)), percent=percent)
    for word in _APPROX:
        if body.startswith(word + " "):
            token = body[len(word) + 1:]
            return Qualifier(text, "ongeveer", _number(token), percent=percent, digits=_digits(token))
    m = re.fullmatch(r"(?:een |het )?([\w.,]+)", body)
    if m:
        try:
            value = _number(m.group(1))
        except ValueError as exc:
            raise ValueError(f"kan het gepubliceerde cijfer {printed!r} niet lezen") from exc
        kind = "percent" if percent else "exact"
        return Qualifier(text, kind, value, percent=percent, digits=_digits(m.group(1)) if percent else 0)
    raise ValueError(f"kan het gepubliceerde cijfer {printed!r} niet lezen")
