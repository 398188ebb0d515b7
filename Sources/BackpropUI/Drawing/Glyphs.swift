import Foundation

/// The characters a frame is drawn with, in a Unicode and a 7-bit ASCII set.
///
/// Every glyph is one column wide (wcwidth 1), so the canvas grid and the terminal agree.
struct Glyphs: Sendable {
    let horizontal: Character
    let vertical: Character
    let topLeft: Character
    let topRight: Character
    let bottomLeft: Character
    let bottomRight: Character
    /// The y axis tick and the corner where the axes meet in the cost pane.
    let axisTick: Character
    let axisCorner: Character
    /// Marks a value that went up / down in the last step: ▲ ▼, or ^ v in ASCII, where + and -
    /// would read as the sign of the number beside them.
    let increased: Character
    let decreased: Character
    /// ŷ, the prediction, in column headers.
    let prediction: String
    /// Separates items in the title line.
    let separator: String
    /// Says "there is more than fits".
    let ellipsis: String
    let arrow: String
    let sum: String
    let squared: String
    let transpose: String
    let delta: String
    let omega: String
    /// ∂, Δ and the product dot of the inspector's equations.
    let partial: String
    let change: String
    let times: String
    /// The dots the cost curve is drawn with: braille, or ASCII marks by height in the cell.
    let curveDots: CurveDots
    /// What stands for the dotted curve in a race's legend: a full braille cell, or `-`.
    let curveMark: String
    /// The cost curve's mark for the test cost: apart from the dots, the axis ticks and a race's
    /// markers, with or without colour.
    let testMark: String
    /// Marks a prediction that names its sample's class, and one that does not: ✓ ✗, or `ok`
    /// `no` in ASCII (where `x` would read as the input's name). Both the same width.
    var right = "✓"
    var wrong = "✗"

    static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        axisTick: "┤", axisCorner: "└", increased: "▲", decreased: "▼", prediction: "\u{177}",
        separator: " · ", ellipsis: "…", arrow: "→", sum: "Σ", squared: "²", transpose: "ᵀ", delta: "δ",
        omega: "ω", partial: "∂", change: "Δ", times: "·",
        curveDots: .braille, curveMark: "⠿", testMark: "×")

    static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        axisTick: "+", axisCorner: "+", increased: "^", decreased: "v", prediction: "y^",
        separator: " | ", ellipsis: "...", arrow: "->", sum: "sum", squared: "^2", transpose: "^T",
        delta: "d", omega: "w", partial: "d", change: "D", times: "*", curveDots: .ascii,
        curveMark: "-", testMark: "x", right: "ok", wrong: "no")

    /// Whether this is the 7-bit ASCII set.
    var isASCII: Bool { omega != "ω" }

    /// `text` (a formula from the core, like "2(ŷ - y)/(N·m)") in this set's characters.
    func spelled(_ text: String) -> String {
        guard isASCII else { return text }
        var result = text
        let pairs = [
            ("ŷ", prediction), ("·", times), ("²", squared), ("Σ", sum), ("∂", partial), ("δ", delta), ("ω", omega),
            ("Δ", change), ("→", arrow), ("…", ellipsis), ("ᵀ", transpose),
            // The optimizers' symbols, in the words an ASCII formula would use.
            ("√v̂", "sqrt(v^)"), ("√v", "sqrt(v)"), ("m̂", "m^"), ("v̂", "v^"), ("μ", "mu"), ("α", "alpha"),
            ("β", "beta"), ("ε", "eps"), ("λ", "lambda"), ("ᵗ", "^t"), ("θ", "theta"), ("≈", "~"),
        ]
        for (unicode, ascii) in pairs { result = result.replacingOccurrences(of: unicode, with: ascii) }
        return result
    }

    static func forOptions(_ options: RenderOptions) -> Glyphs {
        options.ascii ? .ascii : .unicode
    }
}
