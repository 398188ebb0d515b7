import BackpropUI
import Testing

/// Terminal columns of text, as `wcwidth` counts them: what every pane measures names by.
@Suite("display width in terminal columns")
struct DisplayWidthTests {
    @Test("ASCII, Latin, Greek, box drawing and braille take one column each")
    func narrowCharactersTakeOneColumn() {
        for character: Character in ["a", "~", " ", "é", "ŷ", "ω", "∂", "─", "┌", "▲", "⠁", "…", "·"] {
            #expect(DisplayWidth.of(character) == 1, "\(character)")
        }
        #expect(DisplayWidth.of("backprop-tui · preset seed") == 26)
    }

    @Test("CJK ideographs, kana, Hangul and fullwidth forms take two columns each")
    func eastAsianWideAndFullwidthTakeTwoColumns() {
        for character: Character in ["数", "据", "あ", "カ", "한", "Ａ", "　", "。", "𠀀"] {
            #expect(DisplayWidth.of(character) == 2, "\(character)")
        }
        #expect(DisplayWidth.of("数据数据数据.json") == 17)
    }

    @Test("emoji shown as pictures take two columns; a symbol shown as text one")
    func emojiPresentationTakesTwoColumns() {
        #expect(DisplayWidth.of(Character("😀")) == 2)
        #expect(DisplayWidth.of(Character("🚀")) == 2)
        #expect(DisplayWidth.of(Character("⌚")) == 2)
        #expect(DisplayWidth.of(Character("☺")) == 1)
    }

    @Test("combining marks, joiners and zero-width spaces take no column")
    func marksAndFormatCharactersTakeNone() {
        for scalar: Unicode.Scalar in ["\u{301}", "\u{20DD}", "\u{200B}", "\u{200D}", "\u{FE0F}", "\u{1160}"] {
            #expect(DisplayWidth.of(scalar) == 0, "U+\(String(scalar.value, radix: 16))")
        }
        // The soft hyphen is a format character that terminals do show.
        #expect(DisplayWidth.of(Unicode.Scalar(0xAD)!) == 1)
    }

    @Test("a character with combining marks takes its base's columns")
    func aClusterTakesItsFirstScalarsColumns() {
        let decomposed = "e\u{301}"
        #expect(decomposed.count == 1)
        #expect(DisplayWidth.of(decomposed) == 1)
        #expect(DisplayWidth.of("数\u{301}据") == 4)
        #expect(DisplayWidth.of("a\u{301}\u{302}\u{303}b") == 2)
    }

    @Test("prefix and suffix keep whole characters within the columns")
    func prefixAndSuffixNeverSplitAWideCharacter() {
        #expect(DisplayWidth.prefix("数据ab", columns: 3) == "数")
        #expect(DisplayWidth.prefix("数据ab", columns: 4) == "数据")
        #expect(DisplayWidth.prefix("ab数据", columns: 3) == "ab")
        #expect(DisplayWidth.suffix("ab数据", columns: 3) == "据")
        #expect(DisplayWidth.suffix("数据ab", columns: 3) == "ab")
        #expect(DisplayWidth.suffix("数据ab", columns: 0) == "")
        #expect(DisplayWidth.prefix("e\u{301}x", columns: 1) == "e\u{301}")
    }
}
