import BackpropCore
import Testing

@testable import BackpropUI

/// Pictures of pixels: square pixels in both modes, the same size in cells with and without
/// colour, and shades that keep the order (and, for weights, the sign) of the values.
@Suite struct PixelPictureTests {
    let shape = ImageShape(width: 2, height: 2)!

    @Test func aPictureTakesTheSameCellsInColourAndCharacters() {
        let picture = PixelPicture(
            shape: ImageShape(width: 8, height: 8)!, values: Array(repeating: 0, count: 64), scale: .ink)
        #expect(picture.size(magnification: 1) == Size(width: 8, height: 4))
        #expect(picture.size(magnification: 2) == Size(width: 16, height: 8))
        #expect(picture.size(magnification: 3) == Size(width: 24, height: 12))
        #expect(picture.magnification(fitting: 20, 10) == 2)
        #expect(picture.magnification(fitting: 7, 10) == 0)
        let odd = PixelPicture(
            shape: ImageShape(width: 5, height: 5)!, values: Array(repeating: 0, count: 25), scale: .ink)
        #expect(odd.size(magnification: 1) == Size(width: 5, height: 3), "the last row holds the fifth pixel row alone")
    }

    @Test func inkShadesRunFromNoneToAll() {
        let picture = PixelPicture(shape: shape, values: [0, 0.25, 0.5, 1], scale: .ink)
        #expect(picture.level(of: 0) == 0)
        #expect(picture.level(of: 1) == PixelPicture.levels - 1)
        #expect(picture.level(of: 0.25) < picture.level(of: 0.5))
        #expect(picture.level(of: -3) == 0 && picture.level(of: 7) == 9, "outside the range: the ends")
    }

    @Test func weightsKeepTheirSign() {
        let scale = PixelPicture.divergingScale(for: [-0.5, 0.25, 0, .nan])
        #expect(scale == .diverging(limit: 0.5))
        let picture = PixelPicture(shape: shape, values: [-0.5, -0.01, 0.01, 0.5], scale: scale)
        #expect(picture.level(of: -0.5) == 0 && picture.level(of: 0.5) == 9)
        #expect(picture.level(of: -0.01) == 4 && picture.level(of: 0.01) == 5, "either side of zero, both pale")
        #expect(PixelPicture.divergingScale(for: [0, 0]) == .diverging(limit: 1))
    }

    /// Magnified twice, every character is one pixel: a 2x2 picture of none, all / all, none is a
    /// 4x2 block whose characters say so.
    @Test func charactersAtAnEvenMagnificationAreThePixels() {
        let picture = PixelPicture(shape: shape, values: [0, 1, 1, 0], scale: .ink)
        var canvas = Canvas(size: Size(width: 6, height: 3))
        picture.draw(at: 1, 0, magnification: 2, color: false, on: &canvas)
        #expect(canvas.text.split(separator: "\n").map(String.init) == ["   @@ ", " @@   ", "      "])
    }

    /// In colour one cell stacks two pixel rows: the top pixel is the half block's foreground,
    /// the bottom one its background.
    @Test func colourStacksTwoPixelsInACell() {
        let picture = PixelPicture(shape: shape, values: [0, 1, 1, 0], scale: .ink)
        var canvas = Canvas(size: Size(width: 2, height: 1))
        picture.draw(at: 0, 0, magnification: 1, color: true, on: &canvas)
        #expect(canvas.text == "▀▀")
        #expect(canvas[0, 0].style.foreground == .ink(0) && canvas[0, 0].style.background == .ink(9))
        #expect(canvas[1, 0].style.foreground == .ink(9) && canvas[1, 0].style.background == .ink(0))
    }

    @Test func weightsWithoutColourShowTheirSign() {
        let picture = PixelPicture(shape: shape, values: [-1, 1, -1, 1], scale: .diverging(limit: 1))
        var canvas = Canvas(size: Size(width: 4, height: 2))
        picture.draw(at: 0, 0, magnification: 2, color: false, on: &canvas)
        #expect(canvas.text.split(separator: "\n").map(String.init) == ["==##", "==##"])
    }
}
