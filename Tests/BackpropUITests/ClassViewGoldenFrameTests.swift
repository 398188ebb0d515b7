import BackpropCore
@testable import BackpropUI
import Testing

/// Whole frames of a run whose targets are classes against golden files: the digits' 64-16-10
/// network with the predictions a class a row, the Confusion pane (`K`) and only the wrong ones
/// (`X`), at 80x24 and 120x40, in colour and in ASCII; and the three classes of `rings` with `K`.
@Suite("golden frames of classes")
struct ClassViewGoldenFrameTests {
    private static let standard = Size(width: 80, height: 24)
    private static let wide = Size(width: 120, height: 40)

    /// The digits after 200 steps (5 epochs of batches of 32: most test samples right, a few
    /// dozen wrong), then `keys`.
    private func digits(ascii: Bool = false, keys: String = "") throws -> AppState {
        var state = AppState(
            scenario: Preset.digits.scenario, scenarioName: "digits", options: RenderOptions(ascii: ascii))
        state.apply(.training(.advance(steps: 200)))
        try KeySequence(parsing: keys).press(on: &state)
        return state
    }

    @Test("digits after 200 steps: a class a row; at 120x40 the images' column, or with m the network pane beside them")
    func digitsPredictions() throws {
        let state = try digits()
        GoldenFile.expectMatches(Frame.render(state, size: Self.standard), named: "digits-step200-80x24")
        let wide = Frame.render(state, size: Self.wide)
        #expect(wide.text.contains("Sample ") && !wide.text.contains("Network · sample"), "\(wide.text)")
        GoldenFile.expectMatches(wide, named: "digits-step200-120x40")
        // With the images hidden the 64 inputs' network pane has the room beside the predictions.
        var hidden = state
        hidden.apply(.terminal(.resize(Self.wide)))
        try KeySequence(parsing: "m").press(on: &hidden)
        let withoutImages = Frame.render(hidden, size: Self.wide)
        #expect(withoutImages.text.contains("Network · sample"), "\(withoutImages.text)")
    }

    @Test("digits with K, the cursor moved right and the next sample of its cell", arguments: [false, true])
    func digitsConfusion(ascii: Bool) throws {
        let state = try digits(ascii: ascii, keys: "K<Right><Left>>")
        let suffix = ascii ? "-ascii" : ""
        GoldenFile.expectMatches(
            Frame.render(state, size: Self.standard), named: "digits-confusion\(suffix)-step200-80x24")
        GoldenFile.expectMatches(
            Frame.render(state, size: Self.wide), named: "digits-confusion\(suffix)-step200-120x40")
    }

    @Test("digits with X: only the wrong ones, training then test")
    func digitsWrongOnly() throws {
        let state = try digits(ascii: true, keys: "X>")
        GoldenFile.expectMatches(Frame.render(state, size: Self.standard), named: "digits-wrong-ascii-step200-80x24")
        GoldenFile.expectMatches(
            Frame.render(try digits(keys: "X>"), size: Self.wide), named: "digits-wrong-step200-120x40")
    }

    @Test("rings with K at 80x24: three classes, over the training samples (no split)")
    func ringsConfusion() throws {
        var state = AppState(scenario: Preset.rings.scenario, scenarioName: "rings")
        state.apply(.training(.advance(steps: 100)))
        state.apply(.classes(.toggleConfusion))
        GoldenFile.expectMatches(Frame.render(state, size: Self.standard), named: "rings-confusion-step100-80x24")
    }
}
