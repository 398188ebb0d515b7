import Testing

@testable import BackpropCore

/// The text of `--emit python`'s script, without running it (the end-to-end tests run it):
/// numbers that read back as the same doubles, the layers written out, and a name that cannot
/// break out of its comment.
@Suite("Python script text")
struct PythonScriptTests {
    @Test(
        "a number reads back as the same double",
        arguments: [0.1, 0.1 + 0.2, -0.0, 1e-300, 5e-324, 1.7976931348622157e308, 123456.789, 1e-5, -2.5])
    func numbersRoundTrip(value: Double) throws {
        let text = PythonLiteral.number(value)
        let read = try #require(Double(text), "\(text)")
        #expect(read.bitPattern == value.bitPattern, "\(text)")
    }

    @Test("data's whole numbers as integers, but never -0 or one past 2^53; no literal for inf or NaN")
    func wholeNumbers() {
        #expect(PythonLiteral.number(3, wholeAsInteger: true) == "3")
        #expect(PythonLiteral.number(-16, wholeAsInteger: true) == "-16")
        #expect(PythonLiteral.number(-0.0, wholeAsInteger: true) == "-0.0")
        #expect(PythonLiteral.number(0x1p53, wholeAsInteger: true) == 0x1p53.description)
        #expect(PythonLiteral.number(0.5, wholeAsInteger: true) == "0.5")
        #expect(PythonLiteral.number(3) == "3.0")
        #expect(PythonLiteral.number(.infinity) == "math.inf")
        #expect(PythonLiteral.number(-.infinity) == "-math.inf")
        #expect(PythonLiteral.number(.nan) == "math.nan")
    }

    @Test("every layer is written out, forward up and backward down, with the walk's names")
    func layersWrittenOut() throws {
        let script = PythonScript(scenario: Preset.spiral.scenario, steps: 12, origin: "backprop-tui --emit python")
            .text
        let forward = [
            "    a1 = matmul(x, W1) + b1", "    h1 = tanh(a1)", "    a2 = matmul(h1, W2) + b2", "    h2 = tanh(a2)",
            "    a3 = matmul(h2, W3) + b3", "    yhat = sigmoid(a3)", "    return a1, h1, a2, h2, a3, yhat",
        ]
        let backward = [
            "    d3 = output_delta(a3, yhat, y)", "    dW3, db3 = gradients(h2, d3)",
            "    e2 = send_error_back(d3, W3)",
            "    d2 = tanh_derivative(a2, h2) * e2", "    dW2, db2 = gradients(h1, d2)",
            "    e1 = send_error_back(d2, W2)",
            "    d1 = tanh_derivative(a1, h1) * e1", "    dW1, db1 = gradients(x, d1)",
            "    return dW1, db1, dW2, db2, dW3, db3",
        ]
        #expect(script.contains("\n" + forward.joined(separator: "\n") + "\n"))
        #expect(script.contains("\n" + backward.joined(separator: "\n") + "\n"))
        #expect(script.contains("\nSTEPS = 12\n"))
        // One definition each of the activations used, none of the others.
        #expect(script.components(separatedBy: "\ndef tanh(a):").count == 2)
        #expect(!script.contains("def relu(") && !script.contains("def softmax("))
    }

    @Test("a name with a line feed stays inside its comment")
    func originStaysInItsComment() {
        let origin = "backprop-tui --emit python --scenario 'a\nimport os\r'"
        let script = PythonScript(scenario: Preset.seed.scenario, steps: 1, origin: origin).text
        #expect(!script.contains("\nimport os"))
        #expect(
            script.hasPrefix("#!/usr/bin/env python3\n# backprop-tui --emit python --scenario 'a\\nimport os\\r'\n"))
    }
}
