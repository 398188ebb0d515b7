import Foundation

import Glibc

/// Reads a whole input file (a scenario or CSV data) with the errors a person can act on:
/// missing, a folder, not a file at all (a device, a socket), larger than
/// `Limits.inputFileBytes`, or unreadable with the reason the system gave. Works for pipes too,
/// so `--scenario <(generate)` does what a shell user expects.
///
/// Never holds more than the limit: a regular file's size is checked before a byte is read, and
/// a pipe, whose size is unknown, is read in chunks and refused as soon as more arrives. A path
/// is looked up once with `stat` (following symbolic links, as a shell does) and checked before
/// it is opened, so `/dev/zero` or a terminal is never even opened; the opened descriptor is
/// checked again with `fstat`, as the path may name something else by then.
enum InputFile {
    /// How much is asked of `read(2)` at a time.
    private static let chunkSize = 1 << 16

    /// The file's bytes, or why they cannot be had.
    static func read(_ path: String, limit: Int = Limits.inputFileBytes) throws(ScenarioError) -> Data {
        var status = stat()
        guard stat(path, &status) == 0 else { throw failure(path: path, errno: errno) }
        try checkKind(of: status, path: path)
        var descriptor: Int32
        repeat {
            // Opening a FIFO waits for its writer, which a signal may interrupt.
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
        } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else { throw failure(path: path, errno: errno) }
        defer { close(descriptor) }
        guard fstat(descriptor, &status) == 0 else { throw failure(path: path, errno: errno) }
        try checkKind(of: status, path: path)
        let isRegular = status.st_mode & S_IFMT == S_IFREG
        if isRegular && status.st_size > limit {
            throw .fileTooLarge(path: path, bytes: Int(status.st_size), limit: limit)
        }
        var data = Data()
        if isRegular { data.reserveCapacity(Int(status.st_size)) }
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return data }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(path: path, errno: errno)
            }
            // A pipe, or a file that grew since fstat: refused before the bytes past the limit
            // are kept.
            guard data.count + count <= limit else { throw .fileTooLarge(path: path, bytes: nil, limit: limit) }
            data.append(contentsOf: buffer[0..<count])
        }
    }

    /// Throws unless `status` is a regular file or a pipe (a FIFO, or the `/dev/fd/63` of
    /// `<(command)`): a folder gets its own message, and anything else (a character device
    /// like `/dev/zero` or a terminal, a block device, a socket) is not data to read whole.
    private static func checkKind(of status: stat, path: String) throws(ScenarioError) {
        switch status.st_mode & S_IFMT {
        case S_IFREG, S_IFIFO: return
        case S_IFDIR: throw .fileIsDirectory(path: path)
        case S_IFCHR: throw .notAFile(path: path, kind: "a character device")
        case S_IFBLK: throw .notAFile(path: path, kind: "a block device")
        case S_IFSOCK: throw .notAFile(path: path, kind: "a socket")
        default: throw .notAFile(path: path, kind: "not a regular file")
        }
    }

    /// The error for a failed `stat`, `open` or `read` with `errno`: a missing file is named as
    /// such, and every other reason is worded for the person who must fix it.
    static func failure(path: String, errno code: Int32) -> ScenarioError {
        code == ENOENT ? .fileMissing(path: path) : .fileUnreadable(path: path, reason: reason(for: code))
    }

    /// Why a file cannot be read, for `errno` `code`, with what to check: the system's own
    /// words (lower-cased) for the rare reasons, a sentence of ours for the common ones.
    static func reason(for code: Int32) -> String {
        switch code {
        case EACCES, EPERM:
            return "permission denied; check the permissions of the file and of the folders above it"
        case ELOOP:
            return "too many levels of symbolic links (a link in the path leads back to itself); check the links"
        case ENOTDIR: return "a part of the path is not a folder; check the path"
        case ENAMETOOLONG: return "the name is too long; check the path"
        default: return String(cString: strerror(code)).lowercased()
        }
    }
}
