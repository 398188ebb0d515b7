import Glibc

/// A new file being written, which gets its name only once every byte is on disk, never over an
/// existing file, and leaves nothing behind when it is not finished: the exports and saves of
/// the interactive program, which a student may press many times in one second and which a
/// signal may interrupt.
///
/// Where the folder allows it (ext4, xfs, btrfs, tmpfs), the bytes go to an anonymous file
/// (`O_TMPFILE`): it has no name until `commit` links it into the folder, so a kill at any
/// moment, even `kill -9`, leaves nothing. Elsewhere (`EOPNOTSUPP`, `EISDIR` or `EINVAL` from
/// `open`, or no `/proc` to link it through) it falls back to a hidden temporary file,
/// `.base.pid.random.tmp`, which `discard` (or the file's end without `commit`) removes; the
/// program removes it on SIGINT, SIGTERM and SIGHUP by cancelling the write.
///
/// `commit` gives the file its name with `link`/`linkat`, which fail with `EEXIST` when the name
/// is taken, atomically: there is no window between "is the name free?" and "take it" (which
/// `rename(2)` lacks: it silently replaces the destination), and a symlink at the name is never
/// followed. A taken name is tried again with `-2`, `-3`, ... as far as needed.
///
/// Bytes are gathered in a buffer of `bufferCapacity` and written when it fills, so memory
/// stays a few MB whatever the size of the file.
public final class NewFile {
    /// How the unnamed bytes are kept until `commit`.
    public enum Storage: Equatable, Sendable {
        /// An anonymous `O_TMPFILE` file: nothing is ever left behind.
        case anonymous
        /// A hidden temporary file in the folder, at this path, removed unless committed.
        case temporaryName(String)
    }

    /// The bytes gathered before a `write(2)`.
    public static let bufferCapacity = 1 << 20

    /// The folder the file is written into (`.` for the current one).
    public let folder: String
    /// How the bytes are kept until they have a name.
    public let storage: Storage
    /// Every byte handed to `write` so far, buffered or not.
    public private(set) var byteCount = 0
    /// The path the error messages name until the file has one of its own: the name asked for.
    private let shownPath: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    /// Bytes handed to `write(2)` so far, and where the last such write began.
    private var flushedCount = 0
    private var previousFlushStart = 0

    /// Linux's `O_TMPFILE` (`__O_TMPFILE | O_DIRECTORY`), which Glibc's Swift module does not
    /// export. `__O_TMPFILE` is 0o20000000 on every architecture this program builds for (it
    /// differs only on alpha, parisc and sparc).
    private static let anonymousFlag: Int32 = 0o20000000 | O_DIRECTORY

    /// Starts a new file in `folder`. Errors name `shownPath`, the file the user asked for,
    /// not the hidden temporary one. `anonymous: false` skips `O_TMPFILE` (a folder known not to
    /// support it, and the tests of the fallback). Throws `NewFileError` with the system's reason
    /// when the folder cannot take a file (missing, read-only, full).
    public init(folder: String, shownPath: String, anonymous: Bool = true) throws(NewFileError) {
        let directory = folder.isEmpty ? "." : folder
        self.folder = directory
        self.shownPath = shownPath
        if anonymous, let descriptor = try NewFile.openAnonymous(in: directory, shownPath: shownPath) {
            self.descriptor = descriptor
            storage = .anonymous
        } else {
            let base = shownPath.split(separator: "/").last.map(String.init) ?? "file"
            let temporary = "\(directory)/.\(base).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw NewFileError(path: shownPath, reason: NewFile.reason()) }
            self.descriptor = descriptor
            storage = .temporaryName(temporary)
        }
        buffer.reserveCapacity(NewFile.bufferCapacity)
    }

    /// An anonymous file in `directory`, or `nil` where the file system or the system cannot
    /// make or later name one (then a named temporary file is used instead).
    private static func openAnonymous(in directory: String, shownPath: String) throws(NewFileError) -> Int32? {
        let descriptor = open(directory, anonymousFlag | O_WRONLY | O_CLOEXEC, 0o644)
        if descriptor < 0 {
            // Not supported here: a file system without it, or a kernel older than 3.11 (which
            // takes the flag for O_DIRECTORY and refuses to write a folder).
            if errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL { return nil }
            throw NewFileError(path: shownPath, reason: reason())
        }
        // `commit` names it through /proc; without /proc it could never be named.
        guard access("/proc/self/fd/\(descriptor)", F_OK) == 0 else {
            close(descriptor)
            return nil
        }
        return descriptor
    }

    deinit { discard() }

    /// Appends `bytes`, writing to the file whenever the buffer fills. On an error (a full disk)
    /// the file is discarded and the error thrown.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(NewFileError) {
        try checkOpen()
        byteCount += bytes.count
        if buffer.count + bytes.count > NewFile.bufferCapacity { try flush() }
        if bytes.count >= NewFile.bufferCapacity {
            try writeAll(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Appends `bytes` (see `write(_:)`).
    public func write(_ bytes: [UInt8]) throws(NewFileError) {
        // `withUnsafeBytes` rethrows untyped errors, so the error comes out as a value.
        let failure = bytes.withUnsafeBytes { raw -> NewFileError? in
            do throws(NewFileError) { try write(raw) } catch { return error }
            return nil
        }
        if let failure { throw failure }
    }

    /// Appends the UTF-8 of `text` (see `write(_:)`).
    public func write(_ text: String) throws(NewFileError) {
        var text = text
        let failure = text.withUTF8 { utf8 -> NewFileError? in
            do throws(NewFileError) { try write(UnsafeRawBufferPointer(utf8)) } catch { return error }
            return nil
        }
        if let failure { throw failure }
    }

    /// Writes what is buffered, flushes it to disk and names the file `folder/base.ext`, or
    /// `base-2.ext`, `base-3.ext`, ... when that name is taken. Returns the path. After an error
    /// the file is discarded; either way it is closed.
    public func commit(base: String, ext: String) throws(NewFileError) -> String {
        try checkOpen()
        do throws(NewFileError) {
            try flush()
            guard fsync(descriptor) == 0 else { throw NewFileError(path: shownPath, reason: NewFile.reason()) }
            let path = try link(base: base, ext: ext)
            discard()
            return path
        } catch {
            discard()
            throw error
        }
    }

    /// Closes the file and removes its bytes: an anonymous file vanishes with its descriptor,
    /// a temporary name is unlinked. Idempotent; `commit` calls it once the file has its name.
    public func discard() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        if case .temporaryName(let path) = storage { unlink(path) }
        buffer = []
    }

    /// Whether the file is still open for writing (neither committed nor discarded).
    public var isOpen: Bool { descriptor >= 0 }

    /// Gives the bytes the first free name of `base.ext`, `base-2.ext`, `base-3.ext`, ...
    /// Each `EEXIST` is a file that is really there, so this ends after at most as many tries as
    /// the folder has files.
    private func link(base: String, ext: String) throws(NewFileError) -> String {
        var number = 1
        while true {
            let name = number == 1 ? "\(base).\(ext)" : "\(base)-\(number).\(ext)"
            let path = "\(folder)/\(name)"
            let linked: Int32
            switch storage {
            case .anonymous:
                linked = linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, path, AT_SYMLINK_FOLLOW)
            case .temporaryName(let temporary):
                linked = Glibc.link(temporary, path)
            }
            if linked == 0 { return path }
            guard errno == EEXIST else { throw NewFileError(path: path, reason: NewFile.reason()) }
            number += 1
        }
    }

    private func flush() throws(NewFileError) {
        guard !buffer.isEmpty else { return }
        let failure = buffer.withUnsafeBytes { raw -> NewFileError? in
            do throws(NewFileError) { try writeAll(raw) } catch { return error }
            return nil
        }
        if let failure { throw failure }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws(NewFileError) {
        guard let start = bytes.baseAddress else { return }
        // A file size limit (`ulimit -f`) must be a message, not a core dump: with SIGXFSZ
        // blocked, `write` fails with EFBIG instead, and the signal it raised is taken back
        // before the old mask returns.
        var fileSizeSignal = sigset_t()
        sigemptyset(&fileSizeSignal)
        sigaddset(&fileSizeSignal, SIGXFSZ)
        var previousMask = sigset_t()
        pthread_sigmask(SIG_BLOCK, &fileSizeSignal, &previousMask)
        defer {
            var now = timespec(tv_sec: 0, tv_nsec: 0)
            while sigtimedwait(&fileSizeSignal, nil, &now) == SIGXFSZ {}
            pthread_sigmask(SIG_SETMASK, &previousMask, nil)
        }
        var written = 0
        while written < bytes.count {
            let count = Glibc.write(descriptor, start + written, bytes.count - written)
            if count < 0 {
                if errno == EINTR { continue }
                let error = NewFileError(path: shownPath, reason: NewFile.reason())
                discard()
                throw error
            }
            written += count
        }
        // Starts writing what is now in the page cache to disk, without waiting for it (a
        // dirty range advised away is written back asynchronously, then dropped when clean):
        // `commit`'s `fsync` is then left with the last megabytes, not the whole file, so the
        // end of a 2 GB export does not freeze the screen, and a big export does not crowd
        // the page cache of a machine it shares.
        _ = posix_fadvise(descriptor, off_t(flushedCount), off_t(bytes.count), POSIX_FADV_DONTNEED)
        // The range written the time before is on disk by now, or nearly: drop it too.
        if flushedCount > 0 {
            _ = posix_fadvise(
                descriptor, off_t(previousFlushStart), off_t(flushedCount - previousFlushStart), POSIX_FADV_DONTNEED)
        }
        previousFlushStart = flushedCount
        flushedCount += bytes.count
    }

    private func checkOpen() throws(NewFileError) {
        guard descriptor >= 0 else { throw NewFileError(path: shownPath, reason: "the file was already closed") }
    }

    /// The system's reason for the last error, in lower case ("no space left on device").
    static func reason() -> String {
        String(cString: strerror(errno)).lowercased()
    }
}
