import BackpropUI
import CTerminalGuard
import Glibc

/// A deliberate crash, so the end-to-end tests can prove that a crash restores the terminal and
/// keeps its message. Armed only by the environment variable `BACKPROP_TUI_CRASH_TEST` (`trap`,
/// `segv` or `abort`); the crash happens when `!` is pressed. Nobody sets it by accident, and it
/// costs nothing when unset.
enum CrashTest: String {
    /// A Swift runtime trap (`fatalError`): "Fatal error: ..." on stderr, then SIGILL or SIGTRAP.
    case trap
    /// A null pointer write: SIGSEGV.
    case segv
    /// `abort()`: SIGABRT.
    case abort

    /// The key that fires an armed crash test.
    static let trigger: Key = .character("!")

    /// The crash test named by the environment, if any.
    static var armed: CrashTest? {
        guard let value = getenv("BACKPROP_TUI_CRASH_TEST") else { return nil }
        return CrashTest(rawValue: String(cString: value))
    }

    /// Crashes the process.
    func fire() -> Never {
        switch self {
        case .trap:
            fatalError("crash test: BACKPROP_TUI_CRASH_TEST=trap")
        case .segv:
            backprop_guard_crash_with_segfault()
            fatalError("crash test: the null pointer write did not fault")
        case .abort:
            Glibc.abort()
        }
    }
}
