/// How the cost curve splits a cell into dots, and the character that shows a cell's dots.
///
/// Unicode draws braille (U+2800 to U+28FF): 2 columns by 4 rows of dots a cell, so a plot of
/// w x h cells has 2w x 4h points. ASCII has one column of 4 sub-rows a cell, shown by where a
/// mark sits in the character: `'` top, `-` upper middle, `.` lower middle, `_` bottom; a cell
/// the line crosses for three sub-rows or more is `|`, and two adjacent sub-rows take the mark
/// nearer the middle of the cell (`-`, `-`, `.`), so a falling line reads `'-._` and a flat one
/// stays on one mark.
struct CurveDots: Sendable {
    /// Dot columns in one cell.
    let columnsPerCell: Int
    /// Dot rows in one cell.
    let rowsPerCell: Int
    private let isBraille: Bool

    /// Braille, 2 x 4 dots a cell.
    static let braille = CurveDots(columnsPerCell: 2, rowsPerCell: 4, isBraille: true)
    /// 7-bit marks, 1 x 4 a cell.
    static let ascii = CurveDots(columnsPerCell: 1, rowsPerCell: 4, isBraille: false)

    /// The character for a cell whose dots `left` and `right` are on; bit k of each is dot row k
    /// counted from the top of the cell. ASCII has no right column and ignores `right`.
    func character(left: Int, right: Int) -> Character {
        if isBraille {
            // Braille numbers its dots 1-2-3-7 down the left column and 4-5-6-8 down the right;
            // dot n is bit n - 1 of the offset from U+2800.
            let bits = CurveDots.leftBits[left] | CurveDots.rightBits[right]
            return Character(Unicode.Scalar(0x2800 + bits)!)
        }
        return CurveDots.asciiMarks[left & 0xF]
    }

    /// Braille bits of a left column of dots, by the 4-bit mask of its rows (bit 0 the top).
    private static let leftBits: [UInt32] = (0..<16).map { mask in
        [0x01, 0x02, 0x04, 0x40].enumerated().reduce(0) { $0 | (mask & (1 << $1.offset) != 0 ? $1.element : 0) }
    }
    private static let rightBits: [UInt32] = (0..<16).map { mask in
        [0x08, 0x10, 0x20, 0x80].enumerated().reduce(0) { $0 | (mask & (1 << $1.offset) != 0 ? $1.element : 0) }
    }

    /// By the 4-bit mask of sub-rows (bit 0 the top). The curve's columns are contiguous runs;
    /// the masks that are not (0b0101 and the like) never occur and draw `|`.
    private static let asciiMarks: [Character] = [
        " ", "'", "-", "-", ".", "|", "-", "|",  // 0000 ... 0111
        "_", "|", "|", "|", ".", "|", "|", "|",  // 1000 ... 1111
    ]
}
