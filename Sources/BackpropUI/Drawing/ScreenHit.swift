/// A rectangle of the screen a pane drew something clickable in, and what a click there names.
///
/// Panes report their hits from the same geometry that draws them (`Pane.hits(in:context:)`),
/// so what a click selects is what the user saw under the pointer.
struct ScreenHit: Equatable, Sendable {
    /// What the rectangle holds.
    enum Kind: Equatable, Sendable {
        /// One thing, wherever in the rectangle the click lands.
        case target(ClickTarget)
        /// The input plane's plot: each cell names the point under its centre, on `axes`.
        case plane(PlaneAxes)
    }

    /// The cells, 0-based on the screen.
    let area: Rect
    let kind: Kind

    /// A hit naming `target` over `area`.
    init(_ area: Rect, _ target: ClickTarget) {
        self.area = area
        kind = .target(target)
    }

    /// The plot of the input plane drawn over `area` on `axes`.
    init(plot area: Rect, axes: PlaneAxes) {
        self.area = area
        kind = .plane(axes)
    }

    /// What a click at `column`, `row` of the screen names, or nil outside the rectangle.
    func target(column: Int, row: Int) -> ClickTarget? {
        guard area.contains(column: column, row: row) else { return nil }
        switch kind {
        case .target(let target): return target
        case .plane(let axes):
            let point = axes.point(
                column: column - area.x, row: row - area.y, columns: area.width, rows: area.height)
            return .planePoint(x1: point.x1, x2: point.x2)
        }
    }
}
