/// The terminal modes as `stty -a` prints them: the flags a program must give back as it found
/// them ("echo", "-echo", "icanon", ...), without the size, which a resize changes on purpose.
struct TmuxTerminalModes: Equatable, CustomStringConvertible {
    /// Every word of the output except the rows and columns.
    let words: Set<String>

    /// Parses `stty -a` output.
    init(sttyOutput: String) {
        let separators: Set<Character> = [" ", ";", "\n", "\t"]
        let all = sttyOutput.split { separators.contains($0) }.map(String.init)
        var kept: Set<String> = []
        var skipNext = false
        for word in all {
            if skipNext { skipNext = false; continue }
            if word == "rows" || word == "columns" { skipNext = true; continue }
            kept.insert(word)
        }
        words = kept
    }

    /// Whether a flag is on (`echo`), as opposed to off (`-echo`) or absent.
    func isOn(_ flag: String) -> Bool { words.contains(flag) && !words.contains("-" + flag) }

    var description: String { words.sorted().joined(separator: " ") }
}
