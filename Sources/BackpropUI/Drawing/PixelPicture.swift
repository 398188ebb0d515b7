import BackpropCore

/// A picture of `shape.width` x `shape.height` values drawn in the terminal's cells: a sample's
/// pixels (ink from 0 to 1), or a neuron's incoming weights (negative, zero, positive).
///
/// Its pixels are square on a terminal whose cells are twice as tall as wide. In colour a cell
/// holds two pixels one above the other (the upper half block ▀, the top pixel its foreground and
/// the bottom one its background), so a pixel is `magnification` columns wide and
/// `magnification` half-rows tall. Without colour a cell holds one character of a ramp; the
/// picture keeps the same size in cells, so colour and ASCII frames are laid out alike: at an even
/// magnification each pixel is whole characters, at magnification 1 a character shows the mean of
/// the two pixels a colour cell would stack.
struct PixelPicture: Equatable, Sendable {
    /// How values become shades.
    enum Scale: Equatable, Sendable {
        /// 0 (no ink, black) to 1 (all ink, white); values outside take the ends.
        case ink
        /// -limit (cool) through 0 (pale) to +limit (warm), `limit` > 0: the diverging ramp the
        /// input plane uses, so a weight's sign reads as its colour.
        case diverging(limit: Double)
    }

    /// The picture's pixels across and down.
    let shape: ImageShape
    /// One value a pixel, row by row from the top left.
    let values: [Double]
    /// How the values are shaded.
    let scale: Scale

    /// The number of shades, in colour and in characters alike.
    static let levels = 10
    /// The ink shades without colour, none to all.
    static let inkCharacters: [Character] = [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"]
    /// The diverging shades without colour, most negative to most positive: `=` and `-` below
    /// zero, blank around it, `+` and `#` above, so the sign reads without colour too.
    static let divergingCharacters: [Character] = ["=", "=", "-", "-", " ", " ", "+", "+", "#", "#"]

    /// A picture of `values` (one a pixel of `shape`, row by row).
    init(shape: ImageShape, values: [Double], scale: Scale) {
        precondition(values.count == shape.pixelCount, "one value a pixel")
        self.shape = shape
        self.values = values
        self.scale = scale
    }

    /// The cells the picture takes at `magnification` (1 or more): `width·m` columns and
    /// `⌈height·m / 2⌉` rows, with colour or without.
    func size(magnification: Int) -> Size {
        let m = max(1, magnification)
        return Size(width: shape.width * m, height: (shape.height * m + 1) / 2)
    }

    /// The largest magnification whose picture fits in `columns` x `rows` cells (0: none fits).
    func magnification(fitting columns: Int, _ rows: Int) -> Int {
        var m = 0
        while case let next = size(magnification: m + 1), next.width <= columns, next.height <= rows {
            m += 1
        }
        return m
    }

    /// The shade, 0 to `levels - 1`, of `value`. NaN takes the middle level below, pale.
    func level(of value: Double) -> Int {
        guard !value.isNaN else { return Self.levels / 2 - 1 }
        let fraction: Double
        switch scale {
        case .ink: fraction = value
        case .diverging(let limit): fraction = (value / limit + 1) / 2
        }
        let scaled = fraction * Double(Self.levels)
        guard scaled > 0 else { return 0 }
        guard scaled < Double(Self.levels) else { return Self.levels - 1 }
        return Int(scaled)
    }

    /// The colour of shade `level`.
    private func color(_ level: Int) -> Color {
        switch scale {
        case .ink: .ink(level)
        case .diverging: .ramp(level)
        }
    }

    /// The character of shade `level` without colour.
    private func character(_ level: Int) -> Character {
        switch scale {
        case .ink: Self.inkCharacters[level]
        case .diverging: Self.divergingCharacters[level]
        }
    }

    /// The value of the pixel under pixel row `pixelRow` (from the top, in pixels of the
    /// magnified picture) and column `column`.
    private func value(column: Int, pixelRow: Int, magnification m: Int) -> Double {
        let x = min(column / m, shape.width - 1)
        let y = min(pixelRow / m, shape.height - 1)
        return values[shape.input(column: x, row: y)]
    }

    /// Draws the picture with its top left cell at (`x`, `y`), magnified `magnification` times,
    /// in colour (half blocks) or characters; cells outside `canvas` are left out.
    func draw(at x: Int, _ y: Int, magnification: Int, color: Bool, on canvas: inout Canvas) {
        let m = max(1, magnification)
        let size = size(magnification: m)
        let pixelRows = shape.height * m
        for row in 0..<size.height {
            for column in 0..<size.width where canvas.contains(x: x + column, y: y + row) {
                let top = value(column: column, pixelRow: 2 * row, magnification: m)
                // An odd last row has no pixel under its top one: the picture's edge.
                let hasBottom = 2 * row + 1 < pixelRows
                let bottom = hasBottom ? value(column: column, pixelRow: 2 * row + 1, magnification: m) : nil
                let cell: Cell
                if color {
                    cell = Cell(
                        "▀",
                        style: Style(
                            foreground: self.color(level(of: top)), background: bottom.map { self.color(level(of: $0)) }
                        ))
                } else {
                    // A character stands for both pixels a colour cell stacks: their mean.
                    cell = Cell(character(level(of: bottom.map { (top + $0) / 2 } ?? top)))
                }
                canvas[x + column, y + row] = cell
            }
        }
    }

    /// The diverging scale for `values`: ± their largest magnitude, so the strongest weight takes
    /// an end of the ramp (1 when every value is 0 or none is finite).
    static func divergingScale(for values: some Sequence<Double>) -> Scale {
        var largest = 0.0
        for value in values where value.isFinite { largest = max(largest, abs(value)) }
        return .diverging(limit: largest > 0 ? largest : 1)
    }
}
