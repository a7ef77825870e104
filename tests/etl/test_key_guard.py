"""The pseudonym key is guarded: a missing or other key is refused, never silently recreated."""

from __future__ import annotations

import hashlib

from etl.pseudonym import fingerprint
from tests.etl.workbooks import controles, query


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_another_key_is_refused_with_linkage_and_restore_explained(etl_paths, cli):
    controles(etl_paths["raw"] / "a.xlsx")
    assert cli()[0] == 0
    original = etl_paths["key"].read_bytes()
    assert query(etl_paths, "SELECT vingerafdruk FROM meta_sleutel") == [(fingerprint(original),)]
    pseudonyms = query(etl_paths, "SELECT adres_pseudoniem FROM stg_bezoeken ORDER BY 1")
    before = _digest(etl_paths["warehouse"])
    etl_paths["key"].write_bytes(bytes(range(32)))
    controles(etl_paths["raw"] / "b.xlsx", prefix="B-")
    code, err = cli()
    assert code == 3
    assert (f"Laden geweigerd: de pseudoniemsleutel {etl_paths['key']} is niet de sleutel waarmee dit warehouse is "
            f"opgebouwd (vingerafdruk {fingerprint(bytes(range(32)))} in plaats van {fingerprint(original)})") in err
    assert "niet meer aan elkaar te koppelen" in err and "Zet de oorspronkelijke sleutel terug uit de back-up" in err
    assert _digest(etl_paths["warehouse"]) == before
    etl_paths["key"].write_bytes(original)  # restored from the backup: loads again, same pseudonyms
    assert cli()[0] == 0
    assert query(etl_paths, "SELECT adres_pseudoniem FROM stg_bezoeken WHERE _bestand = 'a.xlsx' ORDER BY 1") == \
        pseudonyms


def test_a_lost_key_is_not_recreated(etl_paths, cli):
    controles(etl_paths["raw"] / "a.xlsx")
    assert cli()[0] == 0
    etl_paths["key"].unlink()
    code, err = cli()
    assert code == 3
    assert f"de pseudoniemsleutel ontbreekt ({etl_paths['key']})" in err and "geen nieuwe sleutel gemaakt" in err
    assert not etl_paths["key"].exists()


def test_new_key_rebuilds_every_file_with_the_new_pseudonyms(etl_paths, cli):
    controles(etl_paths["raw"] / "a.xlsx")
    assert cli()[0] == 0
    old = query(etl_paths, "SELECT adres_pseudoniem FROM stg_bezoeken ORDER BY bezoek_id")
    etl_paths["key"].unlink()
    code, err = cli("--new-key")
    assert code == 0, err
    new = query(etl_paths, "SELECT adres_pseudoniem FROM stg_bezoeken ORDER BY bezoek_id")
    assert len(new) == 2 and set(new).isdisjoint(old)
    assert query(etl_paths, "SELECT vingerafdruk FROM meta_sleutel") == [(fingerprint(etl_paths["key"].read_bytes()),)]
    assert query(etl_paths, "SELECT status FROM meta_laadronde WHERE run_id = (SELECT max(run_id) FROM "
                            "meta_laadronde)") == [("geladen",)]
    assert cli()[0] == 0
