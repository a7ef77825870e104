"""Fixtures of the ETL tests: the command line run in-process on the test's private paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.__main__ import main


@pytest.fixture
def cli(etl_paths, monkeypatch, capsys):
    """Run `python -m etl load` in-process on the test paths; returns (exit code, stderr)."""
    monkeypatch.setenv("KIT_PSEUDONYM_KEY", str(etl_paths["key"]))
    monkeypatch.setenv("KIT_ARCHIVE_DIR", str(etl_paths["raw"].parent / "archief"))
    monkeypatch.setenv("KIT_RAW_DIR", str(etl_paths["raw"]))

    def run(*args: str, raw: Path | None = None) -> tuple[int, str]:
        argv = ["load", str(raw or etl_paths["raw"]), "--warehouse", str(etl_paths["warehouse"]),
                "--mappings", str(etl_paths["mappings"]), *args]
        code = main(argv)
        return code, capsys.readouterr().err

    return run


@pytest.fixture
def etl_command(cli, capsys):
    """Run any `python -m etl ...` subcommand in-process (after `cli` set the environment); (code, stdout, stderr)."""

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run
