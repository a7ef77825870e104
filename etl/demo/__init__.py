"""Synthetic demo data: the raw partner workbooks of three teams in three layouts.

`generate(out_dir, seed, reference_dir=...)` writes
- kit-pilot/  KIT pilot (project HAM, 2019) in the partner layout "ham-kempen", reproducing the HAM/KIT
  evaluation §6.1 (etl/demo/pilot.py);
- pit/        PIT 2017 in the layout "pit-peelland", reproducing the PIT 2017 infographic (etl/demo/pit.py);
- kit/        KIT 2020-2022, invented, in the contract's own layout (etl/demo/kit.py);
- the evaluation interviews (etl/demo/interviews.py).
All data is invented; see data/raw/README.md. Randomness only from `random.Random`, seeded per part
from `seed`, so the same seed gives the same workbooks.
"""

from __future__ import annotations

import random
from pathlib import Path


def generate(out_dir: Path, seed: int = 42, *, reference_dir: Path) -> list[Path]:
    """Write every demo workbook under `out_dir` and return their paths (sorted).

    `reference_dir` holds the project's reference tables (settings.reference_dir): municipality names.
    """
    from etl.demo.interviews import write_interviews
    from etl.demo.kit import write_kit
    from etl.demo.pilot import write_pilot
    from etl.demo.pit import write_pit

    out_dir = Path(out_dir)
    paths = write_pilot(out_dir, random.Random(f"{seed}:kit-pilot"), seed)
    paths += write_pit(out_dir, random.Random(f"{seed}:pit"), seed)
    paths += write_kit(out_dir, random.Random(f"{seed}:kit"), seed)
    paths += write_interviews(out_dir, random.Random(f"{seed}:interviews"), seed,
                              reference_dir=reference_dir)
    return sorted(paths)
