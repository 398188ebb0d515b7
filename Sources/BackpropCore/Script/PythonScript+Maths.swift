extension PythonScript {
    /// `matmul`, `total` and `column_sums`: numpy's `@` and sums, each sum added in the
    /// program's order (`LayerKernel`: every output's sum on its own, term after term).
    var orderedSumLines: [String] {
        [
            "# " + rule("sums in the program's order"),
            "def matmul(A, B):",
            "    \"\"\"A @ B, each entry's sum added term after term in the order of k, from 0, as the program",
            "    adds it. (numpy's @ hands the sums to BLAS, which adds in blocks: other last bits.)\"\"\"",
            "    out = np.zeros((A.shape[0], B.shape[1]))",
            "    for k in range(A.shape[1]):",
            "        out += A[:, k:k + 1] * B[k]",
            "    return out",
            "",
            "",
            "def total(values):",
            "    \"\"\"The sum of every entry, row after row, one after another from 0, as the program adds it.",
            "    (np.sum adds pairwise; a running sum, np.cumsum, adds in order.)\"\"\"",
            "    return 0.0 + float(np.cumsum(values.ravel())[-1]) if values.size else 0.0",
            "",
            "",
            "def column_sums(values):",
            "    \"\"\"Each column's sum over the rows (the samples), row after row, from 0.\"\"\"",
            "    return 0.0 + np.cumsum(values, axis=0)[-1]",
            "",
            "",
            "def row_sums(values):",
            "    \"\"\"Each row's sum, column after column, from 0.\"\"\"",
            "    return 0.0 + np.cumsum(values, axis=1)[:, -1]",
        ]
    }

    /// `c_map` and the functions of C's maths library the scenario uses.
    var functionsOfC: [String] {
        var lines = [
            "# " + rule("C's functions"),
            "def c_map(function, a):",
            "    \"\"\"function, one of C's from the math module, applied to every entry of a. (np.exp and",
            "    np.tanh are numpy's own vectorised approximations, which can round the last bit otherwise.)\"\"\"",
            "    return np.fromiter(map(function, a.ravel()), dtype=float, count=a.size).reshape(a.shape)",
        ]
        if usesExp {
            lines += [
                "",
                "",
                "def c_exp_of(v):",
                "    \"\"\"e^v by C's exp: inf where it overflows (math.exp raises an error instead).\"\"\"",
                "    try:",
                "        return math.exp(v)",
                "    except OverflowError:",
                "        return math.inf",
                "",
                "",
                "def c_exp(a):",
                "    \"\"\"e^a of every entry, by C's exp.\"\"\"",
                "    if a.size and a.max() > 709.0:  # e^709.8 overflows",
                "        return c_map(c_exp_of, a)",
                "    return c_map(math.exp, a)",
            ]
        }
        return lines
    }

    /// Whether some activation or the loss needs exp.
    private var usesExp: Bool {
        scenario.network.activations.contains { $0 == .sigmoid || $0 == .softmax } || scenario.loss.isClassification
    }

    /// g and g' of every activation the network uses, once each, in the order of the layers.
    var activationLines: [String] {
        var lines = ["# " + rule("the activations")]
        var seen: [Activation] = []
        for activation in scenario.network.activations where !seen.contains(activation) {
            seen.append(activation)
            if seen.count > 1 { lines += ["", ""] }
            lines += Self.activationFunctions(activation)
        }
        return lines
    }

    /// The Python of g (and g', from a and h = g(a)) for `activation`: `Activation.value` and
    /// `derivative`, operation for operation.
    static func activationFunctions(_ activation: Activation) -> [String] {
        switch activation {
        case .sigmoid:
            return [
                "def sigmoid(a):",
                "    \"\"\"g(a) = 1 / (1 + e^-a).\"\"\"",
                "    return 1.0 / (1.0 + c_exp(-a))",
                "",
                "",
                "def sigmoid_derivative(a, h):",
                "    \"\"\"g'(a) = g(a)(1 - g(a)), from h = g(a).\"\"\"",
                "    return h * (1.0 - h)",
            ]
        case .tanh:
            return [
                "def tanh(a):",
                "    \"\"\"g(a) = tanh(a), by C's tanh.\"\"\"",
                "    return c_map(math.tanh, a)",
                "",
                "",
                "def tanh_derivative(a, h):",
                "    \"\"\"g'(a) = 1 - g(a)^2, from h = g(a).\"\"\"",
                "    return 1.0 - h * h",
            ]
        case .relu:
            return [
                "def relu(a):",
                "    \"\"\"g(a) = max(0, a).\"\"\"",
                "    return np.where(a > 0, a, 0.0)",
                "",
                "",
                "def relu_derivative(a, h):",
                "    \"\"\"g'(a) = 1 for a > 0, else 0 (0 at a = 0).\"\"\"",
                "    return np.where(a > 0, 1.0, 0.0)",
            ]
        case .linear:
            return [
                "def linear(a):",
                "    \"\"\"g(a) = a.\"\"\"",
                "    return a",
                "",
                "",
                "def linear_derivative(a, h):",
                "    \"\"\"g'(a) = 1.\"\"\"",
                "    return np.ones_like(a)",
            ]
        case .softmax:
            return [
                "def softmax(a):",
                "    \"\"\"yhat_j = e^(a_j - m) / sum over k of e^(a_k - m) for each sample (row), m its largest a:",
                "    the shift changes nothing but keeps every e^ at most 1, so none overflows.\"\"\"",
                "    e = c_exp(a - a.max(axis=1, keepdims=True))",
                "    return e / row_sums(e)[:, None]",
            ]
        }
    }
}
