import Glibc

/// Collects output lines and writes them to stdout in large blocks, so a trace of a million rows
/// costs a few thousand writes rather than a million.
struct OutputBuffer {
    private var bytes: [UInt8] = []
    private let limit = 1 << 16

    init() {
        bytes.reserveCapacity(limit + 1024)
    }

    /// Appends one line (a newline is added).
    mutating func write(_ line: String) {
        bytes.append(contentsOf: line.utf8)
        bytes.append(10)
        if bytes.count >= limit { flush() }
    }

    /// Writes everything collected so far.
    mutating func flush() {
        guard !bytes.isEmpty else { return }
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(1, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 {
                    if written < 0 && errno == EINTR { continue }
                    return  // stdout closed (e.g. `| head`): nothing more can be written
                }
                offset += written
            }
        }
        bytes.removeAll(keepingCapacity: true)
    }
}
