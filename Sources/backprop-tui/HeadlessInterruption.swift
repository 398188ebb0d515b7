import Glibc

/// Why a headless run or race ended before its last step for a reason outside training: a
/// signal, or an output that takes no more. Each has its exit status.
enum HeadlessInterruption: Equatable {
    /// SIGINT, SIGTERM, SIGHUP or SIGQUIT (`QuitSignals`): every line computed was written.
    case signal(Int32)
    /// stdout failed (`OutputBuffer.Failure`): the run stopped computing at once.
    case output(OutputBuffer.Failure)

    /// 128 + the signal's number (130, 143, 129) as a shell reports a program the signal
    /// ended; 141 (128 + SIGPIPE) for a reader that went away, as `yes | head` reports `yes`,
    /// so a pipeline under `set -o pipefail` sees the trace was cut; 74 (EX_IOERR) for any
    /// other write error.
    var exitStatus: Int32 {
        switch self {
        case .signal(let number): return 128 + number
        case .output(.closed): return 128 + SIGPIPE
        case .output(.error): return 74
        }
    }

    /// The one line for stderr: only a write error has one ("cannot write the trace: no space
    /// left on device"). A signal or a closed pipe is what the user did, and ends quietly.
    func message(writing what: String) -> String? {
        guard case .output(let failure) = self, failure != .closed else { return nil }
        return "cannot write the \(what): \(failure.reason)"
    }
}
