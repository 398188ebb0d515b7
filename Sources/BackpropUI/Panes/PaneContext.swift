import BackpropCore

/// What every pane of one frame shares: how to draw (glyphs, the frame's number width) and what
/// the user is looking at (the selected parameter and sample, the phase of the step walk).
struct PaneContext: Sendable {
    /// Unicode or ASCII characters.
    let glyphs: Glyphs
    /// The frame's number width and decimals; a pane narrows or widens it to the magnitudes it
    /// shows.
    let number: NumberFormat
    /// The weight or bias the inspector explains.
    let selection: ParameterIndex
    /// The sample (0-based) the network pane and the inspector's chain-rule line follow.
    let sample: Int
    /// Where `n` has got to in walking through the next step; `nil` when no walk is going on.
    let walkPhase: StepPhase?
    /// Whether the layout left some layers' panes out for lack of room (their titles then say
    /// how to reach them).
    var otherLayersHidden = false
}
