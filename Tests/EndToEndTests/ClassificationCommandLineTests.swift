import Foundation
import Testing

/// The cross-entropies through the real binary: headless runs of ce and bce, and the
/// screen's δ = ŷ - y and "k/N right" by `--snapshot --keys`. (Their refusals are among
/// `CommandLineErrorTests`.)
@Suite("ce and bce on the command line")
struct ClassificationCommandLineTests {
    private func snapshot(_ arguments: [String]) throws -> ExecutableUnderTest.Result {
        try ExecutableUnderTest.run(
            ["--snapshot"] + arguments,
            environment: ProcessInfo.processInfo.environment.merging(["LC_ALL": "C.UTF-8"]) { $1 })
    }

    /// The article's example as softmax regression: step 0's C is -Σ y log softmax(xW) worked
    /// out here, and training lowers it.
    @Test("--activation softmax --loss ce trains the article's example headless")
    func softmaxRegression() throws {
        let (header, rows) = try ExecutableUnderTest.csvRows([
            "--activation", "softmax", "--loss", "ce", "--steps", "100", "--every", "100",
        ])
        #expect(header == "step,cost,accuracy,grad_norm_1,w1_1,w1_2,w2_1,w2_2,w3_1,w3_2,b1,b2")
        // a = xW: [2.2, 2.8] and [1.4, 2.0]; y picks class 1, then class 2.
        let cost = -log(exp(2.2) / (exp(2.2) + exp(2.8))) - log(exp(2.0) / (exp(1.4) + exp(2.0)))
        let start = try #require(Double(rows[0][1]))
        #expect(abs(start - cost) <= 1e-14 * cost, "step 0's C \(start), by hand \(cost)")
        // Both samples' larger a is the second: only the second sample is right.
        #expect(rows[0][2] == "0.5")
        let last = try #require(rows.last)
        let end = try #require(Double(last[1]))
        #expect(end < start / 2, "C \(start) → \(end) in 100 steps")
    }

    /// rings (2-8-3, tanh then softmax, ce) on the allocation-free run path: C falls from
    /// 60·log 3-ish at the start, where every class is about as likely as the others.
    @Test("--preset rings runs headless and its cost falls")
    func rings() throws {
        let (header, rows) = try ExecutableUnderTest.csvRows(["--preset", "rings", "--steps", "500", "--every", "500"])
        #expect(header.hasPrefix("step,cost,accuracy,grad_norm_1,grad_norm_2,L1_w1_1,"))
        #expect(header.hasSuffix(",L2_b1,L2_b2,L2_b3"))
        let start = try #require(Double(rows[0][1]))
        let last = try #require(rows.last)
        let end = try #require(Double(last[1]))
        #expect(abs(start - 60 * log(3.0)) < 3, "near-uniform probabilities at step 0: \(start)")
        #expect(end < start / 4, "C \(start) → \(end)")
    }

    @Test("--loss bce on xor-hidden: the sigmoid output's binary cross-entropy trains")
    func binaryCrossEntropy() throws {
        let (_, rows) = try ExecutableUnderTest.csvRows([
            "--preset", "xor-hidden", "--loss", "bce", "--until-cost", "0.1", "--steps", "5000", "--every", "5000",
        ])
        let last = try #require(rows.last)
        #expect(try #require(Int(last[0])) < 5000)
        #expect(try #require(Double(last[1])) <= 0.1)
    }

    /// The inspector in the output layer writes δ = ŷ - y with its numbers and says why; the
    /// predictions' title counts the samples whose largest ŷ is their class.
    @Test("the inspector's δ = ŷ - y line and the accuracy, by keys")
    func inspectorAndAccuracy() throws {
        let result = try snapshot(["--preset", "rings", "--size", "120x40", "--steps", "300", "--keys", "<PgDn>"])
        #expect(result.status == 0, "\(result.stderr)")
        let screen = result.stdout
        #expect(screen.contains("Inspector ω²11  g² = softmax, loss ce: δ² = ŷ - y"), "\(screen)")
        #expect(screen.contains("sample 1:  h¹1 · (ŷ1 - y1) = "), "\(screen)")
        #expect(screen.contains("sample 1: Σk ∂ŷk/∂a²1 · ∂C/∂ŷk = ŷ1 Σk yk - y1 = "), "\(screen)")
        #expect(screen.contains("/60 right"), "\(screen)")

        let bce = try snapshot(["--loss", "bce", "--keys", "<gt>"])
        #expect(bce.stdout.contains("Inspector ω11  g = sigmoid, loss bce: δ = ŷ - y"), "\(bce.stdout)")
        #expect(bce.stdout.contains("sample 2: g'(a1) · ∂C/∂ŷ1 = "), "\(bce.stdout)")
        #expect(bce.stdout.contains("= ŷ1 - y1"), "\(bce.stdout)")
        #expect(bce.stdout.contains("Predictions ŷ = g(xW + b) · 1/2 right"), "\(bce.stdout)")
    }
}
