/// Draws frames and keeps what they cost to compute: the main loop's renderer.
///
/// `Frame.render` works every number out afresh; a renderer keeps the last frame's `FrameData`
/// and reuses it while the state's numbers are the same, so a key that changes only the view
/// redraws at the cost of the rows drawn, whatever the size of the data.
public struct FrameRenderer: Sendable {
    /// The numbers of the last frame drawn; `nil` before the first.
    public private(set) var data: FrameData?

    /// A renderer that has drawn nothing yet.
    public init() {}

    /// The frame for `state` on a terminal of `size` (the size the state was last told about
    /// by default), computing only the numbers that changed since the last frame.
    public mutating func render(_ state: AppState, size: Size? = nil) -> Canvas {
        if data?.serves(state) != true { data = FrameData(for: state, reusing: data) }
        return Frame.render(state, size: size ?? state.size, data: data!)
    }
}
