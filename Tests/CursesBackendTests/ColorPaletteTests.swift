import BackpropUI
import CursesBackend
import Testing

/// Which terminal colour each `Color` becomes: the named colours are ANSI everywhere; the input
/// plane's ramp is ten tints of the 256-colour cube where there is one, five ANSI colours where
/// there are only eight; a race's lanes are four hues of the cube, or four ANSI colours.
@Suite struct ColorPaletteTests {
    private let ramp = (0..<10).map { Color.ramp($0) }

    @Test func namedColoursAreTheANSIOnesAtEveryDepth() {
        for colors in [8, 16, 88, 256] {
            let palette = ColorPalette(colors: colors)
            #expect(Color.named.map { palette.number(of: $0) } == Array(0...7))
        }
    }

    @Test func withTheCubeTheRampIsTenDistinctTintsAndTheMarksDarker() {
        let palette = ColorPalette(colors: 256)
        let levels = ramp.map { palette.number(of: $0) }
        #expect(Set(levels).count == 10)
        #expect(levels.allSatisfy { (16...231).contains($0) }, "all in the 6x6x6 cube")
        // Cool to warm: the blue component falls and the red one rises across the ramp.
        let red = levels.map { ($0 - 16) / 36 }
        let blue = levels.map { ($0 - 16) % 6 }
        #expect(red.first! < red.last! && blue.first! > blue.last!)
        #expect(palette.number(of: .sampleMark(high: true)) == 88)
        #expect(palette.number(of: .sampleMark(high: false)) == 17)
        #expect(!levels.contains(88) && !levels.contains(17), "the marks are not shades of the plane")
        for level in ramp {
            #expect(palette.number(of: .sampleMark(high: true), over: level) == 88, "the cube's marks never change")
        }
    }

    @Test func withEightColoursTheRampIsBlueCyanWhiteYellowRed() {
        for colors in [8, 16, 88, 255] {
            let palette = ColorPalette(colors: colors)
            #expect(ramp.map { palette.number(of: $0) } == [4, 4, 6, 6, 7, 7, 3, 3, 1, 1])
            #expect(palette.number(of: .sampleMark(high: true)) == 1)
            #expect(palette.number(of: .sampleMark(high: false)) == 4)
            // A mark on a shade of its own colour would vanish: black there, its own elsewhere.
            #expect(palette.number(of: .sampleMark(high: true), over: .ramp(9)) == 0)
            #expect(palette.number(of: .sampleMark(high: true), over: .ramp(0)) == 1)
            #expect(palette.number(of: .sampleMark(high: false), over: .ramp(0)) == 0)
            #expect(palette.number(of: .sampleMark(high: false), over: .ramp(5)) == 4)
        }
    }

    @Test func aRacesLanesAreFourHuesApartFromTheFirstLanesYellowAtEveryDepth() {
        let lanes = (1...4).map { Color.runner($0) }
        let cube = ColorPalette(colors: 256)
        let tints = lanes.map { cube.number(of: $0) }
        #expect(tints == [74, 208, 169, 36], "sky blue, orange, purple, green")
        #expect(tints.allSatisfy { (16...231).contains($0) })
        for colors in [8, 16, 88] {
            let eight = ColorPalette(colors: colors).number
            let numbers = lanes.map { eight($0, nil) }
            #expect(numbers == [6, 1, 5, 2], "cyan, red, magenta, green")
            #expect(!numbers.contains(3), "never the yellow of lane 0's line")
        }
        #expect(Set(lanes.map(\.code)) == ["o", "p", "x", "s"], "each lane its own letter in golden styles")
    }

    @Test func levelsOutsideTheRampTakeItsEnds() {
        let palette = ColorPalette(colors: 256)
        #expect(palette.number(of: .ramp(-3)) == palette.number(of: .ramp(0)))
        #expect(palette.number(of: .ramp(12)) == palette.number(of: .ramp(9)))
    }
}
