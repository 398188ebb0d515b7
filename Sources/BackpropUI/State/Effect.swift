import BackpropCore

/// What `update` asks of the world instead of doing it itself, so that `update` stays pure:
/// the main loop (or `--snapshot`) performs each effect with an `EffectPerformer` and feeds
/// the outcome back as an action.
public enum Effect: Equatable, Sendable {
    /// Write `text` into a new file named `base`, a date and time stamp, and `ext`, never over
    /// an existing file; say `what` was written, before the path, in wordings longest first (the
    /// hint line takes the longest that leaves the path whole).
    case writeFile(text: String, base: String, ext: String, what: [String])
    /// Write `trace` into a new file named like `writeFile`'s: a long task, whose rows are
    /// written a slice at a time between frames (`TaskAction` reports its progress and end);
    /// `what` says what was written, before the path, in wordings longest first.
    case exportTrace(ExportedTrace, base: String, ext: String, what: [String])
    /// Stop the running task and remove what it made.
    case cancelTask
}
