import Foundation
import Testing

/// `--headless` ends with exit 3 when a weight, a bias or an optimizer's number stops being
/// finite, as when the cost does, though the cost still prints a finite number: the trace stops
/// at that step, and one line names the step and the number.
@Suite("headless: divergence behind a finite cost")
struct HiddenDivergenceCommandLineTests {
    @Test("a momentum of 1e308 makes every weight -inf at step 3 while the cost reads 2.0: exit 3, one line")
    func hugeMomentum() throws {
        let result = try ExecutableUnderTest.run([
            "--headless", "--format", "csv", "--optimizer", "momentum", "--momentum", "1e308", "--steps", "10",
        ])
        #expect(result.status == 3)
        #expect(
            result.errorLines == [
                "backprop-tui: training diverged at step 3 (a weight is -inf); try a smaller --lr or --momentum"
            ])
        let last = try #require(result.lines.last).split(separator: ",").map(String.init)
        #expect(last[0] == "3", "the trace ends at the step that diverged: \(result.lines)")
        #expect(last[1] == "2.0")
        // accuracy: every ŷ is 0, a tie in each sample that names no class, so none is right.
        #expect(last[2] == "0.0")
        // grad_norm_1: a weight of -inf pins every sigmoid output where g' is 0, so no gradient.
        #expect(last[3] == "0.0")
        #expect(last[4] == "-inf")
    }

    @Test("--compare counts a runner whose weights became -inf out, and names the weight")
    func hugeMomentumInARace() throws {
        let result = try ExecutableUnderTest.run([
            "--headless", "--compare", "sgd,momentum", "--momentum", "1e308", "--steps", "10",
        ])
        #expect(result.status == 3)
        #expect(
            result.errorLines == [
                "backprop-tui: momentum diverged at step 3 (a weight is -inf); its column ends there; try a smaller --lr or --momentum"
            ])
        let rows = result.lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.count == 11, "sgd runs all 10 steps")
        #expect(rows[3][2] == "2.0" && rows[4][2] == "", "momentum's column ends at step 3: \(result.lines)")
    }

    /// x at the largest double: the cost at step 0 is finite (8.99e307), and so is the gradient,
    /// but not g², and sgd's first step makes a = x·w = -inf, whose cost against y = 0 is NaN.
    static let largestInput =
        #"{"x": [[1.7976931348623157e308]], "y": [[0]], "w": [[0.5]], "activation": "sigmoid", "loss": "bce", "reduction": "mean"}"#

    @Test(
        "a scenario at the largest double stops at step 1 with exit 3, naming v or the cost",
        arguments: [
            ("rmsprop", "a weight's v is inf); g² overflowed; make x or w smaller, or try a smaller --lr"),
            ("adam", "a weight's v is inf); g² overflowed; make x or w smaller, or try a smaller --lr"),
            ("sgd", "cost nan); try a smaller --lr"),
        ])
    func largestInput(optimizer: String, reason: String) throws {
        let folder = try TerminalSafeOutputTests.Folder()
        let path = folder.file("largest.json", Array(Self.largestInput.utf8))
        let result = try ExecutableUnderTest.run([
            "--headless", "--format", "csv", "--scenario", path, "--optimizer", optimizer, "--steps", "5",
        ])
        #expect(result.status == 3)
        #expect(result.errorLines == ["backprop-tui: training diverged at step 1 (\(reason)"])
        #expect(result.lines.count == 3 && result.lines.last?.hasPrefix("1,") == true, "\(result.lines)")
    }

    @Test("--until-cost is not met by a cost of 0 that a weight of -inf makes")
    func untilCostIsNotMetByADivergedState() throws {
        // lr·g = 1.7e308 · 25 overflows: ω = -inf, and ŷ = σ(100 · -inf) = 0 is the target.
        let folder = try TerminalSafeOutputTests.Folder()
        let path = folder.file(
            "lr.json", Array(#"{"x": [[100]], "y": [[0]], "w": [[0]], "learningRate": 1.7e308}"#.utf8))
        let result = try ExecutableUnderTest.run([
            "--headless", "--format", "csv", "--scenario", path, "--until-cost", "0.1",
        ])
        #expect(result.status == 3)
        #expect(
            result.errorLines == ["backprop-tui: training diverged at step 1 (a weight is -inf); try a smaller --lr"])
        // accuracy 1.0: ŷ = 0 is on y = 0's side of 0.5. grad_norm_1 0.0: the output pinned to its
        // target by the weight of -inf passes no gradient.
        #expect(result.lines.last == "1,0.0,1.0,0.0,-inf,-4.25e+307")
    }

    @Test("adam with ε = 0 and a gradient of exactly 0 is named as a NaN weight, with ε in the advice")
    func adamWithoutEpsilon() throws {
        let folder = try TerminalSafeOutputTests.Folder()
        let path = folder.file(
            "zero.json", Array(#"{"x": [[1, 0], [2, 0]], "y": [[1], [0]], "w": [[0.1], [0.2]]}"#.utf8))
        let result = try ExecutableUnderTest.run([
            "--headless", "--scenario", path, "--optimizer", "adam", "--epsilon", "0", "--steps", "5",
        ])
        #expect(result.status == 3)
        #expect(
            result.errorLines == [
                "backprop-tui: training diverged at step 1 (a weight is nan); try a smaller --lr or an --epsilon above 0"
            ])
    }
}
