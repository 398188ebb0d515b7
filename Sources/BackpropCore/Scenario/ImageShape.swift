/// How a sample's inputs form a picture: `width` x `height` pixels, row by row from the top
/// left, one input each (the `digits` preset's 8x8, or `--image WxH` for a teacher's own data).
/// The image panes draw the inputs, and each first-layer neuron's incoming weights, in it.
public struct ImageShape: Hashable, Sendable {
    /// Pixels across.
    public let width: Int
    /// Pixels down.
    public let height: Int

    /// A shape of at least one pixel each way; nil otherwise.
    public init?(width: Int, height: Int) {
        guard width >= 1, height >= 1, width <= ImageShape.largestSide, height <= ImageShape.largestSide else {
            return nil
        }
        self.width = width
        self.height = height
    }

    /// The shape `text` writes as `WxH` (like 8x8 or 5x7), or nil when it is not one.
    public init?(parsing text: String) {
        let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]) else { return nil }
        self.init(width: width, height: height)
    }

    /// The number of pixels, one input each.
    public var pixelCount: Int { width * height }

    /// The input that holds the pixel in column `column` and row `row` (0-based, from the top
    /// left).
    public func input(column: Int, row: Int) -> Int { row * width + column }

    /// The widest or tallest picture taken: far beyond any image pane, and small enough that
    /// width x height never overflows.
    public static let largestSide = 1024

    /// The shape of `pixelCount` pixels closest to a square, wider than tall when it cannot be
    /// square (64: 8x8, 12: 4x3, 7: 7x1): the size a refusal suggests. Nil when no shape of
    /// sides up to `largestSide` has that many pixels.
    public static func squarest(pixelCount: Int) -> ImageShape? {
        guard pixelCount >= 1 else { return nil }
        var height = Int(Double(pixelCount).squareRoot())
        while height > 1 && pixelCount % height != 0 { height -= 1 }
        return ImageShape(width: pixelCount / height, height: height)
    }

    /// `WxH`, as the command line writes it.
    public var description: String { "\(width)x\(height)" }
}
