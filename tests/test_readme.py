"""The role x page matrix in the README says what ui/registry.py enforces (the registry is the source)."""

from __future__ import annotations

from pathlib import Path

from ui.registry import PAGES, ROLES

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_matrix_matches_the_registry() -> None:
    text = README.read_text(encoding="utf-8")
    table = text.split("<!-- matrix:start -->")[1].split("<!-- matrix:end -->")[0].strip().splitlines()
    header = [c.strip() for c in table[0].strip("|").split("|")]
    assert header == ["page", *ROLES]
    rows = {}
    for line in table[2:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        rows[cells[0]] = {role for role, cell in zip(ROLES, cells[1:], strict=True) if cell == "ja"}
    assert rows == {spec.title: set(spec.roles) for spec in PAGES}
