"""Load bookkeeping for the data steward on the small synthetic warehouse."""

from __future__ import annotations

import duckdb
import pandas as pd

from metrics.datakwaliteit import (
    afwijzingen,
    afwijzingen_per_regel,
    archiefversies,
    bestanden,
    in_gebruik,
    laadgeschiedenis,
    laadstatus,
    rijen_per_tabel,
)


def test_latest_run(con: duckdb.DuckDBPyConnection) -> None:
    status = laadstatus(con).iloc[0]
    assert status["run_id"] == "run-2"
    assert (status["bestanden"], status["geladen"], status["in_gebruik"], status["afgewezen"]) == (3, 2, 2, 1)
    assert (status["rijen"], status["problemen"]) == (36, 1)


def test_files_list_rejected_ones_first(con: duckdb.DuckDBPyConnection) -> None:
    frame = bestanden(con)
    assert list(frame["bestand"]) == ["kit/signalen.xlsx", "kit-pilot/controles.xlsx", "pit/controles.xlsx"]
    rejected = frame.iloc[0]
    assert rejected["laatste_status"] == "afgewezen"
    assert pd.isna(rejected["rijen_geladen"])  # never loaded, so no version in force
    assert frame.set_index("bestand").loc["kit-pilot/controles.xlsx", "rijen_geladen"] == 23


def test_rejections_latest_run_per_file(con: duckdb.DuckDBPyConnection) -> None:
    latest = afwijzingen(con)
    assert list(latest["bestand"]) == ["kit/signalen.xlsx"]  # the pilot file's problems were fixed in run-2
    assert "Atlantis is geen bekende gemeente" in latest.iloc[0]["melding"]
    all_runs = afwijzingen(con, alleen_laatste_run=False)
    assert len(all_runs) == 3
    per_regel = afwijzingen_per_regel(con, alleen_laatste_run=False)
    assert per_regel["problemen"].sum() == 3


def test_rows_per_table_and_history(con: duckdb.DuckDBPyConnection) -> None:
    rijen = rijen_per_tabel(con).set_index("tabel")
    assert rijen.loc["Controleavonden", "rijen"] == 6
    assert rijen.loc["Aanwezige partners", "rijen"] == 19
    assert list(laadgeschiedenis(con)["run_id"]) == ["run-2", "run-1"]


def test_rows_in_force_count_every_file_whatever_run_loaded_it(con: duckdb.DuckDBPyConnection) -> None:
    nu = in_gebruik(con).iloc[0]
    assert (nu["bestanden"], nu["rijen"]) == (2, 36)  # 23 + 13 rows of the two versions in force


def test_archive_versions_are_marked_in_force(con: duckdb.DuckDBPyConnection) -> None:
    versies = pd.DataFrame({
        "bestand": ["pit/controles.xlsx", "pit/controles.xlsx", "kit-pilot/controles.xlsx"],
        "sha256": ["0011223344556677", "bb22", "aa11"], "soort": ["controles"] * 3, "mapping": ["pit"] * 3,
        "geladen_op": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-01-05"]), "rijen": [11, 13, 23],
        "geanonimiseerd_tot": [0, 2017, 0], "ruw_verwijderd_op": ["", "2024-05-01T10:00:00", ""]})
    frame = archiefversies(con, versies)
    assert frame[["bestand", "sha256", "in_gebruik", "rijen"]].values.tolist() == [
        ["kit-pilot/controles.xlsx", "aa11", True, 23], ["pit/controles.xlsx", "bb22", True, 13],
        ["pit/controles.xlsx", "001122334455", False, 11]]
    assert frame["geanonimiseerd_tot"].tolist()[1:] == [2017, pd.NA]
    assert frame["werkmap_verwijderd_op"].iloc[1] == pd.Timestamp("2024-05-01 10:00")
    assert archiefversies(con, versies.iloc[0:0]).empty
