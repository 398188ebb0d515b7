import BackpropUI
import Glibc

/// Collects output lines and writes them to stdout, and remembers when stdout can take no more.
///
/// Into a pipe or a file the lines go in large blocks, so a trace of a million rows costs a few
/// thousand writes rather than a million; a block also goes out once it has waited
/// `flushInterval` (`tend`), so a slow trace still reaches `| tee` and `| head` soon. On a
/// terminal every line goes out as soon as it is complete: a person is watching, and Ctrl-C must
/// not lose what the screen has not shown yet.
///
/// The first write that fails ends the output: a reader that went away (EPIPE, `| head`) is
/// `.closed`, anything else (a full disk, a closed descriptor) is `.error` with its errno. Later
/// lines are dropped, and the loops that feed the buffer stop computing when they see `failure`.
struct OutputBuffer {
    /// Why stdout takes no more lines.
    enum Failure: Equatable {
        /// The reader went away (EPIPE, or a pipe seen closed by `poll`): the run ends quietly,
        /// as a program killed by SIGPIPE would.
        case closed
        /// Any other write error, with its errno.
        case error(Int32)

        /// "no space left on device", "bad file descriptor": the system's words, in lower case
        /// to follow a colon.
        var reason: String {
            switch self {
            case .closed: return "the reader has gone"
            case .error(let number):
                let text = String(cString: strerror(number))
                return text.prefix(1).lowercased() + text.dropFirst()
            }
        }
    }

    /// A block this large is written at once.
    private static let limit = 1 << 16
    /// Lines waiting longer than this are written by `tend`, in nanoseconds.
    static let flushInterval: UInt64 = 100_000_000
    /// How often `tend` asks `poll` whether the reader is still there, in nanoseconds.
    static let pollInterval: UInt64 = 20_000_000

    private let descriptor: Int32
    private var bytes: [UInt8] = []
    /// Whether every line is written as soon as it is complete (stdout is a terminal).
    let flushesEachLine: Bool
    /// Why the output stopped, once it has; nil while every write has succeeded.
    private(set) var failure: Failure?
    private var lastFlush: UInt64
    private var lastPoll: UInt64

    /// A buffer for stdout: line by line on a terminal, in blocks otherwise.
    init() {
        descriptor = STDOUT_FILENO
        flushesEachLine = isatty(STDOUT_FILENO) == 1
        bytes.reserveCapacity(OutputBuffer.limit + 1024)
        lastFlush = SystemClock.process.nanoseconds
        lastPoll = lastFlush
    }

    /// Appends one line (a newline is added); dropped once the output has failed.
    mutating func write(_ line: String) {
        guard failure == nil else { return }
        bytes.append(contentsOf: line.utf8)
        bytes.append(10)
        if flushesEachLine || bytes.count >= OutputBuffer.limit { flush() }
    }

    /// Writes everything collected so far; on failure, remembers why and drops the rest.
    mutating func flush() {
        lastFlush = SystemClock.process.nanoseconds
        guard failure == nil, !bytes.isEmpty else { return }
        let descriptor = self.descriptor
        let error = bytes.withUnsafeBufferPointer { buffer -> Int32? in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                // A write of 0 bytes to a pipe or a file does not happen; were it to, trying again
                // forever would hang, so it counts as an error of its own.
                if written == 0 { return EIO }
                offset += written
            }
            return nil
        }
        bytes.removeAll(keepingCapacity: true)
        if let error { failure = error == EPIPE ? .closed : .error(error) }
    }

    /// Between chunks of work, at time `now`: writes lines that have waited `flushInterval`, and
    /// every `pollInterval` asks whether the reader of a pipe has gone (POLLERR), which a trace
    /// that prints one line a minute would otherwise learn only at its next line.
    mutating func tend(now: UInt64) {
        guard failure == nil else { return }
        if !bytes.isEmpty && now &- lastFlush >= OutputBuffer.flushInterval { flush() }
        guard now &- lastPoll >= OutputBuffer.pollInterval else { return }
        lastPoll = now
        var status = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
        guard poll(&status, 1, 0) == 1, Int32(status.revents) & (POLLERR | POLLHUP) != 0 else { return }
        // A pipe with no reader left: what is still collected could only fail with EPIPE.
        if bytes.isEmpty { failure = .closed } else { flush() }
    }
}
