/// What a tmux pane shows, as `capture-pane -p` prints it.
struct TmuxScreen: CustomStringConvertible {
    /// The rows, joined by newlines, trailing blanks trimmed by tmux.
    let text: String

    /// The rows.
    var lines: [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    /// The last row with something on it, or "" for a blank screen.
    var lastLine: String { lines.last { !$0.isEmpty } ?? "" }

    /// The screen framed, for failure messages.
    var description: String { "\n----- screen -----\n\(text)\n------------------" }
}
