import CTerminalGuard

/// SIGINT, SIGTERM, SIGHUP and SIGQUIT taken as requests to stop where there is no terminal
/// (`--snapshot`, `--headless`): while watched, such a signal sets a flag that long work polls
/// between slices (an export, to remove what it was writing; a headless run, to write every line
/// it computed) before the program ends with 128 + n. The first signal decides the status; a
/// second one before the first is answered ends the process at once, as in the visualiser.
public enum QuitSignals {
    /// Starts watching. Signals ignored when the program started (nohup) stay ignored.
    public static func watch() {
        _ = backprop_guard_watch_quit_signals()
    }

    /// The signal that came while watching, if one did; it stays pending.
    public static var pending: Int32? {
        let signal = backprop_guard_pending_quit_signal()
        return signal == 0 ? nil : signal
    }

    /// Stops watching, putting the previous handlers back, and returns the signal that came
    /// meanwhile, if one did.
    public static func stopWatching() -> Int32? {
        let signal = pending
        backprop_guard_end()
        return signal
    }
}
