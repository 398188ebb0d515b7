"""Times Python's csv module reading the benchmark's CSV file into floats: the baseline for `csv-load`.

The same work as `DataTable.load(path:)`: open and read the file, split it into cells, turn
every cell into a float. Prints the best of 5 runs (the least disturbed by other work).

    python3 python_csv_load.py [PATH]      # default: /tmp/csv-load.csv
"""

import csv
import sys
import time

path = sys.argv[1] if len(sys.argv) > 1 else "/tmp/csv-load.csv"


def load(path):
    with open(path, newline="") as file:
        reader = csv.reader(file)
        header = next(reader)
        rows = [[float(c) for c in row] for row in reader]
    return header, rows


best = float("inf")
for _ in range(5):
    start = time.perf_counter()
    header, rows = load(path)
    best = min(best, time.perf_counter() - start)
print(f"python {sys.version.split()[0]} csv: {len(rows)} rows x {len(header)} columns, best of 5: {best * 1000:.1f} ms")
