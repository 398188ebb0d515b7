extension Rect {
    /// Whether the cell at `column`, `row` is inside.
    func contains(column: Int, row: Int) -> Bool {
        column >= x && column < maxX && row >= y && row < maxY
    }

    /// The cells of both this rectangle and `other`; empty when they do not meet.
    func clipped(to other: Rect) -> Rect {
        let left = max(x, other.x)
        let top = max(y, other.y)
        let right = min(maxX, other.maxX)
        let bottom = min(maxY, other.maxY)
        guard right > left, bottom > top else { return .empty }
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }
}
