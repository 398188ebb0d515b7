import BackpropCore
@testable import BackpropUI
import Testing

/// Whole frames of circle at 80x24 and 120x40 against golden files: with batches of 8 and a fifth
/// held out (the plane marks the next batch and the test samples, the title names both), and
/// seen through x1², x2² by one layer (the plane over x1 and x2 shows the disc it learned).
@Suite("golden frames: the plane with a batch and a test split, and through features")
struct PlaneBatchGoldenFrameTests {
    private static let sizes = [(Size(width: 80, height: 24), "80x24"), (Size(width: 120, height: 40), "120x40")]

    @Test("circle --batch 8 --test-ratio 0.2 after 5 steps")
    func batchAndTestSplit() throws {
        for (size, suffix) in Self.sizes {
            var scenario = try Preset.circle.scenario(seed: 1, features: nil, hidden: nil)
            try scenario.setBatchSize(8)
            scenario.setSplit(try DataSplit.drawn(count: scenario.sampleCount, ratio: 0.2, seed: 1))
            var state = AppState(
                scenario: scenario, scenarioName: "circle --batch 8 --test-ratio 0.2", size: size)
            for _ in 0..<5 { state.apply(.training(.step)) }
            let canvas = Frame.render(state, size: size)
            // At 80 columns the title has room for the batch but not the test split.
            let named = size.width >= 120 ? " · batch 8 · test 10 · " : " · batch 8 "
            #expect(canvas.text.contains(named), "\(canvas.text)")
            GoldenFile.expectMatches(canvas, named: "plane-circle-batch8-test20-step5-\(suffix)")
        }
    }

    @Test("circle --features x1^2,x2^2 --hidden none after 3000 steps")
    func squaredFeatures() throws {
        for (size, suffix) in Self.sizes {
            let scenario = try Preset.circle.scenario(seed: 1, features: [.x1Squared, .x2Squared], hidden: [])
            var state = AppState(
                scenario: scenario, scenarioName: "circle --features x1^2,x2^2 --hidden none",
                // Without colour the plane's shades are characters: the disc reads in the text file.
                options: RenderOptions(color: false), size: size)
            state.apply(.training(.advance(steps: 2999)))
            state.apply(.training(.step))
            let canvas = Frame.render(state, size: size)
            #expect(canvas.text.contains(" · x1^2,x2^2 · "), "\(canvas.text)")
            GoldenFile.expectMatches(canvas, named: "plane-circle-squared-features-monochrome-step3000-\(suffix)")
        }
    }
}
