/// A strict JSON parser (RFC 8259) for scenario files.
///
/// Foundation's decoders reject a whole document over one number too large for a Double and
/// accept trailing commas; a teacher's hand-typed file deserves better: every syntax error is
/// reported with its line and column, and 1e999 reaches validation, which names the field.
/// Every value and key keeps its line and column too, for the messages about what it holds.
///
/// Numbers follow `DecimalNumber`'s rule, the one for every number the program reads, rather
/// than JSON's stricter grammar: `.5`, `5.`, `+1` and `007` read here as they do in a CSV cell,
/// a flag or a typed entry, as each has only one possible meaning.
struct JSONParser {
    /// A syntax error at a 1-based line and column.
    struct SyntaxError: Error, Equatable {
        var line: Int
        var column: Int
        var problem: String
        var description: String { "line \(line), column \(column): \(problem)" }
    }

    private let bytes: [UInt8]
    private var index = 0
    /// A byte offset whose position is known: positions are asked for in file order, so counting
    /// on from here keeps the parse linear even when a whole matrix is on one line.
    private var mark = (index: 0, position: SourcePosition(line: 1, column: 1))

    /// Parses one JSON document (surrounding white space allowed, nothing else after it).
    static func parse(_ text: [UInt8]) throws(SyntaxError) -> JSONValue {
        // Some editors start UTF-8 files with a byte-order mark; it is not content.
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        var parser = JSONParser(bytes: text.starts(with: bom) ? Array(text.dropFirst(3)) : text)
        parser.skipWhitespace()
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.index == parser.bytes.count else {
            throw parser.error("unexpected text after the end of the document")
        }
        return value
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func value(depth: Int) throws(SyntaxError) -> JSONValue {
        // Scenario files nest three deep; a limit keeps a hostile file from exhausting the stack.
        guard depth < 64 else { throw error("nested too deeply") }
        guard let byte = current else { throw error("the document ends where a value was expected") }
        let start = position()
        let content: JSONContent
        switch byte {
        case UInt8(ascii: "{"): content = try object(depth: depth)
        case UInt8(ascii: "["): content = try array(depth: depth)
        case UInt8(ascii: "\""): content = .string(try string())
        case UInt8(ascii: "t"): content = try literal("true", .bool(true))
        case UInt8(ascii: "f"): content = try literal("false", .bool(false))
        case UInt8(ascii: "n"): content = try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"):
            content = try number()
        default: throw error("expected a value (a number, a string, a list or an object), found \(found)")
        }
        return JSONValue(content: content, position: start)
    }

    private mutating func object(depth: Int) throws(SyntaxError) -> JSONContent {
        index += 1
        var members: [JSONMember] = []
        var names: Set<String> = []
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw error("expected a key in double quotes, found \(found)") }
            let keyStart = index
            let keyPosition = position()
            let key = try string()
            guard names.insert(key).inserted else {
                index = keyStart
                throw error("the key \(TerminalSafe.quoted(key)) appears twice; keep one")
            }
            skipWhitespace()
            guard current == UInt8(ascii: ":") else {
                throw error("expected ':' after the key \(TerminalSafe.quoted(key)), found \(found)")
            }
            index += 1
            skipWhitespace()
            members.append(JSONMember(name: key, namePosition: keyPosition, value: try value(depth: depth + 1)))
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard current == UInt8(ascii: "}") else { throw error("expected ',' or '}', found \(found)") }
            index += 1
            return .object(members)
        }
    }

    private mutating func array(depth: Int) throws(SyntaxError) -> JSONContent {
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try value(depth: depth + 1))
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard current == UInt8(ascii: "]") else { throw error("expected ',' or ']', found \(found)") }
            index += 1
            return .array(elements)
        }
    }

    /// A string's text. RFC 8259 asks for UTF-8; a string holding other bytes (a Latin-1 name,
    /// a stray byte) is refused where it starts, quoting it escaped, rather than turned into
    /// U+FFFD: the key or name it spells could then never be matched or shown as written.
    private mutating func string() throws(SyntaxError) -> String {
        let start = index
        index += 1
        var utf8: [UInt8] = []
        while let byte = current {
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                guard let text = String(validating: utf8, as: UTF8.self) else {
                    index = start
                    throw error(
                        "the string \(TerminalSafe.quoted(utf8)) is not UTF-8 text; save the file as UTF-8")
                }
                return text
            case UInt8(ascii: "\\"):
                let escapeStart = index
                index += 1
                guard let escaped = current else { break }
                index += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escaped)
                case UInt8(ascii: "n"): utf8.append(10)
                case UInt8(ascii: "t"): utf8.append(9)
                case UInt8(ascii: "r"): utf8.append(13)
                case UInt8(ascii: "b"): utf8.append(8)
                case UInt8(ascii: "f"): utf8.append(12)
                case UInt8(ascii: "u"):
                    index = escapeStart
                    utf8.append(contentsOf: Character(try unicodeEscape()).utf8)
                default: throw error("unknown escape '\\\(TerminalSafe.escaped([escaped]))' in a string")
                }
            case 0..<0x20:
                throw error("a string is not closed before the end of the line")
            default:
                utf8.append(byte)
                index += 1
            }
        }
        throw error("a string is not closed before the end of the document")
    }

    /// The character a `\uXXXX` escape at `index` stands for, reading a second escape when the
    /// first is the high half of a UTF-16 surrogate pair (`\ud83d\ude00` is one emoji). A half
    /// without its other half stands for no character, so it is refused rather than replaced.
    private mutating func unicodeEscape() throws(SyntaxError) -> Unicode.Scalar {
        let start = index
        let first = try hexEscape()
        switch first {
        case 0xD800...0xDBFF:
            let secondStart = index
            guard bytes[index...].starts(with: [UInt8(ascii: "\\"), UInt8(ascii: "u")]) else {
                index = start
                throw loneSurrogate(first)
            }
            let second = try hexEscape()
            guard (0xDC00...0xDFFF).contains(second) else {
                index = secondStart
                throw error(
                    "the escape '\\u\(hex(first))' is the first half of a surrogate pair but '\\u\(hex(second))' is not its second half (\\udc00 to \\udfff)"
                )
            }
            return Unicode.Scalar(0x10000 + (first - 0xD800) << 10 + (second - 0xDC00))!
        case 0xDC00...0xDFFF:
            index = start
            throw loneSurrogate(first)
        default:
            return Unicode.Scalar(first)!
        }
    }

    /// The number of one `\uXXXX` at `index`, which is left after it.
    private mutating func hexEscape() throws(SyntaxError) -> UInt32 {
        let start = index
        var number: UInt32 = 0
        for offset in 2..<6 {
            let at = start + offset
            guard at < bytes.count, let digit = hexDigit(bytes[at]) else {
                // Quote what follows \u up to where a string or line would end, so the message
                // shows what was typed without running on into the rest of the file.
                var end = start + 2
                while end < min(start + 6, bytes.count), bytes[end] >= 0x20, bytes[end] != UInt8(ascii: "\""),
                    bytes[end] != UInt8(ascii: "\\")
                {
                    end += 1
                }
                index = start
                throw error(
                    "bad escape '\(TerminalSafe.escaped(Array(bytes[start..<end])))' in a string; \\u needs four hexadecimal digits, like \\u00e9"
                )
            }
            number = number << 4 | digit
        }
        index = start + 6
        return number
    }

    private func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private func hex(_ number: UInt32) -> String {
        let digits = String(number, radix: 16)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    private mutating func loneSurrogate(_ half: UInt32) -> SyntaxError {
        error(
            "the escape '\\u\(hex(half))' is half of a surrogate pair without its other half; write the pair, like \\ud83d\\ude00, or the character itself"
        )
    }

    /// A number: the run of bytes that may belong to one, judged by `DecimalNumber`'s rule, so
    /// that a file, a CSV cell and a flag read numbers by the same rule.
    private mutating func number() throws(SyntaxError) -> JSONContent {
        let start = index
        while let byte = current, DecimalNumber.mayContinue(byte) { index += 1 }
        let token = start..<index
        let text = String(decoding: bytes[token], as: UTF8.self)
        guard let value = bytes.withUnsafeBufferPointer({ DecimalNumber.value(in: $0, token) }) else {
            index = start
            throw error("\(TerminalSafe.quoted(text)) is not a number; write numbers like 1, -0.5, .5 or 2e-3")
        }
        // A literal too large gives ±infinity, kept as written for the message that names its
        // field; one too small gives 0, as in every parser.
        return value.isFinite ? .number(value) : .unrepresentableNumber(text)
    }

    private mutating func literal(_ word: String, _ content: JSONContent) throws(SyntaxError) -> JSONContent {
        let expected = Array(word.utf8)
        guard bytes.count - index >= expected.count, Array(bytes[index..<(index + expected.count)]) == expected else {
            throw error("expected a value (a number, a string, a list or an object), found \(found)")
        }
        index += expected.count
        return content
    }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    /// The character at the error, for the message.
    private var found: String {
        guard let byte = current else { return "the end of the document" }
        if byte < 0x7F, byte >= 0x20 { return "'\(Character(UnicodeScalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    /// The line and column of `index`, counted on from the last position asked for (from the
    /// start when an error has moved `index` back).
    private mutating func position() -> SourcePosition {
        let target = min(index, bytes.count)
        if target < mark.index { mark = (0, SourcePosition(line: 1, column: 1)) }
        var position = mark.position
        for byte in bytes[mark.index..<target] {
            if byte == 0x0A {
                position.line += 1
                position.column = 1
            } else if byte & 0xC0 != 0x80 {
                position.column += 1  // count characters, not UTF-8 continuation bytes
            }
        }
        mark = (target, position)
        return position
    }

    private mutating func error(_ problem: String) -> SyntaxError {
        let position = position()
        return SyntaxError(line: position.line, column: position.column, problem: problem)
    }
}
