/// How a headless run (or an export from the UI) writes its trace.
public enum TraceFormat: String, CaseIterable, Sendable {
    /// Readable lines for a person, in the spirit of the article's printout.
    case text
    /// `step,cost,w1_1,...,wn_m,b1,...,bm` (`L1_w1_1,...` for several layers), one row per printed
    /// step.
    case csv
    /// JSON Lines: one object per printed step with `step`, `cost`, `w`, `b` (or `layers`, a list
    /// of `{w, b}`, for several layers).
    case json

}
