#!/usr/bin/env python3
"""Check backprop-tui's headless trace against an independent automatic-differentiation library.

It checks one layer, random multi-layer networks ("against an independent
automatic-differentiation library, row by row") and the classification losses (bce with a
sigmoid output, ce with a softmax one).
Scenarios are trained by the built binary (`--headless --format csv`) and, independently, by
gradient descent whose gradient comes from `autograd.grad` of the cost C(W¹, b¹, ..., Wᴸ, bᴸ).
Every row (step, cost, every w, every b) must agree to a relative tolerance (see `compare`),
and step 0's w and b must be the file's numbers exactly. Scenarios rotate through three ways of
saying the same thing (every key; defaults left out; flags overriding the file, `--activation
a,b,c` lists included).

  one layer   random scenarios of every valid activation x loss x reduction: sse and mse with
              every element-wise activation, bce with sigmoid, ce with softmax (`--trials` per
              combination)
  networks    random stacks of 2 to 4 layers (1..5 neurons each, 1..4 inputs, 1..3 outputs,
              2..3 for ce, 1..6 samples), a random element-wise activation per hidden layer,
              the output layer's too unless the loss pairs it, every loss x reduction
              (`--net-trials` per combination); the first of each combination is also run with
              `--format json`, which must print exactly the CSV's numbers
  optimizers  random networks trained by each of sgd, momentum, nesterov, rmsprop and adam
              (`--optimizer-trials` per rule; every loss, a random reduction, PyTorch's
              defaults or random hyperparameters), the reference applying torch.optim's rules as
              its documentation writes them to the reduced gradient; the optimizer is said in
              the file (an object, or its name), or as --optimizer and --beta1... flags over a
              file naming another; then `--compare` of all five, each column equal digit for
              digit to that rule's own run
  CSV data    `--data FILE.csv --hidden ... --seed S`: step 0 must lie in ±1/√fan-in with b = 0,
              then the run is compared from the binary's own step 0 (JSON checked too); with
              `--loss bce`, and `--activation ...,softmax --loss ce`, among others
  grad norms  every record's grad_norm_1..L (CSV) or grad_norms (JSON) in the networks and the
              training runs: autograd's gradient at the record's own weights, over the samples
              the next step takes (the next row's batch), the weights' reduction and the
              penalty's gradient applied, then each layer's Frobenius norm
  training    `--data FILE.csv --hidden ...` with --batch, --no-shuffle, --test-ratio, --l1/--l2
              and --features (five runs, in JSON): the binary's split record and each row's
              `batch` are checked (sizes, training samples only, every sample once an epoch, data
              order with --no-shuffle) and replayed by autograd on the batch alone (reduced by
              the batch's N, the penalty's gradient λω or λ·sign ω added to the weights' after
              the reduction, features computed by the reference from x1 and x2); every cost,
              test cost, penalty value and parameter must agree to the tolerance, and each
              record's accuracy and test_accuracy (targets that are classes) must be the
              fraction the reference's ŷ gets right, exactly (a decision within 1e-9 of a tie
              or a threshold is skipped). Elsewhere the accuracy columns are set aside.
  landscape   `--headless --landscape x,y --grid 7x5` after the steps of --data runs (a split,
              mini-batches, L1/L2, features): every cell's cost recomputed by the reference's
              forward pass over the training samples (with a penalty: C/N under mean, plus the
              penalty, the objective the weights descend), from the trace's last
              weights with the cell's two values put in; the grid must hold the current point
  fixed       the article's golden costs and its whole 1000-step run, relu's derivative at
              exactly 0 in one layer and in a two-layer network

`--inspector` checks the interactive screen instead (and nothing else; INSPECTOR_OPTIMIZER_CASES add
each optimizer's state lines, t, g, buf, v, m, m̂, v̂, and its Δ against the rule run on autograd's
gradients): the inspector pane, read
from `--snapshot --size 240x60 --scenario FILE --keys 'sss>>><Tab>...'` frames, one snapshot
per parameter, for the article's one-layer file and random networks of 1, 2 and 3 layers
(INSPECTOR_CASES: every activation hidden and last, every loss, every reduction, some with more
samples than the pane shows), at step 0 and after INSPECTOR_STEPS steps, `>` pressed p mod N
times for the p-th parameter. Every number of the pane is compared with autograd, within half a
unit of its last printed place (plus 1e-12 relative): each sample's factors (hˡ⁻¹_i, gˡ'(aˡ_j),
eˡ_j = ∂C/∂hˡ_j or ∂C/∂ŷ_j) and term (∂C/∂aˡ_j · hˡ⁻¹_i); in a hidden layer its error line's
value ∂C/∂hˡ_j and every pair (δˡ⁺¹_k = ∂C/∂aˡ⁺¹_k, ωˡ⁺¹_jk); the total ∂C/∂θ; the Δ line's
amount, change (-lr·∂C/∂θ, / N when the reduction averages) and the value before and after.
∂C/∂a and ∂C/∂h come from autograd too (zero offsets added to a and h, differentiated). The
printed arithmetic must also hold within the printed precision (interval arithmetic): factors
multiply to the term, an error line's products sum to its value. In the output layer of bce or
ce the factors are the input and δ = ŷ - y written with its two numbers (each checked: ŷ from
the forward pass, y from the file, the term against ∂C/∂a·input), and the line under the samples
that says why holds the chosen sample's g'(a), ∂C/∂ŷ (of the textbook bce, from autograd) and δ,
or for ce its ŷ_j, Σ_k y_k, y_j and δ. A missing or malformed line (or a title naming another
parameter: Tab order) fails with the frame on stderr.

The maths of an L-layer network: h⁰ = x, aˡ = hˡ⁻¹Wˡ + bˡ, hˡ = gˡ(aˡ), ŷ = hᴸ,
C = Σ(ŷ - y)² (sse), that / (N·m) (mse), -Σ[y log ŷ + (1 - y) log(1 - ŷ)] (bce) or -Σ y log ŷ
(ce), written the textbook way through ŷ, not in the binary's stable forms from a; softmax over
each sample's row. The reference never uses δ or the chain rule by hand:
autograd differentiates C with respect to every Wˡ and bˡ, and the reduction is applied to that
gradient, on every layer alike, as the README defines the reductions:
    seed:  W -= lr·∂C/∂W       b -= lr·∂C/∂b / N
    sum:   W -= lr·∂C/∂W       b -= lr·∂C/∂b
    mean:  W -= lr·∂C/∂W / N   b -= lr·∂C/∂b / N
relu's derivative at exactly 0 is 0 (autograd through `where`). A random run whose relu
pre-activation comes within 1e-6 of 0 (but not exactly 0) in the reference is compared only up
to that step, or redrawn if that leaves too few steps: at the kink the last bit decides the
gradient. A random learning rate (0.01..0.3, or 0.1, the default) is halved until the
reference's cost stays finite and below twice its start, so no run diverges, and until the run
is well-conditioned: the reference rerun from numbers nudged by one rounding error stays within
tol/100 of itself (a large step can make gradient descent chaotic, and then rounding errors grow
past any tolerance in tens of steps, in every correct program alike).

Install:  pip install -r scripts/requirements-check.txt      (autograd, which pulls in numpy)
Run:      python3 scripts/check-autodiff.py [--binary PATH] [--seed S] [--trials T]
              [--net-trials T] [--optimizer-trials T] [--steps K]
Quick:    python3 scripts/check-autodiff.py --binary PATH --trials 1 --net-trials 2 --steps 20
Screen:   python3 scripts/check-autodiff.py --binary PATH --inspector [--size 240x60] [--seed S]
Without --binary it runs `swift build -c release` in the repo root and uses
.build/release/backprop-tui. Exit status 0 when everything matches, 1 on any mismatch.
"""

import argparse
import csv
import io
import itertools
import json
import math
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

import autograd.numpy as anp
from autograd import elementwise_grad, grad
import numpy as np

# The element-wise activations, any of which a hidden layer (and, with sse or mse, the output
# layer) may have. softmax is the output layer's with ce only; bce needs a sigmoid output.
ACTIVATIONS = ["sigmoid", "tanh", "relu", "linear"]
LOSSES = ["sse", "mse", "bce", "ce"]
# The output activation each cross-entropy requires (its pairing: then δᴸ = ŷ - y).
PAIRED = {"bce": "sigmoid", "ce": "softmax"}
REDUCTIONS = ["seed", "sum", "mean"]
OPTIMIZERS = ["sgd", "momentum", "nesterov", "rmsprop", "adam"]
OPTIMIZER_DEFAULTS = {"momentum": 0.9, "alpha": 0.99, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8}
OPTIMIZER_READS = {"sgd": [], "momentum": ["momentum"], "nesterov": ["momentum"],
                   "rmsprop": ["alpha", "epsilon"], "adam": ["beta1", "beta2", "epsilon"]}
DEFAULTS = {"learningRate": 0.1, "activation": "sigmoid", "loss": "sse", "reduction": "seed"}
# A relu pre-activation closer to 0 than this (and not exactly 0) in the reference: its
# derivative (0 or 1) depends on the last bits, so the run is compared only up to that step.
KINK_GAP = 1e-6

# The article's printed costs after steps 1, 2, 3 and 1000 of the seed preset.
GOLDEN = {1: 1.4556414717601052, 2: 1.3382380273209387, 3: 1.2216201634346888,
          1000: 0.002784622453015934}
SEED_SCENARIO = {"x": [[1, 2, 3], [3, 2, 1]], "y": [[1, 0], [0, 1]],
                 "w": [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]], "b": [0, 0],
                 "learningRate": 0.1, "activation": "sigmoid", "loss": "sse",
                 "reduction": "seed"}
# Both samples' pre-activations are exactly 0 (b = 0, x·w = 0.5 - 0.5): with relu's derivative 0
# at 0, as backprop-tui defines it, nothing ever moves and C stays 2; a derivative of 1 (or ½) would move.
RELU_KINK = {"x": [[0, 0], [1, 1]], "y": [[1], [1]], "w": [[0.5], [-0.5]], "b": [0],
             "learningRate": 0.1, "activation": "relu", "loss": "sse", "reduction": "sum"}
# The same in a network: sample 1 is x = 0, so at step 0 both of its layers' pre-activations are
# exactly 0 (b = 0 and h¹ = relu(0) = 0); sample 2 keeps the run moving. A derivative of 1 at 0
# would send sample 1's error 2(0 - 1) into ∂C/∂b² and ∂C/∂b¹ and change step 1.
RELU_KINK_NETWORK = {"x": [[0, 0], [1, 2]], "y": [[1], [0.5]],
                     "layers": [{"w": [[0.5, -0.3], [0.2, 0.4]], "b": [0, 0], "activation": "relu"},
                                {"w": [[0.3], [0.6]], "b": [0], "activation": "relu"}],
                     "learningRate": 0.1, "loss": "sse", "reduction": "sum"}


def activate(name, a):
    if name == "sigmoid":
        return 1.0 / (1.0 + anp.exp(-a))
    if name == "tanh":
        return anp.tanh(a)
    if name == "relu":
        # where, not maximum: autograd's maximum splits the gradient at a tie; relu'(0) is 0.
        return anp.where(a > 0, a, 0.0)
    if name == "linear":
        return a
    if name == "softmax":
        # Over each sample's row (the last axis), shifted by the row's max as any careful
        # implementation is; the shift changes nothing mathematically.
        e = anp.exp(a - anp.max(a, axis=-1, keepdims=True))
        return e / anp.sum(e, axis=-1, keepdims=True)
    raise ValueError(name)


def loss_of(loss, h, y):
    """C of predictions h against targets y, written the textbook way (the binary's stable forms
    from a are not copied here): sse Σ(ŷ - y)², mse that / (N·m), bce -Σ[y log ŷ + (1 - y)
    log(1 - ŷ)], ce -Σ y log ŷ. For the cross-entropies a term whose coefficient is 0 is left
    out, as 0·log 0 is 0."""
    if loss == "sse":
        return anp.sum((h - y) ** 2)
    if loss == "mse":
        return anp.sum((h - y) ** 2) / y.size
    yes, no = y != 0, y != 1
    if loss == "bce":
        return -(anp.sum(anp.where(yes, y * anp.log(anp.where(yes, h, 1.0)), 0.0))
                 + anp.sum(anp.where(no, (1 - y) * anp.log(anp.where(no, 1 - h, 1.0)), 0.0)))
    if loss == "ce":
        return -anp.sum(anp.where(yes, y * anp.log(anp.where(yes, h, 1.0)), 0.0))
    raise ValueError(loss)


def output_activations(loss):
    """The output activations a scenario with this loss may have."""
    return [PAIRED[loss]] if loss in PAIRED else ACTIVATIONS


def valid_combinations():
    """Every (output activation, loss, reduction) the binary accepts: every activation with sse
    and mse (in the order these checks have always drawn them, so a seed gives the scenarios it
    gave before), then the cross-entropies with their paired activation."""
    squared = [(act, loss, red) for act in ACTIVATIONS for loss in ("sse", "mse")
               for red in REDUCTIONS]
    return squared + [(PAIRED[loss], loss, red) for loss in PAIRED for red in REDUCTIONS]


def cost_function(scenario):
    x = np.array(scenario["x"], dtype=float)
    y = np.array(scenario["y"], dtype=float)
    act, loss = scenario["activation"], scenario["loss"]

    def cost(params):
        w, b = params
        prediction = activate(act, anp.dot(x, w) + b)
        return loss_of(loss, prediction, y)

    return cost


def reference_trace(scenario, steps):
    """Rows (step, cost, w..., b...) of plain gradient descent with autograd's gradient."""
    cost = cost_function(scenario)
    gradient = grad(cost)
    n_samples = len(scenario["x"])
    lr = scenario["learningRate"]
    red = scenario["reduction"]
    w_div = n_samples if red == "mean" else 1.0
    b_div = 1.0 if red == "sum" else n_samples
    w = np.array(scenario["w"], dtype=float)
    b = np.array(scenario["b"], dtype=float)
    rows = []
    for step in range(steps + 1):
        rows.append([step, cost((w, b))] + list(w.ravel()) + list(b))
        if step == steps:
            break
        dw, db = gradient((w, b))
        w = w - lr * dw / w_div
        b = b - lr * db / b_div
    return rows


def network_cost_function(net):
    """C(params) for params = [W¹, b¹, ..., Wᴸ, bᴸ]: the forward pass and the loss, nothing else."""
    x = np.array(net["x"], dtype=float)
    y = np.array(net["y"], dtype=float)
    activations = [layer["activation"] for layer in net["layers"]]
    loss = net["loss"]

    def cost(params):
        h = x
        for l, act in enumerate(activations):
            h = activate(act, anp.dot(h, params[2 * l]) + params[2 * l + 1])
        return loss_of(loss, h, y)

    return cost


def closest_relu_kink(net, params):
    """The smallest |aˡ| over relu layers that is not exactly 0 (inf when there is none)."""
    h = np.array(net["x"], dtype=float)
    closest = math.inf
    for l, layer in enumerate(net["layers"]):
        a = h @ params[2 * l] + params[2 * l + 1]
        if layer["activation"] == "relu":
            nonzero = np.abs(a[a != 0])
            if nonzero.size:
                closest = min(closest, float(nonzero.min()))
        h = np.asarray(activate(layer["activation"], a), dtype=float)
    return closest


def optimizer_update(opt, state, params, directions, lr):
    """One step of torch.optim's rule `opt["name"]` (no weight decay, no dampening, not
    centred, no amsgrad), as its documentation writes the algorithm, on every parameter array:
    the direction g is the reduced gradient. `state` holds t and the arrays it keeps."""
    name = opt["name"]
    state["t"] += 1
    t = state["t"]
    new = []
    for i, (p, g) in enumerate(zip(params, directions)):
        if name == "sgd":
            d = g
        elif name in ("momentum", "nesterov"):
            mu = opt["momentum"]
            buf = g if t == 1 else mu * state["buf"][i] + g
            state["buf"][i] = buf
            d = g + mu * buf if name == "nesterov" else buf
        elif name == "rmsprop":
            v = opt["alpha"] * state["v"][i] + (1 - opt["alpha"]) * g * g
            state["v"][i] = v
            d = g / (np.sqrt(v) + opt["epsilon"])
        else:  # adam
            m = opt["beta1"] * state["m"][i] + (1 - opt["beta1"]) * g
            v = opt["beta2"] * state["v"][i] + (1 - opt["beta2"]) * g * g
            state["m"][i], state["v"][i] = m, v
            m_hat = m / (1 - opt["beta1"] ** t)
            v_hat = v / (1 - opt["beta2"] ** t)
            d = m_hat / (np.sqrt(v_hat) + opt["epsilon"])
        new.append(p - lr * d)
    return new


def full_optimizer(value):
    """A file's "optimizer" (a name or an object, or absent) with every default filled in."""
    if value is None:
        value = "sgd"
    if isinstance(value, str):
        value = {"name": value}
    return {**OPTIMIZER_DEFAULTS, **value}


def network_reference_trace(net, steps):
    """Rows (step, cost, W¹ row-major, b¹, W², b², ...) of gradient descent with autograd's
    gradient of C with respect to every layer's W and b, the reduction applied to every layer,
    then the update of the net's optimizer (plain gradient descent when it names none).

    Stops early (fewer rows) at the first step whose gradient would be taken with a relu
    pre-activation within KINK_GAP of 0 but not exactly 0; returns (rows, stopped_early).
    """
    cost = network_cost_function(net)
    gradient = grad(cost)
    n_samples = len(net["x"])
    lr = net["learningRate"]
    red = net["reduction"]
    w_div = n_samples if red == "mean" else 1.0
    b_div = 1.0 if red == "sum" else n_samples
    params = []
    for layer in net["layers"]:
        params += [np.array(layer["w"], dtype=float), np.array(layer["b"], dtype=float)]
    opt = full_optimizer(net.get("optimizer"))
    zeros = [np.zeros_like(p) for p in params]
    state = {"t": 0, "buf": list(zeros), "m": list(zeros), "v": list(zeros)}
    rows = []
    for step in range(steps + 1):
        row = [step, float(cost(params))]
        for p in params:
            row += list(p.ravel())
        rows.append(row)
        if step == steps:
            break
        if closest_relu_kink(net, params) < KINK_GAP:
            return rows, True
        grads = gradient(params)
        directions = [g / (w_div if i % 2 == 0 else b_div) for i, g in enumerate(grads)]
        params = optimizer_update(opt, state, params, directions, lr)
    return rows, False


def random_scenario(rng, activation, loss, reduction):
    n_samples, n_in, n_out = (int(v) for v in rng.integers(1, 6, size=3))
    if loss == "ce":
        n_out = max(n_out, 2)  # one output per class
    x = rng.uniform(-1.5, 1.5, size=(n_samples, n_in))
    y = random_targets(rng, activation, (n_samples, n_out), loss)
    w = rng.uniform(-0.8, 0.8, size=(n_in, n_out))
    b = rng.uniform(-0.5, 0.5, size=n_out)
    # A step below 1/L, L a bound on the curvature of sse in (W, b) for a linear layer
    # (2·(‖x‖² + N)); sigmoid and tanh have |g'| <= 1, so it bounds them too. mse divides the
    # cost by N·m, so its lr may be N·m times larger. Then a random factor in [0.3, 0.9].
    curvature = 2.0 * (float(np.sum(x * x)) + n_samples)
    lr = float(rng.uniform(0.3, 0.9)) / curvature
    if loss == "mse":
        lr *= n_samples * n_out
    return {"x": x.tolist(), "y": y.tolist(), "w": w.tolist(), "b": b.tolist(),
            "learningRate": lr, "activation": activation, "loss": loss, "reduction": reduction}


def random_targets(rng, activation, shape, loss="sse"):
    """Targets the last layer's activation can reach and the loss accepts: for bce probabilities
    (a third of them soft, the rest 0 or 1), for ce rows that sum to 1 (half one-hot, half
    soft)."""
    if loss == "bce":
        hard = rng.integers(0, 2, size=shape).astype(float)
        return np.where(rng.random(shape) < 1 / 3, rng.uniform(0.0, 1.0, size=shape), hard)
    if loss == "ce":
        rows = []
        for _ in range(shape[0]):
            if rng.random() < 0.5:
                rows.append(np.eye(shape[1])[int(rng.integers(0, shape[1]))])
            else:
                weights = rng.uniform(0.05, 1.0, size=shape[1])
                rows.append(weights / weights.sum())
        return np.array(rows)
    low, high = {"sigmoid": (0.0, 1.0), "tanh": (-0.9, 0.9), "relu": (0.0, 1.5)}.get(
        activation, (-1.5, 1.5))
    return rng.uniform(low, high, size=shape)


def random_layers(rng, sizes, activations):
    """Layers of the given sizes: w uniform in ±1.2/√fan-in, b zeros (a third of the time, so
    the file can leave it out) or uniform in ±0.5."""
    layers = []
    for l, act in enumerate(activations):
        limit = 1.2 / math.sqrt(sizes[l])
        w = rng.uniform(-limit, limit, size=(sizes[l], sizes[l + 1]))
        b = (np.zeros(sizes[l + 1]) if rng.random() < 1 / 3
             else rng.uniform(-0.5, 0.5, size=sizes[l + 1]))
        layers.append({"w": w.tolist(), "b": b.tolist(), "activation": str(act)})
    return layers


def row_errors(want, other):
    """Each row's worst error of `other` against `want`, judged as `compare` judges."""
    count = min(len(want), len(other))
    a, b = np.array(want[:count], dtype=float), np.array(other[:count], dtype=float)
    floors = np.array([1.0, 1e-6 * abs(a[0, 1])] + [1e-3] * (a.shape[1] - 2))
    with np.errstate(all="ignore"):
        err = np.abs(b - a) / np.maximum(np.abs(a), floors)
    err[~np.isfinite(err)] = math.inf
    return err.max(axis=1)


def conditioned_steps(net, rows, limit):
    """How many steps of the reference `rows` are well-conditioned: the reference rerun from
    numbers nudged by about one rounding error (every starting w and b times 1 ± 2⁻⁵², lr times
    1 + 2⁻⁵²) stays within `limit` of `rows` up to that step.

    Gradient descent with a large step can be chaotic (the cost bounded but never settling);
    there rounding errors grow by orders of magnitude within tens of steps and no two correct
    programs agree to 1e-9, so such rows say nothing about the binary.
    """
    nudged = json.loads(json.dumps(net))
    nudged["learningRate"] = net["learningRate"] * (1 + 2.0 ** -52)
    sign = 1
    for layer in nudged["layers"]:
        for key in ("w", "b"):
            values = np.array(layer[key], dtype=float)
            flat = values.ravel()
            for i in range(flat.size):
                flat[i] *= 1 + sign * 2.0 ** -52
                sign = -sign
            layer[key] = values.tolist()
    with np.errstate(all="ignore"):
        other, _ = network_reference_trace(nudged, len(rows) - 1)
    bad = np.nonzero(row_errors(rows, other) > limit)[0]
    return max(0, int(bad[0]) - 1) if bad.size else min(len(rows), len(other)) - 1


def settle_learning_rate(rng, net, steps, limit):
    """Picks net's learningRate (0.1 a quarter of the time, else log-uniform in 0.01..0.3) and
    halves it until the reference's cost stays finite and below twice its start and the whole
    run is well-conditioned (see conditioned_steps, `limit`). Returns the reference
    (rows, stopped_early), or None when no lr down to ~1e-5 does."""
    lr = 0.1 if rng.random() < 0.25 else float(np.exp(rng.uniform(math.log(0.01), math.log(0.3))))
    for _ in range(14):
        net["learningRate"] = lr
        with np.errstate(all="ignore"):
            rows, stopped = network_reference_trace(net, steps)
        values = np.array(rows, dtype=float)
        if (np.all(np.isfinite(values)) and values[:, 1].max() <= 2.0 * values[0, 1] + 1e-300
                and conditioned_steps(net, rows, limit) == len(rows) - 1):
            return rows, stopped
        lr /= 2
    return None


def random_network(rng, loss, reduction, steps, limit, one_activation=False, optimizer=None):
    """A random network of 2 to 4 layers (with one_activation, the same activation in every
    layer; with optimizer, trained by it) and its reference trace (rows, stopped_early)."""
    while True:
        n_layers = int(rng.integers(2, 5))
        n_samples, n_in = int(rng.integers(1, 7)), int(rng.integers(1, 5))
        n_out = int(rng.integers(2 if loss == "ce" else 1, 4))
        sizes = [n_in] + [int(v) for v in rng.integers(1, 6, size=n_layers - 1)] + [n_out]
        activations = [str(a) for a in rng.choice(ACTIVATIONS, size=n_layers)]
        if one_activation:
            activations = [activations[0]] * n_layers
        # bce and ce bring their output activation; the hidden layers stay random.
        activations[-1] = PAIRED.get(loss, activations[-1])
        net = {"x": rng.uniform(-1.5, 1.5, size=(n_samples, n_in)).tolist(),
               "y": random_targets(rng, activations[-1], (n_samples, n_out), loss).tolist(),
               "layers": random_layers(rng, sizes, activations),
               "learningRate": 0.1, "loss": loss, "reduction": reduction}
        if optimizer is not None:
            net["optimizer"] = optimizer
        settled = settle_learning_rate(rng, net, steps, limit)
        # Redrawn when no lr is calm, or when a relu kink leaves less than half the run.
        if settled is not None and len(settled[0]) - 1 >= max(1, steps // 2):
            return net, settled


class TraceRows(list):
    """A CSV trace's rows without their grad_norm_1..L cells, which are kept in `grad_norms`
    (one list per row), nor their accuracy and test_accuracy cells (targets that are classes;
    kept in `accuracies`, a dict per row), so the columns the reference replays stay step, cost,
    W, b."""

    def __init__(self, rows, grad_norms, accuracies=None):
        super().__init__(rows)
        self.grad_norms = grad_norms
        self.accuracies = accuracies or [{} for _ in rows]


# The columns of the fraction of samples right; the training runs check them
# (`reference_accuracy`), scripts/check-digits.py on the digits.
ACCURACY_COLUMNS = ("accuracy", "test_accuracy")


def reference_accuracy(y, yhat, margin=1e-9):
    """The fraction of the rows of `yhat` right against targets `y` by the binary's rules for
    classes (TargetClasses), or None when `y` is not classes; and whether a decision was within
    `margin` (a tie or a threshold that the last bits decide, not compared). One-hot rows over
    two or more outputs: right when the target's ŷ is strictly the largest. Every target 0 or 1
    otherwise: every ŷ on its target's side of 0.5; every target -1 or 1: of 0."""
    y, yhat = np.asarray(y, dtype=float), np.asarray(yhat, dtype=float)
    if len(y) == 0:
        return None, False
    if np.all((y == 0) | (y == 1)):
        if y.shape[1] >= 2 and np.all(y.sum(axis=1) == 1):
            target = np.argmax(y, axis=1)
            chosen = yhat[np.arange(len(y)), target]
            others = np.where(y == 1, -np.inf, yhat).max(axis=1)
            right = chosen > others
            close = np.abs(chosen - others) <= margin
        else:
            right = np.all(np.where(y == 1, yhat > 0.5, yhat < 0.5), axis=1)
            close = np.any(np.abs(yhat - 0.5) <= margin, axis=1)
    elif np.all((y == -1) | (y == 1)):
        right = np.all(np.where(y == 1, yhat > 0, yhat < 0), axis=1)
        close = np.any(np.abs(yhat) <= margin, axis=1)
    else:
        return None, False
    return float(np.count_nonzero(right)) / len(y), bool(np.any(close))


def run_binary(binary, steps, flags, fmt="csv"):
    """The binary's trace: (header, rows of floats, diverged). Exit 3 (training diverged) keeps
    the rows printed so far; any other non-zero exit raises. A CSV's grad_norm_l columns are
    taken out of the header and the rows, into the rows' `grad_norms`, and its accuracy columns
    into `accuracies`."""
    cmd = [binary, "--headless", "--format", fmt, "--steps", str(steps), *flags]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if done.returncode not in (0, 3):
        raise RuntimeError(f"{' '.join(cmd)} exited {done.returncode}: {done.stderr.strip()}")
    diverged = done.returncode == 3
    if fmt == "json":
        rows = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
        return None, rows, diverged
    table = list(csv.reader(io.StringIO(done.stdout)))
    norm_columns = [k for k, name in enumerate(table[0]) if name.startswith("grad_norm_")]
    accuracy_columns = [k for k, name in enumerate(table[0]) if name in ACCURACY_COLUMNS]
    keep = [k for k in range(len(table[0])) if k not in norm_columns + accuracy_columns]
    header = [table[0][k] for k in keep]
    rows = [[float(row[k]) for k in keep] for row in table[1:]]
    norms = [[float(row[k]) for k in norm_columns] for row in table[1:]]
    accuracies = [{table[0][k]: float(row[k]) for k in accuracy_columns} for row in table[1:]]
    return header, TraceRows(rows, norms, accuracies), diverged


def reference_grad_norms(net, params, samples=None, penalty=(None, 0.0)):
    """‖∂C/∂Wˡ‖ for every layer at `params`, as the binary's grad_norms define it: autograd's
    gradient of C over `samples` (every sample when None), the reduction's division of the
    weights' gradient by N (mean only), the penalty's gradient (λω for l2, λ·sign ω for l1)
    added, then the Frobenius norm of each layer's W gradient."""
    x, y = np.array(net["x"], dtype=float), np.array(net["y"], dtype=float)
    if samples is not None:
        x, y = x[samples], y[samples]
    activations = [layer["activation"] for layer in net["layers"]]

    def cost(params):
        h = x
        for l, act in enumerate(activations):
            h = activate(act, anp.dot(h, params[2 * l]) + params[2 * l + 1])
        return loss_of(net["loss"], h, y)

    grads = grad(cost)(params)
    kind, strength = penalty
    norms = []
    for l in range(len(activations)):
        d = grads[2 * l] / (len(x) if net["reduction"] == "mean" else 1.0)
        if kind == "l2":
            d = d + strength * params[2 * l]
        elif kind == "l1":
            d = d + strength * np.sign(params[2 * l])
        norms.append(float(np.sqrt(np.sum(d * d))))
    return norms


def grad_norm_error(got, want):
    """The worst relative error of one row's norms (inf when their counts differ)."""
    if got is None or len(got) != len(want):
        return math.inf
    worst = 0.0
    for g, w in zip(got, want):
        if g is None or not math.isfinite(g):
            return math.inf
        if g != w:
            worst = max(worst, abs(g - w) / max(abs(w), 1e-300))
    return worst


def row_params(row, sizes):
    """[W¹, b¹, ...] of a CSV row (step, cost, W¹ row-major, b¹, ...) as arrays."""
    params, k = [], 2
    for n_in, n_out in zip(sizes, sizes[1:]):
        params.append(np.array(row[k:k + n_in * n_out], dtype=float).reshape(n_in, n_out))
        k += n_in * n_out
        params.append(np.array(row[k:k + n_out], dtype=float))
        k += n_out
    return params


def run_scenario(binary, scenario_path, steps, flags=()):
    header, rows, diverged = run_binary(binary, steps, ["--scenario", scenario_path, *flags])
    if diverged:
        raise RuntimeError(f"{scenario_path} {' '.join(flags)}: training diverged (exit 3)")
    return header, rows


def expected_header(n_in, n_out):
    return (["step", "cost"] + [f"w{i}_{j}" for i in range(1, n_in + 1)
                                for j in range(1, n_out + 1)]
            + [f"b{j}" for j in range(1, n_out + 1)])


def network_header(sizes):
    """The CSV header of a network with these sizes (inputs, then every layer's width)."""
    if len(sizes) == 2:
        return expected_header(sizes[0], sizes[1])
    header = ["step", "cost"]
    for l in range(1, len(sizes)):
        header += [f"L{l}_w{i}_{j}" for i in range(1, sizes[l - 1] + 1)
                   for j in range(1, sizes[l] + 1)]
        header += [f"L{l}_b{j}" for j in range(1, sizes[l] + 1)]
    return header


def network_sizes(net):
    return [len(net["layers"][0]["w"])] + [len(layer["b"]) for layer in net["layers"]]


def compare(header, got, want, want_header, tol=None):
    """The worst error over all rows and columns, where it is, and (with tol) the first row with
    an error above tol.

    The judged error is |got - want| / max(|want|, floor): relative, except below a floor of
    1e-3 for weights and biases (they are O(0.1..1), so a weight crossing zero keeps its absolute
    rounding error) and 1e-6 x the initial cost for the cost (a linear layer with N <= n + 1 fits
    exactly and its cost falls to 1e-12 and below, where C = Σ r² is dominated by rounding in r).
    Step 0's weights and biases must be exactly the file's numbers. Rows are compared as far as
    both go; a different number of rows is then a mismatch of its own.
    """
    if header != want_header:
        return math.inf, f"header {header} != {want_header}"
    floors = [0.0, 1e-6 * abs(float(want[0][1]))] + [1e-3] * (len(want_header) - 2)
    worst, where, first = 0.0, "", None
    for g_row, w_row in zip(got, want):
        if len(g_row) != len(w_row) or g_row[0] != w_row[0]:
            return math.inf, f"row {g_row[:1]} malformed"
        row_worst, row_where = 0.0, ""
        for col, (g, r) in enumerate(zip(g_row, (float(v) for v in w_row))):
            if g == r:
                continue
            if not math.isfinite(g) or not math.isfinite(r):
                err = 0.0 if math.isnan(g) and math.isnan(r) else math.inf
            elif w_row[0] == 0 and col >= 2:
                err = math.inf  # the scenario's own numbers were not read back exactly
            else:
                err = abs(g - r) / max(abs(r), floors[col])
            if err > row_worst:
                row_worst = err
                row_where = f"step {int(w_row[0])} {header[col]}: got {g!r}, want {r!r}"
        if row_worst > worst:
            worst, where = row_worst, row_where
        if tol is not None and first is None and row_worst > tol:
            first = row_where
    if len(got) != len(want):
        return math.inf, f"{len(got)} rows, expected {len(want)}" + (
            f"; first row over tolerance: {first}" if first else f"; worst: {where}")
    if first is not None and first != where:
        where += f" (first row over tolerance: {first})"
    return worst, where


def write_scenario(directory, name, scenario):
    path = os.path.join(directory, name)
    with open(path, "w") as f:
        json.dump(scenario, f)
    return path


def check_combination(binary, directory, rng, combo, trials, steps, tol):
    """Worst relative error and its location over `trials` random scenarios of one combination.

    Trials rotate through three ways of saying the same thing: every key in the file; keys equal
    to their default left out; activation, loss, reduction and lr given as flags that override
    different values in the file.
    """
    activation, loss, reduction = combo
    worst, where = 0.0, ""
    for trial in range(trials):
        scenario = random_scenario(rng, activation, loss, reduction)
        on_disk, flags = dict(scenario), []
        if trial % 3 == 1:
            on_disk = {k: v for k, v in scenario.items() if DEFAULTS.get(k, object()) != v}
        elif trial % 3 == 2:
            on_disk.update(learningRate=1.0, activation="linear" if activation != "linear"
                           else "tanh", loss="mse" if loss == "sse" else "sse",
                           reduction="sum" if reduction != "sum" else "seed")
            flags = ["--lr", repr(scenario["learningRate"]), "--activation", activation,
                     "--loss", loss, "--reduction", reduction]
        name = f"{activation}-{loss}-{reduction}-{trial}.json"
        path = write_scenario(directory, name, on_disk)
        n_in, n_out = len(scenario["w"]), len(scenario["b"])
        try:
            header, got = run_scenario(binary, path, steps, flags)
        except RuntimeError as error:
            return math.inf, str(error)
        err, at = compare(header, got, reference_trace(scenario, steps),
                          expected_header(n_in, n_out), tol)
        shape = f"N={len(scenario['x'])} n={n_in} m={n_out}"
        if err > worst:
            worst, where = err, f"{name} ({shape}) {at}"
    return worst, where


def network_on_disk(net, trial, rng):
    """The file and flags of one of three ways of saying `net` (see check_network_combination)."""
    on_disk, flags = json.loads(json.dumps(net)), []
    if trial % 3 == 1:
        for layer in on_disk["layers"]:
            if all(v == 0 for v in layer["b"]):
                del layer["b"]
            if layer["activation"] == DEFAULTS["activation"]:
                del layer["activation"]
        for key in ("learningRate", "loss", "reduction"):
            if on_disk[key] == DEFAULTS[key]:
                del on_disk[key]
    elif trial % 3 == 2:
        activations = [layer["activation"] for layer in net["layers"]]
        # One name for all layers when they all have the same (random_network does that every
        # other time); the file's activations differ from the flags' on every layer.
        same = len(set(activations)) == 1
        for layer, act in zip(on_disk["layers"], activations):
            # Another element-wise activation (the file must be valid alone: no softmax, whose
            # loss the flags give), so only the flags make the network the one checked.
            others = [a for a in ACTIVATIONS if a != act]
            layer["activation"] = others[int(rng.integers(0, len(others)))]
        on_disk.update(learningRate=1.0, loss="mse" if net["loss"] == "sse" else "sse",
                       reduction="sum" if net["reduction"] != "sum" else "seed")
        flags = ["--lr", repr(net["learningRate"]),
                 "--activation", activations[0] if same else ",".join(activations),
                 "--loss", net["loss"], "--reduction", net["reduction"]]
    return on_disk, flags


def flatten_json_rows(rows):
    """JSON Lines rows of a network as CSV-like rows (step, cost, W¹ row-major, b¹, ...)."""
    flat = []
    for row in rows:
        if sorted(k for k in row if k not in ACCURACY_COLUMNS) != ["cost", "grad_norms", "layers", "step"]:
            raise ValueError(f"JSON row with keys {sorted(row)}")
        values = [float(row["step"]), float(row["cost"])]
        for layer in row["layers"]:
            if sorted(layer) != ["b", "w"]:
                raise ValueError(f"JSON layer with keys {sorted(layer)}")
            values += [float(v) for w_row in layer["w"] for v in w_row]
            values += [float(v) for v in layer["b"]]
        flat.append(values)
    return flat


def json_matches_csv(binary, steps, flags, csv_rows, sizes):
    """None when `--format json` prints exactly the CSV's numbers in the documented shape, else
    what differs."""
    _, rows, _ = run_binary(binary, steps, flags, fmt="json")
    shapes = [[(len(layer["w"]), len(layer["w"][0]) if layer["w"] else 0, len(layer["b"]))
               for layer in row["layers"]] for row in rows]
    want_shape = [(sizes[l], sizes[l + 1], sizes[l + 1]) for l in range(len(sizes) - 1)]
    if any(shape != want_shape for shape in shapes):
        return f"JSON layer shapes {shapes[0] if shapes else None}, expected {want_shape}"
    try:
        flat = flatten_json_rows(rows)
    except ValueError as error:
        return str(error)
    if len(flat) != len(csv_rows):
        return f"JSON has {len(flat)} rows, CSV {len(csv_rows)}"
    for j_row, c_row in zip(flat, csv_rows):
        if j_row != c_row:
            col = next(i for i, (a, b) in enumerate(zip(j_row, c_row)) if a != b)
            return f"JSON row {int(c_row[0])} column {col}: {j_row[col]!r}, CSV {c_row[col]!r}"
    return None


class Tally:
    """Worst error over many comparisons, with where it is and what failed."""

    def __init__(self):
        self.worst, self.where, self.failures, self.count = 0.0, "", [], 0

    def add(self, err, where, tol, label):
        self.count += 1
        if err > self.worst:
            self.worst, self.where = err, f"{label} {where}"
        if err > tol:
            self.failures.append(f"{label}: {where} (rel {err:.3g})")

    def fail(self, message):
        self.failures.append(message)


def check_network_combination(binary, directory, rng, combo, trials, steps, tol, stats):
    """Random networks of one loss x reduction, each compared row by row with the reference.

    Trials rotate as the one-layer ones do: every key (b and activation on every layer); keys
    equal to their default left out (a zero b, a sigmoid layer, lr 0.1, sse, seed); lr, loss,
    reduction and the activations (`--activation a,b,c`, or one name for all layers) as flags
    over a file that says something else. The first trial is also checked in JSON.
    """
    loss, reduction = combo
    tally = Tally()
    for trial in range(trials):
        net, (want, stopped) = random_network(rng, loss, reduction, steps, tol / 100,
                                              one_activation=trial % 6 == 5)
        on_disk, flags = network_on_disk(net, trial, rng)
        sizes = network_sizes(net)
        name = f"net-{loss}-{reduction}-{trial}.json"
        path = write_scenario(directory, name, on_disk)
        run_steps = len(want) - 1
        label = (f"{name} ({'-'.join(map(str, sizes))} "
                 f"{','.join(layer['activation'] for layer in net['layers'])} N={len(net['x'])} "
                 f"lr={net['learningRate']:.3g} flags={' '.join(flags) or '-'})")
        stats["networks"] += 1
        stats["layers"][len(sizes) - 1] += 1
        stats["stopped at a relu kink"] += stopped
        stats["rows"] += len(want)
        try:
            header, got, diverged = run_binary(binary, run_steps, ["--scenario", path, *flags])
        except RuntimeError as error:
            tally.fail(f"{label}: {error}")
            continue
        err, at = compare(header, got, want, network_header(sizes), tol)
        if diverged:
            at = f"binary stopped with exit 3 (diverged) while the reference stays finite; {at}"
            err = math.inf
        tally.add(err, at, tol, label)
        # Each row's grad_norms: autograd's gradient at the row's own weights (the binary's).
        for row, norms in zip(got[:len(want)], got.grad_norms):
            want_norms = reference_grad_norms(net, row_params(row, sizes))
            stats["grad norm rows"] += 1
            tally.add(grad_norm_error(norms, want_norms),
                      f"step {int(row[0])} grad_norms: got {norms}, want {want_norms}", tol, label)
        if trial == 0:
            stats["json"] += 1
            mismatch = json_matches_csv(binary, run_steps, ["--scenario", path, *flags], got, sizes)
            if mismatch:
                tally.fail(f"{label}: --format json differs from csv: {mismatch}")
    return tally


def random_optimizer(rng, name):
    """`name` with PyTorch's defaults half the time, else random hyperparameters in the ranges
    people use (every one of them, read by the rule or not: `o` keeps them all)."""
    if rng.random() < 0.5:
        return {"name": name, **OPTIMIZER_DEFAULTS}
    return {"name": name, "momentum": float(rng.uniform(0.0, 0.95)),
            "alpha": float(rng.uniform(0.8, 0.999)), "beta1": float(rng.uniform(0.5, 0.95)),
            "beta2": float(rng.uniform(0.9, 0.9999)),
            "epsilon": float(10 ** rng.uniform(-8, -4))}


def optimizer_on_disk(net, trial):
    """The file and flags of one of three ways of saying net's optimizer: the whole object in
    the file; the name alone when every value is the default (else the object without the
    defaults); another optimizer in the file, overridden by --optimizer and a flag for each
    value the rule reads."""
    on_disk, flags = json.loads(json.dumps(net)), []
    opt = net["optimizer"]
    if trial % 3 == 1:
        changed = {k: v for k, v in opt.items() if k != "name" and OPTIMIZER_DEFAULTS[k] != v}
        on_disk["optimizer"] = {"name": opt["name"], **changed} if changed else opt["name"]
    elif trial % 3 == 2:
        other = OPTIMIZERS[(OPTIMIZERS.index(opt["name"]) + 1) % len(OPTIMIZERS)]
        on_disk["optimizer"] = {"name": other, **{k: v for k, v in opt.items() if k != "name"}}
        flags = ["--optimizer", opt["name"]]
        for key in OPTIMIZER_READS[opt["name"]]:
            flags += [f"--{key}", repr(opt[key])]
    return on_disk, flags


def check_optimizers(binary, directory, rng, trials, steps, tol, stats):
    """Random networks trained by every optimizer (every loss, a random reduction), compared
    row by row with autograd's gradient and torch.optim's rules; then `--compare` of all five
    on one network, each column against its own reference costs."""
    tally = Tally()
    for name in OPTIMIZERS:
        for trial in range(trials):
            loss = LOSSES[trial % len(LOSSES)]
            reduction = REDUCTIONS[int(rng.integers(0, len(REDUCTIONS)))]
            net, (want, stopped) = random_network(rng, loss, reduction, steps, tol / 100,
                                                  optimizer=random_optimizer(rng, name))
            on_disk, flags = optimizer_on_disk(net, trial)
            sizes = network_sizes(net)
            file = f"opt-{name}-{trial}.json"
            path = write_scenario(directory, file, on_disk)
            label = (f"{file} ({'-'.join(map(str, sizes))} {loss} {reduction} "
                     f"lr={net['learningRate']:.3g} flags={' '.join(flags) or '-'})")
            stats["optimizer runs"] += 1
            stats["rows"] += len(want)
            try:
                header, got, diverged = run_binary(binary, len(want) - 1, ["--scenario", path, *flags])
            except RuntimeError as error:
                tally.fail(f"{label}: {error}")
                continue
            err, at = compare(header, got, want, network_header(sizes), tol)
            if diverged:
                err, at = math.inf, f"binary diverged while the reference stays finite; {at}"
            tally.add(err, at, tol, label)
    # The race: one network, the five rules from the same start, in one CSV; each column must
    # be, digit for digit, the cost column of that rule's own run (each checked above against
    # the reference, for random networks of its own).
    net, _ = random_network(rng, "sse", "mean", steps, tol / 100,
                            optimizer=random_optimizer(rng, "sgd"))
    path = write_scenario(directory, "compare.json", net)
    done = subprocess.run([binary, "--headless", "--steps", str(steps), "--scenario", path,
                           "--compare", ",".join(OPTIMIZERS)], capture_output=True, text=True,
                          timeout=120)
    lines = done.stdout.strip().split("\n")
    stats["compare"] += 1
    if done.returncode != 0 or lines[0] != "step," + ",".join(f"cost_{n}" for n in OPTIMIZERS):
        tally.fail(f"--compare: exit {done.returncode}, header {lines[0]!r}, {done.stderr.strip()}")
        return tally
    race = [line.split(",") for line in lines[1:]]
    for column, name in enumerate(OPTIMIZERS):
        own = subprocess.run([binary, "--headless", "--format", "csv", "--steps", str(steps),
                              "--scenario", path, "--optimizer", name],
                             capture_output=True, text=True, timeout=120)
        own_rows = [line.split(",")[:2] for line in own.stdout.strip().split("\n")[1:]]
        race_rows = [[r[0], r[column + 1]] for r in race]
        if own_rows != race_rows:
            bad = next((a, b) for a, b in zip(own_rows, race_rows) if a != b) if len(own_rows) == len(race_rows) else (len(own_rows), len(race_rows))
            tally.fail(f"--compare column {name} differs from --optimizer {name}: {bad}")
    return tally


def splitmix_layers(seed, sizes):
    """The starting weights the README promises for --data: SplitMix64 seeded with S, layer by
    layer and row by row, the top 53 bits as a unit double u, w = (2u - 1)/√fan-in."""
    mask = (1 << 64) - 1
    state = seed & mask
    layers = []
    for l in range(len(sizes) - 1):
        limit = 1 / math.sqrt(sizes[l])
        w = []
        for _ in range(sizes[l]):
            row = []
            for _ in range(sizes[l + 1]):
                state = (state + 0x9E3779B97F4A7C15) & mask
                z = state
                z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & mask
                z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & mask
                z ^= z >> 31
                row.append(((z >> 11) * 2.0 ** -53 * 2 - 1) * limit)
            w.append(row)
        layers.append(w)
    return layers


def check_data(binary, directory, rng, steps, tol, stats):
    """--data FILE.csv --hidden ... --seed S: step 0 in ±1/√fan-in with b = 0, then the run
    compared with the reference from the binary's own step 0, in CSV and JSON."""
    tally = Tally()
    cases = [  # (hidden, flags beyond --data/--hidden/--seed, activations, loss, reduction)
        ([4, 3], [], None, "sse", "seed"),  # the defaults: sigmoid everywhere, lr 0.1
        ([3], ["--loss", "mse", "--reduction", "mean", "--lr", "0.25"], ["tanh", "linear"],
         "mse", "mean"),
        ([5, 2, 3], ["--reduction", "sum", "--lr", "0.03"], ["relu", "tanh", "relu", "sigmoid"],
         "sse", "sum"),
        # The cross-entropies: --loss bce on the default sigmoid layers; softmax set with ce.
        ([4], ["--loss", "bce", "--lr", "0.3"], None, "bce", "seed"),
        ([3, 4], ["--loss", "ce", "--reduction", "mean", "--lr", "0.5"], ["tanh", "relu", "softmax"],
         "ce", "mean"),
    ]
    for index, (hidden, extra, activations, loss, reduction) in enumerate(cases):
        n_samples, n_in = int(rng.integers(3, 9)), int(rng.integers(1, 5))
        n_out = int(rng.integers(2 if loss == "ce" else 1, 4))
        seed = int(rng.integers(0, 2 ** 63))
        sizes = [n_in] + hidden + [n_out]
        acts = activations or ["sigmoid"] * (len(sizes) - 1)
        x = rng.uniform(-1.5, 1.5, size=(n_samples, n_in))
        y = random_targets(rng, acts[-1], (n_samples, n_out), loss)
        names = [f"x{i}" if i % 2 else f"in{i}" for i in range(1, n_in + 1)] + \
                [f"y{j}" for j in range(1, n_out + 1)]
        path = os.path.join(directory, f"data-{index}.csv")
        with open(path, "w") as f:
            f.write(",".join(names) + "\n")
            for x_row, y_row in zip(x, y):
                f.write(",".join(repr(float(v)) for v in [*x_row, *y_row]) + "\n")
        flags = ["--data", path, "--hidden", ",".join(map(str, hidden)), "--seed", str(seed),
                 *extra]
        # Every choice said: with --hidden, the flags left out take --hidden's defaults (tanh
        # hidden layers, mean, lr 0.5; README), which are not the one-layer defaults above.
        flags += ["--activation", ",".join(acts)]
        if "--reduction" not in extra:
            flags += ["--reduction", reduction]
        if "--lr" not in extra:
            flags += ["--lr", "0.1"]
        label = (f"data-{index}.csv ({'-'.join(map(str, sizes))} {','.join(acts)} N={n_samples} "
                 f"{' '.join(flags[2:])})")
        try:
            header, start, _ = run_binary(binary, 0, flags)
        except RuntimeError as error:
            tally.fail(f"{label}: {error}")
            continue
        if header != network_header(sizes) or len(start) != 1:
            tally.fail(f"{label}: step 0 header {header}, expected {network_header(sizes)}")
            continue
        values, layers = start[0][2:], []
        for l in range(len(sizes) - 1):
            count = sizes[l] * sizes[l + 1]
            w = np.array(values[:count]).reshape(sizes[l], sizes[l + 1])
            b = np.array(values[count:count + sizes[l + 1]])
            values = values[count + sizes[l + 1]:]
            limit = 1 / math.sqrt(sizes[l])
            if not (np.all(w >= -limit) and np.all(w < limit)) or np.any(b != 0):
                tally.fail(f"{label}: layer {l + 1} starts outside ±1/√{sizes[l]} or with b != 0: "
                           f"w {w.tolist()} b {b.tolist()}")
            layers.append({"w": w.tolist(), "b": b.tolist(), "activation": acts[l]})
        if [layer["w"] for layer in layers] == splitmix_layers(seed, sizes):
            stats["data splitmix"] += 1
        lr = float(extra[extra.index("--lr") + 1]) if "--lr" in extra else 0.1
        net = {"x": x.tolist(), "y": y.tolist(), "layers": layers, "learningRate": lr,
               "loss": loss, "reduction": reduction}
        want, stopped = network_reference_trace(net, steps)
        # A fixed lr may make a long run chaotic (see conditioned_steps): compare up to there.
        calm = conditioned_steps(net, want, tol / 100)
        stats["data shortened"] += stopped or calm < len(want) - 1
        want = want[:calm + 1]
        stats["data"] += 1
        stats["rows"] += len(want)
        header, got, diverged = run_binary(binary, len(want) - 1, flags)
        err, at = compare(header, got, want, network_header(sizes), tol)
        if diverged:
            err, at = math.inf, f"binary stopped with exit 3 (diverged); {at}"
        tally.add(err, at, tol, label)
        stats["json"] += 1
        mismatch = json_matches_csv(binary, len(want) - 1, flags, got, sizes)
        if mismatch:
            tally.fail(f"{label}: --format json differs from csv: {mismatch}")
    return tally

# Features computed from x1 and x2, the reference's own formulas (TensorFlow Playground's seven).
FEATURES = {"x1": lambda x: x[:, 0], "x2": lambda x: x[:, 1], "x1^2": lambda x: x[:, 0] ** 2,
            "x2^2": lambda x: x[:, 1] ** 2, "x1*x2": lambda x: x[:, 0] * x[:, 1],
            "sin(x1)": lambda x: np.sin(x[:, 0]), "sin(x2)": lambda x: np.sin(x[:, 1])}


def training_reference(net, rows, split, penalty):
    """The states of a run with mini-batches, a test split, a penalty or features, replayed from
    the binary's own choices: its split record (which samples train and test) and each row's
    `batch` (which samples the step used, in order; every training sample without one). Each
    step takes autograd's gradient of C over the batch alone, reduced by the batch's N, then adds
    the penalty's gradient to the weights' (λω for l2, λ·sign ω for l1, biases never), and steps
    by lr. Returns per state: (cost over the training samples, cost over the test samples or
    None, penalty value, params, the accuracy over the training samples and over the test
    samples as `reference_accuracy` gives them)."""
    x, y = np.array(net["x"], dtype=float), np.array(net["y"], dtype=float)
    activations = [layer["activation"] for layer in net["layers"]]
    loss, lr, red = net["loss"], net["learningRate"], net["reduction"]

    def predict(xs, params):
        h = xs
        for l, act in enumerate(activations):
            h = activate(act, anp.dot(h, params[2 * l]) + params[2 * l + 1])
        return h

    def cost_over(samples):
        xs, ys = x[samples], y[samples]

        def cost(params):
            return loss_of(loss, predict(xs, params), ys)
        return cost

    train, test = split["train"], split["test"]
    kind, strength = penalty
    params = []
    for layer in net["layers"]:
        params += [np.array(layer["w"], dtype=float), np.array(layer["b"], dtype=float)]

    def penalty_value(params):
        weights = params[0::2]
        if kind == "l2":
            return strength / 2 * sum(float(np.sum(w * w)) for w in weights)
        if kind == "l1":
            return strength * sum(float(np.sum(np.abs(w))) for w in weights)
        return 0.0

    def state(params):
        return (float(cost_over(train)(params)),
                float(cost_over(test)(params)) if test else None, penalty_value(params),
                [p.copy() for p in params],
                reference_accuracy(y[train], predict(x[train], params)),
                reference_accuracy(y[test], predict(x[test], params)) if test else (None, False))

    states = [state(params)]
    for row in rows[1:]:
        batch = row.get("batch", train)
        n = len(batch)
        grads = grad(cost_over(batch))(params)
        w_div = n if red == "mean" else 1.0
        b_div = 1.0 if red == "sum" else n
        new = []
        for i, (p, g) in enumerate(zip(params, grads)):
            if i % 2 == 0:
                d = g / w_div
                if kind == "l2":
                    d = d + strength * p
                elif kind == "l1":
                    d = d + strength * np.sign(p)
            else:
                d = g / b_div
            new.append(p - lr * d)
        params = new
        states.append(state(params))
    return states


def write_data_csv(directory, name, x, y):
    """Writes samples x (inputs) and y (targets) as a --data CSV named `name` in `directory`, with
    the header x1..xn,y1..ym and every number in shortest round-trip form; returns its path."""
    n_in, n_out = x.shape[1], y.shape[1]
    names = [f"x{i}" for i in range(1, n_in + 1)] + [f"y{j}" for j in range(1, n_out + 1)]
    path = os.path.join(directory, name)
    with open(path, "w") as f:
        f.write(",".join(names) + "\n")
        for x_row, y_row in zip(x, y):
            f.write(",".join(repr(float(v)) for v in [*x_row, *y_row]) + "\n")
    return path


def check_training(binary, directory, rng, steps, tol, stats):
    """--batch, --no-shuffle, --test-ratio, --l1/--l2 and --features on --data runs, in JSON:
    the binary's split and batches replayed by `training_reference`, every cost, test cost,
    penalty and parameter compared (step 0's parameters are the binary's own, as in check_data);
    each step's batch must be as long as --batch says (the last of an epoch shorter), hold only
    training samples, and an epoch must use each training sample once."""
    tally = Tally()
    cases = [  # (hidden, n_in, loss, reduction, activations, flags)
        ([4], 3, "sse", "mean", ["tanh", "sigmoid"],
         ["--batch", "3", "--test-ratio", "0.25", "--lr", "0.3"]),
        ([3, 3], 2, "mse", "mean", ["tanh", "tanh", "linear"],
         ["--batch", "4", "--no-shuffle", "--l2", "0.05", "--lr", "0.2"]),
        ([4], 3, "bce", "sum", ["tanh", "sigmoid"],
         ["--test-ratio", "0.3", "--l1", "0.02", "--lr", "0.05"]),
        ([3], 2, "sse", "seed", ["tanh", "sigmoid"],
         ["--features", "x1,x2,x1^2,x2^2,x1*x2,sin(x1),sin(x2)", "--batch", "5", "--test-ratio",
          "0.2", "--l2", "0.01", "--lr", "0.1"]),
        ([5], 2, "ce", "mean", ["tanh", "softmax"],
         ["--features", "x1^2,x2^2,x1*x2", "--batch", "7", "--test-ratio", "0.2", "--l1", "0.003",
          "--lr", "0.5"]),
    ]
    for index, (hidden, n_in, loss, reduction, acts, extra) in enumerate(cases):
        n_samples = int(rng.integers(18, 30))
        n_out = 3 if loss == "ce" else 1
        seed = int(rng.integers(0, 2 ** 63))
        x = np.round(rng.uniform(-1.5, 1.5, size=(n_samples, n_in)), 3)
        y = random_targets(rng, acts[-1], (n_samples, n_out), loss)
        path = write_data_csv(directory, f"training-{index}.csv", x, y)
        flags = ["--data", path, "--hidden", ",".join(map(str, hidden)), "--seed", str(seed),
                 "--activation", ",".join(acts), "--loss", loss, "--reduction", reduction, *extra]
        label = f"training-{index}.csv ({' '.join(flags[2:])})"
        try:
            _, rows, diverged = run_binary(binary, steps, flags, fmt="json")
        except RuntimeError as error:
            tally.fail(f"{label}: {error}")
            continue
        if diverged:
            tally.fail(f"{label}: diverged (exit 3)")
            continue
        split = rows[0] if "train" in rows[0] else {"train": list(range(n_samples)), "test": []}
        rows = rows[1:] if "train" in rows[0] else rows
        if sorted(split["train"] + split["test"]) != list(range(n_samples)):
            tally.fail(f"{label}: the split {split} is not every sample once")
            continue
        feature_names = extra[extra.index("--features") + 1].split(",") if "--features" in extra else None
        inputs = np.stack([FEATURES[name](x) for name in feature_names], axis=1) if feature_names else x
        layers = rows[0]["layers"]
        net = {"x": inputs.tolist(), "y": y.tolist(), "learningRate": float(extra[extra.index("--lr") + 1]),
               "loss": loss, "reduction": reduction,
               "layers": [{"w": layer["w"], "b": layer["b"], "activation": act}
                          for layer, act in zip(layers, acts)]}
        kind = "l2" if "--l2" in extra else "l1" if "--l1" in extra else None
        strength = float(extra[extra.index("--" + kind) + 1]) if kind else 0.0
        size = int(extra[extra.index("--batch") + 1]) if "--batch" in extra else None
        # The batches: the right sizes, training samples only, each epoch every one once.
        seen, problem = [], None
        for row in rows[1:]:
            batch = row.get("batch")
            if size is None:
                if batch is not None:
                    problem = f"step {row['step']} has a batch without --batch"
                continue
            left = len(split["train"]) - len(seen)
            if len(batch) != min(size, left) or not set(batch) <= set(split["train"]):
                problem = f"step {row['step']} batch {batch}: wrong size or not training samples"
            seen += batch
            if len(seen) == len(split["train"]):
                if sorted(seen) != sorted(split["train"]):
                    problem = f"epoch ending at step {row['step']} did not use every sample once"
                if "--no-shuffle" in extra and seen != split["train"]:
                    problem = f"--no-shuffle epoch ending at step {row['step']} not in data order"
                seen = []
        if problem:
            tally.fail(f"{label}: {problem}")
            continue
        want = training_reference(net, rows, split, (kind, strength))
        worst, where = 0.0, ""
        floor = 1e-6 * abs(want[0][0])
        for row, (cost, test_cost, penalty, params, accuracy, test_accuracy) in zip(rows, want):
            got_params = []
            for layer in row["layers"]:
                got_params += [np.array(layer["w"], dtype=float), np.array(layer["b"], dtype=float)]
            # The fractions right, exactly (a count over a count), unless a decision was a tie
            # or on a threshold within 1e-9, where the last bits decide.
            for name, (fraction, close) in (("accuracy", accuracy), ("test_accuracy", test_accuracy)):
                if name == "test_accuracy" and test_cost is None:
                    fraction = None
                stats["accuracy cells"] += 1
                if close:
                    continue
                if row.get(name) != fraction:
                    worst, where = math.inf, f"step {row['step']} {name}: got {row.get(name)!r}, want {fraction!r}"
            pairs = [("cost", row["cost"], cost, floor)]
            if test_cost is not None:
                pairs.append(("test_cost", row.get("test_cost"), test_cost, floor))
            if kind:
                pairs.append(("penalty", row.get("penalty"), penalty, 1e-12))
            for i, (g, w) in enumerate(zip(got_params, params)):
                for k, (gv, wv) in enumerate(zip(g.ravel(), w.ravel())):
                    pairs.append((f"L{i // 2 + 1}_{'wb'[i % 2]}[{k}]", gv, wv, 1e-3))
            for name, g, w, fl in pairs:
                err = math.inf if g is None else abs(g - w) / max(abs(w), fl)
                if err > worst:
                    worst, where = err, f"step {row['step']} {name}: got {g!r}, want {w!r}"
        # Each record's grad_norms: the gradient the next step feeds its optimizer, at the
        # record's weights, over the samples that step takes (the next row's batch; the last
        # record's next batch is not in the trace, so with --batch it is left out).
        for k, row in enumerate(rows):
            if k + 1 < len(rows):
                samples = rows[k + 1].get("batch", split["train"])
            elif size is None:
                samples = split["train"]
            else:
                continue
            params = []
            for layer in row["layers"]:
                params += [np.array(layer["w"], dtype=float), np.array(layer["b"], dtype=float)]
            want_norms = reference_grad_norms(net, params, samples, (kind, strength))
            err = grad_norm_error(row.get("grad_norms"), want_norms)
            stats["grad norm rows"] += 1
            if err > worst:
                worst, where = err, f"step {row['step']} grad_norms: got {row.get('grad_norms')}, want {want_norms}"
        if len(want) != steps + 1:
            worst, where = math.inf, f"{len(want)} rows, expected {steps + 1}"
        stats["training"] += 1
        stats["rows"] += len(want)
        tally.add(worst, where, tol, label)
    return tally


def check_golden(binary, directory, tol):
    """The seed preset against the article's costs, its whole run against the reference, and
    relu's derivative at exactly 0, in one layer and in a network. Returns (failures, the seed
    run's worst error, the worst error of all three comparisons)."""
    failures = []
    done = subprocess.run([binary, "--headless", "--format", "csv", "--steps", "1000"],
                          capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        return [f"seed preset exited {done.returncode}: {done.stderr.strip()}"], math.inf, math.inf
    rows = {int(r[0]): float(r[1]) for r in list(csv.reader(io.StringIO(done.stdout)))[1:]}
    for step, cost in GOLDEN.items():
        got = rows.get(step)
        if got is None or abs(got - cost) / cost > 1e-12:
            failures.append(f"seed preset step {step}: cost {got!r}, article {cost!r}")
    path = write_scenario(directory, "relu-kink.json", RELU_KINK)
    header, got = run_scenario(binary, path, 5)
    kink_err, at = compare(header, got, reference_trace(RELU_KINK, 5), expected_header(2, 1))
    worst = kink_err
    if kink_err > tol or any(row[1] != 2.0 for row in got):
        failures.append(f"relu at exactly 0 (derivative must be 0): {at} (rel {kink_err:.3g})")
    path = write_scenario(directory, "relu-kink-network.json", RELU_KINK_NETWORK)
    header, got = run_scenario(binary, path, 20)
    want, _ = network_reference_trace(RELU_KINK_NETWORK, 20)
    kink_err, at = compare(header, got, want, network_header([2, 2, 1]), tol)
    worst = max(worst, kink_err)
    if kink_err > tol:
        failures.append(f"relu at exactly 0 in a network (derivative must be 0): {at} "
                        f"(rel {kink_err:.3g})")
    path = write_scenario(directory, "seed.json", SEED_SCENARIO)
    header, got = run_scenario(binary, path, 1000)
    err, at = compare(header, got, reference_trace(SEED_SCENARIO, 1000), expected_header(3, 2), tol)
    if err > tol:
        failures.append(f"seed scenario vs autograd over 1000 steps: {at} (rel {err:.3g})")
    return failures, err, max(worst, err)


# --- --inspector: the interactive screen's inspector pane, read through --snapshot --keys -------

# Steps taken (`s` keys) before the second look at every parameter.
INSPECTOR_STEPS = 3
# (sizes, activations, loss, reduction, samples). 1, 2 and 3 layers; every activation both hidden
# and last; both losses; every reduction (it decides the Δ line). The 8-wide layer makes the
# hidden error lines too long for their symbols (the "Σk δ²k·ω²jk" form); the last two have more
# samples than the inspector shows at 240x60, so `>` decides which are shown.
INSPECTOR_CASES = [
    ([3, 2], ["sigmoid"], "sse", "seed", 2),
    ([2, 3], ["tanh"], "mse", "mean", 4),
    ([3, 1], ["relu"], "sse", "sum", 5),
    ([2, 2], ["linear"], "mse", "seed", 3),
    ([2, 3, 1], ["tanh", "sigmoid"], "sse", "seed", 4),
    ([3, 4, 2], ["relu", "linear"], "mse", "sum", 6),
    ([2, 2, 3], ["sigmoid", "tanh"], "mse", "mean", 3),
    ([2, 3, 2], ["linear", "relu"], "sse", "mean", 5),
    ([2, 3, 3, 1], ["tanh", "relu", "sigmoid"], "sse", "seed", 4),
    ([3, 2, 4, 2], ["sigmoid", "linear", "tanh"], "mse", "sum", 5),
    ([2, 3, 8, 2], ["relu", "tanh", "linear"], "sse", "sum", 6),
    ([2, 4, 2, 1], ["linear", "sigmoid", "relu"], "mse", "seed", 3),
    ([3, 2, 1], ["tanh", "linear"], "sse", "mean", 16),
    ([2, 1], ["sigmoid"], "mse", "sum", 30),
    # The cross-entropies: δᴸ = ŷ - y in the output layer and the line that says why; below it
    # the error sent back as before. One layer, two and three; more samples than shown.
    ([3, 2], ["softmax"], "ce", "seed", 2),
    ([2, 3], ["sigmoid"], "bce", "mean", 4),
    ([2, 4, 3], ["tanh", "softmax"], "ce", "mean", 6),
    ([3, 3, 2], ["relu", "sigmoid"], "bce", "sum", 5),
    ([2, 3, 4, 3], ["sigmoid", "tanh", "softmax"], "ce", "sum", 16),
    ([2, 2, 3, 1], ["linear", "tanh", "sigmoid"], "bce", "seed", 3),
]
# The optimizers (a sixth entry): their state lines above the Δ line, which is then the rule's
# own step; every rule, with sse, mse and both cross-entropies, every reduction.
INSPECTOR_OPTIMIZER_CASES = [
    ([3, 2], ["sigmoid"], "sse", "seed", 2, "momentum"),
    ([2, 3, 1], ["tanh", "sigmoid"], "sse", "mean", 4, "nesterov"),
    ([2, 3], ["tanh"], "mse", "sum", 3, "rmsprop"),
    ([2, 4, 3], ["tanh", "softmax"], "ce", "mean", 6, "adam"),
    ([3, 3, 2], ["relu", "sigmoid"], "bce", "seed", 5, "adam"),
    ([2, 3, 2], ["linear", "tanh"], "mse", "seed", 4, "sgd"),
]
# A number as the inspector writes it (NumberFormat.compact): fixed point, or exponent form with
# a short exponent ("3.45e-7"); NaN, inf, -inf.
NUMBER = r"(?:NaN|-?inf|-?\d+(?:\.\d+)?(?:e-?\d+)?)"
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


class FrameError(Exception):
    """The frame lacks a line, or a line is not in the documented form."""


def half_unit(text):
    """Half a unit in the last printed place of `text`: how far the exact value may lie."""
    mantissa, _, exponent = text.partition("e")
    if not any(c.isdigit() for c in mantissa):
        return 0.0
    places = len(mantissa.split(".")[1]) if "." in mantissa else 0
    return 0.5 * 10.0 ** (int(exponent or 0) - places)


def parse_number(text):
    """The text of one printed number, its parentheses (a negative factor's) taken off."""
    text = text.strip()
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1]
    if not re.fullmatch(NUMBER, text):
        raise FrameError(f"not a number: {text!r}")
    return text


def interval(text):
    v, u = float(text), half_unit(text)
    return v - u, v + u


def interval_product(intervals):
    lo, hi = 1.0, 1.0
    for a, b in intervals:
        corners = [lo * a, lo * b, hi * a, hi * b]
        lo, hi = min(corners), max(corners)
    return lo, hi


class InspectorTally:
    """Every number compared, the worst error in units of half the last printed place, and the
    mismatches with their frames."""

    def __init__(self):
        self.numbers, self.frames, self.worst, self.where = 0, 0, 0.0, ""
        # How often the pane's rarer forms were read: some samples hidden, an error line in
        # the "Σk" form, an error line with terms left out ("…3 more"); and with bce or ce, the
        # sample lines written input · (ŷ - y) and the why lines with numbers or in words.
        self.partial, self.sigma, self.elided = 0, 0, 0
        # Frames whose Δ line is an optimizer's (buf, v, m and v̂ above it).
        self.optimizer_lines = 0
        self.difference, self.why, self.why_words = 0, 0, 0
        self.failures = []

    def value(self, text, exact, what):
        """The printed `text` against the exact value: within half a unit of its last place
        (plus a little for the binary's and autograd's last bits)."""
        self.numbers += 1
        shown = float(text)
        if not (math.isfinite(shown) and math.isfinite(exact)):
            ok = (math.isnan(shown) and math.isnan(exact)) or shown == exact
            ratio = 0.0 if ok else math.inf
        else:
            unit = half_unit(text)
            error = abs(shown - exact)
            ratio = error / unit if unit else (0.0 if error == 0 else math.inf)
            ok = error <= unit * (1 + 1e-6) + 1e-12 * max(1.0, abs(exact))
        if ratio > self.worst and ok:
            self.worst, self.where = ratio, what
        if not ok:
            return f"{what}: screen {text}, autograd {exact!r} (off by {abs(shown - exact):.3g}, " \
                   f"half a unit of the printed place is {half_unit(text):.3g})"
        return None

    def arithmetic(self, result_text, lo, hi, what):
        """The printed result lies within what the printed operands allow."""
        self.numbers += 1
        r_lo, r_hi = interval(result_text)
        slack = 1e-12 * max(1.0, abs(lo), abs(hi))
        if r_hi < lo - slack or r_lo > hi + slack:
            return f"{what}: the printed operands give [{lo:.10g}, {hi:.10g}], the screen says " \
                   f"{result_text}"
        return None


def superscript(number):
    return "".join(SUPERSCRIPTS[int(d)] for d in str(number))


def inspector_names(n_layers):
    """The screen's names (SymbolNames): mark(l) is "" with one layer, else l+1 in superscript."""
    def mark(l):
        return "" if n_layers == 1 else superscript(l + 1)
    def parameter(kind, l, i, j):
        return f"ω{mark(l)}{i + 1}{j + 1}" if kind == "w" else f"b{mark(l)}{j + 1}"
    return mark, parameter


def parameter_order(sizes):
    """Every parameter in storage order, as Tab visits them: (kind, layer, row, column)."""
    order = []
    for l in range(len(sizes) - 1):
        order += [("w", l, i, j) for i in range(sizes[l]) for j in range(sizes[l + 1])]
        order += [("b", l, None, j) for j in range(sizes[l + 1])]
    return order


def inspector_reference(net, params):
    """Everything the inspector shows for the state `params`, from autograd and a plain forward
    pass: h (h[0] = x), g'(a) per layer, ∂C/∂aˡ and ∂C/∂hˡ per sample (adding zero offsets to a
    and h and differentiating with respect to them), ∂C/∂θ for every parameter."""
    x = np.array(net["x"], dtype=float)
    y = np.array(net["y"], dtype=float)
    acts = [layer["activation"] for layer in net["layers"]]

    def cost(params, a_offsets, h_offsets):
        h = x
        for l, act in enumerate(acts):
            h = activate(act, anp.dot(h, params[2 * l]) + params[2 * l + 1] + a_offsets[l]) \
                + h_offsets[l]
        return loss_of(net["loss"], h, y)

    zeros = [np.zeros((x.shape[0], params[2 * l + 1].size)) for l in range(len(acts))]
    ref = {"grad": grad(cost, 0)(params, zeros, zeros),
           "dC_da": grad(cost, 1)(params, zeros, zeros),
           "dC_dh": grad(cost, 2)(params, zeros, zeros), "h": [x], "g'": []}
    for l, act in enumerate(acts):
        a = ref["h"][-1] @ params[2 * l] + params[2 * l + 1]
        ref["g'"].append(np.asarray(elementwise_grad(lambda z, act=act: activate(act, z))(a)))
        ref["h"].append(np.asarray(activate(act, a), dtype=float))
    return ref


def reference_states(net, steps):
    """The reference's parameters [W¹, b¹, ...] at steps 0..steps (network_reference_trace)."""
    rows, _ = network_reference_trace(net, steps)
    sizes, states = network_sizes(net), []
    for row in rows:
        flat, params = row[2:], []
        for l in range(len(sizes) - 1):
            count = sizes[l] * sizes[l + 1]
            params.append(np.array(flat[:count]).reshape(sizes[l], sizes[l + 1]))
            params.append(np.array(flat[count:count + sizes[l + 1]]))
            flat = flat[count + sizes[l + 1]:]
        states.append(params)
    if len(states) < steps + 1:
        raise RuntimeError(f"the reference stopped at a relu kink before step {steps}")
    return states


def inspector_scenario(rng, sizes, activations, loss, reduction, n_samples, optimizer=None):
    """A random network of this shape (trained by `optimizer`, with PyTorch's defaults, when
    given), redrawn while a relu pre-activation lies within KINK_GAP of 0 at a step the screen
    is read at, its lr halved while the cost blows up."""
    while True:
        net = {"x": rng.uniform(-1.5, 1.5, size=(n_samples, sizes[0])).tolist(),
               "y": random_targets(rng, activations[-1], (n_samples, sizes[-1]), loss).tolist(),
               "layers": random_layers(rng, sizes, activations),
               "learningRate": round(float(np.exp(rng.uniform(math.log(0.05), math.log(0.5)))), 4),
               "loss": loss, "reduction": reduction}
        if optimizer:
            net["optimizer"] = {"name": optimizer, **OPTIMIZER_DEFAULTS}
        for _ in range(8):
            with np.errstate(all="ignore"):
                rows, stopped = network_reference_trace(net, INSPECTOR_STEPS + 1)
            values = np.array(rows, dtype=float)
            if np.all(np.isfinite(values)) and values[:, 1].max() <= 2 * values[0, 1] + 1e-300:
                break
            net["learningRate"] /= 2
        else:
            continue
        if not stopped:
            return net


def optimizer_states(net, states):
    """What the net's optimizer remembers before each step of the reference `states`: t, and
    buf, m and v per parameter array, rolled forward with autograd's reduced gradients."""
    opt = full_optimizer(net.get("optimizer"))
    gradient = grad(network_cost_function(net))
    n = len(net["x"])
    w_div = n if net["reduction"] == "mean" else 1.0
    b_div = 1.0 if net["reduction"] == "sum" else n
    zeros = [np.zeros_like(p) for p in states[0]]
    state = {"t": 0, "buf": list(zeros), "m": list(zeros), "v": list(zeros)}
    history = [json.loads(json.dumps({k: ([a.tolist() for a in v] if k != "t" else v)
                                      for k, v in state.items()}))]
    for params in states[:-1]:
        directions = [g / (w_div if i % 2 == 0 else b_div)
                      for i, g in enumerate(gradient(params))]
        optimizer_update(opt, state, params, directions, net["learningRate"])
        history.append({k: ([np.array(a).tolist() for a in v] if k != "t" else v)
                        for k, v in state.items()})
    return opt, history


def check_optimizer_lines(body, row, net, states, step, index, where, name, exact_grad,
                          averaged, tally, note):
    """The optimizer's state lines and its Δ line for a rule other than sgd, from `row`: every
    number against the reference's rule; returns the row after the Δ line."""
    opt, history = optimizer_states(net, states)
    rule = opt["name"]
    n = len(net["x"])
    g = exact_grad / (n if averaged else 1)
    after = history[step + 1]
    value = lambda key: float(np.array(after[key][index])[where])  # noqa: E731
    t = after["t"]
    m = re.match(rf"{rule} t = (\d+), g = ({NUMBER}):", body[row] if row < len(body) else "")
    if not m:
        raise FrameError(f"no '{rule} t = T, g = G:' line at row {row}: {body[row:row + 1]}")
    if int(m.group(1)) != t:
        note(f"{rule} line says t = {m.group(1)}, the step is its step {t}")
    note(tally.value(m.group(2), g, f"{rule}'s g of {name}"))
    lines = body[row:row + (2 if rule == "adam" else 1)]
    text = "  ".join(lines)
    expected = {"momentum": [("buf", value("buf"))], "nesterov": [("buf", value("buf"))],
                "rmsprop": [("v", value("v"))]}.get(rule, [])
    if rule == "adam":
        m_hat = value("m") / (1 - opt["beta1"] ** t)
        v_hat = value("v") / (1 - opt["beta2"] ** t)
        expected = [("m", value("m")), ("m̂", m_hat), ("v", value("v")), ("v̂", v_hat)]
    for symbol, exact in expected:
        # "buf = μ·buf + g = 0.9 · A + B = VALUE" or "buf = VALUE": the number before the next
        # symbol's name, or at the end, is the value.
        found = re.search(rf"{re.escape(symbol)}(?!̂) = [^=]*?(?:= [^=]*?)*?({NUMBER})"
                          rf"(?=\s*(?:$|\s{{2,}}|  |\(the first))", text)
        if not found:
            raise FrameError(f"{rule}: no '{symbol} = VALUE' in {lines}")
        note(tally.value(found.group(1), exact, f"{rule}'s {symbol} of {name}"))
    row += len(lines)
    change = float(states[step + 1][index][where] - states[step][index][where])
    # The change is the number the formula ends at: before "   (sgd: ...)" or the line's end.
    m = re.match(rf"Δ{re.escape(name)} = -lr · .*? = ({NUMBER})(?=\s{{2,}}|$)",
                 body[row] if row < len(body) else "")
    if not m:
        raise FrameError(f"{rule}: Δ line {body[row:row + 1]}")
    note(tally.value(m.group(1), change, f"{rule}'s Δ{name}"))
    plain = re.search(rf"\(sgd: -lr · g = ({NUMBER})\)", body[row])
    if plain:
        note(tally.value(plain.group(1), -net["learningRate"] * g, f"sgd's Δ{name} beside {rule}'s"))
    values = re.search(rf"{re.escape(name)}: ({NUMBER}) → ({NUMBER})", body[row])
    if values:
        note(tally.value(values.group(1), float(states[step][index][where]), f"{name} before"))
        note(tally.value(values.group(2), float(states[step + 1][index][where]), f"{name} after"))
    tally.optimizer_lines += 1
    return row + 1


def inspector_pane(frame):
    """The inspector's title and its inner lines (stripped), read between its box's columns."""
    lines = frame.split("\n")
    for r, line in enumerate(lines):
        c = line.find("┌ Inspector ")
        if c < 0:
            continue
        end = line.find("┐", c)
        if end < 0:
            raise FrameError("the inspector's top border has no ┐")
        body = []
        for below in lines[r + 1:]:
            if len(below) <= end or below[c] == "└":
                break
            body.append(below[c + 1:end].strip())
        else:
            raise FrameError("the inspector's box is not closed")
        return line[c + 2:end].rstrip("─ "), body
    raise FrameError("no inspector pane (no '┌ Inspector ' line)")


def check_inspector_frame(frame, net, states, ref, step, sample, parameter, tally):
    """Every number of one frame's inspector against the reference (`ref`, inspector_reference
    of states[step]): (what is wrong, the pane's lines). Raises FrameError when a line is
    missing or not in its documented form."""
    kind, l, i, j = parameter
    layers = net["layers"]
    n_layers, n_samples = len(layers), len(net["x"])
    mark, names = inspector_names(n_layers)
    name = names(kind, l, i, j)
    exact_grad = float(ref["grad"][2 * l + (0 if kind == "w" else 1)][(i, j) if kind == "w" else j])
    problems = []

    def note(problem):
        if problem:
            problems.append(problem)

    status = re.search(r"^ step (\d+) ", frame, re.M)
    if not status or int(status.group(1)) != step:
        raise FrameError(f"status line does not say step {step}")
    title, body = inspector_pane(frame)
    want_title = f"Inspector {name}  g{mark(l)} = {layers[l]['activation']}, "
    if not title.startswith(want_title):
        raise FrameError(f"title {title!r} does not start {want_title!r} (Tab order?)")

    hidden = l < n_layers - 1
    # bce (sigmoid) or ce (softmax) in the output layer: the factors are the input and
    # δ = ŷ - y, written with its two numbers, and a line under the samples says why.
    simple = not hidden and net["loss"] in PAIRED
    input_name = "" if kind == "b" else f"x{i + 1}" if l == 0 else f"h{mark(l - 1)}{i + 1}"
    derivative = f"g'(a{mark(l)}{j + 1})"
    difference = f"ŷ{j + 1} - y{j + 1}"
    if hidden:
        error = f"e{mark(l)}{j + 1}"
    else:
        error = f"2(ŷ{j + 1} - y{j + 1})" + ("/(N·m)" if net["loss"] == "mse" else "")
    if simple:
        symbol = f"{input_name} · ({difference})" if kind == "w" else difference
    else:
        symbol = f"{input_name} · {derivative} · {error}" if kind == "w" else f"{derivative} · {error}"
    y = np.array(net["y"], dtype=float)
    shown = []
    row = 0
    # A sample's line: "sample N:  " (two spaces); the why line has one.
    while row < len(body) and re.match(r"sample \d+:  ", body[row]):
        m = re.fullmatch(r"sample (\d+):\s+(.*)", body[row])
        if not m:
            raise FrameError(f"sample line {body[row]!r}")
        n = int(m.group(1)) - 1
        shown.append(n)
        parts = m.group(2).split(" = ")
        if len(parts) not in (2, 3) or (len(parts) == 3 and parts[0].strip() != symbol):
            raise FrameError(f"sample line {body[row]!r}: expected '{symbol} = factors = term'")
        if not 0 <= n < n_samples:
            raise FrameError(f"sample line {body[row]!r}: no sample {n + 1}")
        delta = float(ref["dC_da"][l][n, j])
        if simple:
            check_difference_line(body[row], parts, kind, ref, y, n, l, i, j, delta, tally, note)
            row += 1
            continue
        factors = [parse_number(f) for f in parts[-2].split(" · ")]
        term = parse_number(parts[-1])
        if len(factors) != (3 if kind == "w" else 2):
            raise FrameError(f"sample line {body[row]!r}: sample or factor count")
        want = [float(ref["g'"][l][n, j]), float(ref["dC_dh"][l][n, j])]
        what = ["g'(a)", "e = ∂C/∂h" if hidden else "∂C/∂ŷ"]
        if kind == "w":
            want.insert(0, float(ref["h"][l][n, i]))
            what.insert(0, "input")
        for text, exact, label in zip(factors, want, what):
            note(tally.value(text, exact, f"sample {n + 1} factor {label}"))
        note(tally.value(term, delta * (float(ref["h"][l][n, i]) if kind == "w" else 1.0),
                         f"sample {n + 1} term ∂C/∂a·input"))
        note(tally.arithmetic(term, *interval_product(interval(f) for f in factors),
                              f"sample {n + 1}: product of the printed factors"))
        row += 1
        if not hidden:
            continue
        if row >= len(body):
            raise FrameError(f"no error line after sample {n + 1}")
        parts = body[row].split(" = ")
        if len(parts) != 4 or parts[0] != f"e{mark(l)}{j + 1}":
            raise FrameError(f"error line {body[row]!r}: expected 'e{mark(l)}{j + 1} = symbols = "
                             f"terms = value'")
        up, width = mark(l + 1), len(layers[l + 1]["b"])
        full = " + ".join(f"δ{up}{k + 1}·ω{up}{j + 1}{k + 1}" for k in range(width))
        tally.sigma += parts[1] != full
        if parts[1] not in (full, f"Σk δ{up}k·ω{up}{j + 1}k"):
            raise FrameError(f"error line {body[row]!r}: symbols {parts[1]!r}, expected {full!r}")
        value = parse_number(parts[3])
        note(tally.value(value, float(ref["dC_dh"][l][n, j]), f"sample {n + 1} {parts[0]}"))
        terms, rest, sum_lo, sum_hi = parts[2].split(" + "), 0, 0.0, 0.0
        for k, term_text in enumerate(terms):
            more = re.fullmatch(r"…(\d+) more", term_text)
            if more and k == len(terms) - 1:
                rest = int(more.group(1))
                break
            pair = term_text.split("·")
            if len(pair) != 2:
                raise FrameError(f"error line {body[row]!r}: term {term_text!r}")
            d_text, w_text = parse_number(pair[0]), parse_number(pair[1])
            note(tally.value(d_text, float(ref["dC_da"][l + 1][n, k]),
                             f"sample {n + 1} {parts[0]} term {k + 1}: δ{up}{k + 1}"))
            note(tally.value(w_text, float(states[step][2 * (l + 1)][j, k]),
                             f"sample {n + 1} {parts[0]} term {k + 1}: ω{up}{j + 1}{k + 1}"))
            lo, hi = interval_product([interval(d_text), interval(w_text)])
            sum_lo, sum_hi = sum_lo + lo, sum_hi + hi
        tally.elided += bool(rest)
        counted = len(terms) - (1 if rest else 0) + rest
        if counted != width:
            raise FrameError(f"error line {body[row]!r}: {counted} terms, layer {l + 2} has {width}")
        if not rest:
            note(tally.arithmetic(value, sum_lo, sum_hi, f"sample {n + 1} {parts[0]}: sum of the "
                                  f"printed products"))
        row += 1
    if not shown:
        raise FrameError("no sample lines")
    if simple:
        if row >= len(body):
            raise FrameError("no line saying why δ = ŷ - y")
        check_why_line(body[row], net["loss"], ref, y, sample, l, j, mark(l), tally, note)
        row += 1
    if shown != list(range(shown[0], shown[0] + len(shown))) or sample not in shown:
        raise FrameError(f"samples shown {[s + 1 for s in shown]} are not a run holding the "
                         f"chosen sample {sample + 1}")

    if row >= len(body):
        raise FrameError("no total line '∂C/∂... = VALUE'")
    sigma = f"Σ δ{mark(l)}{j + 1} = " if kind == "b" else ""
    m = re.match(rf"∂C/∂{re.escape(name)} = {sigma}({NUMBER})(.*)$", body[row])
    if not m:
        raise FrameError(f"total line {body[row]!r}: expected '∂C/∂{name} = {sigma}VALUE'")
    note(tally.value(m.group(1), exact_grad, f"∂C/∂{name}"))
    reduction = net["reduction"]
    averaged = reduction == "mean" or (kind == "b" and reduction == "seed")
    # On a narrow pane the words "reduction seed:" (or the whole mean) give way; the Δ line's
    # "/ N" still says whether the step averages.
    mean = re.match(rf"\s+(?:reduction {reduction}: )?mean = ({NUMBER}) / (\d+) = ({NUMBER})",
                    m.group(2))
    if (mean and not averaged) or (mean and int(mean.group(2)) != n_samples):
        problems.append(f"total line {body[row]!r}: reduction {reduction} with N = {n_samples} "
                        f"{'averages' if averaged else 'does not average'} ∂C/∂{name}")
    if mean:
        note(tally.value(mean.group(1), exact_grad, f"∂C/∂{name} in the mean"))
        note(tally.value(mean.group(3), exact_grad / n_samples, f"the mean of ∂C/∂{name}"))
    tally.partial += len(shown) < n_samples
    if len(shown) < n_samples and not re.search(rf"\b{n_samples}\b", m.group(2)):
        raise FrameError(f"total line {body[row]!r}: {len(shown)} of {n_samples} samples shown, "
                         f"and it does not say N")
    row += 1

    index = 2 * l + (0 if kind == "w" else 1)
    where = (i, j) if kind == "w" else j
    if full_optimizer(net.get("optimizer"))["name"] != "sgd":
        check_optimizer_lines(body, row, net, states, step, index, where, name, exact_grad,
                              averaged, tally, note)
        return problems, body

    # Δθ = -lr · amount [/ N] = change      θ: before → after
    if row >= len(body):
        raise FrameError("no Δ line")
    m = re.fullmatch(rf"Δ{re.escape(name)} = -lr · \(?({NUMBER})\)?( / N)? = ({NUMBER})"
                     rf"(?:\s+{re.escape(name)}: ({NUMBER}) → ({NUMBER}))?", body[row])
    if not m:
        raise FrameError(f"Δ line {body[row]!r}")
    if bool(m.group(2)) != averaged:
        problems.append(f"Δ line {body[row]!r}: reduction {reduction} "
                        f"{'divides' if averaged else 'does not divide'} by N")
    note(tally.value(m.group(1), exact_grad, f"Δ{name}'s ∂C/∂{name}"))
    lr = net["learningRate"]
    note(tally.value(m.group(3), -lr * exact_grad / (n_samples if averaged else 1), f"Δ{name}"))
    if m.group(4) is not None:  # left out only when the pane is too narrow for it
        note(tally.value(m.group(4), float(states[step][index][where]), f"{name} before"))
        note(tally.value(m.group(5), float(states[step + 1][index][where]), f"{name} after"))
    return problems, body


def check_difference_line(line, parts, kind, ref, y, n, l, i, j, delta, tally, note):
    """A sample's line in the output layer of bce or ce: "x1 · (ŷ1 - y1) = 1.0000 · (0.3543 - 1)
    = -0.6457", or for a bias "ŷ1 - y1 = 0.3543 - 1 = -0.6457". The input, ŷ and y against the
    reference, the term against ∂C/∂a·input from autograd, and the printed arithmetic."""
    numbers = parts[-2].strip()
    if kind == "w":
        factor, _, rest = numbers.partition(" · ")
        if not (rest.startswith("(") and rest.endswith(")")):
            raise FrameError(f"sample line {line!r}: expected 'input · (ŷ - y)'")
        numbers = rest[1:-1]
        input_text = parse_number(factor)
    pair = numbers.split(" - ")
    if len(pair) != 2:
        raise FrameError(f"sample line {line!r}: expected 'ŷ - y' in numbers")
    prediction, target = parse_number(pair[0]), parse_number(pair[1])
    term = parse_number(parts[-1])
    note(tally.value(prediction, float(ref["h"][l + 1][n, j]), f"sample {n + 1} ŷ"))
    note(tally.value(target, float(y[n, j]), f"sample {n + 1} y"))
    p_lo, p_hi = interval(prediction)
    t_lo, t_hi = interval(target)
    factors = [(p_lo - t_hi, p_hi - t_lo)]
    scale = 1.0
    if kind == "w":
        scale = float(ref["h"][l][n, i])
        note(tally.value(input_text, scale, f"sample {n + 1} input"))
        factors.insert(0, interval(input_text))
    note(tally.value(term, delta * scale, f"sample {n + 1} term (ŷ - y)·input"))
    note(tally.arithmetic(term, *interval_product(factors),
                          f"sample {n + 1}: input times the printed ŷ - y"))
    tally.difference += 1


def check_why_line(line, loss, ref, y, sample, l, j, mk, tally, note):
    """The line under the samples that says why δ = ŷ - y. With numbers, for the chosen sample:
    bce "sample N: g'(aj) · ∂C/∂ŷj = G · E = D = ŷj - yj", whose G, E and D are checked against
    autograd's g'(a), ∂C/∂ŷ of the textbook bce, and ∂C/∂a; ce "sample N: Σk ∂ŷk/∂aj · ∂C/∂ŷk
    = ŷj Σk yk - yj = Y · S - T = D", whose Y, S, T against ŷ, Σy, y and D against ∂C/∂a. On a
    narrow pane it may be words alone ("... cancels ..."), which are only counted."""
    j1 = j + 1
    value = rf"\(?{NUMBER}\)?"
    if loss == "bce":
        m = re.match(rf"sample (\d+): g'\(a{mk}{j1}\) · ∂C/∂ŷ{j1} = ({value}) · ({value}) = "
                     rf"({NUMBER}) = ŷ{j1} - y{j1}", line)
    else:
        m = re.match(rf"sample (\d+): Σk ∂ŷk/∂a{mk}{j1} · ∂C/∂ŷk = ŷ{j1} Σk yk - y{j1} = "
                     rf"({NUMBER}) · ({NUMBER}) - ({NUMBER}) = ({NUMBER})", line)
    if not m:
        if "cancels" in line and not line.startswith("sample "):
            tally.why_words += 1
            return
        raise FrameError(f"why line {line!r}: not in a documented form")
    n = int(m.group(1)) - 1
    if n != sample:
        raise FrameError(f"why line {line!r}: sample {n + 1}, the chosen one is {sample + 1}")
    delta = float(ref["dC_da"][l][n, j])
    if loss == "bce":
        g, e, d = parse_number(m.group(2)), parse_number(m.group(3)), parse_number(m.group(4))
        note(tally.value(g, float(ref["g'"][l][n, j]), f"why line g'(a) of sample {n + 1}"))
        note(tally.value(e, float(ref["dC_dh"][l][n, j]), f"why line ∂C/∂ŷ of sample {n + 1}"))
        note(tally.value(d, delta, f"why line δ of sample {n + 1}"))
        note(tally.arithmetic(d, *interval_product([interval(g), interval(e)]),
                              f"why line of sample {n + 1}: g'(a) · ∂C/∂ŷ"))
    else:
        p, total, t, d = (parse_number(m.group(k)) for k in (2, 3, 4, 5))
        note(tally.value(p, float(ref["h"][l + 1][n, j]), f"why line ŷ of sample {n + 1}"))
        note(tally.value(total, float(y[n].sum()), f"why line Σy of sample {n + 1}"))
        note(tally.value(t, float(y[n, j]), f"why line y of sample {n + 1}"))
        note(tally.value(d, delta, f"why line δ of sample {n + 1}"))
        lo, hi = interval_product([interval(p), interval(total)])
        t_lo, t_hi = interval(t)
        note(tally.arithmetic(d, lo - t_hi, hi - t_lo, f"why line of sample {n + 1}: ŷ·Σy - y"))
    tally.why += 1


def snapshot(binary, path, size, keys):
    cmd = [binary, "--snapshot", "--size", size, "--scenario", path, "--keys", keys]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        raise FrameError(f"{' '.join(cmd)} exited {done.returncode}: {done.stderr.strip()}")
    return done.stdout


def check_inspector(binary, directory, rng, size, verbose):
    """Every parameter of every INSPECTOR_CASES network (and the article's one-layer file) on the
    screen at step 0 and after INSPECTOR_STEPS `s` presses. Returns the failures."""
    cases = [(dict(SEED_SCENARIO), "seed.json (one-layer file form)")]
    for index, (sizes, acts, loss, reduction, n_samples) in enumerate(INSPECTOR_CASES):
        net = inspector_scenario(rng, sizes, acts, loss, reduction, n_samples)
        cases.append((net, f"inspector-{index}.json"))
    for index, (sizes, acts, loss, reduction, n_samples, opt) in enumerate(
            INSPECTOR_OPTIMIZER_CASES):
        net = inspector_scenario(rng, sizes, acts, loss, reduction, n_samples, optimizer=opt)
        cases.append((net, f"inspector-{opt}-{index}.json"))
    failures, printed, forms = [], 0, [0, 0, 0, 0, 0, 0, 0]
    print(f"inspector pane (--snapshot --size {size} --keys): every parameter at step 0 and "
          f"after {INSPECTOR_STEPS} steps, every number against autograd")
    for scenario, name in cases:
        path = write_scenario(directory, name.split()[0], scenario)
        if "layers" in scenario:
            net = scenario
        else:  # the one-layer form, as the binary reads it: one layer
            net = {key: scenario[key] for key in ("x", "y", "learningRate", "loss", "reduction")
                   if key in scenario}
            net["layers"] = [{"w": scenario["w"], "b": scenario["b"],
                              "activation": scenario["activation"]}]
        sizes = network_sizes(net)
        # Steps 0..INSPECTOR_STEPS + 1: the Δ line shows the value after the step.
        states = reference_states(net, INSPECTOR_STEPS + 1)
        refs = {step: inspector_reference(net, states[step]) for step in (0, INSPECTOR_STEPS)}
        order = parameter_order(sizes)
        n_samples = len(net["x"])
        jobs = [(step, p % n_samples, p, parameter) for step in (0, INSPECTOR_STEPS)
                for p, parameter in enumerate(order)]

        def run(job):
            step, sample, p, _ = job
            return snapshot(binary, path, size, "s" * step + ">" * sample + "<Tab>" * p)

        with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            frames = list(pool.map(lambda job: _capture(run, job), jobs))
        tally = InspectorTally()
        for (step, sample, p, parameter), (frame, error) in zip(jobs, frames):
            _, names = inspector_names(len(sizes) - 1)
            label = (f"{name} step {step}, {names(*parameter)} (keys "
                     f"'{'s' * step}{'>' * sample}' then <Tab> ×{p})")
            body = None
            try:
                if error:
                    raise error
                problems, body = check_inspector_frame(frame, net, states, refs[step], step,
                                                       sample, parameter, tally)
                tally.frames += 1
            except FrameError as error:
                problems = [f"unreadable frame: {error}"]
                if frame:
                    body = frame.rstrip("\n").split("\n")
            for problem in problems:
                failures.append(f"{label}: {problem}")
            if problems and printed < 6 and body is not None:
                printed += 1
                print(f"--- {label}:", *problems, sep="\n    ", file=sys.stderr)
                print("\n".join("    | " + line for line in body), file=sys.stderr)
        forms = [forms[0] + tally.partial, forms[1] + tally.sigma, forms[2] + tally.elided,
                 forms[3] + tally.difference, forms[4] + tally.why, forms[5] + tally.why_words,
                 forms[6] + tally.optimizer_lines]
        ok = not any(f.startswith(name + " ") for f in failures)
        print(f"  {name.split()[0]:<18} {'-'.join(map(str, sizes)):<8} "
              f"{','.join(layer['activation'] for layer in net['layers']):<22} "
              f"{net['loss']} {net['reduction']:<4} N={n_samples} lr={net['learningRate']:<7g} "
              f"{len(order):>2} params x steps 0,{INSPECTOR_STEPS}: {tally.frames:>3} frames, "
              f"{tally.numbers:>5} numbers, worst {tally.worst:.2f} of half a unit  "
              f"{'ok' if ok else 'MISMATCH'}" + (f"  ({tally.where})" if verbose else ""))
    print(f"  forms read: {forms[0]} frames with samples hidden, {forms[1]} error lines in the "
          f"Σk form, {forms[2]} with terms left out; bce and ce: {forms[3]} sample lines "
          f"input · (ŷ - y), {forms[4]} why lines with numbers, {forms[5]} in words; "
          f"{forms[6]} optimizer state and Δ lines (momentum, nesterov, rmsprop, adam)")
    return failures


def _capture(function, job):
    """(function(job), None), or (None, the FrameError) so one bad frame does not stop the rest."""
    try:
        return function(job), None
    except FrameError as error:
        return None, error
    except subprocess.TimeoutExpired as error:
        return None, FrameError(str(error))


def build_binary(root):
    subprocess.run(["swift", "build", "-c", "release"], cwd=root, check=True)
    return os.path.join(root, ".build", "release", "backprop-tui")


def check_landscape(binary, directory, rng, steps, tol, stats):
    """`--headless --landscape x,y --grid 7x5` after `steps` steps of --data runs (with a split,
    a penalty, mini-batches, features): every cell's cost recomputed by the reference's own
    forward pass over the training samples (plus the penalty's value), from the weights the JSON
    trace ends at with the cell's two values put in; and the grid must hold the current point."""
    tally = Tally()
    cases = [
        ([4], 2, "sse", "mean", ["tanh", "sigmoid"], ["--lr", "0.5"]),
        ([3, 3], 2, "bce", "mean", ["relu", "tanh", "sigmoid"],
         ["--batch", "4", "--test-ratio", "0.25", "--l2", "0.02", "--lr", "0.3"]),
        ([5], 2, "ce", "sum", ["tanh", "softmax"],
         ["--features", "x1,x2,x1^2,x1*x2", "--l1", "0.01", "--lr", "0.05"]),
    ]
    for index, (hidden, n_in, loss, reduction, acts, extra) in enumerate(cases):
        n_samples = int(rng.integers(12, 24))
        n_out = 3 if loss == "ce" else 1
        x = np.round(rng.uniform(-1.5, 1.5, size=(n_samples, n_in)), 3)
        y = random_targets(rng, acts[-1], (n_samples, n_out), loss)
        path = write_data_csv(directory, f"landscape-{index}.csv", x, y)
        flags = ["--data", path, "--hidden", ",".join(map(str, hidden)), "--seed",
                 str(int(rng.integers(0, 2 ** 53))), "--activation", ",".join(acts), "--loss", loss,
                 "--reduction", reduction, *extra]
        sizes = [len(extra[extra.index("--features") + 1].split(",")) if "--features" in extra
                 else n_in, *hidden, n_out]
        header = network_header(sizes)[2:]
        pair = [header[i] for i in rng.choice(len(header), size=2, replace=False)]
        label = f"landscape-{index}.csv --landscape {','.join(pair)}"
        try:
            _, rows, diverged = run_binary(binary, steps, flags, fmt="json")
            if diverged:
                raise RuntimeError("diverged (exit 3)")
            cmd = [binary, "--headless", "--steps", str(steps), *flags, "--landscape", ",".join(pair),
                   "--grid", "7x5"]
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
            if done.returncode != 0:
                raise RuntimeError(f"exit {done.returncode}: {done.stderr.strip()}")
        except RuntimeError as error:
            tally.fail(f"{label}: {error}")
            continue
        split = rows[0] if "train" in rows[0] else {"train": list(range(n_samples)), "test": []}
        last = rows[-1]
        table = list(csv.reader(io.StringIO(done.stdout)))
        if table[0] != [*pair, "cost"] or len(table) != 1 + 7 * 5:
            tally.fail(f"{label}: header {table[0]} and {len(table) - 1} cells, not 35")
            continue
        feature_names = extra[extra.index("--features") + 1].split(",") if "--features" in extra else None
        inputs = np.stack([FEATURES[n](x) for n in feature_names], axis=1) if feature_names else x
        train = split["train"]
        params = []
        for layer in last["layers"]:
            params += [np.array(layer["w"], dtype=float), np.array(layer["b"], dtype=float)]
        positions = {name: divmod_position(name, sizes) for name in pair}
        current = [params[positions[n][0]][positions[n][1]] for n in pair]
        kind = "l2" if "--l2" in extra else "l1" if "--l1" in extra else None
        strength = float(extra[extra.index("--" + kind) + 1]) if kind else 0.0
        cells = [[float(v) for v in row] for row in table[1:]]
        for cell in cells:
            trial = [p.copy() for p in params]
            for name, value in zip(pair, cell[:2]):
                trial[positions[name][0]][positions[name][1]] = value
            h = inputs[train]
            for l, act in enumerate(acts):
                h = activate(act, np.dot(h, trial[2 * l]) + trial[2 * l + 1])
            want = float(loss_of(loss, h, y[train]))
            if kind and reduction == "mean":
                want /= len(train)  # the weights descend C/N + the penalty
            weights = trial[0::2]
            if kind == "l2":
                want += strength / 2 * sum(float(np.sum(w * w)) for w in weights)
            elif kind == "l1":
                want += strength * sum(float(np.sum(np.abs(w))) for w in weights)
            tally.add(abs(cell[2] - want) / max(abs(want), 1e-300), f"cell {cell[:2]}", tol, label)
        for axis in range(2):
            values = sorted({cell[axis] for cell in cells})
            half = (values[1] - values[0]) / 2
            if not values[0] - half <= current[axis] <= values[-1] + half:
                tally.fail(f"{label}: the grid's {pair[axis]} from {values[0]} to {values[-1]} "
                           f"misses the current value {current[axis]}")
        stats["landscape"] += 1
    return tally


def divmod_position(name, sizes):
    """Where the trace's column `name` (w1_2, L2_b1) is in [W¹, b¹, ..., Wᴸ, bᴸ]: (list index,
    index into that array)."""
    layer, rest = (0, name) if len(sizes) == 2 else (int(name[1:name.index("_")]) - 1,
                                                     name[name.index("_") + 1:])
    if rest.startswith("b"):
        return 2 * layer + 1, (int(rest[1:]) - 1,)
    i, j = rest[1:].split("_")
    return 2 * layer, (int(i) - 1, int(j) - 1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", help="backprop-tui to test (default: swift build -c release)")
    parser.add_argument("--seed", type=int, default=2024, help="random seed (default 2024)")
    parser.add_argument("--trials", type=int, default=6,
                        help="one-layer scenarios per activation x loss x reduction (default 6)")
    parser.add_argument("--net-trials", type=int, default=8,
                        help="random networks per loss x reduction (default 8)")
    parser.add_argument("--optimizer-trials", type=int, default=6,
                        help="random networks per optimizer (default 6)")
    parser.add_argument("--steps", type=int, default=50, help="steps per scenario (default 50)")
    parser.add_argument("--tol", type=float, default=1e-9, help="relative tolerance")
    parser.add_argument("--keep", action="store_true", help="keep the scenario files")
    parser.add_argument("--verbose", action="store_true", help="say where each worst error is")
    parser.add_argument("--inspector", action="store_true",
                        help="check the screen's inspector pane (--snapshot --keys) instead")
    parser.add_argument("--size", default="240x60",
                        help="with --inspector: the terminal size to draw (default 240x60)")
    args = parser.parse_args()

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    binary = os.path.abspath(args.binary) if args.binary else build_binary(root)
    rng = np.random.default_rng(args.seed)
    directory = tempfile.mkdtemp(prefix="check-autodiff-")
    failed = []
    overall = 0.0

    if args.inspector:
        failed = check_inspector(binary, directory, rng, args.size, args.verbose)
        return finish(failed, directory, args.keep)

    print(f"one layer: {args.trials} random scenarios x {args.steps} steps per combination, "
          f"seed {args.seed}, tolerance {args.tol:g}")
    if args.trials > 0:
        print(f"{'activation':<10} {'loss':<5} {'reduction':<9} {'max rel err':>11}  result")
        for combo in valid_combinations():
            worst, where = check_combination(binary, directory, rng, combo, args.trials,
                                             args.steps, args.tol)
            overall = max(overall, worst)
            ok = worst <= args.tol
            print(f"{combo[0]:<10} {combo[1]:<5} {combo[2]:<9} {worst:>11.2e}  "
                  f"{'ok' if ok else 'MISMATCH'}" + (f"  {where}" if args.verbose else ""))
            if not ok:
                failed.append(f"{'/'.join(combo)}: {where} (rel {worst:.3g})")

    stats = {"networks": 0, "layers": {2: 0, 3: 0, 4: 0}, "stopped at a relu kink": 0, "grad norm rows": 0,
             "rows": 0, "json": 0, "data": 0, "data splitmix": 0, "data shortened": 0}
    if args.net_trials > 0:
        print(f"networks of 2 to 4 layers: {args.net_trials} random networks x up to {args.steps} "
              f"steps per combination")
        print(f"{'loss':<5} {'reduction':<9} {'networks':>8} {'max rel err':>11}  result")
        for combo in itertools.product(LOSSES, REDUCTIONS):
            tally = check_network_combination(binary, directory, rng, combo, args.net_trials,
                                              args.steps, args.tol, stats)
            overall = max(overall, tally.worst)
            ok = not tally.failures
            print(f"{combo[0]:<5} {combo[1]:<9} {tally.count:>8} {tally.worst:>11.2e}  "
                  f"{'ok' if ok else 'MISMATCH'}" + (f"  {tally.where}" if args.verbose else ""))
            failed += tally.failures
        print(f"  {stats['networks']} networks ({stats['layers'][2]} of 2 layers, "
              f"{stats['layers'][3]} of 3, {stats['layers'][4]} of 4), {stats['rows']} rows; "
              f"{stats['stopped at a relu kink']} compared only up to a relu pre-activation "
              f"within {KINK_GAP:g} of 0")

    stats.update({"optimizer runs": 0, "compare": 0})
    if args.optimizer_trials > 0:
        tally = check_optimizers(binary, directory, rng, args.optimizer_trials, args.steps,
                                 args.tol, stats)
        overall = max(overall, tally.worst)
        print(f"optimizers {', '.join(OPTIMIZERS)}: {stats['optimizer runs']} random networks "
              f"(every loss, random reductions and hyperparameters) and --compare of all five, "
              f"max rel err {tally.worst:.2e}  {'ok' if not tally.failures else 'MISMATCH'}"
              + (f"  {tally.where}" if args.verbose else ""))
        failed += tally.failures

    tally = check_data(binary, directory, rng, args.steps, args.tol, stats)
    overall = max(overall, tally.worst)
    print(f"--data CSV with --hidden and --seed: {stats['data']} runs, max rel err "
          f"{tally.worst:.2e}, step 0 within ±1/√fan-in "
          f"({stats['data splitmix']} of {stats['data']} exactly SplitMix64's numbers), "
          f"{stats['data shortened']} shortened  "
          f"{'ok' if not tally.failures else 'MISMATCH'}"
          + (f"  {tally.where}" if args.verbose else ""))
    json_ok = not any("--format json" in f for f in failed + tally.failures)
    print(f"--format json for networks: {stats['json']} runs print exactly the CSV's numbers  "
          f"{'ok' if json_ok else 'MISMATCH'}")
    failed += tally.failures

    stats["training"] = 0
    stats["accuracy cells"] = 0
    tally = check_training(binary, directory, rng, args.steps, args.tol, stats)
    overall = max(overall, tally.worst)
    print(f"--batch, --no-shuffle, --test-ratio, --l1/--l2, --features: {stats['training']} runs "
          f"replaying the binary's split and batches, max rel err {tally.worst:.2e}; "
          f"{stats['grad norm rows']} records' grad_norms against autograd at their weights, "
          f"{stats['accuracy cells']} accuracy cells against its ŷ  "
          f"{'ok' if not tally.failures else 'MISMATCH'}" + (f"  {tally.where}" if args.verbose else ""))
    failed += tally.failures

    stats["landscape"] = 0
    tally = check_landscape(binary, directory, rng, args.steps, args.tol, stats)
    overall = max(overall, tally.worst)
    print(f"--landscape: {stats['landscape']} grids of 35 cells recomputed from the trace's last "
          f"weights (training samples; with a penalty the objective descended), max rel err {tally.worst:.2e}  "
          f"{'ok' if not tally.failures else 'MISMATCH'}" + (f"  {tally.where}" if args.verbose else ""))
    failed += tally.failures

    golden_failures, seed_err, golden_err = check_golden(binary, directory, args.tol)
    overall = max(overall, golden_err)
    print(f"seed preset: article's costs at steps 1, 2, 3, 1000 "
          f"{'ok' if not any('preset' in f for f in golden_failures) else 'MISMATCH'}; "
          f"1000 steps vs autograd max rel err {seed_err:.2e}")
    kink_one = not any(f.startswith("relu at exactly 0 (") for f in golden_failures)
    kink_network = not any("in a network" in f for f in golden_failures)
    print(f"relu at exactly 0: {'ok' if kink_one else 'MISMATCH'}; "
          f"in a network: {'ok' if kink_network else 'MISMATCH'}")
    failed += golden_failures

    print(f"max rel err over every comparison {overall:.2e}")
    return finish(failed, directory, args.keep)


def finish(failed, directory, keep):
    """Keeps the scenario files when asked or when something failed, lists the failures, and
    returns the exit status."""
    if keep or failed:
        print(f"scenario files kept in {directory}")
    else:
        for name in os.listdir(directory):
            os.remove(os.path.join(directory, name))
        os.rmdir(directory)
    for failure in failed:
        print("FAIL", failure, file=sys.stderr)
    print("all match" if not failed else f"{len(failed)} mismatch(es)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
