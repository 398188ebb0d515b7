import BackpropCore

/// ŷ of the drawing (`D`) through the current network: one forward pass of one row, made once
/// per state and drawing by `FrameData`, not once per pane or per layout.
struct DrawingPrediction: Equatable, Sendable {
    /// The drawing's pixels it was made for: a stroke needs a new one, a key that changes
    /// nothing of the drawing or the network does not.
    let pixels: [Double]
    /// ŷ_j for each output j.
    let probabilities: [Double]

    /// The prediction of `network` for `drawing`'s pixels, which are the network's inputs (a
    /// picture's data has no features).
    init(of drawing: DrawingCanvas, by network: Network) {
        pixels = drawing.pixels
        let input = Matrix(rows: 1, columns: drawing.pixels.count, elements: drawing.pixels)
        probabilities = network.predictions(for: input).elements
    }
}
