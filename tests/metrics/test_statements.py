"""Every quantitative statement of the source documents is accounted for: reproduced by a catalogue entry
(metrics.published) or listed as not reproducible with its reason (metrics.statements).

The test walks the source text (settings.SOURCE_TEXT, a copy of the documents shipped under docs/) sentence by
sentence. A sentence is quantitative when, after taking out references that are not statements (numbering of
headings, lists and questions, page numbers of the table of contents, citations "(Naam, 2016)", article numbers,
web addresses), it still holds a digit or a Dutch number word. Statements in words without a number (the
Belastingdienst not going along, partners bringing in no addresses, ...) are asserted by name below.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from metrics import statements
from metrics.published import FIGURES, INCONSISTENCIES
from settings import SOURCE_TEXT

NUMBER = re.compile(
    r"\d|\b(?:één|eén|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|zestien|"
    r"zeventien|achttien|negentien|twintig|dertig|veertig|vijftig|honderd\w*|duizend\w*|tweetal|drietal|vijftal|"
    r"tiental\w*|enkeling|helft)\b",
    re.IGNORECASE,
)
CITATION = re.compile(r"\([^()]*(?:\([^()]*\)[^()]*)*,\s*(?:[a-z]+\s+)?(?:19|20)\d\d\)")
"""A citation "(Korevaar, 2016)" or "(dhr. P. Knoops(projectleider PIT), maart 2018)": taken out before splitting."""
NOT_STATEMENTS = (
    r"^\s*(?:\d+(?:\.\d+)*\.?|[a-e]\))\s+(?=\S)",  # numbering of a heading or a list item ("6.2.1 ", "1. ", "a) ")
    r"^\s*\d+\.?\s*$",  # a number alone: a page or recommendation number
    r"\t\d+\s*$",  # the page number of a line of the table of contents
    r"^\s*\((?:[a-z]+\s+)?(?:19|20)\d\d\)\.",  # the year of a title in the list of literature
    r"\b(?:art\.|artikel)\s*\d+(?:[.:/]\d+)*(?:/\d+:\d+)?",  # an article of a law or convenant
    r"\b(?:deelvraag|vraag|aanbeveling|knelpunt|figuur|bijlage|hoofdstuk|deel|paragraaf)\s+\d+(?:\.\d+)*",
    r"\bhoofdstuk(?:ken)?\s+\d+\s+en\s+\d+",
    r"https?://\S+",
    r"§\s*\d+(?:\.\d+)*",
)


def units(text: str) -> Iterator[str]:
    """The sentences of the text: lines split at sentence ends; a table row gives its question with its counts
    (the cells up to the last number) and then each further cell's sentences and bullets."""
    for line in text.splitlines():
        line = re.sub(CITATION, " ", statements.normalise(line))
        if not line.strip():
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) == 2 and re.fullmatch(r"\d+", cells[1]):  # a line of a table of contents
            yield line
            continue
        if "\t" in line:
            cells = [c.strip() for c in line.split("\t")]
            last = max((i for i, c in enumerate(cells) if re.fullmatch(r"\d+", c)), default=-1)
            head = " ".join(c for c in cells[: last + 1] if c)
            if head:
                yield head
            rest = [c for c in cells[last + 1:] if c]
        else:
            rest = [line]
        for cell in rest:
            for part in re.split(r"\s+-\s+|(?<=[.!?;])\s+(?=[A-ZÉÖ\"'(<])", cell):
                part = part.strip(" -")
                if part:
                    yield part


def _masked(unit: str) -> str:
    """The sentence with the references that are not statements blanked out (positions kept)."""
    rest = unit
    for pattern in NOT_STATEMENTS:
        rest = re.sub(pattern, lambda m: " " * len(m.group()), rest, flags=re.IGNORECASE)
    return rest.replace("\t", " ")


def quantitative(unit: str) -> bool:
    """True when the sentence still holds a number after the references that are not statements are removed."""
    return bool(NUMBER.search(_masked(unit)))


def uncovered(unit: str) -> list[str]:
    """The numbers of the sentence that no quote of a statement covers (a sentence with two figures needs both)."""
    text = unit.replace("\t", " ")
    spans = [(m.start(), m.end()) for st in statements.accounting(unit) for q in st.quotes
             for m in re.finditer(re.escape(statements.normalise(q).replace("\t", " ")), text)]
    return [m.group() for m in NUMBER.finditer(_masked(unit))
            if not any(a <= m.start() and m.end() <= b for a, b in spans)]


@pytest.fixture(scope="module")
def source() -> str:
    """The source text as shipped."""
    return SOURCE_TEXT.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def text(source: str) -> str:
    """The source text normalised (to look quotes up in)."""
    return statements.normalise_text(source)


def test_the_walk_finds_sentences_with_numbers_and_skips_references() -> None:
    found = list(units("Vraag 4\tPositief\nHeeft de gemeente ...?\t3\t15\t2\tUitleg.\t- Best, Veldhoven. - Nee 3x\n"))
    assert found == ["Vraag 4", "Positief", "Heeft de gemeente ...? 3 15 2", "Uitleg.", "Best, Veldhoven.", "Nee 3x"]
    assert quantitative("In totaal zijn er 17 controleavonden gehouden")
    assert quantitative("Een tweetal respondenten is het niet eens")
    assert not quantitative("6.2.1 Uitkomsten: interviews")
    assert not quantitative("Vraag 12\tPositief")
    assert not any(quantitative(u) for u in units("Zo noemt Korevaar het (Korevaar, 2016)."))
    assert uncovered("Hier: 18 uur per week voor 9 maanden") == ["1", "8", "9"]  # no statement quotes this
    assert not quantitative("2.5 Opbouw van het rapport\t4")


def test_every_quantitative_sentence_is_accounted_for(source: str) -> None:
    missing = [(u, uncovered(u)) for u in units(source) if quantitative(u) and uncovered(u)]
    assert missing == []


def test_every_quote_is_in_the_source_and_every_statement_is_sound(text: str) -> None:
    ids = {f.id for f in FIGURES}
    items = {i.id for i in INCONSISTENCIES}
    for s in statements.STATEMENTS:
        for quote in s.quotes:
            assert statements.normalise(quote) in text, quote
        assert bool(s.figures) != bool(s.reason), s.quotes  # reproduced, or a reason: never both, never neither
        assert set(s.figures) <= ids, s.figures
        assert set(s.see) <= items, s.see
        assert s.reason == "" or s.kind in statements.REDENEN, s.quotes


def test_every_catalogue_entry_rests_on_a_printed_statement() -> None:
    """A figure the text does not print is not in the catalogue: every entry is named by a quoted statement."""
    named = {fid for s in statements.STATEMENTS for fid in s.figures}
    assert sorted({f.id for f in FIGURES} - named) == []


@pytest.mark.parametrize("words, figure", [
    ("de overige 7 gemeenten", "RN-overige-7-gemeenten"),
    ("De belastingdienst gaat bijvoorbeeld niet mee op een controleavond", "HAM-4.4-belastingdienst-avonden"),
    ("Ook andere partners leveren geen adressen aan", "HAM-knelpunt4-partneradressen"),
    ("Best, Veldhoven en Waalre lopen voor als het aankomt op de avonden", "HAM-10.3-opm-voorlopers-avonden"),
    ("persberichten opgesteld", "PIT-persbericht-alle-acties"),
    ("Verder zal standaard de politie wel meegaan", "HAM-5.11-politie-standaard"),
    ("zal de gemeente door middel van een toezichthouder de leiding hebben", "HAM-5.11-gemeente-leiding"),
])
def test_statements_in_words_are_computed_from_rows(words: str, figure: str, source: str, text: str) -> None:
    assert statements.normalise(words) in text
    sentence = next(u for u in units(source) if statements.normalise(words) in u)
    assert figure in {fid for s in statements.accounting(sentence) for fid in s.figures}
