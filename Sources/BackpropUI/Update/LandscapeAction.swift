/// The Landscape pane: the cost over the selection and a partner parameter, with the path of
/// descent.
public enum LandscapeAction: Equatable, Hashable, Sendable {
    /// Show or hide the pane (`S`).
    case toggle
    /// The next partner (y axis) in Tab order, skipping the selection (`P`).
    case cyclePartner
    /// One rung of the 1-2-5 ladder in (`z`).
    case zoomIn
    /// One rung of the 1-2-5 ladder out (`Z`).
    case zoomOut
    /// Write the landscape the pane shows as CSV, on the grid of `--headless --landscape` (`E`).
    case export
}
