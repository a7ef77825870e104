"""Oversized files, zip bombs, impossible sheet ranges and non-workbooks are refused before parsing."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

import etl.load
from settings import PROJECT_ROOT
from tests.conftest import subprocess_env
from tests.etl.workbooks import controles, query

ROW = b'<row r="9"><c r="A9" t="n"><v>1</v></c></row>'


def rewrite_sheet(src: Path, out: Path, change) -> Path:
    """Copy workbook `src` to `out` with the XML of its first sheet passed through `change` (bytes -> bytes)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = change(data)
            zout.writestr(item, data)
    src.unlink()
    return out


def claimed_range(raw: Path) -> Path:
    """A 6 kB workbook whose first sheet claims the range A1:XFD1048576."""
    src = controles(raw / "bron.xlsx", prefix="D-")
    return rewrite_sheet(src, raw / "bereik.xlsx",
                         lambda xml: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', xml))


def far_cell(raw: Path) -> Path:
    """A workbook with one cell at XFD1048576 and no dimension: calamine would allocate 17 billion cells."""
    src = controles(raw / "bron2.xlsx", prefix="E-")
    far = b'<row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row></sheetData>'
    return rewrite_sheet(src, raw / "verre_cel.xlsx", lambda xml: re.sub(
        rb'<dimension ref="[^"]*" ?/>', b"", xml).replace(b"</sheetData>", far))


def bomb(raw: Path, megabytes: int = 40) -> Path:
    """A workbook whose sheet unpacks to `megabytes` MB of repeated rows (about 1000 times compressed)."""
    src = controles(raw / "bron3.xlsx", prefix="F-")
    block = ROW * 20_000
    out = raw / "bom.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            if item.filename != "xl/worksheets/sheet1.xml":
                zout.writestr(item, zin.read(item))
                continue
            head, tail = zin.read(item).split(b"</sheetData>")
            with zout.open(item.filename, "w") as stream:
                stream.write(head)
                for _ in range(megabytes * (1 << 20) // len(block)):
                    stream.write(block)
                stream.write(b"</sheetData>" + tail)
    src.unlink()
    return out


def test_bombs_and_impossible_ranges_are_refused_before_parsing(etl_paths, cli, monkeypatch):
    raw = etl_paths["raw"]
    controles(raw / "goed.xlsx")
    claimed_range(raw), far_cell(raw), bomb(raw)
    real_read = etl.load.read_workbook
    parsed: list[str] = []
    monkeypatch.setattr(etl.load, "read_workbook", lambda path: parsed.append(path.name) or real_read(path))
    code, err = cli()
    assert code == 1
    assert parsed == ["goed.xlsx"]  # the others never reached the parser
    assert ("bereik.xlsx: blad 'Controleavonden' zegt 1.048.576 rijen x 16.384 kolommen (17.179.869.184 cellen; "
            "grens 3.000.000); zo'n blad kan niet veilig gelezen worden") in err
    assert "verre_cel.xlsx: blad 'Controleavonden' heeft cellen tot 1.048.576 rijen x 16.384 kolommen" in err
    assert re.search(r"bom\.xlsx: onderdeel xl/worksheets/sheet1\.xml is \d+ keer samengeperst \(grens 100\); het "
                     r"bestand lijkt een zip-bom", err)
    assert query(etl_paths, "SELECT bestand, status FROM meta_laadronde ORDER BY 1") == [
        ("bereik.xlsx", "afgewezen"), ("bom.xlsx", "afgewezen"), ("goed.xlsx", "geladen"),
        ("verre_cel.xlsx", "afgewezen")]


def test_unpacked_size_and_file_size_limits_come_from_settings(etl_paths, cli, monkeypatch):
    bomb(etl_paths["raw"], megabytes=3)
    controles(etl_paths["raw"] / "goed.xlsx")
    monkeypatch.setenv("KIT_MAX_COMPRESSION_RATIO", "100000")
    monkeypatch.setenv("KIT_MAX_UNPACKED_MB", "2")
    code, err = cli()
    assert code == 1 and "bom.xlsx: bestand pakt uit tot 2,6 MB (grens 2,0 MB)" in err
    controles(etl_paths["raw"] / "groot.xlsx", prefix="G-")
    monkeypatch.setenv("KIT_MAX_FILE_MB", "0.004")
    code, err = cli()
    assert re.search(r"groot\.xlsx: bestand is te groot \(\d+,\d kB; de grens is 4,1 kB\); lever de gegevens in "
                     "kleinere bestanden aan", err)


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("tekst.xlsx", b"controleavond_id;datum\nKIT-1;2021-03-01\n", "geen geldig Excel-bestand"),
    ("foto.xlsx", b"\x89PNG\r\n\x1a\n" + bytes(200), "geen geldig Excel-bestand"),
    ("archief.xlsx", None, "een zip-bestand zonder Excel-werkmap"),
    ("lijst.csv", b"a;b\n1;2\n", "geen Excel-bestand (extensie '.csv'"),
])
def test_files_that_are_not_workbooks_are_refused(etl_paths, cli, name, content, reason):
    path = etl_paths["raw"] / name
    if content is None:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("notities.txt", "geen werkmap")
    else:
        path.write_bytes(content)
    controles(etl_paths["raw"] / "goed.xlsx")
    code, err = cli()
    assert code == 1 and f"{name}: " in err and reason in err
    assert query(etl_paths, "SELECT count(*) FROM stg_controleavonden") == [(2,)]


LIMITED = textwrap.dedent("""
    import resource, runpy, sys
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
    sys.argv = ["etl", *sys.argv[1:]]
    runpy.run_module("etl", run_name="__main__")
""")


def test_the_loader_stays_under_one_gibibyte_with_a_bomb(etl_paths):
    raw = etl_paths["raw"]
    controles(raw / "goed.xlsx")
    claimed_range(raw), far_cell(raw), bomb(raw)
    env = subprocess_env(KIT_PSEUDONYM_KEY=str(etl_paths["key"]), PYTHONPATH=str(PROJECT_ROOT))
    done = subprocess.run([sys.executable, "-c", LIMITED, "load", str(raw), "--warehouse",
                           str(etl_paths["warehouse"])], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 1, done.stderr[-2000:]
    assert "Traceback" not in done.stderr and "MemoryError" not in done.stderr
    assert query(etl_paths, "SELECT DISTINCT _bestand FROM stg_controleavonden") == [("goed.xlsx",)]


def test_extent_is_the_furthest_cell_reference_of_a_piece() -> None:
    from etl.guard import _extent

    piece = (b'<row r="2"><c r="B2" t="s"><v>0</v></c><c r="AA3"/></row>'
             b'<row r="9"><x:c s="1" r="C9"><x:v>1</x:v></x:c></row>')
    assert _extent(piece, 0, 0) == (9, 27)
    assert _extent(b'<row r="1"></row>', 4, 5) == (4, 5)
    assert _extent(piece, 12, 30) == (12, 30)


def test_has_formula_finds_formula_tags_with_and_without_prefix() -> None:
    from etl.guard import _has_formula

    assert _has_formula(b'<c r="A1"><f>B1*2</f><v>4</v></c>')
    assert _has_formula(b'<x:c r="A1"><x:f t="shared" si="0"/></x:c>')
    assert not _has_formula(b'<c r="A1" t="s"><v>0</v></c><c r="B1"><v>3</v></c>')
    assert not _has_formula(b'<c r="A1" t="inlineStr"><is><t>a:f</t></is></c>')
