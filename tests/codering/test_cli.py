"""`python -m codering backup`: a consistent copy of the coding store next to it or in a chosen folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from codering.__main__ import main
from codering.store import CodingStore


def test_backup_command_writes_a_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    store_path = tmp_path / "codering" / "codering.sqlite"
    monkeypatch.setenv("KIT_CODING_DB", str(store_path))
    assert main(["backup"]) == 1  # nothing to back up yet
    assert "Geen coderingsopslag" in capsys.readouterr().out
    CodingStore(store_path).set_code("R01", 1, "Anna", "neutraal")
    assert main(["backup"]) == 0
    copies = list((store_path.parent / "backups").glob("codering-*.sqlite"))
    assert len(copies) == 1
    assert CodingStore(copies[0]).codes()["code"].tolist() == ["neutraal"]
    assert main(["backup", str(tmp_path / "elders")]) == 0
    assert len(list((tmp_path / "elders").glob("codering-*.sqlite"))) == 1
