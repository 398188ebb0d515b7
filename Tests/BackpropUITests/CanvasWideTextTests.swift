@testable import BackpropUI
import Testing

/// The canvas counts terminal columns: a wide character takes two cells and is never half drawn.
@Suite("the canvas with wide and combining characters")
struct CanvasWideTextTests {
    private func canvas(width: Int) -> Canvas {
        Canvas(size: Size(width: width, height: 1))
    }

    @Test("a wide character takes its cell and a continuation cell, and text prints it once")
    func aWideCharacterTakesTwoCells() {
        var canvas = canvas(width: 8)
        let end = canvas.put("数据.j", x: 1, y: 0, style: Style(bold: true))
        #expect(end == 7)
        #expect(canvas[1, 0].character == "数")
        #expect(canvas[2, 0].isContinuation)
        #expect(canvas[2, 0].style == Style(bold: true))
        #expect(canvas[3, 0].character == "据")
        #expect(canvas[4, 0].isContinuation)
        #expect(canvas[5, 0].character == ".")
        #expect(canvas.text == " 数据.j ")
        #expect(DisplayWidth.of(canvas.text) == 8)
        // The style grid stays one symbol a cell: the continuation cell has the character's style.
        #expect(canvas.styleText == ".******.")
    }

    @Test("a wide character at the right edge of the grid is a blank")
    func aWideCharacterAtTheGridsEdgeIsABlank() {
        var canvas = canvas(width: 4)
        canvas.put("ab数", x: 1, y: 0, style: Style(reverse: true))
        #expect(canvas.text == " ab ")
        #expect(canvas[3, 0] == Cell(" ", style: Style(reverse: true)))
        #expect(!canvas.cells.contains { $0.isContinuation })
    }

    @Test("maxWidth stops before a wide character that does not fit, leaving a blank")
    func maxWidthBlanksAWideCharacterThatDoesNotFit() {
        var canvas = canvas(width: 8)
        let end = canvas.put("a数据", x: 0, y: 0, maxWidth: 4)
        #expect(end == 4)
        #expect(canvas.text == "a数     ")
        #expect(canvas[3, 0] == .blank)
    }

    @Test("a clip blanks the half of a wide character inside it, at either edge")
    func aClipNeverHalfDrawsAWideCharacter() {
        var canvas = canvas(width: 10)
        canvas.put("##########", x: 0, y: 0)
        let clip = Rect(x: 2, y: 0, width: 5, height: 1)
        // 数 straddles the left edge (columns 1-2), 据 fits (3-4), 数 fits (5-6), 据 straddles the right (7-8).
        let end = canvas.put("数据数据", x: 1, y: 0, clip: clip)
        #expect(end == 9)
        #expect(canvas.text == "## 据数###")
        #expect(DisplayWidth.of(canvas.text) == 10)
    }

    @Test("put returns the column after the text in columns, also outside the clip's rows")
    func putReturnsTheColumnAfterTheText() {
        var canvas = canvas(width: 4)
        #expect(canvas.put("数据ab", x: 0, y: 0, clip: Rect(x: 0, y: 0, width: 4, height: 1)) == 6)
        #expect(canvas.put("数据ab", x: 1, y: 0, clip: Rect(x: 0, y: 5, width: 4, height: 1)) == 7)
    }

    @Test("writing over the continuation cell blanks the character's left half")
    func overwritingTheRightHalfBlanksTheLeft() {
        var canvas = canvas(width: 4)
        canvas.put("数据", x: 0, y: 0, style: Style(bold: true))
        canvas[1, 0] = Cell("x")
        #expect(canvas.text == " x据")
        #expect(canvas[0, 0] == Cell(" ", style: Style(bold: true)))
    }

    @Test("writing over a wide character's cell blanks its continuation")
    func overwritingTheLeftHalfBlanksTheRight() {
        var canvas = canvas(width: 4)
        canvas.put("数据", x: 0, y: 0)
        canvas[2, 0] = Cell("y")
        #expect(canvas.text == "数y ")
        #expect(!canvas[3, 0].isContinuation)
    }

    @Test("a wide character written across another's halves blanks both neighbours' other halves")
    func aWideCharacterOverTwoOthersBlanksTheirOtherHalves() {
        var canvas = canvas(width: 6)
        canvas.put("数据数", x: 0, y: 0)
        canvas.put("한", x: 1, y: 0)
        #expect(canvas.text == " 한 数")
        #expect(DisplayWidth.of(canvas.text) == 6)
    }

    @Test("a continuation cell written away from a wide character is a blank")
    func aStrayContinuationIsABlank() {
        var canvas = canvas(width: 4)
        canvas.put("数", x: 0, y: 0)
        let continuation = canvas[1, 0]
        canvas[3, 0] = continuation
        #expect(!canvas[3, 0].isContinuation)
        // Copying it back beside its character keeps the pair whole.
        canvas[1, 0] = continuation
        #expect(canvas.text == "数  ")
    }

    @Test("a fill that covers half of a wide character at either edge blanks its other half")
    func aFillBlanksTheOuterHalvesOfWideCharacters() {
        var canvas = canvas(width: 8)
        canvas.put("数据数据", x: 0, y: 0)
        // 数据数据 takes columns 0-7; the fill covers 1-4: the right half of the first 数 and the
        // left half of the second are inside it, so their other halves (0 and 5) become blanks.
        canvas.fill(x: 1, y: 0, width: 4, height: 1, with: Cell("-"))
        #expect(canvas.text == " ---- 据")
        #expect(!canvas[5, 0].isContinuation)
        #expect(canvas[6, 0].character == "据")
        #expect(DisplayWidth.of(canvas.text) == 8)
    }

    @Test("a character with combining marks stays in one cell; a lone mark takes none")
    func combiningMarksStayInTheirCharactersCell() {
        var canvas = canvas(width: 4)
        let end = canvas.put("e\u{301}\u{302}x", x: 0, y: 0)
        #expect(end == 2)
        #expect(canvas[0, 0].character == "e\u{301}\u{302}")
        #expect(canvas[1, 0].character == "x")
        #expect(canvas.put("\u{301}z", x: 2, y: 0) == 3)
        #expect(canvas[2, 0].character == "z")
        #expect(canvas.text == "e\u{301}\u{302}xz ")
    }

    @Test("LineFit measures and cuts in columns")
    func lineFitCountsColumns() {
        // 19 columns in 15 characters.
        #expect(LineFit.words("saved 数据数据.json", width: 19, ellipsis: "…") == "saved 数据数据.json")
        #expect(LineFit.words("saved 数据数据.json", width: 18, ellipsis: "…") == "saved …")
        #expect(LineFit.words("saved 数据数据.json now", width: 16, ellipsis: "…") == "saved …")
        #expect(LineFit.words("数据数据数据", width: 6, ellipsis: "…") == "数据…")
        #expect(LineFit.parts(["a", "数据数据"], separator: "  ", width: 9, ellipsis: "…") == "a")
        #expect(LineFit.first(["数据数据", "abcdefg"], width: 7, ellipsis: "…") == "abcdefg")
    }
}
