extension PythonScript {
    /// `forward(x)`: aˡ = hˡ⁻¹Wˡ + bˡ and hˡ = gˡ(aˡ), layer after layer.
    var forwardLines: [String] {
        var lines = [
            "# " + rule("forward"),
            "def forward(x):",
            "    \"\"\"The forward pass of every sample (a row of x): each layer's a = h W + b, h the layer",
            "    below's output (x for the first), then its output h = g(a); the last h is the prediction",
            "    yhat. Returns every a and h, which the backward pass needs.\"\"\"",
        ]
        for l in 1...layerCount {
            lines.append("    a\(l) = matmul(\(input(l)), W\(l)) + b\(l)")
            lines.append("    \(output(l)) = \(activation(l).rawValue)(a\(l))")
        }
        lines.append("    return " + forwardValues.joined(separator: ", "))
        return lines
    }

    /// `cost(...)`: C of a set of samples, as `LayerKernel.forwardOutput` adds it up.
    var costLines: [String] {
        let last = layerCount
        var lines = ["# " + rule("cost")]
        switch scenario.loss {
        case .sse, .mse:
            lines += [
                "def cost(yhat, y):",
                scenario.loss == .sse
                    ? "    \"\"\"C = the sum of the squared errors (yhat - y)^2 over every sample and output.\"\"\""
                    : "    \"\"\"C = the mean of the squared errors (yhat - y)^2 over every sample and output.\"\"\"",
                "    error = yhat - y",
                scenario.loss == .sse ? "    return total(error * error)" : "    return total(error * error) / y.size",
            ]
        case .bce:
            lines += [
                "def cost(a\(last), y):",
                "    \"\"\"C = -sum of y log(yhat) + (1 - y) log(1 - yhat), yhat = sigmoid(a), over every sample and",
                "    output, written in a as max(a, 0) - y a + log(1 + e^-|a|): no exp overflows and no log",
                "    sees 0, so a confident wrong answer costs a large number rather than inf.\"\"\"",
                "    return total(np.maximum(a\(last), 0.0) - y * a\(last) + c_map(math.log1p, c_exp(-np.abs(a\(last)))))",
            ]
        case .ce:
            lines += [
                "def cost(a\(last), y):",
                "    \"\"\"C = -sum of y log(yhat) over every sample and class, yhat = softmax(a), written as",
                "    -sum of y (a - m - log(sum of e^(a - m))), m each sample's largest a: no log sees 0.",
                "    A class whose y is 0 adds nothing (not 0 times -inf).\"\"\"",
                "    shift = a\(last).max(axis=1)",
                "    log_sum = c_map(math.log, row_sums(c_exp(a\(last) - shift[:, None])))",
                "    per_sample = np.zeros(len(a\(last)))",
                "    for j in range(a\(last).shape[1]):",
                "        term = y[:, j] * (a\(last)[:, j] - shift - log_sum)",
                "        per_sample = per_sample - np.where(y[:, j] != 0, term, 0.0)",
                "    return total(per_sample)",
            ]
        }
        return lines
    }

    /// What `cost` is called with: ŷ for the squared errors, the output's a for the
    /// cross-entropies (their stable forms).
    var costArgument: String {
        scenario.loss.isClassification ? "a\(layerCount)" : "yhat"
    }

    /// `output_delta`, `gradients`, `send_error_back` and `backward`.
    var backwardLines: [String] {
        let last = layerCount
        var lines = ["# " + rule("backward")]
        switch scenario.loss {
        case .sse, .mse:
            let gradient = scenario.loss == .sse ? "2 * (yhat - y)" : "2 * (yhat - y) / y.size"
            let name = activation(last).rawValue
            lines += [
                "def output_delta(a\(last), yhat, y):",
                "    \"\"\"The output layer's delta, g'(a) * dC/dyhat, with dC/dyhat = \(gradient).\"\"\"",
                "    return \(name)_derivative(a\(last), yhat) * (\(gradient))",
            ]
        case .bce, .ce:
            lines += [
                "def output_delta(a\(last), yhat, y):",
                "    \"\"\"The output layer's delta: yhat - y, because with \(scenario.loss.rawValue) and \(activation(last).rawValue) g'(a) cancels",
                "    against dC/dyhat.\"\"\"",
                "    return yhat - y",
            ]
        }
        lines += [
            "",
            "",
            "def gradients(h, d):",
            "    \"\"\"A layer's gradients from its delta d and its input h: dC/dW = h.T @ d, and dC/db = the",
            "    sum of d over the samples.\"\"\"",
            "    return matmul(h.T, d), column_sums(d)",
            "",
            "",
            "def send_error_back(d, W):",
            "    \"\"\"The error sent to the layer below, e = d @ W.T: with W as it was before the step.\"\"\"",
            "    return matmul(d, W.T)",
            "",
            "",
            "def backward(x, y, \(forwardValues.joined(separator: ", "))):",
            "    \"\"\"The backward pass, from the output layer down: each layer's delta d, its gradients dW",
            "    and db, and the error e it sends to the layer below. Returns every gradient.\"\"\"",
            "    d\(last) = output_delta(a\(last), yhat, y)",
        ]
        for l in stride(from: last, through: 1, by: -1) {
            if l < last {
                lines.append("    d\(l) = \(activation(l).rawValue)_derivative(a\(l), h\(l)) * e\(l)")
            }
            lines.append("    dW\(l), db\(l) = gradients(\(input(l)), d\(l))")
            if l > 1 { lines.append("    e\(l - 1) = send_error_back(d\(l), W\(l))") }
        }
        lines.append("    return " + gradientNames.joined(separator: ", "))
        return lines
    }
}
