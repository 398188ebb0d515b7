import Foundation
import Testing

/// A prediction that decides nothing is not right: relu outputs that all died give ŷ = (0, 0)
/// for both samples of the article's example, a tie for the largest, so no sample is right.
@Suite("a tie is not right")
struct UndecidedPredictionSnapshotTests {
    @Test("--activation relu --lr 10, sss: ŷ all 0, and the predictions title says 0/2 right")
    func deadReluIsNotRight() throws {
        let result = try ExecutableUnderTest.run(
            ["--snapshot", "--activation", "relu", "--lr", "10", "--keys", "sss"],
            environment: ProcessInfo.processInfo.environment.merging(["LC_ALL": "C.UTF-8"]) { $1 })
        #expect(result.status == 0, "\(result.stderr)")
        let title = try #require(result.lines.first { $0.contains("Predictions") }, "\(result.stdout)")
        #expect(title.contains("0/2 right"), "\(title)")
        let rows = result.lines.filter { $0.hasPrefix("│ 1 ") || $0.hasPrefix("│ 2 ") }
        #expect(rows.count == 2)
        for row in rows { #expect(row.components(separatedBy: "0.0000").count - 1 >= 2, "\(row)") }
    }
}
