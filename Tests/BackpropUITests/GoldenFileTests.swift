import BackpropCore
import BackpropUI
import Testing

/// The golden helper itself: a frame that differs from its files must be reported, or every
/// golden test would pass whatever it drew.
@Suite("golden files", .disabled(if: GoldenFile.isRecording, "recording would overwrite the file compared"))
struct GoldenFileTests {
    private let size = Size(width: 80, height: 24)

    @Test("the frame a golden file was recorded from matches it")
    func theRecordedFrameMatches() {
        let state = AppState(scenario: Preset.seed.scenario, scenarioName: "seed", size: size)
        #expect(GoldenFile.problems(Frame.render(state, size: size), named: "seed-initial-80x24") == [])
    }

    @Test("a frame that differs is reported with the first row that differs, characters and styles")
    func aDifferentFrameIsReported() {
        var state = AppState(scenario: Preset.seed.scenario, scenarioName: "seed", size: size)
        state.apply(.training(.step))
        let problems = GoldenFile.problems(Frame.render(state, size: size), named: "seed-initial-80x24")
        #expect(problems.count == 2)
        #expect(problems.first?.hasPrefix("seed-initial-80x24.txt differs at row 3:") == true)
        #expect(problems.last?.hasPrefix("seed-initial-80x24.styles.txt differs at row") == true)
    }

    @Test("a frame without golden files is reported as missing them")
    func aMissingGoldenIsReported() {
        let problems = GoldenFile.problems(Canvas(size: Size(width: 1, height: 1)), named: "no-such-golden")
        #expect(
            problems == [
                "missing golden file no-such-golden.txt; record it with BACKPROP_RECORD_GOLDEN=1",
                "missing golden file no-such-golden.styles.txt; record it with BACKPROP_RECORD_GOLDEN=1",
            ])
    }
}
