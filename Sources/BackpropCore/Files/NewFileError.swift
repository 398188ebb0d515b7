/// Why `NewFileWriter` could not write a file: the path and the system's reason, as one line
/// the status bar can show ("cannot write ./x.csv: permission denied").
public struct NewFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The path that could not be written.
    public let path: String
    /// The system's reason, in lower case ("permission denied", "no space left on device").
    public let reason: String

    /// An error for `path` because of `reason`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// "cannot write PATH: REASON".
    public var description: String { "cannot write \(path): \(reason)" }
}
