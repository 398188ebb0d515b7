import BackpropCore
import BackpropUI
import Testing

/// Whole frames of the matrix form (`M`) against golden files: the xor-hidden walk's backward
/// phase of the output layer (δ², ∂C/∂W², ∂C/∂b², e¹) at 80x24, its hidden layer's with the
/// numbers beneath at 120x40, the update in ASCII, and the inspector of a hidden weight.
@Suite("matrix form golden frames")
struct MatrixFormGoldenFrameTests {
    private func network(_ keys: String, ascii: Bool = false) throws -> AppState {
        var state = AppState(
            scenario: Preset.xorHidden.scenario, scenarioName: "xor-hidden", options: RenderOptions(ascii: ascii))
        // The plane's place goes to the panes under test, as in NetworkGoldenFrameTests.
        state.planeChoice = false
        try KeySequence(parsing: keys).press(on: &state)
        return state
    }

    @Test("the walk in matrix form: backward through layer 2 at 80x24, layer 1 at 120x40")
    func walk() throws {
        let output = Frame.render(try network("nnnnM"), size: Size(width: 80, height: 24))
        #expect(output.text.contains("∂C/∂W² = (h¹)ᵀ δ²"), "\(output.text)")
        GoldenFile.expectMatches(output, named: "xor-hidden-matrix-backward-2-80x24")
        let hidden = Frame.render(try network("nnnnnM"), size: Size(width: 120, height: 40))
        #expect(hidden.text.contains("d1 = tanh_derivative(a1, h1) * e1"), "\(hidden.text)")
        GoldenFile.expectMatches(hidden, named: "xor-hidden-matrix-backward-1-120x40")
    }

    @Test("the update in ASCII and the inspector in matrix form")
    func updateAndInspector() throws {
        let update = Frame.render(try network("nnnnnnM", ascii: true), size: Size(width: 80, height: 24))
        #expect(update.text.contains("W1 -= lr * dW1"), "\(update.text)")
        GoldenFile.expectMatches(update, named: "xor-hidden-matrix-update-ascii-80x24")
        let inspector = Frame.render(try network("M"), size: Size(width: 120, height: 40))
        #expect(inspector.text.contains("dW1 = x.T @ d1"), "\(inspector.text)")
        GoldenFile.expectMatches(inspector, named: "xor-hidden-matrix-inspector-120x40")
    }
}
