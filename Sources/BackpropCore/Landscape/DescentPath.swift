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
        var stepped = trainer
        let next = stepped.run(steps: 1) == 1 ? stepped.network : nil
        self.init(of: x, y, at: trainer.network, step: trainer.stepCount, next: next, along: trail)
    }

    /// The path of `x` and `y` to `network`, the state after `step` steps, along `trail`, with
    /// `next` the network the next step makes (nil when there is none): a step already taken
    /// elsewhere, as the frame's trace has it.
    public init(
        of x: ParameterIndex, _ y: ParameterIndex, at network: Network, step: Int, next: Network?,
        along trail: ParameterTrail
    ) {
        points = trail.path(of: x, y, in: network, atStep: step)
        self.next = next.map { LandscapePoint(x: $0[x], y: $0[y]) }
    }

    /// The current state's point.
    public var current: LandscapePoint { points[points.count - 1] }

    /// The window that shows this path, `zoom` rungs out (positive) or in (negative).
    public func window(zoom: Int = 0) -> LandscapeWindow {
        LandscapeWindow.fitting(path: points, next: next, zoom: zoom)
    }
}
