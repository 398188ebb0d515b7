/// Work that takes longer than a frame (an export of millions of numbers), done a slice at a
/// time so that the screen stays drawn and keys stay answered meanwhile.
///
/// `EffectPerformer` starts one for an effect; the main loop gives it slices between frames,
/// polling for keys between slices, and applies its progress and its end to the state as
/// `TaskAction`s (the state holds only the progress, a value, for the hint line and the key
/// map). `--snapshot` runs it to its end at once, since no time passes there. A task works on
/// copies of what it needs, taken when it started, so the run may change meanwhile.
public protocol LongTask {
    /// How far it has got.
    var progress: TaskProgress { get }

    /// Does the next slice of work, stopping soon after `clock` reaches `deadline` (in its
    /// nanoseconds). Returns the action that ends the task (done, or failed) when it has ended,
    /// `nil` while there is more to do.
    mutating func work(until deadline: UInt64, clock: any MonotonicClock) -> Action?

    /// Stops the task, removing what it made, and returns the action that says so.
    mutating func cancel() -> Action
}
