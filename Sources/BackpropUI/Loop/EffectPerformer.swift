import BackpropCore
import Foundation

/// Performs the effects `update` returns: the only UI code that writes files or reads the
/// wall clock. The loop and `--snapshot` use the real one; tests point it at a folder and a
/// fixed date.
///
/// A quick effect (`w`'s file) is done at once. A long one (`e`'s export) starts a `LongTask`,
/// which the caller keeps and gives slices of time: the main loop between frames
/// (`advance(_:on:until:clock:)`), `--snapshot` all at once (`apply(_:to:)` runs it to its end).
public struct EffectPerformer: Sendable {
    /// The folder `e` and `w` write into.
    public var folder: String
    /// The clock that dates the names of exported and saved files.
    public var now: @Sendable () -> Date
    /// Asked between the slices of a task run to its end: `true` cancels the task (removing
    /// what it made) and quits. `--snapshot` answers whether a quit signal has come, so that
    /// SIGINT, SIGTERM or SIGHUP during an export leave nothing behind.
    public var shouldStop: @Sendable () -> Bool

    /// The longest a slice of a task runs to its end takes before `shouldStop` is asked again.
    static let stopCheckNanoseconds: UInt64 = 20_000_000

    /// A performer writing into `folder` (the current one by default), dated by `now`, that
    /// runs tasks to their end unless `shouldStop` says otherwise.
    public init(
        folder: String = ".", now: @escaping @Sendable () -> Date = { Date() },
        shouldStop: @escaping @Sendable () -> Bool = { false }
    ) {
        self.folder = folder
        self.now = now
        self.shouldStop = shouldStop
    }

    /// Does `effect` and returns the action that tells the state how it went (`nil`: nothing to
    /// tell). A long effect starts its task in `task`, to be advanced by the caller, and tells
    /// its first progress; `cancelTask` cancels the task in `task`.
    public func perform(_ effect: Effect, task: inout (any LongTask)?) -> Action? {
        switch effect {
        case .writeFile(let text, let base, let ext, let what):
            do {
                let path = try NewFileWriter.write(
                    text, folder: folder, base: "\(base)-\(FileStamp.string(now()))", ext: ext)
                return .file(.finished(StatusMessage(wordings: what.map { "\($0) \(path)" })))
            } catch {
                return .file(.finished(StatusMessage(error.description, kind: .error)))
            }
        case .exportTrace(let trace, let base, let ext, let what):
            // `update` starts no task while one runs; were one running, it would be lost here.
            if var running = task { _ = running.cancel() }
            do {
                let started = try TraceExportTask(
                    trace: trace, folder: folder, base: "\(base)-\(FileStamp.string(now()))", ext: ext, what: what)
                task = started
                return .task(.progress(started.progress))
            } catch {
                task = nil
                return .task(.finished(StatusMessage("\(error.description); nothing written", kind: .error)))
            }
        case .cancelTask:
            guard var running = task else { return nil }
            task = nil
            return running.cancel()
        }
    }

    /// Applies `action` to `state`, then performs what it asks and applies the outcomes: one
    /// key's whole effect, as the loop handles it. A task it starts is left in `task`.
    public func apply(_ action: Action, to state: inout AppState, task: inout (any LongTask)?) {
        for effect in state.apply(action) {
            if let outcome = perform(effect, task: &task) { state.apply(outcome) }
        }
    }

    /// Applies `action` to `state` with every effect it asks for done to its end, a task too
    /// (`--snapshot --keys`, where no time passes, and tests): see `finish(_:on:)`.
    public func apply(_ action: Action, to state: inout AppState) {
        var task: (any LongTask)?
        apply(action, to: &state, task: &task)
        finish(&task, on: &state)
    }

    /// Gives `task` one slice of work, until `deadline` on `clock`, and applies its progress, or
    /// its end (after which `task` is `nil`).
    public func advance(
        _ task: inout (any LongTask)?, on state: inout AppState, until deadline: UInt64, clock: any MonotonicClock
    ) {
        guard var running = task else { return }
        if let end = running.work(until: deadline, clock: clock) {
            task = nil
            state.apply(end)
        } else {
            task = running
            state.apply(.task(.progress(running.progress)))
        }
    }

    /// Runs `task` to its end, asking `shouldStop` between slices: when it says stop, the task
    /// is cancelled and the state told to quit.
    public func finish(_ task: inout (any LongTask)?, on state: inout AppState) {
        let clock = SystemClock()
        while task != nil {
            if shouldStop() {
                // Quit first: its key would otherwise take the cancel's message away.
                state.apply(.terminal(.quit))
                cancel(&task, on: &state)
                return
            }
            advance(&task, on: &state, until: clock.nanoseconds + EffectPerformer.stopCheckNanoseconds, clock: clock)
        }
    }

    /// Cancels `task`, if there is one, and applies what it says.
    public func cancel(_ task: inout (any LongTask)?, on state: inout AppState) {
        if let outcome = perform(.cancelTask, task: &task) { state.apply(outcome) }
    }
}
