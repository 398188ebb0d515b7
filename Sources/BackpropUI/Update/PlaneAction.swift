/// The input plane's clicks (`m` shows the plane on data of two inputs).
public enum PlaneAction: Equatable, Hashable, Sendable {
    /// Add a training sample at (`x1`, `x2`), of class 1 (a left click) or class 0 (a right
    /// click): the point is worked out by `KeyMap` from the frame that was on the screen.
    case addSample(x1: Double, x2: Double, classOne: Bool)
}
