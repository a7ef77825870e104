"""The council one-pager: its content from the small synthetic warehouse, and the PDF made by
`python -m report onepager` read back with pdftotext (text and page count)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from metrics.periode import lees_periode
from report.inhoud import OnbekendeGemeente, gemeente_code, raadsnotitie

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")


def test_municipality_note_has_the_figures_comparisons_and_text(con: duckdb.DuckDBPyConnection) -> None:
    notitie = raadsnotitie(con, "KIT-pilot", "GM0861", lees_periode("2019"))
    assert notitie.titel == "KIT pilot in Veldhoven: 2019"
    assert dict(notitie.kerncijfers) == {
        "Controleavonden": "2",  # A1, A2
        "Bezochte objecten": "3",
        "Aangetroffen personen": "20",
        "Overtredingen": "5",
        "Overtredingen opgevolgd": "40%",  # F3, F4 of F1, F2, F3, F4, F5
        "Partners per avond": "2,5",
    }
    assert "staat Veldhoven met 2 controleavonden op plaats 1" in notitie.tekst
    # 2 evenings / 11 months (1 Feb - 31 Dec 2019) * 12 / 46,417 inhabitants * 10,000 = 0.47; PIT 2 / 12 * 12 /
    # 219,821 * 10,000 = 0.09
    assert notitie.benchmark[0] == ("Controleavonden", "0,47", "0,09")
    assert "meer dan het PIT (0,09)" in notitie.tekst
    assert notitie.opvolging == (
        "Van de 5 overtredingen hebben er 2 (40%) minstens één opvolgingsstap gekregen; de andere 3 nog geen."
    )
    assert list(notitie.gemeenten["gemeente"]) == ["Veldhoven", "Bergeijk"]  # the other municipalities too
    assert any("laatst geladen op 1 mei 2024" in b for b in notitie.bronnen)


def test_whole_team_and_an_empty_period(con: duckdb.DuckDBPyConnection) -> None:
    team = raadsnotitie(con, "KIT-pilot", None, lees_periode("2019-Q2"))
    assert team.onderwerp == "alle gemeenten van het KIT pilot"
    assert dict(team.kerncijfers)["Controleavonden"] == "1"  # A3 on 7 May 2019
    leeg = raadsnotitie(con, "KIT", None, lees_periode("2022"))
    assert leeg.tekst == "In 2022 zijn in de gemeenten van het team geen controleavonden gehouden."
    assert leeg.opvolging.startswith("Er zijn in deze periode geen overtredingen vastgelegd")


def test_small_person_counts_are_suppressed_worked_example(con: duckdb.DuckDBPyConnection) -> None:
    """PIT in Deurne, 2017: one evening, one visit, 3 persons found (P2, Q3). For a suppressed role the tile, the
    sentence and the persons per 10,000 inhabitants (3 / 12 months * 12 / inhabitants would give 3 back) are
    hidden; per municipality Helmond 10 and Deurne 3: 3 is hidden and 10 too (their sum is the team's total)."""
    notitie = raadsnotitie(con, "PIT", "GM0762", lees_periode("2017"), drempel=5)
    assert dict(notitie.kerncijfers)["Aangetroffen personen"] == "<5"
    assert dict(notitie.kerncijfers)["Bezochte objecten"] == "1"  # objects are not persons
    assert "1 objecten zijn bezocht en minder dan 5 personen zijn aangetroffen." in notitie.tekst
    personen = next(rij for rij in notitie.benchmark if rij[0] == "Aangetroffen personen")
    assert personen[1] == "niet getoond" and personen[2] != "niet getoond"  # PIT as a whole: 13 persons
    per_gemeente = dict(zip(notitie.gemeenten["gemeente"], notitie.gemeenten["aangetroffen_personen"], strict=True))
    assert per_gemeente == {"Helmond": "<5", "Deurne": "<5"}
    assert any("Aantallen personen onder de 5 zijn niet getoond" in b for b in notitie.bronnen)
    open_ = raadsnotitie(con, "PIT", "GM0762", lees_periode("2017"))  # evaluator, beheerder: every count
    assert dict(open_.kerncijfers)["Aangetroffen personen"] == "3" and "3 personen zijn aangetroffen" in open_.tekst
    assert not any("niet getoond" in b for b in open_.bronnen)


def test_municipality_names_are_looked_up(con: duckdb.DuckDBPyConnection) -> None:
    assert gemeente_code(con, "  reusel-de mierden ".replace("-de m", "-De M")) == ("GM1667", "Reusel-De Mierden")
    assert gemeente_code(con, "veldhoven") == ("GM0861", "Veldhoven")
    with pytest.raises(OnbekendeGemeente, match="Gemeente 'Atlantis' is onbekend. Bekende gemeenten: Asten,"):
        gemeente_code(con, "Atlantis")


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BROWSER_PATH": str(CHROMIUM)}
    return subprocess.run([sys.executable, "-m", "report", "onepager", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def test_bad_input_gives_a_dutch_message_and_no_file(testwarehouse: Path, tmp_path: Path) -> None:
    out = tmp_path / "notitie.pdf"
    fout = _cli("--periode", "zomer 2022", "--out", str(out), "--warehouse", str(testwarehouse))
    assert fout.returncode == 2 and "--periode: 'zomer 2022' is geen periode" in fout.stderr
    fout = _cli("--gemeente", "Atlantis", "--periode", "2019", "--out", str(out), "--warehouse", str(testwarehouse))
    assert fout.returncode == 2 and "Gemeente 'Atlantis' is onbekend" in fout.stderr
    fout = _cli("--periode", "2019", "--out", str(out), "--warehouse", str(tmp_path / "geen.duckdb"))
    assert fout.returncode == 2 and "Geen warehouse" in fout.stderr
    assert not out.exists()


@pytest.mark.skipif(
    not (CHROMIUM.exists() and shutil.which("pdftotext")) and os.environ.get("CI") != "true",
    reason="needs /usr/bin/chromium and pdftotext (scripts/test.sh installs both when run as root)",
)
def test_cli_writes_a_pdf_of_at_most_two_pages(testwarehouse: Path, tmp_path: Path) -> None:
    out = tmp_path / "raad" / "veldhoven.pdf"
    klaar = _cli("--gemeente", "Veldhoven", "--periode", "1-1-2019 t/m 31-12-2019", "--team", "KIT-pilot",
                 "--out", str(out), "--warehouse", str(testwarehouse))
    assert klaar.returncode == 0, klaar.stderr
    assert out.read_bytes().startswith(b"%PDF")
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    pagina_s = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert 1 <= pagina_s <= 2
    assert "595.28 x 841.89 pts (A4)" in info
    tekst = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                           check=True).stdout
    assert "KIT pilot in Veldhoven: 2019" in tekst
    assert "periode 1 januari 2019 t/m 31 december 2019" in tekst
    for kop in ("Kerncijfers", "In het kort", "Verloop en vergelijking met de andere gemeenten",
                "Vergeleken met het PIT (per 10.000 inwoners per jaar)", "Opvolging", "Bronnen en definities"):
        assert kop in tekst
    assert "staat Veldhoven met 2 controleavonden op plaats 1" in " ".join(tekst.split())
    assert "Controleavonden" in tekst and "0,47" in tekst and "0,09" in tekst
    assert "Opgevolgd: een overtreding met minstens één opvolgingsstap" in tekst
    images = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True).stdout
    assert len(images.strip().splitlines()) - 2 == 2  # the trend and the municipalities, drawn by kaleido


@pytest.mark.skipif(
    not (CHROMIUM.exists() and shutil.which("pdftotext")) and os.environ.get("CI") != "true",
    reason="needs /usr/bin/chromium and pdftotext (scripts/test.sh installs both when run as root)",
)
def test_cli_suppresses_by_default_and_is_audited(testwarehouse: Path, tmp_path: Path) -> None:
    """The command line makes the one-pager for the council (--rol burgemeester by default): Deurne's 3 persons
    are "<5"; the written file is an export in the audit log, by the operator."""
    from access.audit import AuditLog
    from settings import load_settings

    out = tmp_path / "deurne.pdf"
    klaar = _cli("--gemeente", "Deurne", "--periode", "2017", "--team", "PIT", "--out", str(out), "--warehouse",
                 str(testwarehouse))
    assert klaar.returncode == 0, klaar.stderr
    tekst = " ".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                                    check=True).stdout.split())
    assert "Bezochte objecten Aangetroffen personen 1 1 <5" in tekst  # the tiles, read row by row
    assert "minder dan 5 personen zijn aangetroffen" in tekst and "niet getoond" in tekst
    assert "Aantallen personen onder de 5 zijn niet getoond" in tekst
    log = AuditLog(load_settings().audit_log_path).entries()
    assert log[["gebeurtenis", "rol", "onderwerp"]].values.tolist()[0] == ["export", "burgemeester", "deurne.pdf"]
    assert log["wie"].iloc[0].startswith("cli")
