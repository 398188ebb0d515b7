/// What a pane asks of the layout, worked out from its own content: the rows and columns it
/// wants (everything it has to show) and the fewest it can do with. The layout gives a pane its
/// wanted size while everything fits, and takes rows away, never below the minimum, when not.
struct PaneNeeds: Equatable, Sendable {
    /// Columns below which the pane is not worth drawing beside another one.
    var minimumWidth = 0
    /// Columns that show all of the pane's content, its box included.
    var wantedWidth = 0
    /// Rows below which the pane is not worth drawing.
    var minimumHeight = 0
    /// Rows that show all of the pane's content, its box included.
    var wantedHeight = 0

    /// A pane that asks for nothing: it takes what its place has.
    static let none = PaneNeeds()
}
