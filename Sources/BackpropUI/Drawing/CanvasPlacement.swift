import BackpropCore

/// Where a frame drew the drawing's canvas: its top left cell and how many cells a pixel takes,
/// so that a click can be turned into the pixel the user saw under it.
public struct CanvasPlacement: Equatable, Sendable {
    /// The column of the canvas's left edge, 0-based on the screen.
    public let x: Int
    /// The row of the canvas's top edge, 0-based on the screen.
    public let y: Int
    /// Columns a pixel takes; an even number, so a pixel is `magnification / 2` whole rows.
    public let magnification: Int
    /// The canvas's pixels across and down.
    public let shape: ImageShape

    /// A canvas of `shape` drawn from (`x`, `y`) at `magnification` (even, at least 2).
    init(x: Int, y: Int, magnification: Int, shape: ImageShape) {
        precondition(magnification >= 2 && magnification % 2 == 0, "whole rows a pixel")
        self.x = x
        self.y = y
        self.magnification = magnification
        self.shape = shape
    }

    /// The pixel drawn in the cell at `column` and `row` of the screen, or nil outside the canvas.
    public func pixel(column: Int, row: Int) -> DrawingPixel? {
        let (across, down) = (column - x, row - y)
        guard across >= 0, down >= 0 else { return nil }
        let pixel = DrawingPixel(column: across / magnification, row: down / (magnification / 2))
        guard pixel.column < shape.width, pixel.row < shape.height else { return nil }
        return pixel
    }

    /// The screen cells of `pixel`: `magnification` columns and half as many rows.
    func cells(of pixel: DrawingPixel) -> Rect {
        Rect(
            x: x + pixel.column * magnification, y: y + pixel.row * magnification / 2, width: magnification,
            height: magnification / 2)
    }
}
