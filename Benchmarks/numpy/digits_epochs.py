"""numpy's epoch on the digits preset's network, timed: what `digits-epochs swift|c` is set beside.

The model is the preset's: 64-16-10, tanh then softmax, cross-entropy summed over the samples,
the mean reduction (W and b step by the batch's summed gradient / its N), sgd at lr 0.2, batches
of 32 over 1,438 training samples (45 steps an epoch, the last of 30), 359 held out. An epoch is
what `--headless --every 45` does for one record: its 45 steps, then the cost over the training
samples and over the test samples. The data is the program's own file
(Sources/CDigits/digits.csv, pixels / 16, labels one-hot); the split, the order of each epoch
and the starting weights (uniform in ±1/√fan-in, b = 0) are drawn by numpy from --seed: the
time does not depend on which samples or which start. (scripts/check-digits.py trains the
binary's own start on its own batches, and compares every number.) Run:

    python3 Benchmarks/numpy/digits_epochs.py [EPOCHS] [--rounds R] [--seed S]

and it prints numpy's version, the BLAS it runs on, the test accuracy reached (about 96%: the
same task learnt) and the seconds per epoch, the best of R rounds.
"""

import argparse
import os
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DIGITS = os.path.join(ROOT, "Sources", "CDigits", "digits.csv")


def load_digits(path=DIGITS):
    """(x, y): 1,797 rows of 64 pixels / 16, and their labels one-hot over 10."""
    table = np.loadtxt(path, delimiter=",", dtype=np.int64)
    x = table[:, :64].astype(float) / 16
    y = np.eye(10)[table[:, 64]]
    return x, y


def forward(x, w1, b1, w2, b2):
    """(h1, softmax, cost): tanh, then softmax in its stable form; C = -Σ y log ŷ is returned by
    `cost` from the pre-activations."""
    h1 = np.tanh(x @ w1 + b1)
    a2 = h1 @ w2 + b2
    shifted = a2 - a2.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    s = e.sum(axis=1, keepdims=True)
    return h1, shifted, e / s, s


def cost(y, shifted, s):
    return float(-np.sum(y * (shifted - np.log(s))))


def step(x, y, params, lr):
    """One sgd step on the batch (x, y), mean reduction, in place."""
    w1, b1, w2, b2 = params
    h1, _, yhat, _ = forward(x, w1, b1, w2, b2)
    n = len(x)
    d2 = yhat - y
    d1 = (d2 @ w2.T) * (1 - h1 * h1)
    w2 -= lr * (h1.T @ d2) / n
    b2 -= lr * d2.sum(axis=0) / n
    w1 -= lr * (x.T @ d1) / n
    b1 -= lr * d1.sum(axis=0) / n


def epochs(x, y, train, test, params, orders, lr=0.2, batch=32):
    """Trains one epoch per order (positions in `train`), each followed by the record's two
    costs; returns the last record (cost, test cost, test accuracy)."""
    xt, yt, xs, ys = x[train], y[train], x[test], y[test]
    record = None
    for order in orders:
        for start in range(0, len(order), batch):
            rows = order[start:start + batch]
            step(xt[rows], yt[rows], params, lr)
        _, shifted, _, s = forward(xt, *params)
        _, test_shifted, test_yhat, test_s = forward(xs, *params)
        right = np.count_nonzero(test_yhat.argmax(axis=1) == ys.argmax(axis=1))
        record = (cost(yt, shifted, s), cost(ys, test_shifted, test_s), right / len(test))
    return record


def blas_description():
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return "threadpoolctl not installed (pip install threadpoolctl to see the BLAS kernel)"
    return "; ".join(
        f"{info.get('internal_api')} {info.get('version')} {info.get('architecture')} threads={info.get('num_threads')}"
        for info in threadpool_info()
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("epochs", nargs="?", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    x, y = load_digits()
    rng = np.random.default_rng(args.seed)
    permutation = rng.permutation(len(x))
    test, train = np.sort(permutation[:359]), np.sort(permutation[359:])
    orders = [rng.permutation(len(train)) for _ in range(args.epochs)]
    start_params = []
    for n, m in ((64, 16), (16, 10)):
        limit = 1 / np.sqrt(n)
        start_params += [rng.uniform(-limit, limit, size=(n, m)), np.zeros(m)]
    best = float("inf")
    for _ in range(args.rounds):
        params = [p.copy() for p in start_params]
        began = time.perf_counter()
        record = epochs(x, y, train, test, params, orders)
        best = min(best, time.perf_counter() - began)
    print(f"numpy {np.__version__}; {blas_description()}")
    print(f"after {args.epochs} epochs: cost {record[0]:.6g}, test cost {record[1]:.6g}, "
          f"test accuracy {record[2]:.4f}")
    print(f"seconds per epoch {best / args.epochs:.6f} (best of {args.rounds} rounds)")


if __name__ == "__main__":
    main()
