/// Which of `count` rows (or columns) a pane with room for `room` shows: all of them, or a run
/// that keeps one of them (the selection) in view, with how many are hidden on each side so
/// the pane can say so. Nothing is dropped without a marker.
struct ScrollWindow: Equatable {
    /// The first shown.
    let first: Int
    /// How many are shown.
    let shown: Int
    /// How many there are.
    let count: Int

    /// The window over `count` items for `room` places, keeping `kept` in view (or starting at
    /// the first when `kept` is `nil`). When not all fit, `markerRoom` places are left for the
    /// marker that says what is hidden.
    init(count: Int, room: Int, keeping kept: Int?, markerRoom: Int = 0) {
        self.count = count
        guard count > room else {
            first = 0
            shown = max(0, count)
            return
        }
        let shown = max(0, min(count, room - markerRoom))
        self.shown = shown
        let wanted = kept ?? 0
        // From the top while the kept item is on the first page; past it, the kept item is the
        // last one shown. Stateless, so the same state always draws the same frame.
        first = max(0, min(count - shown, wanted - shown + 1))
    }

    /// The indices shown.
    var range: Range<Int> { first..<(first + shown) }
    /// How many are hidden before the window.
    var hiddenBefore: Int { first }
    /// How many are hidden after it.
    var hiddenAfter: Int { count - first - shown }
    /// Whether some are hidden.
    var isPartial: Bool { shown < count }
}
