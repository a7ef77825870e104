"""The synthetic demo data: determinism, the published figures computed from the workbook rows, a clean load.

The published figures come from the seed documents: HAM/KIT evaluation §6.1 (KIT pilot 2019) and the PIT
2017 infographic. They are asserted here from the raw rows as a partner delivered them (read with pandas),
and again from the warehouse after `etl.load.load_raw`, which checks the layouts (etl/mappings/*.toml).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import duckdb
import pandas as pd
import pytest

import printed_figures
from etl.demo import generate
from etl.demo.common import passes_elfproef
from etl.demo.kit import PLANTED_PERSONS
from settings import COMMITTED_RAW_DIR, REFERENCE_DIR
from tests.testwarehouse import load_folder

ROOT = Path(__file__).resolve().parents[2]
MONTHS = {m: i for i, m in enumerate(("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                                      "september", "oktober", "november", "december"), start=1)}
OWN_PREFIXES = ("HAM_", "PIT_", "KIT_")
BOER = {"Bladel", "Oirschot", "Eersel", "Reusel-De Mierden", "Reusel de Mierden", "Reusel"}


@pytest.fixture(scope="module")
def raw(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("raw")
    generate(out, seed=42, reference_dir=REFERENCE_DIR)
    return out


@pytest.fixture(scope="module")
def warehouse(raw: Path, tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    tmp = tmp_path_factory.mktemp("wh")
    report = load_folder(raw, tmp / "kit.duckdb", tmp / "test.key")
    rejected = [f"{f.bestand}: {[p.melding for p in f.problems]}" for f in report.files if f.status != "geladen"]
    assert rejected == []
    assert report.ok, report.summary()
    con = duckdb.connect(str(tmp / "kit.duckdb"), read_only=True)
    yield con
    con.close()


def sheet(path: Path, name: str, header_row: int = 1) -> pd.DataFrame:
    """One sheet with the partner's own headers, all cells as delivered."""
    return pd.read_excel(path, sheet_name=name, header=header_row - 1, engine="calamine", dtype=object)


def same_cells(a: Path, b: Path) -> bool:
    """True when both workbooks exist and hold the same sheets with the same cell values."""
    if not (a.exists() and b.exists()):
        return False
    left = pd.read_excel(a, sheet_name=None, header=None, engine="calamine", dtype=object)
    right = pd.read_excel(b, sheet_name=None, header=None, engine="calamine", dtype=object)
    return list(left) == list(right) and all(left[name].equals(right[name]) for name in left)


def text_date(value: object) -> dt.date:
    """'03-04-2019' or '3 maart 2019' (the pilot's text dates)."""
    text = str(value).strip()
    if m := re.fullmatch(r"(\d{2})-(\d{2})-(\d{4})", text):
        return dt.date(int(m[3]), int(m[2]), int(m[1]))
    day, month, year = text.split()
    return dt.date(int(year), MONTHS[month], int(day))


def number(value: object) -> float:
    return float(str(value).replace(",", ".")) if isinstance(value, str) else float(value)


def pct(part: int, whole: int) -> float:
    return 100 * part / whole


# ---------------------------------------------------------------- determinism and hygiene


def test_same_seed_gives_identical_files_and_another_seed_differs(raw: Path, tmp_path: Path) -> None:
    again = generate(tmp_path / "again", seed=42, reference_dir=REFERENCE_DIR)
    files = sorted(p.relative_to(raw).as_posix() for p in raw.rglob("*.xlsx"))
    assert files == sorted(p.relative_to(tmp_path / "again").as_posix() for p in again)
    for rel in files:
        assert same_cells(raw / rel, tmp_path / "again" / rel), rel
        if rel.split("/")[-1].startswith(OWN_PREFIXES):  # written by etl.demo.xlsx: byte for byte
            assert (raw / rel).read_bytes() == (tmp_path / "again" / rel).read_bytes(), rel
    other = generate(tmp_path / "other", seed=7, reference_dir=REFERENCE_DIR)
    changed = [p for p in other if p.read_bytes() != (raw / p.relative_to(tmp_path / "other")).read_bytes()]
    assert len(changed) >= 20


def test_three_layouts_in_three_folders_and_every_workbook_says_synthetic(raw: Path) -> None:
    folders = Counter(p.parent.name for p in raw.rglob("*.xlsx"))
    # kit/: 8 controles workbooks (one per municipality) + 6 other kinds, interventies included
    assert folders["kit-pilot"] >= 6 and folders["pit"] == 5 and folders["kit"] == 14
    for path in raw.rglob("*.xlsx"):
        if path.name.startswith(OWN_PREFIXES):
            note = sheet(path, "Let op", header_row=1)
            assert "SYNTHETISCHE DEMODATA" in str(note.iloc[0, 0]), path.name


def test_bsns_are_synthetic_and_pass_the_elfproef(raw: Path) -> None:
    forms = sheet(raw / "kit-pilot" / "HAM_vragenformulieren_2019.xlsx", "Vragenformulieren")
    bsns = forms["BSN"].dropna().astype(str)
    assert len(bsns) > 46
    assert all(b.startswith("99999") and passes_elfproef(b) for b in bsns)
    assert bsns.is_unique


FICTIONAL_STREET = r"(Voorbeeld|Demo|Fictie|Verzonnen|Nep|Schijn)(straat|laan|weg|pad|plein|hof) \d{1,3}[abc]?"
FICTIONAL_LANDLORD = r"Verhuurder \d{2} \(fictief\)|Demo Vastgoed \d{2} BV"


def address_sheets(raw: Path) -> list[tuple[str, pd.DataFrame, str, str, str]]:
    """(file, sheet, street column, postcode column, landlord column or '') of every sheet with addresses."""
    pilot, kit = raw / "kit-pilot", raw / "kit"
    found = [("HAM_controles_2019", sheet(pilot / "HAM_controles_2019.xlsx", "Adressen"), "Straat + huisnr",
              "Postcode", "Verhuurder"),
             ("HAM_signalen_2019", sheet(pilot / "HAM_signalen_2019.xlsx", "Meldingen"), "Adres", "Postcode", ""),
             ("PIT_acties_2017", pit(raw, "PIT_acties_2017.xlsx", "Objecten 2017"), "Adres", "PC", "Eigenaar"),
             ("PIT_meldingen_2017", pit(raw, "PIT_meldingen_2017.xlsx", "Meldingen 2017"), "Adres", "Postcode", ""),
             ("KIT_signalen", sheet(kit / "KIT_signalen.xlsx", "Signalen"), "adres", "postcode", "")]
    found += [(p.stem, sheet(p, "Bezoeken"), "adres", "postcode", "eigenaar")
              for p in sorted(kit.glob("KIT_controles_*.xlsx"))]
    return found


def test_persons_landlords_addresses_and_agencies_are_plainly_fictional(raw: Path) -> None:
    pilot = sheet(raw / "kit-pilot" / "HAM_vragenformulieren_2019.xlsx", "Vragenformulieren")
    kit = sheet(raw / "kit" / "KIT_vragenformulieren.xlsx", "Personen")
    names = pd.concat([pilot["Naam bewoner"], kit["naam"]])
    assert len(names) == 232 + len(kit)
    assert names.str.fullmatch(r"[A-Z][a-z]+ Demo-\d{4}").all()
    # one name per person, also across teams, so the pseudonyms stay distinct; the only repeats are the persons
    # planted for the waterbed measure (etl/demo/kit.py PLANTED_PERSONS): found once in Veldhoven, once later
    repeated = names[names.duplicated(keep=False)].value_counts()
    assert (repeated == 2).all() and len(repeated) == sum(PLANTED_PERSONS.values())
    sheets = address_sheets(raw)
    assert len(sheets) == 13
    for name, frame, street, postcode, owner in sheets:
        assert len(frame) > 0, name
        assert frame[street].astype(str).str.fullmatch(FICTIONAL_STREET).all(), name
        assert frame[postcode].astype(str).str.fullmatch(r"5\d{3} ZZ").all(), name
        if owner:
            assert frame[owner].astype(str).str.fullmatch(FICTIONAL_LANDLORD).all(), name
    bureaus = pd.concat([pilot["Uitzendbureau"], kit["uitzendbureau"]]).dropna()
    assert bureaus.str.fullmatch(r"Demo Uitzendbureau \d{2}").all()
    assert pilot["Uitzendbureau"].dropna().nunique() == 32
    assert pit(raw, "PIT_acties_2017.xlsx", "Objecten 2017")["Adres"].nunique() == 110


def test_postcodes_keep_a_real_area_of_the_municipality(raw: Path) -> None:
    book = raw / "kit-pilot" / "HAM_controles_2019.xlsx"
    evenings = sheet(book, "Controles").set_index("Controleavond")
    visits = sheet(book, "Adressen")
    gemeente = visits["Controleavond"].map(evenings["Gemeente"])
    eersel = visits.loc[gemeente == "Eersel", "Postcode"].str[:4]
    assert len(eersel) > 0 and set(eersel) <= {"5521", "5524", "5512", "5513", "5511"}
    veldhoven = sheet(raw / "kit" / "KIT_controles_veldhoven.xlsx", "Bezoeken")["postcode"].str[:4]
    assert len(veldhoven) > 0 and set(veldhoven) <= {"5501", "5502", "5503", "5504", "5505", "5506"}
    helmond = pit(raw, "PIT_meldingen_2017.xlsx", "Meldingen 2017")
    helmond = helmond.loc[helmond["Gemeente"] == "Helmond", "Postcode"].str[:4]
    assert len(helmond) > 0 and set(helmond) <= {f"570{i}" for i in range(1, 9)}


def test_committed_raw_folder_is_the_seed_42_output(raw: Path) -> None:
    committed = COMMITTED_RAW_DIR
    for path in raw.rglob("*.xlsx"):
        rel = path.relative_to(raw)
        assert same_cells(committed / rel, path), f"{rel} is out of date: run `python -m etl demo`"


# ---------------------------------------------------------------- KIT pilot 2019 (HAM/KIT evaluation §6.1)


def test_pilot_evenings_addresses_and_persons(raw: Path) -> None:
    book = raw / "kit-pilot" / "HAM_controles_2019.xlsx"
    evenings, visits = sheet(book, "Controles"), sheet(book, "Adressen")
    assert len(evenings) == 17
    dates = [text_date(v) for v in evenings["Datum controle"]]
    assert all(dt.date(2019, 3, 1) <= d <= dt.date(2019, 11, 30) for d in dates)
    assert any(" " in str(v) for v in evenings["Datum controle"])  # some '3 maart 2019'
    assert all("Politie" in str(v) for v in evenings["Wie waren er"])
    assert set(evenings["Project"]) == {"HAM"}
    assert len(visits) == 42 and visits["Straat + huisnr"].nunique() == 42
    assert visits["Aantal bewoners"].sum() == 232
    forms = sheet(raw / "kit-pilot" / "HAM_vragenformulieren_2019.xlsx", "Vragenformulieren")
    assert len(forms) == 232
    per_visit = forms.groupby("Adres-ID").size()
    assert (per_visit == visits.set_index("Adres-ID")["Aantal bewoners"].loc[per_visit.index]).all()


def test_pilot_person_shares_as_published(raw: Path) -> None:
    forms = sheet(raw / "kit-pilot" / "HAM_vragenformulieren_2019.xlsx", "Vragenformulieren")
    n = len(forms)
    nat = forms["Nationaliteit"].replace({"Poolse": "Pools"}).value_counts()
    assert (nat["Pools"], nat["Roemeens"], nat["Nederlands"]) == (148, 30, 3)
    assert 63 < pct(nat["Pools"], n) < 64  # "bijna 64%"
    assert round(pct(nat["Roemeens"], n)) == 13 and 1 < pct(nat["Nederlands"], n) < 1.5
    assert (forms["Huurcontract"] == "J").sum() == 40 and round(pct(40, n)) == 17
    rents = forms["Huur p/m"].dropna().map(number)
    assert (rents.min(), rents.max()) == (195, 625)
    pay = forms["Betaling huur"].value_counts()
    assert (pay["Loon"], pay["Bank"], pay["Contant"]) == (102, 39, 26)
    assert [round(pct(pay[k], n)) for k in ("Loon", "Bank", "Contant")] == [44, 17, 11]
    assert round(pct((forms["Ingeschreven BRP"] == "J").sum(), n)) == 20
    assert forms["Uitzendbureau"].dropna().nunique() == 32
    assert round(pct((forms["Zorgverzekering"] == "J").sum(), n)) == 67


def test_pilot_violations_on_the_base_of_persons_found(raw: Path) -> None:
    forms = sheet(raw / "kit-pilot" / "HAM_vragenformulieren_2019.xlsx", "Vragenformulieren")
    visits = sheet(raw / "kit-pilot" / "HAM_controles_2019.xlsx", "Adressen").set_index("Adres-ID")
    findings = sheet(raw / "kit-pilot" / "HAM_bevindingen_2019.xlsx", "Overtredingen")
    violations = findings[findings["Overtreding J/N"] == "J"]
    brp = violations[violations["Soort"] == "BRP"]
    stay = forms["Verblijf (mnd)"].map(number)
    rule = set(forms.loc[(forms["Ingeschreven BRP"] == "N") & (stay > 4), "Formuliernummer"])
    assert set(brp["Formuliernummer"]) == rule and brp["Formuliernummer"].is_unique
    assert round(pct(len(brp), 232)) == 40
    assert round(pct((forms["Ingeschreven BRP"] == "N").sum(), 232)) == 80  # not in BRP is not in violation
    persons_at = {}
    for soort in ("Bestemmingsplan", "Brandveiligheid"):
        rows = violations[violations["Soort"] == soort]
        assert rows["Formuliernummer"].isna().all()
        persons_at[soort] = int(visits.loc[rows["Adres-ID"].unique(), "Aantal bewoners"].sum())
    assert persons_at["Bestemmingsplan"] in (60, 61) and round(pct(persons_at["Bestemmingsplan"], 232)) == 26
    assert persons_at["Brandveiligheid"] in (18, 19) and round(pct(persons_at["Brandveiligheid"], 232)) == 8
    address_share = pct(violations.loc[violations["Soort"] == "Bestemmingsplan", "Adres-ID"].nunique(), 42)
    assert round(address_share) != 26  # the address-level reading differs


def test_pilot_actions_followup_and_signals(raw: Path) -> None:
    results = sheet(raw / "kit-pilot" / "HAM_partnerresultaten_2019.xlsx", "Acties partners")
    assert {"CV buiten gebruik gesteld", "Overkapping afgezet", "Woning gesloten", "Onderzoek uitgezet",
            "Boeterapport opgesteld"} == set(results["Actie"])
    assert set(results.loc[results["Actie"] == "Boeterapport opgesteld", "Organisatie"]) == {"Inspectie SZW"}
    evenings = sheet(raw / "kit-pilot" / "HAM_controles_2019.xlsx", "Controles").set_index("Controleavond")
    visits = sheet(raw / "kit-pilot" / "HAM_controles_2019.xlsx", "Adressen").set_index("Adres-ID")
    findings = sheet(raw / "kit-pilot" / "HAM_bevindingen_2019.xlsx", "Overtredingen")
    steps = sheet(raw / "kit-pilot" / "HAM_opvolging_2019.xlsx", "Opvolging")
    violations = findings[findings["Overtreding J/N"] == "J"].copy()
    violations["gemeente"] = [evenings.loc[visits.loc[a, "Controleavond"], "Gemeente"] for a in violations["Adres-ID"]]
    violations["boer"] = violations["gemeente"].isin(BOER)
    followed = violations["Nr bevinding"].isin(set(steps["Nr bevinding"]))
    share_boer, share_good = followed[violations["boer"]].mean(), followed[violations["gemeente"].isin(
        {"Best", "Veldhoven", "Waalre"})].mean()
    assert share_boer < 0.5 < 0.85 < share_good
    closed = steps[steps["Status"] == "Afgerond"].copy()
    closed["days"] = [(text_date(g) - text_date(s)).days
                      for s, g in zip(closed["Startdatum"], closed["Gesloten op"], strict=True)]
    boer_ids = set(violations.loc[violations["boer"], "Nr bevinding"])
    in_boer = closed["Nr bevinding"].isin(boer_ids)
    assert closed.loc[in_boer, "days"].median() > 2 * closed.loc[~in_boer, "days"].median()
    still_open = steps[steps["Status"] != "Afgerond"]
    assert len(still_open) > 0 and still_open["Gesloten op"].isna().all()
    signals = sheet(raw / "kit-pilot" / "HAM_signalen_2019.xlsx", "Meldingen")
    assert set(signals["Melder"]) == {"Gemeente"}  # knelpunt 4: "Ook andere partners leveren geen adressen aan"
    present = {p.strip() for cell in evenings["Wie waren er"] for p in cell.split(";")}
    assert not present & {"Belastingdienst - MKB", "Toeslagen"}  # §4.4: the Belastingdienst does not go along
    assert {"Gemeente", "Politie basisteam De Kempen", "UWV"} <= present


# ---------------------------------------------------------------- PIT 2017 (infographic)


def pit(raw: Path, name: str, blad: str) -> pd.DataFrame:
    return sheet(raw / "pit" / name, blad, header_row=3)


def test_pit_actions_attendance_and_objects(raw: Path) -> None:
    actions = pit(raw, "PIT_acties_2017.xlsx", "Acties 2017")
    assert len(actions) == 26
    assert all(dt.date(2017, 1, 1) <= pd.Timestamp(d).date() <= dt.date(2017, 12, 31) for d in actions["Datum actie"])
    assert "Gemert" in set(actions["Gemeente"])
    attendance = Counter(p.strip() for cell in actions["Partners aanwezig"] for p in cell.split(";"))
    assert attendance == {"Senzer": 11, "Politie": 25, "AVIM": 15, "VRBZO": 20, "Gemeente": 26, "NVWA": 4, "ISZW": 5,
                          "Enexis": 21}
    objects = pit(raw, "PIT_acties_2017.xlsx", "Objecten 2017")
    kinds = Counter(objects["Soort object"])
    assert len(objects) == 110 and kinds["Woonwagenlocatie"] == 1
    assert set(kinds) == {"Woning", "Loods", "Bedrijf", "Horeca", "Chalet", "Perceel", "Woonwagenlocatie"}


def test_pit_findings_top10_and_the_rest(raw: Path) -> None:
    findings = pit(raw, "PIT_bevindingen_2017.xlsx", "Bevindingen 2017")
    counts = Counter(findings["Soort bevinding"])
    top10 = {"Adresfraude": 54, "Strijdig gebruik": 48, "Milieu": 43, "Overbewoning": 21, "Energiefraude": 17,
             "SZ-fraude": 14, "Brandgevaar": 14, "Brandveiligheid": 12, "ATW": 10, "Asbest": 9}
    assert {c for c, _ in counts.most_common(10)} == set(top10)
    assert {c: counts[c] for c in top10} == top10
    rest = {c: n for c, n in counts.items() if c not in top10}
    assert (len(rest), sum(rest.values())) == (71, 168) and max(rest.values()) <= 8
    vrbzo = findings[findings["Vastgesteld door"] == "VRBZO"]
    assert Counter(vrbzo["Soort bevinding"]) == {"Brandveiligheid": 12, "Brandgevaar": 14}
    assert set(findings["Overtreding"]) == {"Ja"}


def test_pit_results_per_organisation_and_money(raw: Path) -> None:
    results = pit(raw, "PIT_resultaten_2017.xlsx", "Resultaten 2017")
    total = results.groupby(["Organisatie", "Resultaat"])["Aantal"].sum().to_dict()
    expected = {
        ("Senzer", "onderzoek"): 17, ("Senzer", "gegevens doorgegeven aan andere gemeente"): 6,
        ("Senzer", "beëindiging"): 8, ("Senzer", "terugvordering"): 3, ("Senzer", "afwijzing"): 2,
        ("Senzer", "aanpassing"): 2, ("Politie", "hennepkwekerij"): 3, ("Politie", "hennep gerelateerde goederen"): 7,
        ("Politie", "hennep toppen"): 1, ("Politie", "aanhouding"): 10, ("AVIM", "vreemdeling aangetroffen"): 3,
        ("AVIM", "vreemdeling aangehouden"): 2, ("AVIM", "verblijfsrecht ingetrokken"): 2,
        ("Politie", "proces-verbaal milieudelict"): 2, ("Politie", "xtc-lab"): 1, ("Politie", "xtc-afval"): 1,
        ("Politie", "vuurwapen"): 33, ("Politie", "alarmpistool"): 2, ("Politie", "luchtdrukpistool"): 1,
        ("Politie", "imitatievuurwapen"): 1, ("Politie", "scherpe munitie"): 1, ("Politie", "mortier"): 1,
        ("Politie", "illegaal vuurwerk in beslag"): 1, ("Politie", "voertuig in beslag"): 6,
        ("Politie", "aanhanger in beslag"): 1, ("Politie", "partij sigaretten in beslag"): 2,
        ("VRBZO", "niet voldaan aan brandveiligheidseisen"): 12, ("VRBZO", "brandgevaarlijke situatie"): 14,
        ("Gemeente", "uitgeschreven uit brp"): 32, ("Gemeente", "ingeschreven in brp"): 9,
        ("Gemeente", "object gesloten ivm brandgevaar"): 8, ("Gemeente", "noodvoorziening getroffen"): 10,
        ("Gemeente", "legalisatie"): 2, ("Gemeente", "ontruiming"): 8,
        ("Gemeente", "woning gesloten door burgemeester"): 3,
        ("Gemeente", "bedrijfspand gesloten door burgemeester"): 2, ("Gemeente", "naheffing ingezetenenbelasting"): 8,
        ("Gemeente", "naheffing hondenbelasting"): 4, ("Gemeente", "dwangsom"): 3,
        ("NVWA", "voedselveiligheid niet in orde"): 3, ("NVWA", "roken in de horeca"): 4,
        ("ISZW", "overtreding atw"): 7,
        ("ISZW", "overtreding wml"): 6, ("ISZW", "overtreding wav"): 4, ("ISZW", "overtreding waadi"): 2,
        ("ISZW", "schijnconstructie"): 1, ("Enexis", "diefstal/fraude stroom"): 9, ("Enexis", "meters vervangen"): 8,
        ("Enexis", "afgesloten ivm gevaar"): 3, ("Enexis", "vermogensfraude"): 1,
    }
    assert total == expected
    assert results["Bedrag (EUR)"].dropna().sum() == 396939
    toppen = results[results["Resultaat"] == "hennep toppen"].iloc[0]
    assert (toppen["Hoeveelheid"], toppen["Eenheid"]) == (214, "gram")
    actions = pit(raw, "PIT_acties_2017.xlsx", "Acties 2017").set_index("Actienr.")
    for _, row in results.iterrows():  # a result stems from an action the partner attended
        assert row["Organisatie"] in actions.loc[row["Actienr."], "Partners aanwezig"]


def test_pit_followup_and_signals(raw: Path) -> None:
    steps = pit(raw, "PIT_opvolging_2017.xlsx", "Opvolging 2017")
    ended = steps[(steps["Soort opvolging"] == "Hercontrole") & (steps["Status"] == "Afgerond")
                  & (steps["Resultaat"] == "overtreding beëindigd")]
    assert len(ended) == 29 and ended["Bevindingnr."].is_unique
    press = steps[steps["Soort opvolging"] == "Persbericht"]
    assert len(press) == 30 and press["Actienr."].notna().all()
    assert all(pd.Timestamp(d).date() < dt.date(2017, 12, 1) for d in press["Startdatum"])
    signals = pit(raw, "PIT_meldingen_2017.xlsx", "Meldingen 2017")
    assert signals["Ingebracht door"].isin({"Gemeente", "Politie", "Basisteam Peelland"}).mean() > 0.85


# ---------------------------------------------------------------- KIT 2020-2022 (invented)


def test_kit_contract_layout_growth_and_breadth(raw: Path) -> None:
    kit = raw / "kit"
    evenings = pd.concat([sheet(p, "Controleavonden") for p in sorted(kit.glob("KIT_controles_*.xlsx"))])
    visits = pd.concat([sheet(p, "Bezoeken") for p in sorted(kit.glob("KIT_controles_*.xlsx"))])
    dates = evenings["datum"].map(lambda d: pd.Timestamp(d).date())
    assert dates.min() >= dt.date(2020, 6, 2) and dates.max() <= dt.date(2022, 12, 31)
    per_year = Counter(d.year for d in dates)
    assert per_year[2020] < per_year[2021] < per_year[2022]
    assert 250 <= len(visits) <= 600 and evenings["gemeente"].nunique() == 8
    assert evenings["thema"].nunique() == 6
    partners = {p for cell in evenings["aanwezige_partners"] for p in cell.split(";")}
    assert {"VRBZO", "ODZOB", "DOUANE", "ENEXIS", "UWV", "ISZW"} <= partners
    steps = sheet(kit / "KIT_opvolging.xlsx", "Opvolging")
    assert {"open", "lopend", "afgerond"} <= set(steps["status"])
    signals = sheet(kit / "KIT_signalen.xlsx", "Signalen")
    assert signals["bron_partner"].nunique() >= 10
    assert sheet(kit / "KIT_partnerresultaten.xlsx", "Resultaten")["bedrag_eur"].dropna().sum() > 0


# ---------------------------------------------------------------- through the loader into the warehouse


def test_warehouse_reproduces_the_pilot(warehouse: duckdb.DuckDBPyConnection) -> None:
    q = warehouse.execute
    assert q("SELECT count(*) FROM fct_controleavond WHERE team = 'KIT-pilot'").fetchone()[0] == 17
    assert q("SELECT count(*), count(DISTINCT adres_pseudoniem), sum(aantal_personen) FROM fct_bezoek "
             "WHERE team = 'KIT-pilot'").fetchone() == (42, 42, 232)
    assert q("SELECT count(*) FILTER (nationaliteit = 'Pools'), count(*) FILTER (ingeschreven_brp = 'ja'), "
             "count(DISTINCT uitzendbureau), min(huur_per_maand), max(huur_per_maand), "
             "count(*) FILTER (huur_betaalwijze = 'ingehouden op loon') FROM fct_persoon "
             "WHERE team = 'KIT-pilot'").fetchone() == (148, 46, 32, 195, 625, 102)
    assert q("SELECT count(*) FROM fct_bevinding WHERE team = 'KIT-pilot' AND overtreding "
             "AND categorie = 'adresfraude' AND persoon_id IS NOT NULL").fetchone()[0] == 93
    assert q("SELECT count(*) FROM stg_deelname d JOIN fct_controleavond c USING (controleavond_id) "
             "WHERE c.team = 'KIT-pilot' AND d.partner = 'POLITIE'").fetchone()[0] == 17
    assert "bsn" not in {r[0] for r in q("DESCRIBE stg_personen").fetchall()}


def test_warehouse_reproduces_pit(warehouse: duckdb.DuckDBPyConnection) -> None:
    q = warehouse.execute
    attendance = dict(q("SELECT partner, count(*) FROM fct_deelname WHERE team = 'PIT' GROUP BY 1").fetchall())
    assert attendance == dict(printed_figures.PIT_ACTIES_AANWEZIG)
    top = q("SELECT categorie, count(*) FROM fct_bevinding WHERE team = 'PIT' GROUP BY 1 ORDER BY 2 DESC, 1 "
            "LIMIT 10").fetchall()
    assert top == sorted(((code, n) for _, code, n, _ in printed_figures.PIT_TOP10), key=lambda r: (-r[1], r[0]))
    assert q("SELECT count(DISTINCT categorie), count(*) FROM fct_bevinding WHERE team = 'PIT'").fetchone() == (81, 410)
    assert q("SELECT sum(bedrag_eur) FROM fct_partnerresultaat WHERE team = 'PIT'").fetchone()[0] == 396939
    assert q("SELECT count(*) FROM fct_bezoek WHERE team = 'PIT' "
             "AND object_type = 'woonwagenlocatie'").fetchone() == (1,)
    assert q("SELECT count(*) > 0 FROM fct_controleavond WHERE team = 'PIT' "
             "AND gemeente = 'Gemert-Bakel'").fetchone()[0]
    assert q("SELECT count(*) FROM fct_opvolging WHERE team = 'PIT' AND soort = 'hercontrole' AND status = 'afgerond' "
             "AND resultaat = 'overtreding beëindigd'").fetchone()[0] == 29
