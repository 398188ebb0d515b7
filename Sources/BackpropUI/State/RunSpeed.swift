/// How fast the program trains while running: a rung of the ladder
/// 1 2 5 10 20 50 100 ... 100000 steps per second, then `max` (as fast as the machine can
/// while still redrawing about 30 times a second).
public struct RunSpeed: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// Steps per second of every rung; `nil` is `max`.
    public static let ladder: [Int?] =
        (0...4).flatMap { power -> [Int?] in
            let scale = (0..<power).reduce(1) { value, _ in value * 10 }
            return [1 * scale, 2 * scale, 5 * scale]
        } + [100_000, nil]

    /// Where on the ladder this speed is.
    public private(set) var index: Int

    /// A speed at `index` on the ladder (clamped to the ladder).
    public init(index: Int) {
        self.index = Swift.min(Swift.max(0, index), RunSpeed.ladder.count - 1)
    }

    /// 10 steps per second: slow enough to watch the numbers move, fast enough to see the curve.
    public static let standard = RunSpeed(index: 3)
    /// The top of the ladder.
    public static let max = RunSpeed(index: ladder.count - 1)

    /// Steps per second, or `nil` for `max`.
    public var stepsPerSecond: Int? { RunSpeed.ladder[index] }

    /// One rung faster (stays at `max`).
    public var faster: RunSpeed { RunSpeed(index: index + 1) }
    /// One rung slower (stays at 1 per second).
    public var slower: RunSpeed { RunSpeed(index: index - 1) }

    /// "10/s" or "max".
    public var description: String {
        stepsPerSecond.map { "\($0)/s" } ?? "max"
    }
}
