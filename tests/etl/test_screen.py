"""Free text is screened: BSNs, postcodes, street + number, phone numbers and e-mail addresses masked."""

from __future__ import annotations

from collections import Counter

from etl.screen import describe, mask
from tests.etl.workbooks import controles, query, write_workbook

HEADER = ["bevinding_id", "bezoek_id", "persoon_id", "categorie", "overtreding", "partner", "toelichting"]


def test_mask_replaces_each_kind_and_leaves_ordinary_text():
    assert mask("Bewoner Jan Jansen, Kerkstraat 12, 5531 AB Bladel") == (
        "Bewoner Jan Jansen, [adres], [postcode] Bladel", Counter({"adres": 1, "postcode": 1}))
    assert mask("bel 06-12345678 of +31 6 1234 5678, mail j.jansen@example.nl")[0] == \
        "bel [telefoon] of [telefoon], mail [e-mail]"
    assert mask("Van Speijkstraat 4a en Markt 3 te Eersel 5521DA, 040 123 4567")[0] == \
        "[adres] en [adres] te Eersel [postcode], [telefoon]"
    assert mask("in 2021 en 2022 ging hij weg 2 dagen; kenmerk 123456789") == (
        "in 2021 en 2022 ging hij weg 2 dagen; kenmerk 123456789", Counter())
    assert describe(Counter({"adres": 1, "postcode": 2})) == "3 gemaskeerd (2 postcode, 1 adres)"


def test_the_load_masks_free_text_and_reports_per_file_and_column(etl_paths, cli):
    controles(etl_paths["raw"] / "c.xlsx")
    write_workbook(etl_paths["raw"] / "f.xlsx", {"Bevindingen": [
        HEADER, ["F1", "BKIT-1", None, "WAV", "ja", "ISZW", "Bewoner Jan Jansen, Kerkstraat 12, 5531 AB Bladel"],
        ["F2", "BKIT-2", None, "WAV", "ja", "ISZW", "verhuurder bereikbaar op 06-12345678 of v@verhuur.nl"],
        ["F3", "BKIT-2", None, "WAV", "nee", "ISZW", "geen bijzonderheden"]]})
    code, err = cli()
    assert code == 0, err
    assert query(etl_paths, "SELECT toelichting FROM stg_bevindingen ORDER BY bevinding_id") == [
        ("Bewoner Jan Jansen, [adres], [postcode] Bladel",), ("verhuurder bereikbaar op [telefoon] of [e-mail]",),
        ("geen bijzonderheden",)]
    assert ("f.xlsx, blad 'Bevindingen', kolom 'toelichting': vrije tekst gescreend, 4 gemaskeerd (1 adres, 1 "
            "e-mail, 1 postcode, 1 telefoon) voor opslag") in err
    assert query(etl_paths, "SELECT melding FROM meta_laadronde WHERE bestand = 'f.xlsx'") == [
        ("bevindingen, layout contract; 4 persoonsgegeven(s) in vrije tekst gemaskeerd",)]
