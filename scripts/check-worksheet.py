#!/usr/bin/env python3
"""Check backprop-tui's worksheets against an independent automatic-differentiation library.

For each seed (and each variant of shape, activation, loss and reduction), the built binary
prints `--worksheet --answers --format md`; this script reads back the printed givens (the
samples, every W and b, g of each layer, the loss, the reduction and lr) and the printed
answers, and works the step again with numpy for the forward pass and `autograd` for every
gradient: ∂C/∂a of each layer (δ), ∂C/∂h of each hidden layer (e), ∂C/∂W, ∂C/∂b, and the new
W and b under the printed reduction. Every printed answer must be within 0.5e-4 (+1e-12) of
the value worked from the printed givens, and equal to that value rounded half away from zero
to 4 decimals unless the value lies within 1e-9 of a tie.

    python3 scripts/check-worksheet.py [--binary .build/debug/backprop-tui] [--seeds 200]
"""
import argparse
import decimal
import re
import subprocess
import sys

import autograd.numpy as np
from autograd import grad

SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹"

VARIANTS = [
    [],
    ["--hidden", "none"],
    ["--hidden", "3,3", "--activation", "tanh"],
    ["--hidden", "3", "--activation", "relu,linear", "--loss", "sse"],
    ["--activation", "tanh,sigmoid", "--loss", "bce", "--reduction", "mean"],
    ["--reduction", "seed", "--lr", "0.1"],
]
PRESETS = [["--preset", "seed"], ["--preset", "xor"], ["--preset", "xor-hidden"],
           ["--preset", "circle", "--batch", "4"], ["--preset", "gauss", "--batch", "3", "--seed", "5"]]


def unescape(line):
    return re.sub(r"\\(.)", r"\1", line)


def parse(markdown):
    sheet = {"layers": [], "questions": []}
    lines = markdown.split("\n")
    context, pending, i = None, None, 0
    while i < len(lines):
        line = unescape(lines[i])
        if line.startswith("|"):
            rows = []
            while i < len(lines) and lines[i].startswith("|"):
                rows.append([c.strip() for c in unescape(lines[i]).split("|")[1:-1]])
                i += 1
            table = {"columns": rows[0][1:], "rows": [r[0] for r in rows[2:]], "cells": [r[1:] for r in rows[2:]]}
            if context == "samples":
                sheet["samples"] = table
            elif context == "layer":
                sheet["layers"].append(table)
            else:
                sheet["questions"].append((pending, table))
            context = None
            continue
        if line.startswith("- The network: "):
            sheet["activations"] = re.findall(r"\(([a-z]+)\)", line)
        elif line.startswith("- Loss "):
            sheet["loss"] = line[7:].split(":")[0]
        elif line.startswith("- Reduction "):
            sheet["reduction"] = re.match(r"- Reduction (\w+)", line).group(1)
        elif line.startswith("- Learning rate: lr = "):
            sheet["lr"] = float(line[22:])
        elif line.startswith("**Samples**"):
            context = "samples"
        elif line.startswith("**Layer ") or line.startswith("**The layer"):
            context = "layer"
        elif line.startswith("### "):
            pending = re.match(r"### \d+\. (.*)", line).group(1)
        i += 1
    return sheet


def g(name, a):
    if name == "sigmoid":
        return 1 / (1 + np.exp(-a))
    if name == "tanh":
        return np.tanh(a)
    if name == "relu":
        return np.maximum(0, a)
    if name == "linear":
        return a
    e = np.exp(a - np.max(a, axis=1, keepdims=True))
    return e / np.sum(e, axis=1, keepdims=True)


def cost(loss, y_hat, y):
    if loss == "sse":
        return np.sum((y_hat - y) ** 2)
    if loss == "mse":
        return np.sum((y_hat - y) ** 2) / y.size
    if loss == "bce":
        return -np.sum(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))
    return -np.sum(y * np.log(y_hat))


def truth(sheet):
    samples = sheet["samples"]
    values = np.array([[float(c) for c in row] for row in samples["cells"]])
    xs = [k for k, c in enumerate(samples["columns"]) if c.startswith("x")]
    ys = [k for k, c in enumerate(samples["columns"]) if c.startswith("y")]
    x, y = values[:, xs], values[:, ys]
    W = [np.array([[float(c) for c in row] for row in t["cells"][:-1]]) for t in sheet["layers"]]
    b = [np.array([float(c) for c in t["cells"][-1]]) for t in sheet["layers"]]
    acts, loss, n = sheet["activations"], sheet["loss"], x.shape[0]
    L = len(W)

    def forward(params, shifts=None):
        h, a_s, h_s = x, [], []
        for l in range(L):
            a = np.dot(h, params[2 * l]) + params[2 * l + 1]
            if shifts is not None:
                a = a + shifts[l]
            h = g(acts[l], a)
            a_s.append(a)
            h_s.append(h)
        return a_s, h_s

    params = [p for l in range(L) for p in (W[l], b[l])]
    a_s, h_s = forward(params)
    C = cost(loss, h_s[-1], y)
    # δˡ = ∂C/∂aˡ: the gradient with respect to a shift added to each layer's a.
    zeros = [np.zeros_like(a) for a in a_s]
    deltas = grad(lambda s: cost(loss, forward(params, s)[1][-1], y))(zeros)

    # eˡ = ∂C/∂hˡ: the gradient of the rest of the network with respect to a hidden layer's h.
    def rest(h, l):
        for k in range(l + 1, L):
            h = g(acts[k], np.dot(h, W[k]) + b[k])
        return cost(loss, h, y)

    errors = [grad(rest)(h_s[l], l) if l < L - 1 else None for l in range(L)]
    gradients = grad(lambda p: cost(loss, forward(p)[1][-1], y))(params)
    red = sheet["reduction"]
    new = []
    for l in range(L):
        gw, gb = gradients[2 * l], gradients[2 * l + 1]
        new.append((W[l] - sheet["lr"] * gw / (n if red == "mean" else 1),
                    b[l] - sheet["lr"] * gb / (1 if red == "sum" else n)))
    return dict(a=a_s, h=h_s, C=C, delta=deltas, e=errors, gradients=gradients, new=new, L=L)


def expected(title, t):
    found = [SUPERSCRIPTS.index(ch) for ch in title if ch in SUPERSCRIPTS]
    layer = found[0] if found else 0
    if title.startswith("C,"):
        return np.array([[t["C"]]])
    for prefix, value in [("a", lambda: t["a"][layer]), ("h", lambda: t["h"][layer]), ("ŷ", lambda: t["h"][layer]),
                          ("e", lambda: t["e"][layer]), ("δ", lambda: t["delta"][layer]),
                          ("∂C/∂W", lambda: t["gradients"][2 * layer]),
                          ("∂C/∂b", lambda: t["gradients"][2 * layer + 1][None, :]),
                          ("new W", lambda: t["new"][layer][0]), ("new b", lambda: t["new"][layer][1][None, :])]:
        if title.startswith(prefix):
            return value()
    raise ValueError("unknown question: " + title)


def half_away(value):
    d = decimal.Decimal(float(value)).quantize(decimal.Decimal("0.0001"), rounding=decimal.ROUND_HALF_UP)
    text = format(d, "f")
    return "0.0000" if text == "-0.0000" else text


def check(binary, arguments):
    result = subprocess.run([binary, "--worksheet", "--answers", "--format", "md"] + arguments,
                            capture_output=True, text=True)
    if result.returncode != 0:
        return [f"{arguments}: status {result.returncode}: {result.stderr.strip()}"], 0
    sheet = parse(result.stdout)
    t = truth(sheet)
    problems, count = [], 0
    if len(sheet["questions"]) != 8 * t["L"]:
        problems.append(f"{arguments}: {len(sheet['questions'])} questions for {t['L']} layers")
    for title, table in sheet["questions"]:
        want = np.array(expected(title, t))
        cells = table["cells"]
        if want.shape != (len(cells), len(cells[0])):
            problems.append(f"{arguments} {title}: shape {len(cells)}x{len(cells[0])}, expected {want.shape}")
            continue
        for r, row in enumerate(cells):
            for c, cell in enumerate(row):
                true = float(want[r, c])
                count += 1
                if abs(float(cell) - true) > 0.5e-4 + 1e-12:
                    problems.append(f"{arguments} {title} [{r},{c}]: printed {cell}, true {true!r}")
                scaled = abs(true) * 1e4
                if abs(scaled - np.floor(scaled) - 0.5) > 1e-5 and cell != half_away(true):
                    problems.append(f"{arguments} {title} [{r},{c}]: printed {cell}, rounds to {half_away(true)}")
    return problems, count


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=".build/debug/backprop-tui")
    parser.add_argument("--seeds", type=int, default=200)
    options = parser.parse_args()
    runs = [["--seed", str(s)] for s in range(1, options.seeds + 1)]
    runs += [["--seed", str(s)] + v for v in VARIANTS[1:] for s in range(1, options.seeds // 10 + 1)]
    runs += PRESETS
    problems, answers = [], 0
    for arguments in runs:
        found, count = check(options.binary, arguments)
        problems += found
        answers += count
    for problem in problems[:40]:
        print(problem)
    print(f"{len(runs)} worksheets, {answers} answers checked against autograd: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
