/// Draws frames and keeps what they cost to compute: the main loop's renderer.
///
/// `Frame.render` works every number out afresh; a renderer keeps the last frame's `FrameData`
/// and reuses it while the state's numbers are the same, so a key that changes only the view
/// redraws at the cost of the rows drawn, whatever the size of the data.
///
/// Work that can take longer than a frame (the gradient check's estimates, the lr preview's
/// rates, on a large network) is done in slices within `budget`: the frame shows what is made
/// and says what is still to come, `hasUnfinishedWork` tells the loop to poll for keys and
/// render again, and a key that closes the pane or changes the state drops the rest at once.
public struct FrameRenderer {
    /// The numbers of the last frame drawn; `nil` before the first.
    public private(set) var data: FrameData?
    /// Whether the last frame left numbers to make: render again (after polling for keys) to go
    /// on with them.
    public private(set) var hasUnfinishedWork = false
    /// Where the last frame drawn put what a click can land on (`KeyMap` reads it): clicks are
    /// on what was on the screen.
    public private(set) var screenMap = ScreenMap.empty
    /// How much unfinished work one render does.
    private let budget: FrameBudget

    /// How long one render of the main loop works on unfinished numbers before it draws: well
    /// within a frame (`AppLoop.frameMilliseconds`), so keys are polled about 30 times a second,
    /// a frame with the landscape being made stays within a 60 Hz frame (16 ms), and a run at
    /// `max` keeps two thirds of each frame for its steps.
    public static let sliceMilliseconds = 10

    /// A renderer that has drawn nothing yet, doing `budget`'s unfinished work a render (by
    /// default `sliceMilliseconds` of it by the system clock).
    public init(budget: FrameBudget = .time(milliseconds: FrameRenderer.sliceMilliseconds, clock: SystemClock())) {
        self.budget = budget
    }

    /// The frame for `state` on a terminal of `size` (the size the state was last told about
    /// by default), computing only the numbers that changed since the last frame. A frame that
    /// answers a key (`answering`) does one slice of unfinished work, not the budget's: the key's
    /// effect shows at once, and the work goes on in the frames after.
    public mutating func render(_ state: AppState, size: Size? = nil, answering: Bool = false) -> Canvas {
        let size = size ?? state.size
        var meter = (answering ? FrameBudget.slices(1) : budget).start()
        if data?.serves(state) != true { data = FrameData(for: state, reusing: data) }
        let layout = data!.advance(for: state, size: size, meter: &meter)
        hasUnfinishedWork = !data!.isFinished(for: state)
        let drawn = Frame.drawn(state, size: size, data: data!, layout: layout)
        screenMap = drawn.map
        return drawn.canvas
    }
}
