import Foundation
import Testing

/// `--emit python`: the script it prints, run by python3 with numpy, prints the costs (and the
/// test costs, accuracies, penalty, epoch and batch) of `--headless --format csv` for the same
/// flags, to 1e-12 relative, over a matrix of scenarios: every preset, each optimizer, loss,
/// reduction and activation, mini-batches, penalties, features and a test split.
@Suite("--emit python")
struct PythonScriptCommandLineTests {
    /// The tolerance the README states: every cost within 1e-12 of the program's, relative.
    static let tolerance = 1e-12

    /// Scenarios as flags, each trained for its steps: the default 1000 where a run is quick,
    /// and for overfit (whose flipped labels make its run the most sensitive: with numpy's @,
    /// np.sum and np.exp its cost drifts 78% away by step 889) and Adam on the circle (4.7e-12
    /// by step 494 that way); fewer for the larger data.
    static let scenarios: [[String]] = [
        [],
        ["--preset", "and"],
        ["--preset", "xor", "--loss", "bce"],
        ["--preset", "xor-hidden"],
        ["--preset", "circle"],
        ["--preset", "spiral", "--steps", "200"],
        ["--preset", "rings", "--steps", "300"],
        ["--preset", "gauss", "--steps", "500"],
        ["--preset", "overfit"],
        ["--preset", "deep-sigmoid", "--steps", "200"],
        ["--preset", "digits", "--steps", "20"],
        // Each optimizer, one with numbers of its own.
        ["--preset", "xor-hidden", "--optimizer", "momentum"],
        ["--preset", "xor-hidden", "--optimizer", "nesterov", "--momentum", "0.5"],
        ["--preset", "circle", "--optimizer", "rmsprop", "--lr", "0.01", "--steps", "300"],
        ["--preset", "circle", "--optimizer", "adam", "--lr", "0.05", "--beta1", "0.8", "--epsilon", "1e-6"],
        // Losses, reductions and activations on the article's network.
        ["--loss", "mse", "--reduction", "sum"],
        ["--activation", "tanh", "--reduction", "mean"],
        ["--activation", "relu", "--lr", "0.01"],
        ["--activation", "linear", "--lr", "0.01"],
        // Mini-batches, penalties, features and a split.
        ["--preset", "circle", "--batch", "8", "--epochs", "30"],
        ["--preset", "circle", "--batch", "7", "--no-shuffle", "--steps", "300"],
        ["--preset", "overfit", "--l1", "0.01", "--optimizer", "adam", "--lr", "0.01", "--steps", "300"],
        ["--preset", "overfit", "--l2", "0.01", "--batch", "5", "--steps", "300"],
        [
            "--preset", "circle", "--features", "x1^2,x2^2,x1*x2,sin(x1),sin(x2),x1,x2", "--hidden", "3", "--steps",
            "300",
        ],
        [
            "--preset", "gauss", "--test-ratio", "0.3", "--hidden", "4,3", "--activation", "relu,tanh,sigmoid",
            "--steps", "300",
        ],
    ]

    @Test("the script prints the costs of --headless --format csv to 1e-12", arguments: scenarios)
    func matchesHeadless(flags: [String]) throws {
        try Self.compare(flags, status: 0)
    }

    @Test("a saved run carries on: what the optimizer remembers, its step t, the epoch and the place in it")
    func savedState() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("emit-saved-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("saved.json")
        try """
        {"x": [[0, 0], [0, 1], [1, 0], [1, 1]], "y": [[0], [1], [1], [0]],
         "layers": [{"w": [[0.5, -0.4], [0.2, 0.6]], "b": [0.1, -0.1], "activation": "tanh"},
                    {"w": [[0.7], [-0.6]], "b": [0], "activation": "sigmoid"}],
         "learningRate": 0.1, "seed": 7, "batchSize": 3, "epoch": 2, "samplesIntoEpoch": 3,
         "optimizer": {"name": "adam", "step": 3,
                       "m": [0.01, -0.02, 0.03, 0.004, -0.005, 0.006, 0.07, -0.08, 0.009],
                       "v": [1e-4, 2e-4, 3e-5, 4e-4, 5e-6, 6e-4, 7e-4, 8e-5, 9e-4]}}
        """.write(to: file, atomically: true, encoding: .utf8)
        let script = try ExecutableUnderTest.run(["--emit", "python", "--scenario", file.path, "--steps", "1"]).stdout
        #expect(script.contains("\nt = 3\n") && script.contains("\nepoch, used = 2, 3\n"))
        try Self.compare(["--scenario", file.path, "--steps", "200"], status: 0)
    }

    @Test("a run that diverges: both stop after the same step, with status 3")
    func diverging() throws {
        try Self.compare(["--activation", "linear", "--lr", "10"], status: 3)
    }

    /// Emits the script of `flags`, runs it, and holds every line it prints to the line of
    /// `--headless --format csv` for the same step: the columns it prints (the trace's, by
    /// name), costs to `tolerance`, counts exactly; both end with `status`.
    static func compare(_ flags: [String], status: Int32) throws {
        let emitted = try ExecutableUnderTest.run(["--emit", "python"] + flags)
        #expect(emitted.status == 0, "stderr: \(emitted.stderr)")
        #expect(emitted.stderr.isEmpty)
        let script = try PythonInterpreter.run(script: emitted.stdout)
        #expect(script.status == status, "stderr: \(script.stderr)")
        #expect(script.stderr.isEmpty == (status == 0), "\(script.stderr)")
        let headless = try ExecutableUnderTest.run(["--headless", "--format", "csv"] + flags)
        #expect(headless.status == status, "stderr: \(headless.stderr)")
        let (lines, trace) = (script.lines, headless.lines)
        try #require(!lines.isEmpty && !trace.isEmpty)
        let columns = trace[0].split(separator: ",").map(String.init)
        let names = lines[0].split(separator: ",").map(String.init)
        #expect(names.starts(with: ["step", "cost"]))
        let places = try names.map { name in try #require(columns.firstIndex(of: name), "no column \(name)") }
        // In the trace's order: the script's columns are a part of the trace's.
        #expect(places == places.sorted())
        try #require(lines.count == trace.count, "\(lines.count - 1) steps, not \(trace.count - 1)")
        for (line, traced) in zip(lines.dropFirst(), trace.dropFirst()) {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let row = traced.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            try #require(cells.count == names.count, "\(line)")
            for (name, (cell, place)) in zip(names, zip(cells, places)) {
                let expected = row[place]
                if ["step", "epoch", "batch"].contains(name) {
                    #expect(cell == expected, "\(name) at step \(row[0])")
                    continue
                }
                let (mine, theirs) = (try #require(Double(cell)), try #require(Double(expected)))
                // inf and NaN (a diverging run's last line) only equal themselves.
                let agrees =
                    mine.isFinite && theirs.isFinite
                    ? abs(mine - theirs) <= tolerance * max(abs(mine), abs(theirs))
                    : mine == theirs || (mine.isNaN && theirs.isNaN)
                #expect(agrees, "\(name) at step \(row[0]): \(cell), the program's \(expected)")
            }
        }
    }

    @Test("the script is deterministic, and a number after its name overrides the step count")
    func deterministicAndSteps() throws {
        let emitted = try ExecutableUnderTest.run([
            "--emit", "python", "--preset", "overfit", "--batch", "4", "--steps", "20",
        ])
        #expect(emitted.status == 0)
        let first = try PythonInterpreter.run(script: emitted.stdout)
        let second = try PythonInterpreter.run(script: emitted.stdout)
        #expect(first.status == 0 && second.status == 0)
        #expect(first.stdout == second.stdout)
        #expect(first.lines.count == 22)
        #expect(emitted.stdout.contains("\nSTEPS = 20\n"))
        let three = try PythonInterpreter.run(script: emitted.stdout, arguments: ["3"])
        #expect(three.lines == Array(first.lines.prefix(5)))
    }

    @Test("the default is --headless's 1000 steps; --epochs counts ceil(n/N) steps an epoch")
    func stepCount() throws {
        let plain = try ExecutableUnderTest.run(["--emit", "python"])
        #expect(plain.stdout.contains("\nSTEPS = 1000\n"))
        // digits: 1,438 training samples in batches of 32 make 45 steps an epoch.
        let epochs = try ExecutableUnderTest.run(["--emit", "python", "--preset", "digits", "--epochs", "2"])
        #expect(epochs.stdout.contains("\nSTEPS = 90\n"))
    }

    @Test("the script reads like the walk: one function a phase, the walk's names")
    func phaseNames() throws {
        let script = try ExecutableUnderTest.run(["--emit", "python", "--preset", "xor-hidden"]).stdout
        for line in [
            "def forward(x):", "def cost(yhat, y):", "def output_delta(a2, yhat, y):", "def gradients(h, d):",
            "def send_error_back(d, W):", "def backward(x, y, a1, h1, a2, yhat):", "def update(n, dW1, db1, dW2, db2):",
            "    a1 = matmul(x, W1) + b1", "    h1 = tanh(a1)", "    yhat = sigmoid(a2)",
            "    e1 = send_error_back(d2, W2)", "    d1 = tanh_derivative(a1, h1) * e1",
            "lr = 0.5  # the learning rate",
        ] {
            #expect(script.contains("\n\(line)\n"), "\(line)")
        }
        // numpy only, and nothing that adds in BLAS's order or rounds by numpy's own exp.
        #expect(!script.contains("np.exp(") && !script.contains("np.tanh(") && !script.contains("np.sum("))
        let imports = script.split(separator: "\n").filter { $0.hasPrefix("import ") || $0.hasPrefix("from ") }
        #expect(imports == ["import math", "import sys", "import numpy as np"])
    }

    @Test(
        "refused, one line each",
        arguments: [
            (["--emit", "rust"], "--emit rust is not a language it writes; give --emit python (a numpy script)"),
            (["--emit", "python", "--headless"], "give either --emit python (a script that trains) or --headless"),
            (["--emit", "python", "--snapshot"], "give either --emit python or --snapshot, not both"),
            (["--emit", "python", "--every", "5"], "--every is for --headless or --snapshot"),
            (["--emit", "python", "--compare", "sgd,adam"], "--emit python writes one run; leave out --compare"),
        ])
    func refusals(arguments: [String], message: String) throws {
        let result = try ExecutableUnderTest.run(arguments)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.errorLines.count == 1, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("backprop-tui: " + message), "\(result.stderr)")
    }
}
