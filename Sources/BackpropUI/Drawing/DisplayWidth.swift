/// How many terminal columns text takes, as the C library's `wcwidth` counts them, without
/// asking the C locale or curses (BackpropUI must run the same in tests, `--snapshot` and any
/// terminal).
///
/// Characters are not columns: a file name such as `数据.json` is 9 characters but 11 columns,
/// and `é` written as `e` plus U+0301 is 2 scalars but 1 column. Every measurement of text that
/// can hold a name from a file or the command line goes through here, so such text never
/// pushes a line past the edge of its pane.
///
/// The rules, one Unicode scalar at a time:
/// - 0 columns: nonspacing and enclosing marks (general categories Mn, Me), format characters
///   (Cf, such as the zero-width joiner U+200D and the zero-width space U+200B; but the soft
///   hyphen U+00AD, which terminals show, is 1), and the Hangul jungseong and jongseong
///   U+1160–U+11FF, which join the syllable before them;
/// - 2 columns: East Asian Wide and Fullwidth characters (`wideRanges`: CJK ideographs, kana,
///   Hangul syllables, fullwidth forms, …) and emoji shown as pictures by default (the
///   `Emoji_Presentation` property, which Unicode also makes East Asian Wide);
/// - 1 column: everything else, control characters too (the curses backend draws those as `?`,
///   one column, and file text reaches the screen with them escaped anyway).
///
/// A `Character` (a grapheme cluster) takes the columns of its first scalar: the marks that
/// follow add none, and ncurses draws a cluster as its first scalar plus the zero-width ones
/// after it, so a terminal gives it exactly that many columns too.
public enum DisplayWidth {
    /// The columns `text` takes: the sum of its characters'.
    public static func of(_ text: some StringProtocol) -> Int {
        var columns = 0
        for character in text { columns += of(character) }
        return columns
    }

    /// The columns `character` takes: its first scalar's (0, 1 or 2).
    public static func of(_ character: Character) -> Int {
        // ASCII, the panes' own text, is by far the most common: skip the tables.
        let utf8 = character.utf8
        if let first = utf8.first, first < 0x80, utf8.count == 1 { return first == 0 ? 0 : 1 }
        guard let first = character.unicodeScalars.first else { return 0 }
        return of(first)
    }

    /// The columns `scalar` takes on its own: 0, 1 or 2, by the rules above.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value == 0 { return 0 }
        // Latin (below the combining diacritics at U+0300), box drawing up to the first emoji
        // square U+25FD, and braille: the panes' own glyphs, narrow without a table look-up.
        if value < 0x300 || (0x2500...0x25FC).contains(value) || (0x2800...0x28FF).contains(value) { return 1 }
        if (0x1160...0x11FF).contains(value) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if isWide(value) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// The longest start of `text` that fits in `columns`; a wide character that would only half
    /// fit is left out.
    public static func prefix(_ text: some StringProtocol, columns: Int) -> String {
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let width = of(text[index])
            if used + width > columns { break }
            used += width
            end = text.index(after: index)
        }
        return String(text[..<end])
    }

    /// The longest end of `text` that fits in `columns`; a wide character that would only half
    /// fit is left out.
    public static func suffix(_ text: some StringProtocol, columns: Int) -> String {
        var used = 0
        var start = text.endIndex
        while start > text.startIndex {
            let previous = text.index(before: start)
            let width = of(text[previous])
            if used + width > columns { break }
            used += width
            start = previous
        }
        return String(text[start...])
    }

    /// The East Asian Wide (W) and Fullwidth (F) ranges of Unicode 15's EastAsianWidth.txt
    /// outside the emoji (which `isEmojiPresentation` covers), merged where only unassigned
    /// code points lie between them, as `wcwidth` implementations do, so a character added to a
    /// block later is wide already.
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,  // Hangul Jamo choseong
        0x2329...0x232A,  // angle brackets
        0x2E80...0x303E,  // CJK radicals, Kangxi radicals, ideographic description, CJK symbols
        0x3041...0x33FF,  // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, Kanbun, CJK compatibility
        0x3400...0x4DBF,  // CJK Unified Ideographs Extension A
        0x4E00...0x9FFF,  // CJK Unified Ideographs
        0xA000...0xA4CF,  // Yi syllables and radicals
        0xA960...0xA97F,  // Hangul Jamo Extended-A
        0xAC00...0xD7A3,  // Hangul syllables
        0xF900...0xFAFF,  // CJK Compatibility Ideographs
        0xFE10...0xFE19,  // vertical forms
        0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
        0xFF00...0xFF60,  // fullwidth ASCII and punctuation
        0xFFE0...0xFFE6,  // fullwidth signs
        0x16FE0...0x16FE4,  // ideographic symbols and punctuation
        0x16FF0...0x16FF1,
        0x17000...0x18CFF,  // Tangut, Khitan
        0x18D00...0x18D08,
        0x1AFF0...0x1B2FF,  // Kana supplements and extensions, Nushu
        0x1F200...0x1F202,  // enclosed ideographic supplement
        0x1F210...0x1F23B,
        0x1F240...0x1F248,
        0x1F250...0x1F251,
        0x1F260...0x1F265,
        0x20000...0x2FFFD,  // CJK Unified Ideographs Extensions B to F, compatibility supplement
        0x30000...0x3FFFD,  // CJK Unified Ideographs Extensions G and H
    ]

    private static func isWide(_ value: UInt32) -> Bool {
        // Nothing below U+1100 is wide; most non-ASCII text (Latin, Greek, box drawing) is.
        guard value >= 0x1100 else { return false }
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = wideRanges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}
