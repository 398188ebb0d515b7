/// A mouse button pressed or the wheel turned, at a cell of the screen, as the backend decodes
/// what the terminal reports (and `--keys` writes as `<Click 12 5>`).
public struct MouseEvent: Equatable, Hashable, Sendable {
    /// What the mouse did.
    public enum Kind: Equatable, Hashable, Sendable, CaseIterable {
        /// The left button pressed.
        case click
        /// The right button pressed.
        case rightClick
        /// The wheel turned up (away from the user).
        case wheelUp
        /// The wheel turned down.
        case wheelDown

        /// The name `--keys` writes it with: `<Click 12 5>`.
        public var name: String {
            switch self {
            case .click: "Click"
            case .rightClick: "RightClick"
            case .wheelUp: "WheelUp"
            case .wheelDown: "WheelDown"
            }
        }
    }

    /// What the mouse did.
    public var kind: Kind
    /// The cell's column, 0-based from the left edge of the screen.
    public var column: Int
    /// The cell's row, 0-based from the top of the screen.
    public var row: Int

    /// `kind` at the cell in `column` and `row`, both 0-based.
    public init(_ kind: Kind, column: Int, row: Int) {
        self.kind = kind
        self.column = column
        self.row = row
    }
}
