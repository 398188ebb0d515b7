/// What the screen showed of the input plane when `m` was pressed, carried in the action so that
/// `update` never reads the terminal size or the layout (as a mouse click carries its position).
public struct PlaneRoom: Equatable, Hashable, Sendable {
    /// Whether the plane was on the screen.
    public var isShown: Bool
    /// Columns the terminal would need for the plane to show once asked for, when it has fewer;
    /// `nil` when asking is enough.
    public var neededWidth: Int?
    /// Columns the terminal has.
    public var width: Int

    /// What a terminal `width` columns wide showed.
    public init(isShown: Bool, neededWidth: Int?, width: Int) {
        self.isShown = isShown
        self.neededWidth = neededWidth
        self.width = width
    }
}
