#!/usr/bin/env python3
"""Check backprop-tui's `digits` preset against an independent numpy implementation, and time both.

  replay   the binary trains `--headless --preset digits --epochs E --every 1 --format csv`
           (E = 30 by default); a numpy 64-16-10 network (tanh, then softmax; C = -Σ y log ŷ
           over the samples, the textbook way through ŷ; the mean reduction, W and b stepping by
           the batch's summed gradient / its N; sgd at the preset's lr 0.2), written here from
           the equations, starts from the trace's step-0 weights and is fed the very batches the
           trace's `batch` column names (the split from the JSON trace's split record; every
           epoch must use each training sample once). At every record it must agree with the
           binary: cost and test_cost within a relative 1e-9 (--tol), accuracy and
           test_accuracy exactly (the fraction of samples whose target's ŷ is strictly the
           largest; a sample whose two largest ŷ lie within 1e-9 of each other in the reference
           is a tie the last bits decide, and its record is not compared), and every weight
           within 1e-9 of the largest weight's size.
  accuracy the final test accuracy must be at least 90% (--floor-accuracy).
  timing   seconds per epoch: the release binary with one record an epoch (`--every 45`, the
           steps of an epoch; its time for `--steps 0`, reading the data and the first forward
           passes, subtracted) against the numpy replay run alone, its records one an epoch
           too, best of --rounds each. With --floor PATH (Benchmarks' `digits-epochs`), the C
           floor's seconds per epoch as well. The ratios are printed, not judged: times belong
           to the machine (Benchmarks/README.md, "Digits", has the measured table).
  --sklearn  checks Sources/CDigits/digits.csv against scikit-learn's
           sklearn/datasets/data/digits.csv.gz row by row, from a wheel or the .gz given
           (--sklearn PATH), or from `pip download --no-deps scikit-learn==1.9.1` (--sklearn
           with no path); prints the .gz's sha256 (1.9.1's is 09f66e6d…aa22).

Install:  pip install numpy
Run:      python3 scripts/check-digits.py [--binary PATH] [--epochs E] [--seed S] [--rounds R]
              [--floor Benchmarks/.build-digits/release/digits-epochs] [--sklearn [PATH]]
Without --binary it runs `swift build -c release` in the repo root and uses
.build/release/backprop-tui. Exit status 0 when everything matches, 1 on any mismatch.
"""

import argparse
import csv
import gzip
import hashlib
import io
import json
import math
import os
import subprocess
import sys
import tempfile
import time
import zipfile

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIGITS = os.path.join(ROOT, "Sources", "CDigits", "digits.csv")
SKLEARN_MEMBER = "sklearn/datasets/data/digits.csv.gz"
SKLEARN_VERSION = "1.9.1"
SIZES = (64, 16, 10)
LEARNING_RATE = 0.2


def load_digits(path=DIGITS):
    """(x, y, rows): pixels / 16, labels one-hot over 10, and the file's rows as integers."""
    with open(path, newline="") as handle:
        rows = [[int(cell) for cell in row] for row in csv.reader(handle)]
    table = np.array(rows, dtype=np.int64)
    return table[:, :64].astype(float) / 16, np.eye(10)[table[:, 64]], rows


def forward(x, params):
    """(h, ŷ): the hidden layer's tanh, and softmax over each row of the output's a (shifted by
    the row's largest a, which changes nothing but the range of exp)."""
    w1, b1, w2, b2 = params
    h = np.tanh(x @ w1 + b1)
    a = h @ w2 + b2
    e = np.exp(a - a.max(axis=1, keepdims=True))
    return h, e / e.sum(axis=1, keepdims=True)


def cost(yhat, y):
    """C = -Σ_samples Σ_j y_j log ŷ_j, through ŷ."""
    return float(-np.sum(y * np.log(np.where(y == 1, yhat, 1.0))))


def accuracy(yhat, y, margin=1e-9):
    """(fraction right, whether a sample's two largest ŷ are within `margin`): right when the
    target's ŷ is strictly larger than every other."""
    target = y.argmax(axis=1)
    chosen = yhat[np.arange(len(y)), target]
    others = np.where(y == 1, -np.inf, yhat).max(axis=1)
    top = np.sort(yhat, axis=1)
    return (np.count_nonzero(chosen > others) / len(y),
            bool(np.any(top[:, -1] - top[:, -2] <= margin)))


def step(params, x, y, lr=LEARNING_RATE):
    """One sgd step on the batch (x, y), the mean reduction, in place: δ² = ŷ - y (softmax with
    ce), δ¹ = δ²W²ᵀ ⊙ (1 - h²), ∂C/∂W = inputᵀδ, ∂C/∂b = Σ δ, each / N."""
    w1, b1, w2, b2 = params
    h, yhat = forward(x, params)
    n = len(x)
    d2 = yhat - y
    d1 = (d2 @ w2.T) * (1 - h * h)
    w2 -= lr * (h.T @ d2) / n
    b2 -= lr * d2.sum(axis=0) / n
    w1 -= lr * (x.T @ d1) / n
    b1 -= lr * d1.sum(axis=0) / n


def record(params, x, y, train, test):
    """What a trace row reports: cost, test cost, accuracy, test accuracy (with their ties)."""
    _, yhat_train = forward(x[train], params)
    _, yhat_test = forward(x[test], params)
    return (cost(yhat_train, y[train]), cost(yhat_test, y[test]),
            accuracy(yhat_train, y[train]), accuracy(yhat_test, y[test]))


def params_from_row(header, row):
    """W¹ (64x16), b¹, W² (16x10), b² from a trace row's L1_w…, L1_b…, L2_w…, L2_b… cells."""
    index = {name: k for k, name in enumerate(header)}
    params = []
    for layer, (n, m) in enumerate(zip(SIZES, SIZES[1:]), start=1):
        w = np.array([[float(row[index[f"L{layer}_w{i}_{j}"]]) for j in range(1, m + 1)]
                      for i in range(1, n + 1)])
        b = np.array([float(row[index[f"L{layer}_b{j}"]]) for j in range(1, m + 1)])
        params += [w, b]
    return params


def run(cmd):
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {done.returncode}: {done.stderr.strip()}")
    return done.stdout


def best_time(cmd, rounds):
    best = math.inf
    for _ in range(rounds):
        began = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True, timeout=600)
        best = min(best, time.perf_counter() - began)
    return best


def check_sklearn(source, rows):
    """Compares the file's rows with scikit-learn's digits.csv.gz from `source` (a wheel or a
    .gz; None: downloaded). Returns the problems found."""
    with tempfile.TemporaryDirectory() as folder:
        if source is None:
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:",
                            f"scikit-learn=={SKLEARN_VERSION}", "-d", folder, "-q"], check=True)
            source = os.path.join(folder, next(n for n in os.listdir(folder) if n.endswith(".whl")))
        if source.endswith(".whl"):
            with zipfile.ZipFile(source) as wheel:
                compressed = wheel.read(SKLEARN_MEMBER)
        else:
            with open(source, "rb") as handle:
                compressed = handle.read()
    print(f"scikit-learn's {SKLEARN_MEMBER} from {os.path.basename(source)}: "
          f"sha256 {hashlib.sha256(compressed).hexdigest()}")
    text = gzip.decompress(compressed).decode()
    # scikit-learn reads it with np.loadtxt: numbers, whatever their spelling.
    theirs = [[int(float(cell)) for cell in line.split(",")] for line in text.splitlines() if line.strip()]
    problems = []
    if len(theirs) != len(rows):
        problems.append(f"scikit-learn has {len(theirs)} rows, the file {len(rows)}")
    for k, (a, b) in enumerate(zip(theirs, rows)):
        if a != b:
            problems.append(f"row {k + 1} differs: scikit-learn {a[:6]}… label {a[-1]}, the file {b[:6]}… label {b[-1]}")
            break
    with open(DIGITS, "rb") as handle:
        same_bytes = handle.read() == text.encode()
    print(f"  {len(theirs)} rows compared with Sources/CDigits/digits.csv: "
          f"{'the same' if not problems else 'DIFFERENT'}"
          f"{' (byte for byte too)' if same_bytes else ' (the numbers; the bytes differ)'}")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary")
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--tol", type=float, default=1e-9)
    parser.add_argument("--floor-accuracy", type=float, default=0.90)
    parser.add_argument("--rounds", type=int, default=3, help="timing rounds, best taken (0: no timing)")
    parser.add_argument("--floor", help="Benchmarks' digits-epochs, to time the C floor too")
    parser.add_argument("--sklearn", nargs="?", const="", help="a wheel or digits.csv.gz (none: pip download)")
    args = parser.parse_args()
    binary = args.binary
    if binary is None:
        subprocess.run(["swift", "build", "-c", "release"], cwd=ROOT, check=True)
        binary = os.path.join(ROOT, ".build", "release", "backprop-tui")
    x, y, rows = load_digits()
    failed = []
    if args.sklearn is not None:
        failed += check_sklearn(args.sklearn or None, rows)

    preset = ["--headless", "--preset", "digits", "--seed", str(args.seed)]
    split = json.loads(run([binary, *preset, "--steps", "0", "--format", "json"]).splitlines()[0])
    train, test = split["train"], split["test"]
    if sorted(train + test) != list(range(len(x))) or len(test) != len(x) // 5:
        failed.append(f"the split holds {len(train)} and {len(test)} samples, not every sample once with a fifth out")
    table = list(csv.reader(io.StringIO(run([binary, *preset, "--epochs", str(args.epochs), "--every", "1",
                                             "--format", "csv"]))))
    header, trace = table[0], table[1:]
    column = {name: k for k, name in enumerate(header)}
    steps_per_epoch = math.ceil(len(train) / 32)
    if len(trace) != args.epochs * steps_per_epoch + 1:
        failed.append(f"{len(trace)} records, not {args.epochs * steps_per_epoch + 1}")
    params = params_from_row(header, trace[0])
    batches = [[int(s) for s in row[column["batch"]].split()] for row in trace[1:]]
    for epoch in range(args.epochs):
        used = sum(batches[epoch * steps_per_epoch:(epoch + 1) * steps_per_epoch], [])
        if sorted(used) != train:
            failed.append(f"epoch {epoch + 1} does not use every training sample once")
            break

    worst = {"cost": 0.0, "test_cost": 0.0, "weights": 0.0}
    where = dict.fromkeys(worst, "")
    ties = 0
    accuracy_mismatches = []
    for k, row in enumerate(trace):
        if k > 0:
            step(params, x[batches[k - 1]], y[batches[k - 1]])
        want_cost, want_test, (want_acc, tie), (want_test_acc, test_tie) = record(params, x, y, train, test)
        for name, want in (("cost", want_cost), ("test_cost", want_test)):
            err = abs(float(row[column[name]]) - want) / abs(want)
            if err > worst[name]:
                worst[name], where[name] = err, f"step {k}: {row[column[name]]}, numpy {want!r}"
        if k % steps_per_epoch == 0 or k == len(trace) - 1:
            got = params_from_row(header, row)
            size = max(float(np.max(np.abs(p))) for p in params)
            err = max(float(np.max(np.abs(g - p))) for g, p in zip(got, params)) / size
            if err > worst["weights"]:
                worst["weights"], where["weights"] = err, f"step {k}"
        if tie or test_tie:
            ties += 1
            continue
        for name, want in (("accuracy", want_acc), ("test_accuracy", want_test_acc)):
            if float(row[column[name]]) != want:
                accuracy_mismatches.append(f"step {k} {name}: {row[column[name]]}, numpy {want!r}")
    for name, err in worst.items():
        ok = err <= args.tol
        print(f"{name:<13} max relative difference {err:.3g} over {len(trace)} records"
              f"{'' if name != 'weights' else ' (one an epoch, to the largest weight)'}  "
              f"{'ok' if ok else 'MISMATCH'}  {where[name]}")
        if not ok:
            failed.append(f"{name}: {err:.3g} at {where[name]}")
    print(f"accuracy, test_accuracy equal at {len(trace) - ties} records ({ties} with a tie within 1e-9 "
          f"not compared)  {'ok' if not accuracy_mismatches else 'MISMATCH'}")
    failed += accuracy_mismatches[:5]
    final = float(trace[-1][column["test_accuracy"]])
    print(f"test accuracy after {args.epochs} epochs: {final:.4f} "
          f"({round(final * len(test))}/{len(test)})  {'ok' if final >= args.floor_accuracy else 'BELOW'} "
          f"{args.floor_accuracy:.0%}")
    if final < args.floor_accuracy:
        failed.append(f"test accuracy {final} < {args.floor_accuracy}")

    if args.rounds > 0:
        timed = [binary, *preset, "--epochs", str(args.epochs), "--every", str(steps_per_epoch), "--format", "csv"]
        total = best_time(timed, args.rounds)
        start = best_time([binary, *preset, "--steps", "0", "--format", "csv"], args.rounds)
        binary_epoch = (total - start) / args.epochs
        numpy_best = math.inf
        for _ in range(args.rounds):
            params = params_from_row(header, trace[0])
            began = time.perf_counter()
            for k, batch in enumerate(batches, start=1):
                step(params, x[batch], y[batch])
                if k % steps_per_epoch == 0:
                    record(params, x, y, train, test)
            numpy_best = min(numpy_best, time.perf_counter() - began)
        numpy_epoch = numpy_best / args.epochs
        print(f"seconds per epoch, best of {args.rounds}: binary {binary_epoch:.6f} "
              f"({total:.3f} s for {args.epochs} epochs, {start:.3f} s of it to start), "
              f"numpy {numpy_epoch:.6f}: the binary {numpy_epoch / binary_epoch:.1f}x numpy's speed")
        if args.floor:
            out = run([args.floor, "c", str(args.epochs), str(args.rounds)])
            floor_epoch = float(out.split("s/epoch ")[1].split()[0])
            print(f"C floor (digits-epochs c) {floor_epoch:.6f} s per epoch: the binary at "
                  f"{binary_epoch / floor_epoch:.2f}x the floor's time")

    if failed:
        print("MISMATCH:\n  " + "\n  ".join(failed))
        return 1
    print("everything matches")
    return 0


if __name__ == "__main__":
    sys.exit(main())
