"""A dashboard holding the warehouse open read-only does not block a load, and sees new data after reconnecting."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from tests.etl.workbooks import controles, run

READER = textwrap.dedent("""
    import sys
    import duckdb
    sql = "SELECT count(*) FROM stg_controleavonden"
    con = duckdb.connect(sys.argv[1], read_only=True)
    print(con.execute(sql).fetchone()[0], flush=True)
    sys.stdin.readline()
    print(con.execute(sql).fetchone()[0], flush=True)
    con.close()
    con = duckdb.connect(sys.argv[1], read_only=True)
    print(con.execute(sql).fetchone()[0], flush=True)
""")


def test_load_while_a_reader_holds_the_warehouse_open(etl_paths):
    controles(etl_paths["raw"] / "a.xlsx", n=2)
    assert run(etl_paths).ok
    reader = subprocess.Popen([sys.executable, "-c", READER, str(etl_paths["warehouse"])], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "2"  # the reader has the old warehouse open
        controles(etl_paths["raw"] / "a.xlsx", n=3)
        report = run(etl_paths)
        assert report.ok and report.file("a.xlsx").status == "geladen", report.summary()
        out, err = reader.communicate("\n", timeout=60)
    finally:
        if reader.poll() is None:
            reader.kill()
    assert reader.returncode == 0, err
    assert out.split() == ["2", "3"]  # old data before reconnecting, new data after
