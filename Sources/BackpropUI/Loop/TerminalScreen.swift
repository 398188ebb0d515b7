/// What the main loop needs from a terminal. The curses backend is the real one; tests use a
/// scripted fake, so the loop's timing and key handling are tested without a terminal.
public protocol TerminalScreen: AnyObject {
    /// The current size in cells.
    var size: Size { get }
    /// Waits for the next event, at most `timeoutMilliseconds` (`nil`: as long as it takes, which
    /// is how the paused program uses no CPU). Returns `nil` when the time ran out.
    ///
    /// With a timeout of 0 it only looks: at `max` speed the loop calls it between chunks of
    /// training, hundreds of times a second, so it must be cheap (a non-blocking read), and it
    /// must neither drop nor reorder keys typed ahead: an event it returns is handled, and the
    /// rest are read by the next calls.
    func nextEvent(timeoutMilliseconds: Int?) -> TerminalEvent?
    /// Shows a whole frame (one refresh).
    func draw(_ canvas: Canvas)
}
