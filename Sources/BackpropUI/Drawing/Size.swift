/// A terminal or pane size in character cells.
public struct Size: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// Columns.
    public var width: Int
    /// Rows.
    public var height: Int

    /// A size of `width` columns and `height` rows.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// "80x24", the way sizes are written on the command line and in messages.
    public var description: String { "\(width)x\(height)" }
}
