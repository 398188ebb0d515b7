/// Makes text from a file or the command line safe to print on a terminal.
///
/// A message that quotes a cell, a header, a key, a name or a path would otherwise hand that
/// text's control characters to the terminal, which executes them: `ESC [ 2 J` clears the
/// screen, `ESC ] 0 ; … BEL` retitles the window, a C1 `CSI` (U+009B, or the lone byte 0x9B a
/// Latin-1 terminal reads as one) starts a sequence too. Every message that quotes something the
/// user or a file supplied passes it through `escaped`, so the terminal only ever sees printable
/// text.
public enum TerminalSafe {
    /// `text` with every control character written as a visible escape; the rest unchanged.
    ///
    /// The rules, one Unicode scalar (or, for the byte overload, one UTF-8 byte) at a time:
    /// - ESC (U+001B) becomes `\e`; tab, line feed and carriage return become `\t`, `\n`, `\r`;
    /// - every other C0 control (U+0000–U+001F), DEL (U+007F) and C1 control (U+0080–U+009F)
    ///   becomes `\u{N}`, N in upper-case hexadecimal without leading zeros, as Swift writes it:
    ///   `\u{0}`, `\u{7}`, `\u{7F}`, `\u{9B}`;
    /// - a byte that is not part of valid UTF-8 (only in `escaped(_:)` on bytes: a Swift String
    ///   has none) becomes `\x` and two upper-case hexadecimal digits, one escape per byte: `\x9B`;
    /// - everything else stays as it is: printable ASCII, a backslash, and any printable
    ///   character such as ŷ, é, 中 or U+FFFD.
    ///
    /// A backslash is not doubled, so the result is not always reversible (a file's literal
    /// `\e` and an ESC read alike), but escaping is idempotent: `escaped(escaped(s)) ==
    /// escaped(s)`, so a message may pass through here at every layer that quotes it (the error
    /// that builds it, `ScenarioError.description`, the executable's last check before stderr)
    /// without changing what it says.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars { append(scalar, to: &result) }
        return result
    }

    /// `bytes`, read as UTF-8, with the escapes of `escaped(_:)` on a String, and each byte
    /// that is not part of a valid UTF-8 sequence written as `\xNN`. Use this where the raw
    /// bytes are at hand (a CSV cell, a file name), so a byte such as 0x9B is shown as what it
    /// is rather than as the U+FFFD that `String(decoding:as:)` would turn it into.
    public static func escaped(_ bytes: some Collection<UInt8>) -> String {
        let bytes = Array(bytes)
        var result = ""
        var index = 0
        while index < bytes.count {
            if let (scalar, length) = scalar(at: index, in: bytes) {
                append(scalar, to: &result)
                index += length
            } else {
                result += "\\x" + hex(bytes[index], digits: 2)
                index += 1
            }
        }
        return result
    }

    /// The most characters `shortened` keeps whole. A value quoted in a message is there to
    /// be recognised, and a 10,000-digit `--lr` or a megabyte-long CSV cell would bury the rest
    /// of the line (what is wrong and how to fix it) under itself; yet a file's path, often
    /// long, should be shown whole, and 120 characters hold a deep one.
    public static let shownLength = 120
    /// How many characters of a longer value `shortened` shows before and after the `…`: the
    /// start says what the value is, the end tells file names and numbers apart.
    public static let shownHead = 80
    /// See `shownHead`: enough for a file's name at the end of its path.
    public static let shownTail = 30

    /// `text` escaped as `escaped(_:)` does and, when that is longer than `shownLength`
    /// characters, cut to its first `shownHead` and last `shownTail` characters with `…`
    /// between: every value a message quotes (a flag's value, a file name, a CSV cell, a JSON
    /// string or key) passes through here, through `quoted` or `argument`.
    ///
    /// An escape is never cut in half, and shortening is idempotent, like escaping: the result
    /// is at most `shownHead + 1 + shownTail` characters, so a message built from an already
    /// shortened value stays as it is. The ellipsis is always U+2026, also when the locale is
    /// not UTF-8: messages already speak of δ and ŷ, and the visualiser draws its ASCII
    /// fallback only on the screen.
    public static func shortened(_ text: String) -> String {
        guard text.count > shownLength || text.unicodeScalars.contains(where: isControl) else { return text }
        // Only the characters that can be shown are escaped: a cell may be megabytes long.
        if text.count <= shownLength { return shortened(pieces: pieces(of: text)) }
        return cut(head: pieces(of: text.prefix(shownHead)), tail: pieces(of: text.suffix(shownTail)))
    }

    /// `bytes` read as UTF-8 and escaped as `escaped(_:)` on bytes does (`\x9B` for a byte
    /// that is not UTF-8), then cut as `shortened(_:)` on a String cuts.
    public static func shortened(_ bytes: some Collection<UInt8>) -> String {
        let bytes = Array(bytes)
        // A scalar takes at most 4 bytes: beyond this many there are more than `shownLength`
        // pieces, and only the first and last few are escaped.
        guard bytes.count > 4 * (shownLength + 1) else { return shortened(pieces: pieces(of: bytes)) }
        var tail = Array(bytes.suffix(4 * shownTail + 3))
        // The window may start inside a character: its continuation bytes (3 at most) are not
        // shown, as they would read as bytes that are not UTF-8.
        for _ in 0..<3 where tail.first.map({ $0 & 0xC0 == 0x80 }) == true { tail.removeFirst() }
        return cut(head: pieces(of: Array(bytes.prefix(4 * shownHead))), tail: pieces(of: tail))
    }

    /// `text` shortened, in double quotes: a value from a file or a file's name, as messages
    /// quote them (`file "data.csv" line 3: column "x2" is "abc"`). An empty one shows as `""`.
    public static func quoted(_ text: String) -> String {
        "\"" + shortened(text) + "\""
    }

    /// `bytes` shortened (see `shortened(_:)` on bytes), in double quotes.
    public static func quoted(_ bytes: some Collection<UInt8>) -> String {
        "\"" + shortened(bytes) + "\""
    }

    /// A command-line value shortened and, as a shell user would type it, bare when it is
    /// only letters, digits and `-+.,_/:=@%^` (`--lr 0.1e`, `--hidden 4,x`), else in single
    /// quotes (`--hidden ''`, `--hidden '4, x'`), or double quotes when it holds a single one.
    public static func argument(_ text: String) -> String {
        let shown = shortened(text)
        let plain = !shown.isEmpty && shown.allSatisfy { $0.isLetter || $0.isNumber || "-+.,_/:=@%^…".contains($0) }
        if plain { return shown }
        return shown.contains("'") ? "\"" + shown + "\"" : "'" + shown + "'"
    }

    /// Each character of `text` escaped: the pieces `shortened` cuts between.
    private static func pieces(of text: some StringProtocol) -> [String] {
        text.map { character in
            var piece = ""
            for scalar in character.unicodeScalars { append(scalar, to: &piece) }
            return piece
        }
    }

    /// Each scalar of `bytes` escaped, or `\xNN` for each byte that is not part of one.
    private static func pieces(of bytes: [UInt8]) -> [String] {
        var pieces: [String] = []
        var index = 0
        while index < bytes.count {
            var piece = ""
            if let (scalar, length) = scalar(at: index, in: bytes) {
                append(scalar, to: &piece)
                index += length
            } else {
                piece = "\\x" + hex(bytes[index], digits: 2)
                index += 1
            }
            pieces.append(piece)
        }
        return pieces
    }

    /// The pieces joined, or cut when they are longer than `shownLength` characters in all.
    private static func shortened(pieces: [String]) -> String {
        pieces.reduce(0) { $0 + $1.count } > shownLength ? cut(head: pieces, tail: pieces) : pieces.joined()
    }

    /// As many of `head`'s first pieces as fit in `shownHead` characters, `…`, and as many of
    /// `tail`'s last pieces as fit in `shownTail`: whole pieces only, so no escape is cut.
    private static func cut(head: [String], tail: [String]) -> String {
        var start = ""
        for piece in head {
            guard start.count + piece.count <= shownHead else { break }
            start += piece
        }
        var end: [String] = []
        var length = 0
        for piece in tail.reversed() {
            guard length + piece.count <= shownTail else { break }
            end.append(piece)
            length += piece.count
        }
        return start + "…" + end.reversed().joined()
    }

    /// C0, DEL and C1: the scalars a terminal may act on rather than draw.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    private static func append(_ scalar: Unicode.Scalar, to result: inout String) {
        guard isControl(scalar) else {
            result.unicodeScalars.append(scalar)
            return
        }
        switch scalar {
        case "\u{1B}": result += "\\e"
        case "\t": result += "\\t"
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        default: result += "\\u{" + hex(scalar.value, digits: 1) + "}"
        }
    }

    private static func hex(_ value: some BinaryInteger, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// The scalar whose UTF-8 encoding starts at `index`, with its length in bytes, or nil when
    /// the byte there does not start a well-formed sequence (The Unicode Standard, table 3-7:
    /// no overlong forms, no surrogates, nothing above U+10FFFF).
    private static func scalar(at index: Int, in bytes: [UInt8]) -> (Unicode.Scalar, Int)? {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length: Int
        let second: ClosedRange<UInt8>
        switch lead {
        case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
        case 0xE0: (length, second) = (3, 0xA0...0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (length, second) = (3, 0x80...0xBF)
        case 0xED: (length, second) = (3, 0x80...0x9F)
        case 0xF0: (length, second) = (4, 0x90...0xBF)
        case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
        case 0xF4: (length, second) = (4, 0x80...0x8F)
        default: return nil
        }
        guard index + length <= bytes.count, second.contains(bytes[index + 1]) else { return nil }
        for offset in 2..<max(2, length) where !(0x80...0xBF).contains(bytes[index + offset]) { return nil }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }
}
