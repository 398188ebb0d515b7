/// A strict JSON parser (RFC 8259) for scenario files.
///
/// Foundation's decoders reject a whole document over one number too large for a Double and
/// accept trailing commas; a teacher's hand-typed file deserves better: every syntax error is
/// reported with its line and column, and 1e999 reaches validation, which names the field.
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
        switch byte {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw error("expected a value (a number, a string, a list or an object), found \(found)")
        }
    }

    private mutating func object(depth: Int) throws(SyntaxError) -> JSONValue {
        index += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw error("expected a key in double quotes, found \(found)") }
            let keyStart = index
            let key = try string()
            guard members[key] == nil else {
                index = keyStart
                throw error("the key \"\(TerminalSafe.escaped(key))\" appears twice; keep one")
            }
            skipWhitespace()
            guard current == UInt8(ascii: ":") else {
                throw error("expected ':' after the key \"\(TerminalSafe.escaped(key))\", found \(found)")
            }
            index += 1
            skipWhitespace()
            members[key] = try value(depth: depth + 1)
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

    private mutating func array(depth: Int) throws(SyntaxError) -> JSONValue {
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
        var scalars: [UInt8] = []
        while let byte = current {
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                guard let text = String(validating: scalars, as: UTF8.self) else {
                    index = start
                    throw error(
                        "the string \"\(TerminalSafe.escaped(scalars))\" is not UTF-8 text; save the file as UTF-8")
                }
                return text
            case UInt8(ascii: "\\"):
                index += 1
                guard let escaped = current else { break }
                index += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(escaped)
                case UInt8(ascii: "n"): scalars.append(10)
                case UInt8(ascii: "t"): scalars.append(9)
                case UInt8(ascii: "r"): scalars.append(13)
                case UInt8(ascii: "b"): scalars.append(8)
                case UInt8(ascii: "f"): scalars.append(12)
                case UInt8(ascii: "u"):
                    // Names and keys are ASCII; a \u escape is kept readable rather than decoded.
                    let end = min(index + 4, bytes.count)
                    scalars.append(contentsOf: Array("\\u".utf8) + bytes[index..<end])
                    index = end
                default: throw error("unknown escape '\\\(TerminalSafe.escaped([escaped]))' in a string")
                }
            case 0..<0x20:
                throw error("a string is not closed before the end of the line")
            default:
                scalars.append(byte)
                index += 1
            }
        }
        throw error("a string is not closed before the end of the document")
    }

    private mutating func number() throws(SyntaxError) -> JSONValue {
        let start = index
        if current == UInt8(ascii: "-") { index += 1 }
        guard let first = current, isDigit(first) else { throw error("expected a digit after '-'") }
        if first == UInt8(ascii: "0") {
            index += 1
        } else {
            digits()
        }
        if current == UInt8(ascii: ".") {
            index += 1
            guard let next = current, isDigit(next) else { throw error("expected a digit after the decimal point") }
            digits()
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard let next = current, isDigit(next) else { throw error("expected a digit in the exponent") }
            digits()
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        // The grammar above admits only valid literals, so Double(text) always succeeds; it gives
        // ±infinity for a literal too large, and 0 for one too small.
        guard let value = Double(text), value.isFinite else { return .unrepresentableNumber(text) }
        return .number(value)
    }

    private mutating func digits() {
        while let byte = current, isDigit(byte) { index += 1 }
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private mutating func literal(_ word: String) throws(SyntaxError) {
        let expected = Array(word.utf8)
        guard bytes.count - index >= expected.count, Array(bytes[index..<(index + expected.count)]) == expected else {
            throw error("expected a value (a number, a string, a list or an object), found \(found)")
        }
        index += expected.count
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

    private func error(_ problem: String) -> SyntaxError {
        var line = 1
        var column = 1
        for byte in bytes[0..<min(index, bytes.count)] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1  // count characters, not UTF-8 continuation bytes
            }
        }
        return SyntaxError(line: line, column: column, problem: problem)
    }
}
