import ArgumentParser
import BackpropCore
import BackpropUI

/// Parses `--size COLSxROWS`.
enum TerminalSize {
    /// The largest size `--snapshot` draws, each way: beyond it the text is too big to be a
    /// frame. A 1000x1000 frame takes about 50 MB (its cells, its text and the layout),
    /// measured, whatever the network: the panes compute only what they show, the input plane
    /// on a grid of bounded work, and the gradient check up to `Frame.finishingWork`.
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
