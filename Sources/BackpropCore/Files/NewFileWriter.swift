import Foundation

import Glibc

/// Writes a new file whole or not at all, and never over an existing file: the exports and
/// saves of the interactive program, which a student may press twice in the same second.
///
/// The text goes to a temporary file in the same folder first; then `link(2)` gives it its final
/// name. `link` fails with `EEXIST` when the name is taken, atomically, so there is no window
/// between "is the name free?" and "take it" (which `rename(2)` lacks: it silently replaces the
/// destination). Readers never see a half-written file under the final name, because the name
/// only appears once every byte is on disk. The temporary name is then removed.
public enum NewFileWriter {
    /// The most numbered variants tried (`name-2.csv` ... `name-99.csv`) before giving up.
    public static let maximumSuffix = 99

    /// Writes `text` to `folder/base.ext`, or `base-2.ext`, `base-3.ext`, ... when that name is
    /// taken. Returns the path written. Throws `NewFileError` with the system's reason when the
    /// folder cannot take the file.
    public static func write(_ text: String, folder: String, base: String, ext: String) throws(NewFileError)
        -> String
    {
        let directory = folder.isEmpty ? "." : folder
        let temporary = "\(directory)/.\(base).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        // Errors name the file the user asked for, not the hidden temporary one.
        try writeExclusive(text, to: temporary, reportedAs: "\(directory)/\(base).\(ext)")
        defer { unlink(temporary) }
        for number in 1...maximumSuffix {
            let name = number == 1 ? "\(base).\(ext)" : "\(base)-\(number).\(ext)"
            let path = "\(directory)/\(name)"
            if link(temporary, path) == 0 { return path }
            guard errno == EEXIST else { throw NewFileError(path: path, reason: reason()) }
        }
        throw NewFileError(
            path: "\(directory)/\(base).\(ext)", reason: "it and \(maximumSuffix - 1) numbered variants exist")
    }

    /// Creates `path` (failing if it exists), writes every byte and flushes it to disk.
    private static func writeExclusive(_ text: String, to path: String, reportedAs shown: String)
        throws(NewFileError)
    {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw NewFileError(path: shown, reason: reason()) }
        var bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                let why = reason()
                close(descriptor)
                unlink(path)
                throw NewFileError(path: shown, reason: why)
            }
            written += count
        }
        let synced = fsync(descriptor) == 0
        let why = reason()
        close(descriptor)
        guard synced else {
            unlink(path)
            throw NewFileError(path: shown, reason: why)
        }
    }

    private static func reason() -> String {
        String(cString: strerror(errno)).lowercased()
    }
}
