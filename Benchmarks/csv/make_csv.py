"""Writes the CSV that the CSV loading benchmark reads: 100,000 rows x 8 columns.

Deterministic (a fixed seed), so the Swift loader and Python's csv module time the same bytes.
Cells are Python's repr of random doubles: the shortest text that reads back exactly, mostly
16 or 17 significant digits, the hard case for a number parser (no short cuts).

    python3 make_csv.py [PATH] [ROWS]      # default: /tmp/csv-load.csv, 100000
"""

import random
import sys

path = sys.argv[1] if len(sys.argv) > 1 else "/tmp/csv-load.csv"
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000

rng = random.Random(8)
with open(path, "w", newline="") as out:
    out.write("x1,x2,x3,x4,x5,x6,y1,y2\n")
    for _ in range(rows):
        # Inputs spread over a few decades and both signs, targets in [0, 1) as for a sigmoid.
        inputs = [repr(rng.uniform(-100, 100)) for _ in range(6)]
        targets = [repr(rng.random()) for _ in range(2)]
        out.write(",".join(inputs + targets) + "\n")
print(f"wrote {rows} rows x 8 columns to {path}")
