import ArgumentParser
import BackpropCore
import BackpropUI

/// Parses `--size COLSxROWS`.
enum TerminalSize {
    /// The largest size `--snapshot` draws: beyond it the text is too big to be a frame.
    static let limit = 1000

    static func parse(_ text: String) throws -> Size {
        let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let columns = Int(parts[0]), let rows = Int(parts[1]),
            (1...limit).contains(columns), (1...limit).contains(rows)
        else {
            throw ValidationError(
                "--size must be COLSxROWS with each between 1 and \(limit), like 80x24; got \(TerminalSafe.quoted(text))"
            )
        }
        return Size(width: columns, height: rows)
    }
}
