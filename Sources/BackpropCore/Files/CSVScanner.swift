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

    /// The cell's text with each `""` read as `"`, for messages, in double quotes: escaped
    /// from its bytes and cut to a readable length by `TerminalSafe.quoted`, so a control
    /// character or a byte that is not UTF-8 shows as `\e`, `\u{0}` or `\x9B` rather than
    /// reaching the terminal or turning into U+FFFD.
    func quotedText(of cell: Range<Int>) -> String {
        TerminalSafe.quoted(unescaped(cell))
    }

    /// The cell's value when it is a decimal number by `DecimalNumber`'s rule (`1`, `-0.5`, `.5`,
    /// `1.`, `2.5E-3`; not `0x10`, `nan` or `inf`), read straight from the bytes; a number too
    /// large for a Double comes back infinite, as from `Double(String)`.
    func number(in cell: Range<Int>) -> Double? {
        DecimalNumber.value(in: bytes, cell)
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
