import BackpropCore
@testable import BackpropUI
import Testing

/// The drawing's pane: the canvas, and the network's ŷ for it from one forward pass a state.
@Suite("drawing: the pane")
struct DrawingPaneTests {
    /// The digits preset after `steps` steps, with a canvas on which `pixels` are inked.
    private func drawn(
        _ pixels: [DrawingPixel], steps: Int = 0, size: Size = Size(width: 80, height: 24), ascii: Bool = false,
        color: Bool = true
    ) -> AppState {
        var state = PictureScenarios.digits(size: size, ascii: ascii, color: color)
        state.apply(.training(.advance(steps: steps)))
        state.apply(.drawing(.toggle))
        for pixel in pixels { state.apply(.drawing(.setPixel(pixel, ink: 1))) }
        return state
    }

    /// A 1: a stroke down the middle, as the digits' scans have it.
    private let one =
        (0..<8).map { DrawingPixel(column: 4, row: $0) } + (0..<8).map { DrawingPixel(column: 3, row: $0) }

    @Test("ŷ is the network's forward pass of the drawing's pixels, made once for a drawing and a state")
    func probabilities() throws {
        let state = drawn(one)
        let data = FrameData(for: state)
        let prediction = try #require(data.drawingPrediction)
        let input = Matrix(rows: 1, columns: 64, elements: try #require(state.drawing?.pixels))
        #expect(prediction.probabilities == state.trainer.network.predictions(for: input).elements)
        #expect(prediction.probabilities.count == 10)
        // A key that changes nothing of the drawing or the run keeps it; a stroke makes it again.
        var moved = state
        moved.apply(.selection(.move(.down)))
        #expect(FrameData(for: moved, reusing: data).drawingPrediction == prediction)
        #expect(data.serves(moved))
        var stroked = state
        stroked.apply(.drawing(.paintAtCursor(.full)))
        #expect(!data.serves(stroked))
        #expect(FrameData(for: stroked, reusing: data).drawingPrediction != prediction)
    }

    @Test("the bars show every class's ŷ, the largest marked picked, at 80x24 and 120x40, colour and ASCII")
    func bars() throws {
        for (size, ascii) in [(Size(width: 80, height: 24), false), (Size(width: 120, height: 40), true)] {
            let state = drawn(one, size: size, ascii: ascii)
            let text = Frame.render(state).text
            let probabilities = try #require(FrameData(for: state).drawingPrediction?.probabilities)
            let picked = try #require(ClassVerdicts.largest(of: probabilities))
            #expect(text.contains("picked"), "\(text)")
            // In the frame's number format, which the layer panes decide.
            for p in probabilities {
                #expect(
                    text.contains(Layout.narrowNumber.string(p)) || text.contains(Layout.wideNumber.string(p)),
                    "ŷ \(p) at \(size)")
            }
            let line = try #require(text.split(separator: "\n").first { $0.contains("picked") })
            #expect(line.contains(" \(picked) "), "\(line)")
            #expect(text.contains("Drawing 8x8"))
            // The canvas needs no more than the screen: the status and hint lines are still there.
            #expect(text.contains("step 0"))
        }
    }

    @Test("the pane replaces the inspector while drawing, and the inspector comes back after")
    func place() {
        let state = drawn([])
        #expect(!Frame.render(state).text.contains("Inspector"))
        var left = state
        left.apply(.drawing(.leave))
        #expect(Frame.render(left).text.contains("Inspector"))
    }

    @Test("the hint line lists the drawing's keys, and the prompt asks for the class")
    func hintAndPrompt() {
        var state = drawn([DrawingPixel(column: 1, row: 1)])
        let hint = Frame.render(state).text.split(separator: "\n").last ?? ""
        #expect(hint.contains("arrows move  Space ink  . light"), "\(hint)")
        #expect(hint.contains("Enter add  Esc leave"))
        state.apply(.drawing(.askLabel))
        let prompt = Frame.render(state).text.split(separator: "\n").last ?? ""
        #expect(prompt.hasPrefix(" label (0-9): "), "\(prompt)")
    }

    @Test("ASCII draws seven-bit characters only, the cursor as [ ]")
    func ascii() {
        let state = drawn(one, size: Size(width: 80, height: 24), ascii: true, color: false)
        let text = Frame.render(state).text
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(text.contains("[]"))
        #expect(text.contains("@@"), "full ink in characters")
    }

    @Test("golden frames of a drawn 1 after training, 80x24 and 120x40, colour and ASCII")
    func golden() {
        let steps = 200
        GoldenFile.expectMatches(Frame.render(drawn(one, steps: steps)), named: "drawing-digits-one-step200-80x24")
        GoldenFile.expectMatches(
            Frame.render(drawn(one, steps: steps, size: Size(width: 120, height: 40))),
            named: "drawing-digits-one-step200-120x40")
        GoldenFile.expectMatches(
            Frame.render(drawn(one, steps: steps, ascii: true, color: false)),
            named: "drawing-digits-one-ascii-step200-80x24")
        GoldenFile.expectMatches(
            Frame.render(drawn(one, steps: steps, size: Size(width: 120, height: 40), ascii: true, color: false)),
            named: "drawing-digits-one-ascii-step200-120x40")
    }
}
