"""The article's numpy training loop, timed per step.

The functions are the article's (forward, backward with np.matmul, np.mean, ...), unchanged
except that the globals are passed in; the timed loop is the article's `for i in range(1000)`
body (one forward, one backward) with nothing printed inside it. Run:

    python3 Benchmarks/numpy/seed_loop.py [STEPS]

and it prints numpy's version, the BLAS it runs on, the cost after 1000 steps (which must be the
article's 0.0027846224530159356, so the timing is of the same maths), and microseconds per step.
"""

import sys
import time

import numpy as np

param = {}
nodes = {}
learning_rate = 0.1


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def sigmoid_gradient(x):
    sig = sigmoid(x)
    return sig * (1.0 - sig)


def cost(y_pred, y):
    return np.sum((y_pred - y) ** 2)


def cost_gradient(y_pred, y):
    return 2 * (y_pred - y)


def forward(x):
    nodes["matmul"] = np.matmul(x, param["w"])
    nodes["bias"] = nodes["matmul"] + param["b"]
    nodes["sigmoid"] = sigmoid(nodes["bias"])
    return nodes["sigmoid"]


def backward(x, y_pred, y):
    matrix = np.multiply(sigmoid_gradient(nodes["bias"]), cost_gradient(y_pred, y))
    matrix2 = np.mean(matrix, 0, keepdims=False)
    param["w"] -= learning_rate * np.matmul(np.transpose(x), matrix)
    param["b"] -= learning_rate * matrix2


def setup():
    x = np.array([[1.0, 2.0, 3.0], [3.0, 2.0, 1.0]])
    y = np.array([[1.0, 0.0], [0.0, 1.0]])
    param["w"] = np.array([[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]])
    param["b"] = np.array([0.0, 0.0])
    return x, y


def run(steps):
    """The article's loop for `steps` steps; returns the seconds it took."""
    x, y = setup()
    start = time.perf_counter()
    for _ in range(steps):
        y_pred = forward(x)
        backward(x, y_pred, y)
    return time.perf_counter() - start


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
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    x, y = setup()
    run(1000)
    after_1000 = cost(forward(x), y)
    seconds = min(run(steps) for _ in range(3))
    print(f"numpy {np.__version__}; BLAS: {blas_description()}")
    print(f"cost after 1000 steps: {float(after_1000)!r} (the article's: 0.0027846224530159356)")
    print(f"{steps} steps, best of 3: {seconds / steps * 1e6:.3f} us/step")


if __name__ == "__main__":
    main()
