import BackpropCore
import Foundation
import Testing

/// `M` through the real binary, `--snapshot --keys`: the walk of xor-hidden (4 samples, 2-3-1)
/// in matrix form at 80x24 and 120x40, in Unicode and ASCII, and a mini-batch's shapes.
@Suite("--snapshot --keys M: the matrix form")
struct MatrixFormSnapshotTests {
    private func snapshot(_ arguments: [String]) throws -> ExecutableUnderTest.Result {
        try ExecutableUnderTest.run(
            ["--snapshot"] + arguments,
            environment: ProcessInfo.processInfo.environment.merging(["LC_ALL": "C.UTF-8"]) { $1 })
    }

    @Test("backward through layer 2: each formula with its shapes and numpy line, at 80x24 and 120x40")
    func backwardOfTheOutputLayer() throws {
        for size in ["80x24", "120x40"] {
            let result = try snapshot(["--preset", "xor-hidden", "--size", size, "--keys", "nnnnM"])
            #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
            let lines = result.stdout.split(separator: "\n").map(String.init)
            let width = Int(size.prefix { $0 != "x" })!
            #expect(lines.allSatisfy { $0.count <= width }, "\(result.stdout)")
            // h¹ is 4×3 (a row a sample), δ² 4×1, W² 3×1: ∂C/∂W² = (h¹)ᵀδ² is [3×4][4×1].
            for (formula, shapes, numpy) in [
                ("∂C/∂W² = (h¹)ᵀ δ²", "[3×1] = [3×4][4×1]", "dW2 = h1.T @ d2"),
                ("e¹ = δ² (W²)ᵀ", "[4×3] = [4×1][1×3]", "e1 = d2 @ W2.T"),
            ] {
                let line = try #require(lines.first { $0.contains(formula) }, "\(result.stdout)")
                #expect(line.contains(shapes) && line.contains(numpy), "\(line)")
            }
            #expect(result.stdout.contains("Step 1 in matrix form, 4/6 backward, layer 2"), "\(result.stdout)")
        }
    }

    @Test("ASCII, and M again goes back to the numbers")
    func asciiAndBack() throws {
        let ascii = try snapshot(["--preset", "xor-hidden", "--ascii", "--keys", "nnnnM"])
        #expect(
            ascii.stdout.contains("dC/dW[2] = (h[1])^T d[2]  [3x1] = [3x4][4x1]  dW2 = h1.T @ d2"), "\(ascii.stdout)")
        #expect(!ascii.stdout.contains("ᵀ") && !ascii.stdout.contains("×"), "\(ascii.stdout)")
        let back = try snapshot(["--preset", "xor-hidden", "--keys", "nnnnMM"])
        #expect(back.stdout.contains("Step 1 in phases") && !back.stdout.contains("dW2 = h1.T @ d2"), "\(back.stdout)")
    }

    @Test("a mini-batch of 2: the forward line's shapes have the batch's 2 rows")
    func miniBatch() throws {
        let result = try snapshot(["--preset", "xor-hidden", "--batch", "2", "--keys", "nM"])
        #expect(result.stdout.contains("a¹ = x W¹ + b¹   [2×3] = [2×2][2×3] + [1×3]"), "\(result.stdout)")
    }
}
