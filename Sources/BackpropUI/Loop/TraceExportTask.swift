import BackpropCore

/// `e`'s export as a long task: the rows of an `ExportedTrace` streamed into a `NewFile`, a
/// megabyte at a time, which gets its name only when the last row is on disk. Cancelled or
/// failed, it leaves nothing behind.
struct TraceExportTask: LongTask {
    /// Numbers written between two looks at the clock: about 0.1 ms of work in a release build.
    static let numbersPerLook = 1024

    private var trace: ExportedTrace
    private let file: NewFile
    private let base: String
    private let ext: String
    /// What the message says was written, before the path, in wordings longest first.
    private let what: [String]
    /// Bytes made and not yet handed to the file; written when they reach the file's buffer size.
    private var bytes: [UInt8] = []

    /// Starts writing `trace` to a new file in `folder` to be named `base.ext` (or `base-2.ext`,
    /// ...). Throws when the folder cannot take a file.
    init(trace: ExportedTrace, folder: String, base: String, ext: String, what: [String]) throws(NewFileError) {
        let directory = folder.isEmpty ? "." : folder
        file = try NewFile(folder: directory, shownPath: "\(directory)/\(base).\(ext)")
        self.trace = trace
        self.base = base
        self.ext = ext
        self.what = what
        bytes.reserveCapacity(NewFile.bufferCapacity + (1 << 16))
    }

    var progress: TaskProgress {
        TaskProgress(
            activity: "exporting row", current: min(trace.rowsWritten + 1, trace.rowCount), total: trace.rowCount)
    }

    mutating func work(until deadline: UInt64, clock: any MonotonicClock) -> Action? {
        do {
            repeat {
                trace.write(into: &bytes, numbers: TraceExportTask.numbersPerLook)
                if bytes.count >= NewFile.bufferCapacity || trace.isFinished {
                    try file.write(bytes)
                    bytes.removeAll(keepingCapacity: true)
                }
                if trace.isFinished {
                    let path = try file.commit(base: base, ext: ext)
                    return .task(.finished(StatusMessage(wordings: what.map { "\($0) \(path)" })))
                }
            } while clock.nanoseconds < deadline
            return nil
        } catch {
            file.discard()
            return .task(.finished(StatusMessage("\(error.description); nothing written", kind: .error)))
        }
    }

    mutating func cancel() -> Action {
        file.discard()
        let row = "\(thousandsSeparated(progress.current)) of \(thousandsSeparated(trace.rowCount))"
        return .task(
            .finished(
                StatusMessage(
                    wordings: ["export cancelled at row \(row); nothing written", "export cancelled; nothing written"])
            ))
    }
}
