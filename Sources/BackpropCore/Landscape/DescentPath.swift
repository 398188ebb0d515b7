/// The path of descent in the plane of two parameters: where the last states of the run had
/// them (from a `ParameterTrail`), ending at the current state, and where the next step takes
/// them.
public struct DescentPath: Equatable, Sendable {
    /// The points of the last states, oldest first; the last is the current state's.
    public let points: [LandscapePoint]
    /// Where the next step takes the two parameters (with the optimizer, the next batch and the
    /// penalty, as a step would), or nil when training has diverged.
    public let next: LandscapePoint?

    /// The path of `x` and `y` to `trainer`'s state along `trail` (kept over the same run), and
    /// its next step, taken on a copy.
    public init(of x: ParameterIndex, _ y: ParameterIndex, to trainer: Trainer, along trail: ParameterTrail) {
        points = trail.path(of: x, y, in: trainer.network, atStep: trainer.stepCount)
        var stepped = trainer
        if stepped.run(steps: 1) == 1 {
            next = LandscapePoint(x: stepped.network[x], y: stepped.network[y])
        } else {
            next = nil
        }
    }

    /// The current state's point.
    public var current: LandscapePoint { points[points.count - 1] }

    /// The window that shows this path, `zoom` rungs out (positive) or in (negative).
    public func window(zoom: Int = 0) -> LandscapeWindow {
        LandscapeWindow.fitting(path: points, next: next, zoom: zoom)
    }
}
