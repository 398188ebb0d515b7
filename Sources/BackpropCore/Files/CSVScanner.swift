import Foundation

/// Walks the UTF-8 bytes of a CSV file record by record and cell by cell. A cell is handed out
/// as a range of byte offsets, not as a String: `DataTable` turns almost every cell straight into
/// a number, so text is made only for header names and for messages. Parsing Strings per cell
/// is what made loading 100,000 rows take seconds.
///
/// The dialect is RFC 4180 with a spreadsheet's habits:
/// - commas separate cells; lines end with LF, CRLF or CR; a UTF-8 byte-order mark at the very
///   start is skipped; lines holding nothing but spaces and tabs are skipped;
/// - a cell may be wrapped in double quotes; inside them a comma is text and `""` stands for
///   one `"`; spaces and tabs around a cell, and just inside its quotes, are not part of it;
/// - a `"` in a cell that does not start with one, text after a closing quote, and a quote that
///   is never closed are refused, naming the line: each would otherwise move commas between
///   cells without a word.
///
/// One deliberate difference from RFC 4180: a quoted cell must close on the line where it opens.
/// Every cell here is a number or a column name, so a line break inside one can only be a
/// mistake, most often a forgotten closing quote; refusing it points at the line where that
/// quote was opened (not at the end of the file, where an open quote would otherwise be found)
/// and keeps every reported line number a physical line of the file.
struct CSVScanner {
    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")

    /// 10⁰ through 10²²: the powers of ten a Double holds exactly, which is what makes
    /// `number(in:)`'s one-operation path exact.
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    #if arch(x86_64) && !(os(Windows) || os(Android))
        /// 10⁰ through 10²⁷: the powers of ten a Float80 holds exactly (5²⁷ < 2⁶⁴), each made by
        /// exact multiplications rather than trusted to a literal's conversion.
        private static let extendedPowersOfTen: [Float80] = (0...27).map { exponent in
            (0..<exponent).reduce(Float80(1)) { power, _ in power * 10 }
        }
    #endif

    private let bytes: UnsafeBufferPointer<UInt8>
    private let path: String
    /// The next byte to read.
    private var position: Int
    /// Whether a record has been started and not yet read to its end.
    private var inRecord = false
    /// 1-based number of the physical line `position` is on.
    private(set) var line = 1
    /// 1-based position within its record of the cell read last, for messages.
    private(set) var cellNumber = 0

    /// A scanner over `bytes`, which must outlive it; `path` names the file in messages.
    init(bytes: UnsafeBufferPointer<UInt8>, path: String) {
        self.bytes = bytes
        self.path = path
        let hasByteOrderMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        self.position = hasByteOrderMark ? 3 : 0
    }

    /// Moves to the next line that is not blank and returns its number, or nil at the end of the
    /// file. Read every cell of the previous record first.
    mutating func nextRecord() -> Int? {
        while position < bytes.count {
            skipSpaces()
            guard position < bytes.count else { return nil }
            let byte = bytes[position]
            if byte == Self.lineFeed || byte == Self.carriageReturn {
                skipLineBreak()
                continue
            }
            inRecord = true
            cellNumber = 0
            return line
        }
        return nil
    }

    /// The next cell of the current record: where its text lies, trimmed and without its quotes
    /// (`text(of:)` undoes `""`). Nil once the record has been read to its end.
    mutating func nextCell() throws(ScenarioError) -> Range<Int>? {
        guard inRecord else { return nil }
        cellNumber += 1
        skipSpaces()
        let cell: Range<Int>
        if position < bytes.count && bytes[position] == Self.quote {
            cell = try quotedCell()
        } else {
            cell = try plainCell()
        }
        // The cell stopped at a comma (another cell follows, maybe an empty one), at a line
        // break or at the end of the file.
        if position < bytes.count && bytes[position] == Self.comma {
            position += 1
        } else {
            skipLineBreak()
            inRecord = false
        }
        return cell
    }

    /// Whether the cell holds a `;` or a tab: the separators of files that are not comma-separated.
    func holdsOtherSeparator(_ cell: Range<Int>) -> Bool {
        bytes[cell].contains { $0 == UInt8(ascii: ";") || $0 == Self.tab }
    }

    /// The cell's text with each `""` read as `"`, or nil when it is not valid UTF-8.
    func validText(of cell: Range<Int>) -> String? {
        String(bytes: unescaped(cell), encoding: .utf8)
    }

    /// The cell's text with each `""` read as `"`, for messages: escaped from its bytes by
    /// `TerminalSafe`, so a control character or a byte that is not UTF-8 shows as `\e`,
    /// `\u{0}` or `\x9B` rather than reaching the terminal or turning into U+FFFD.
    func quotedText(of cell: Range<Int>) -> String {
        TerminalSafe.escaped(unescaped(cell))
    }

    /// The cell's value when it is a decimal number as `Double(String)` reads one: an optional
    /// sign, digits with an optional `.`, an optional exponent (`1`, `-0.5`, `.5`, `1.`,
    /// `2.5E-3`). Hexadecimal (`0x10`), `nan` and `inf` are not decimal numbers, so nil; a number
    /// too large for a Double comes back infinite, as from `Double(String)`.
    ///
    /// `Double(String)` is correct but slow here (a String per cell, then glibc's strtod, which
    /// works in arbitrary precision), so two exact short cuts come first; both give the very
    /// Double `Double(String)` gives, as each rounds once, correctly:
    /// - Clinger's: when the digits fit in 53 bits and the power of ten is at most 10²², both
    ///   are exact Doubles, so one multiplication or division is correctly rounded;
    /// - on x86-64, the same in Float80 for up to 19 digits and 10²⁷ (its 64-bit significand
    ///   holds both exactly); rounding that result to Double is then correct unless it landed
    ///   exactly halfway between two Doubles, the one case a second rounding can get wrong, which
    ///   goes to `Double(String)`. The 17-digit numbers that printed Doubles have mostly need this.
    /// Longer numbers and larger exponents go to `Double(String)`, after the grammar check above
    /// (which is what refuses hex).
    func number(in cell: Range<Int>) -> Double? {
        var index = cell.lowerBound
        let end = cell.upperBound
        guard index < end else { return nil }
        var negative = false
        if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var exponent = 0
        var sawDigit = false
        // Digits before and after the point; leading zeros are not significant.
        var afterPoint = false
        while index < end {
            let byte = bytes[index]
            let digit = byte &- UInt8(ascii: "0")
            if digit < 10 {
                sawDigit = true
                if mantissa != 0 || digit != 0 { significantDigits += 1 }
                // 19 digits always fit in a UInt64; longer numbers take the slow path anyway.
                if significantDigits <= 19 {
                    mantissa = mantissa &* 10 &+ UInt64(digit)
                    if afterPoint { exponent -= 1 }
                }
            } else if byte == UInt8(ascii: "."), !afterPoint {
                afterPoint = true
            } else {
                break
            }
            index += 1
        }
        guard sawDigit else { return nil }
        if index < end, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            var exponentNegative = false
            if index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            var written = 0
            var exponentDigits = 0
            while index < end, bytes[index] &- UInt8(ascii: "0") < 10 {
                // Far beyond any Double's range already; capping keeps the Int from overflowing.
                if written < 100_000 { written = written * 10 + Int(bytes[index] &- UInt8(ascii: "0")) }
                exponentDigits += 1
                index += 1
            }
            guard exponentDigits > 0 else { return nil }
            exponent += exponentNegative ? -written : written
        }
        guard index == end else { return nil }
        if mantissa == 0 { return negative ? -0.0 : 0.0 }
        if significantDigits <= 19, mantissa <= 1 << 53, -22 <= exponent, exponent <= 22 {
            let value =
                exponent >= 0
                ? Double(mantissa) * Self.powersOfTen[exponent] : Double(mantissa) / Self.powersOfTen[-exponent]
            return negative ? -value : value
        }
        #if arch(x86_64) && !(os(Windows) || os(Android))
            if significantDigits <= 19, -27 <= exponent, exponent <= 27 {
                let power = Self.extendedPowersOfTen[abs(exponent)]
                let extended = exponent >= 0 ? Float80(mantissa) * power : Float80(mantissa) / power
                // Float80 has 11 more significand bits than Double: 0x400 in them is a midpoint.
                if extended.significandBitPattern & 0x7FF != 0x400 {
                    let value = Double(extended)
                    return negative ? -value : value
                }
            }
        #endif
        return Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[cell]), as: UTF8.self))
    }

    /// Reads a cell that does not start with a quote, up to the comma or line end after it.
    private mutating func plainCell() throws(ScenarioError) -> Range<Int> {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == Self.comma || byte == Self.lineFeed || byte == Self.carriageReturn { break }
            if byte == Self.quote {
                throw refusal(
                    "cell \(cellNumber) has a \" inside; wrap the whole cell in quotes and write each \" in it twice")
            }
            position += 1
        }
        return trimmed(start..<position)
    }

    /// Reads a cell from its opening quote to its closing one, then past the spaces after it.
    private mutating func quotedCell() throws(ScenarioError) -> Range<Int> {
        let start = position + 1
        position = start
        while true {
            guard position < bytes.count else { throw unclosed() }
            let byte = bytes[position]
            if byte == Self.quote {
                // `""` is a quote within the text; a lone `"` closes the cell.
                guard position + 1 < bytes.count, bytes[position + 1] == Self.quote else { break }
                position += 2
                continue
            }
            if byte == Self.lineFeed || byte == Self.carriageReturn { throw unclosed() }
            position += 1
        }
        let end = position
        position += 1
        skipSpaces()
        if position < bytes.count {
            let byte = bytes[position]
            guard byte == Self.comma || byte == Self.lineFeed || byte == Self.carriageReturn else {
                throw refusal(
                    "cell \(cellNumber) has text after its closing quote; inside quotes, write each \" twice")
            }
        }
        return trimmed(start..<end)
    }

    private func unclosed() -> ScenarioError {
        refusal(
            "cell \(cellNumber) opens a quote that is not closed on this line; close it with \" or remove the quote")
    }

    private func refusal(_ problem: String) -> ScenarioError {
        .csv(path: path, line: line, problem: problem)
    }

    /// The cell's bytes with each `""` as one `"`. Any quote inside a cell's range is half of
    /// such a pair: `plainCell` refuses lone quotes and `quotedCell` stops at them.
    private func unescaped(_ cell: Range<Int>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(cell.count)
        var index = cell.lowerBound
        while index < cell.upperBound {
            result.append(bytes[index])
            index += bytes[index] == Self.quote ? 2 : 1
        }
        return result
    }

    private func trimmed(_ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end, bytes[start] == Self.space || bytes[start] == Self.tab { start += 1 }
        while end > start, bytes[end - 1] == Self.space || bytes[end - 1] == Self.tab { end -= 1 }
        return start..<end
    }

    private mutating func skipSpaces() {
        while position < bytes.count, bytes[position] == Self.space || bytes[position] == Self.tab { position += 1 }
    }

    /// Steps over one line break (CRLF counts once) and counts the line; at the end of the file
    /// there is none to step over.
    private mutating func skipLineBreak() {
        guard position < bytes.count else { return }
        if bytes[position] == Self.carriageReturn {
            position += 1
            if position < bytes.count, bytes[position] == Self.lineFeed { position += 1 }
            line += 1
        } else if bytes[position] == Self.lineFeed {
            position += 1
            line += 1
        }
    }
}
