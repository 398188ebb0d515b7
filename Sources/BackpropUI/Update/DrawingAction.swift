/// Drawing a digit for the network to classify (`D`), and adding it to the data as a sample.
public enum DrawingAction: Equatable, Hashable, Sendable {
    /// Open a blank canvas, or leave the one open (`D`).
    case toggle
    /// Leave the canvas; the drawing is dropped (Esc).
    case leave
    /// Move the cursor one pixel (the arrows).
    case moveCursor(DrawingCanvas.Motion)
    /// Paint the cursor's pixel, or erase it if it has that ink (Space full, `.` light).
    case paintAtCursor(DrawingCanvas.Stroke)
    /// Set one pixel's ink, 0 to 1, where a click landed: the pixel is worked out by `KeyMap`
    /// from the frame that was on the screen (left click 1, right click 0).
    case setPixel(DrawingPixel, ink: Double)
    /// Take all the ink away (Backspace).
    case clear
    /// Ask for the drawing's class, to add it as a training sample (Enter); the label typed is
    /// committed as an entry.
    case askLabel
}
