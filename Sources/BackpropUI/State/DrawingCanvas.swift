import BackpropCore

/// The picture being drawn with `D`: one ink value a pixel of the scenario's `ImageShape`, from 0
/// (none) to 1 (full, as the digits preset scales its darkest pixel), and the pixel the arrows
/// move and Space paints. The network's ŷ for it are drawn beside it; Enter adds it as a sample.
///
/// It is not part of the run: `b` does not undo strokes (Space again, or Backspace, does), and
/// it stays as it is through steps, so a class sees the same drawing's ŷ change as the network
/// learns.
public struct DrawingCanvas: Equatable, Hashable, Sendable {
    /// How much ink a stroke leaves.
    public enum Stroke: Equatable, Hashable, Sendable {
        /// Full ink, 1 (Space, a left click).
        case full
        /// A light stroke, 0.5 (`.`).
        case light

        /// The ink value the stroke leaves.
        public var ink: Double {
            switch self {
            case .full: 1
            case .light: 0.5
            }
        }
    }

    /// Where an arrow moves the cursor.
    public enum Motion: Equatable, Hashable, Sendable {
        case up, down, left, right
    }

    /// The picture's pixels across and down.
    public let shape: ImageShape
    /// One ink value a pixel, 0 to 1, row by row from the top left (the order of a sample's
    /// inputs).
    public private(set) var pixels: [Double]
    /// The pixel Space and `.` paint.
    public private(set) var cursor: DrawingPixel

    /// A blank canvas of `shape`, the cursor in its middle.
    public init(shape: ImageShape) {
        self.shape = shape
        pixels = Array(repeating: 0, count: shape.pixelCount)
        cursor = DrawingPixel(column: (shape.width - 1) / 2, row: (shape.height - 1) / 2)
    }

    /// The ink of `pixel`.
    public subscript(pixel: DrawingPixel) -> Double {
        pixels[shape.input(column: pixel.column, row: pixel.row)]
    }

    /// Whether no pixel has ink.
    public var isBlank: Bool { pixels.allSatisfy { $0 == 0 } }

    /// The pixels with some ink.
    public var inkedCount: Int { pixels.count { $0 > 0 } }

    /// Whether `pixel` is on the canvas.
    public func contains(_ pixel: DrawingPixel) -> Bool {
        pixel.column >= 0 && pixel.column < shape.width && pixel.row >= 0 && pixel.row < shape.height
    }

    /// Moves the cursor one pixel, stopping at the edges.
    mutating func move(_ motion: Motion) {
        switch motion {
        case .up: cursor.row = max(0, cursor.row - 1)
        case .down: cursor.row = min(shape.height - 1, cursor.row + 1)
        case .left: cursor.column = max(0, cursor.column - 1)
        case .right: cursor.column = min(shape.width - 1, cursor.column + 1)
        }
    }

    /// Paints the cursor's pixel with `stroke`, or erases it when it already has that ink: Space
    /// on an inked pixel takes its ink away, so one key both draws and corrects. (A full pixel
    /// under `.` becomes light, and a light one under Space full.)
    mutating func paintAtCursor(_ stroke: Stroke) {
        let index = shape.input(column: cursor.column, row: cursor.row)
        let current = pixels[index]
        switch stroke {
        case .full: pixels[index] = current > 0 ? 0 : stroke.ink
        case .light: pixels[index] = current == stroke.ink ? 0 : stroke.ink
        }
    }

    /// Sets `pixel` to `ink` (0 to 1) and puts the cursor on it: a click paints where it lands.
    mutating func set(_ pixel: DrawingPixel, ink: Double) {
        guard contains(pixel) else { return }
        pixels[shape.input(column: pixel.column, row: pixel.row)] = min(max(ink, 0), 1)
        cursor = pixel
    }

    /// Takes all the ink away; the cursor stays.
    mutating func clear() {
        pixels = Array(repeating: 0, count: shape.pixelCount)
    }
}
