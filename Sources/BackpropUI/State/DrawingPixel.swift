/// One pixel of the drawing's canvas: its column and row, 0-based from the top left, as
/// `ImageShape.input(column:row:)` counts them.
public struct DrawingPixel: Equatable, Hashable, Sendable {
    /// Pixels from the left edge.
    public var column: Int
    /// Pixels from the top edge.
    public var row: Int

    /// The pixel at `column` and `row`.
    public init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }
}
