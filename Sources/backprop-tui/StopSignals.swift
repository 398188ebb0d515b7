import Glibc
import Synchronization

/// SIGINT, SIGTERM and SIGHUP during a headless run: a handler that only notes the signal
/// (a store to an atomic, which is async-signal-safe), and a question the run asks between
/// chunks of steps. The run then writes the step it reached, flushes every line, and exits
/// 128 + the signal's number, so Ctrl-C or `kill` never loses a line already computed.
///
/// The handler is installed with SA_RESETHAND: a second Ctrl-C finds the default action and
/// ends the program at once, should the first be stuck writing to a reader that does not read.
/// The first signal decides the exit status. A signal the program was started with ignored
/// (`nohup` ignores SIGHUP, a shell's background job SIGINT) stays ignored.
enum StopSignals {
    /// The signals a run stops on.
    static let numbers = [SIGINT, SIGTERM, SIGHUP]

    /// The first signal received, 0 for none.
    private static let received = Atomic<Int32>(0)

    /// Installs the handlers; from now on these signals stop the run instead of killing it.
    static func install() {
        // Initialises the atomic here, so the handler never runs its lazy initialiser.
        received.store(0, ordering: .relaxed)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { number in
            _ = StopSignals.received.compareExchange(expected: 0, desired: number, ordering: .relaxed)
        }
        sigemptyset(&action.sa_mask)
        // SA_RESTART: a write interrupted by the signal goes on; the run looks at the flag after it.
        action.sa_flags = SA_RESTART | Int32(bitPattern: UInt32(SA_RESETHAND))
        var blocked = sigset_t()
        sigemptyset(&blocked)
        for number in numbers {
            var current = sigaction()
            sigaction(number, nil, &current)
            if unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self)
                == unsafeBitCast(SIG_IGN, to: Int.self)
            {
                continue
            }
            sigaction(number, &action, nil)
            sigaddset(&blocked, number)
        }
        // A parent may hand down these signals blocked (a spawning thread's mask is inherited):
        // blocked, they would never reach the handler, and nothing would stop the run.
        sigprocmask(SIG_UNBLOCK, &blocked, nil)
    }

    /// The signal that asked the run to stop, if one has.
    static var pending: Int32? {
        let number = received.load(ordering: .relaxed)
        return number == 0 ? nil : number
    }
}
