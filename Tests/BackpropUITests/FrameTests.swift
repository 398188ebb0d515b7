import BackpropCore
import XCTest

@testable import BackpropUI

/// Properties of every frame, at every size: no crash, the exact size, one-column characters.
final class FrameTests: XCTestCase {
    /// Every character the Unicode frames may use beyond ASCII; each is one column wide.
    private let allowedNonASCII = Set("─│┌┐└┘┤├┬┼▲▼ŷωΣ²ᵀδ→…·∂Δ⁰¹²³⁴⁵⁶⁷⁸⁹≤▀●○")
        .union((0x2800...0x28FF).map { Character(Unicode.Scalar($0)!) })  // the cost curve's braille

    private func bigState() throws -> AppState {
        let inputs = (0..<40).map { i in (0..<7).map { j in Double((i * 7 + j) % 5) } }
        let targets = inputs.map { [$0[0] > 2 ? 1.0 : 0.0, 0.25, 1] }
        let scenario = try Scenario(
            inputs: inputs, targets: targets, weights: Array(repeating: [0.1, -0.2, 0.3], count: 7))
        var state = AppState(scenario: scenario, scenarioName: "big")
        state.apply(.training(.step))
        return state
    }

    func testEverySizeRendersExactlyThatSizeWithOneColumnCharacters() throws {
        var seed = TestScenarios.seed()
        seed.apply(.training(.step))
        var helped = seed
        helped.apply(.view(.toggleHelp))
        var everything = seed
        everything.apply(.view(.toggleGradientCheck))
        everything.apply(.view(.toggleLearningRatePreview))
        var walking = try bigState()
        walking.apply(.walk(.next))
        walking.apply(.view(.toggleGradientCheck))
        var updated = seed
        for _ in 0..<4 { updated.apply(.walk(.next)) }
        var network = AppState(scenario: Preset.xorHidden.scenario, scenarioName: "xor-hidden")
        network.apply(.training(.step))
        network.apply(.view(.toggleGradientCheck))
        var networkWalk = network
        for _ in 0..<5 { networkWalk.apply(.walk(.next)) }
        // The input plane asked for with m: drawn from 104 columns at every height.
        var plane = network
        plane.planeChoice = true
        var planeASCII = plane
        planeASCII.options = RenderOptions(ascii: true)
        let states = [
            seed, helped, try bigState(), everything, walking, updated, network, networkWalk, plane, planeASCII,
        ]
        for state in states {
            for width in stride(from: 1, through: 130, by: 7) {
                for height in stride(from: 1, through: 45, by: 4) {
                    let canvas = Frame.render(state, size: Size(width: width, height: height))
                    let lines = canvas.text.split(separator: "\n", omittingEmptySubsequences: false)
                    XCTAssertEqual(lines.count, height)
                    XCTAssertTrue(lines.allSatisfy { $0.count == width }, "\(width)x\(height)")
                    let foreign = canvas.text.filter { !$0.isASCII && !allowedNonASCII.contains($0) }
                    XCTAssertTrue(foreign.isEmpty, "unexpected characters \(foreign) at \(width)x\(height)")
                }
            }
        }
    }

    func testLayoutMinimum() {
        let seed = Preset.seed.scenario
        func layout(_ width: Int, _ height: Int) -> Layout {
            Layout.make(
                for: Size(width: width, height: height),
                content: Frame.content(of: TestScenarios.seed(), rows: height))
        }
        XCTAssertEqual(layout(79, 24), .tooSmall(have: Size(width: 79, height: 24), need: Layout.minimumSize))
        XCTAssertEqual(layout(80, 19), .tooSmall(have: Size(width: 80, height: 19), need: Layout.minimumSize))
        guard case .panes(let panes) = layout(80, 20) else { return XCTFail("80x20 must fit") }
        // At the minimum the seed still shows every weight, every sample, a cost curve and the
        // inspector with one sample's line (the total says it sums both).
        XCTAssertEqual(panes.layers[0].height, 4 + seed.inputCount, "W's rows, the b row, a header")
        XCTAssertEqual(panes.predictions.height, 3 + seed.sampleCount)
        XCTAssertEqual(panes.inspector.height, 5)
        XCTAssertEqual(panes.cost.height, CostPane.wantedHeight)
        guard case .panes(let standard) = layout(80, 24) else { return XCTFail("80x24 must fit") }
        XCTAssertEqual(standard.inspector.height, 4 + seed.sampleCount, "80x24 shows the whole inspector")
        XCTAssertEqual(standard.cost.height, 10, "and the cost curve beside the layer pane, as tall as it")
        guard case .panes(let wide) = layout(120, 40) else { return XCTFail("120x40 must fit") }
        XCTAssertGreaterThan(wide.number.decimals, panes.number.decimals, "wide terminals show more decimals")
        XCTAssertGreaterThan(wide.cost.height, standard.cost.height)
    }

    func testSnapshotOfTheSeedShowsTheArticlesNumbers() {
        var state = TestScenarios.seed()
        state.apply(.training(.advance(steps: 1000)))
        let text = Frame.render(state, size: Size(width: 80, height: 24)).text
        XCTAssertTrue(text.contains("step 1000"))
        XCTAssertTrue(text.contains("C 0.002784622453"), "the cost to 10 significant digits")
        XCTAssertTrue(text.contains("lr 0.1"))
        XCTAssertTrue(text.contains("paused"))
    }
}
