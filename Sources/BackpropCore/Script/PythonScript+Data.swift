extension PythonScript {
    /// The opening comments: how the script was made, how to run it, what it prints and why
    /// its numbers are the program's.
    var header: [String] {
        let shape = scenario.network.shapeDescription
        let activations = scenario.network.activations.map(\.rawValue).joined(separator: ", ")
        return [
            "#!/usr/bin/env python3",
            "# \(TerminalSafe.escaped(origin))",
            "#",
            "# The run above, written out in numpy: a \(shape) network (\(activations)), loss \(scenario.loss.rawValue),",
            "# trained one gradient-descent step at a time the way backprop-tui trains it. Needs Python 3.9",
            "# or later and numpy. Run it as",
            "#",
            "#     python3 this-script.py [STEPS]",
            "#",
            "# It prints a CSV line for step 0 and one after each step, with these columns of",
            "# `backprop-tui --headless --format csv` (which prints more after them):",
            "#",
            "#     \(columns.joined(separator: ","))",
            "#",
            "# Trained for as many steps, both print the same numbers: every sum below adds its terms",
            "# in the order the program adds them, and exp, tanh, log and sin are C's (the math",
            "# module), as the program's are. numpy's @ and np.sum would add in another order, and",
            "# np.exp and np.tanh can round the last bit otherwise: over a thousand steps a last bit",
            "# can grow into a visible difference.",
            "#",
            "# One step, in the phases the walk (n) shows:",
        ] + phaseSummary.map { "#   " + $0 }
    }

    /// One line a phase for the header: what `forward`, `cost`, `backward` and `update` do.
    private var phaseSummary: [String] {
        let forward = (1...layerCount).map { l in
            "a\(l) = \(input(l)) @ W\(l) + b\(l), \(output(l)) = \(activation(l).rawValue)(a\(l))"
        }
        var backward: [String] = []
        for l in stride(from: layerCount, through: 1, by: -1) {
            let delta: String
            if l == layerCount {
                delta = scenario.loss.isClassification ? "d\(l) = yhat - y" : "d\(l) = g'(a\(l)) * dC/dyhat"
            } else {
                delta = "d\(l) = g'(a\(l)) * e\(l)"
            }
            var line = "\(delta), dW\(l) = \(input(l)).T @ d\(l), db\(l) = sum of d\(l) over the samples"
            if l > 1 { line += ", e\(l - 1) = d\(l) @ W\(l).T" }
            backward.append(line)
        }
        let cost: String
        switch scenario.loss {
        case .sse: cost = "C = sum of (yhat - y)^2"
        case .mse: cost = "C = mean of (yhat - y)^2"
        case .bce: cost = "C = -sum of y log(yhat) + (1 - y) log(1 - yhat)"
        case .ce: cost = "C = -sum of y log(yhat)"
        }
        return ["forward   " + forward[0]] + forward.dropFirst().map { "          " + $0 }
            + ["cost      " + cost]
            + ["backward  " + backward[0]] + backward.dropFirst().map { "          " + $0 }
            + ["update    every W and b moved by the optimizer from its gradient (W -= lr * dW for sgd)"]
    }

    /// The imports, numpy's warnings turned off, and the step count.
    var imports: [String] {
        [
            "import math",
            "import sys",
            "",
            "import numpy as np",
            "",
            "# A run that diverges overflows to inf and NaN, as the program's does, and the loop stops on",
            "# it (see diverged()): numpy need not warn on the way.",
            "np.seterr(all=\"ignore\")",
            "",
            "# How many steps to train (the program's --steps); `python3 this-script.py 50` trains 50.",
            "STEPS = \(steps)",
            "if len(sys.argv) > 1:",
            "    STEPS = int(sys.argv[1])",
        ]
    }

    /// The data: x (or the points x1, x2 and the features computed from them) and y, the
    /// samples held out to test, and the training and test sets.
    var dataLines: [String] {
        var lines = ["# " + rule("the data")]
        if let features = scenario.features {
            lines += [
                "# The data's points, x1 and x2, one sample a row."
            ]
            lines += PythonLiteral.assignment("points", scenario.dataInputs.rowArrays, wholeAsInteger: true)
            lines += [
                "",
                "",
                "def features(points):",
                "    \"\"\"The inputs the network sees, computed from x1 and x2 (--features \(features.map(\.rawValue).joined(separator: ","))).\"\"\"",
                "    x1, x2 = points[:, 0], points[:, 1]",
                "    return np.column_stack([\(features.map(Self.featureExpression).joined(separator: ", "))])",
                "",
                "",
                "# x: the inputs the network sees, one sample a row.",
                "x = features(points)",
            ]
        } else {
            var comment = "# x: the inputs the network sees, one sample a row"
            if let image = scenario.image {
                comment += " (a picture of \(image.description) pixels, row after row)"
            }
            lines.append(comment + ".")
            lines += PythonLiteral.assignment("x", scenario.inputs.rowArrays, wholeAsInteger: true)
        }
        lines.append("# y: the targets, a row for each sample.")
        lines += PythonLiteral.assignment("y", scenario.targets.rowArrays, wholeAsInteger: true)
        lines.append("")
        if hasTest {
            lines += [
                "# The samples held out to test (rows of x, from 0): they never train, and the test cost says",
                "# how the network does on data it never saw. The rest train, in the data's order.",
            ]
            let test = PythonLiteral.list(scenario.split.test)
            lines += ["TEST = " + test[0]] + test.dropFirst()
            lines += [
                "HELD = set(TEST)",
                "TRAIN = [s for s in range(len(x)) if s not in HELD]",
                "x_train, y_train = x[TRAIN], y[TRAIN]",
                "x_test, y_test = x[TEST], y[TEST]",
            ]
        } else {
            lines += [
                "# Every sample trains, in the data's order.",
                "TRAIN = list(range(len(x)))",
                "x_train, y_train = x, y",
            ]
        }
        return lines
    }

    /// The Python expression of one feature, from the columns `x1` and `x2`: the program's
    /// formula (`Feature.value`), sin by C's.
    static func featureExpression(_ feature: Feature) -> String {
        switch feature {
        case .x1: return "x1"
        case .x2: return "x2"
        case .x1Squared: return "x1 * x1"
        case .x2Squared: return "x2 * x2"
        case .product: return "x1 * x2"
        case .sineOfX1: return "np.array([math.sin(v) for v in x1])"
        case .sineOfX2: return "np.array([math.sin(v) for v in x2])"
        }
    }

    /// `------ title` as a section's rule, 96 columns wide.
    func rule(_ title: String) -> String {
        String(repeating: "-", count: max(3, 94 - title.count - 1)) + " " + title
    }
}
