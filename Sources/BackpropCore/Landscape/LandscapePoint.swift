/// A point of the landscape's plane: the values of its two parameters (x the selected one, y
/// its partner).
public struct LandscapePoint: Equatable, Sendable {
    /// The first parameter's value (the x axis).
    public var x: Double
    /// The second parameter's value (the y axis).
    public var y: Double

    /// The point where the first parameter is `x` and the second `y`.
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// Whether both values are finite numbers.
    public var isFinite: Bool { x.isFinite && y.isFinite }
}
