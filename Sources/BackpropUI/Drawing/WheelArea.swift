/// A pane's rectangle on the screen and what the wheel does over it.
struct WheelArea: Equatable, Sendable {
    /// The pane's rectangle, its box included, 0-based on the screen.
    let area: Rect
    let wheel: PaneWheel
}
