import Foundation

/// Spawn attributes that start a child with signals as a shell leaves them: none blocked, every
/// one at its default. The test runner's threads block most signals and `posix_spawn` passes the
/// mask on, so a child spawned without these never sees SIGTERM or SIGCHLD as a user's would.
enum ShellSignals {
    /// Calls `body` with such attributes, destroyed after it returns.
    static func withAttributes<Result>(_ body: (inout posix_spawnattr_t) throws -> Result) rethrows -> Result {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        return try body(&attributes)
    }
}
