import Foundation

/// The samples of the generated presets: points (x1, x2) of the input plane, roughly in
/// [-1, 1], each with one target y of 0 or 1, drawn from a `SeededGenerator`.
///
/// Every coordinate is rounded to 2 decimals. The predictions pane then shows short numbers
/// (`0.12 -0.92`, not seventeen digits), and the points are the same on every machine: the draws
/// and the arithmetic here are correctly rounded IEEE operations, but `sin` and `cos` come from
/// the platform's maths library, which may differ in the last bit. Such a difference (about
/// 1e-16) changes a coordinate rounded to hundredths only if it falls within 1e-16 of a midpoint
/// like 0.125, about one chance in 10¹⁴ for each coordinate; unrounded, every coordinate would
/// carry the library's last bit. The tests pin the first points.
enum PlaneData {
    /// The points inside the circle: at most this far from the centre.
    static let innerRadius = 0.5
    /// The points outside the circle: between these distances from the centre. The empty ring
    /// between `innerRadius` and 0.7 is a margin, so that the boundary the network must find is
    /// plain to see and no point sits on it.
    static let outerRadii = 0.7...1.0

    /// `count` points, alternately inside the circle (y = 1, at most `innerRadius` from the
    /// centre) and outside it (y = 0, in the ring `outerRadii`), each at a uniformly drawn angle
    /// and distance, as TensorFlow Playground's circle. Alternating gives exactly half of each
    /// and shows both in the first rows of the predictions pane. Every point inside lies within
    /// 0.51 of the centre and every point outside beyond 0.69, even after rounding, so y = 1
    /// exactly when x1² + x2² < 0.6².
    static func circle(
        count: Int, using generator: inout SeededGenerator
    ) -> (inputs: [[Double]], targets: [[Double]]) {
        var inputs: [[Double]] = []
        var targets: [[Double]] = []
        for k in 0..<count {
            let inside = k.isMultiple(of: 2)
            let angle = generator.symmetric(.pi)
            let fraction = (generator.symmetric(1) + 1) / 2
            let radius =
                inside
                ? fraction * innerRadius
                : outerRadii.lowerBound + fraction * (outerRadii.upperBound - outerRadii.lowerBound)
            inputs.append([rounded(radius * cos(angle)), rounded(radius * sin(angle))])
            targets.append([inside ? 1 : 0])
        }
        return (inputs, targets)
    }

    /// The distances from the centre of the three classes of `rings`: a disc, a ring around it,
    /// and a ring around that, with empty margins of 0.15 between them.
    static let ringRadii: [ClosedRange<Double>] = [0...0.3, 0.45...0.65, 0.8...1.0]

    /// `perClass` points of each of three classes in turn (class 1, 2, 3, 1, ...), each at a
    /// uniformly drawn angle and a distance drawn uniformly in its class's band of `ringRadii`:
    /// a disc, a ring around it and an outer ring. The targets are one-hot rows, [1, 0, 0] for
    /// the disc. No straight line separates any class from the other two but the outer ring's
    /// inside edge, and the middle ring needs two boundaries, one inside and one outside.
    static func rings(
        perClass: Int, using generator: inout SeededGenerator
    ) -> (inputs: [[Double]], targets: [[Double]]) {
        var inputs: [[Double]] = []
        var targets: [[Double]] = []
        for _ in 0..<perClass {
            for (c, band) in ringRadii.enumerated() {
                let angle = generator.symmetric(.pi)
                let fraction = (generator.symmetric(1) + 1) / 2
                let radius = band.lowerBound + fraction * (band.upperBound - band.lowerBound)
                inputs.append([rounded(radius * cos(angle)), rounded(radius * sin(angle))])
                targets.append((0..<ringRadii.count).map { $0 == c ? 1 : 0 })
            }
        }
        return (inputs, targets)
    }

    /// Two interleaved spiral arms of `perArm` points each, arm 0 (y = 0) and arm 1 (y = 1)
    /// half a turn apart, alternating in the rows. Along an arm the points are evenly spaced in
    /// angle over `turns` turns while the distance from the centre grows from 0.1 to 0.95;
    /// each coordinate then moves by up to ±0.02 at random, so another seed gives other points
    /// of the same spiral. Where the arms pass each other they are 0.85 / turns / 2 apart (0.28 for
    /// 1.5 turns), far more than the jitter, so they never touch.
    static func spiral(
        perArm: Int, turns: Double, using generator: inout SeededGenerator
    ) -> (inputs: [[Double]], targets: [[Double]]) {
        precondition(perArm >= 2, "an arm needs two points to have a start and an end")
        var inputs: [[Double]] = []
        var targets: [[Double]] = []
        for k in 0..<perArm {
            let along = Double(k) / Double(perArm - 1)
            let radius = 0.1 + 0.85 * along
            for arm in 0..<2 {
                let angle = 2 * .pi * turns * along + .pi * Double(arm)
                let x1 = radius * cos(angle) + generator.symmetric(0.02)
                let x2 = radius * sin(angle) + generator.symmetric(0.02)
                inputs.append([rounded(x1), rounded(x2)])
                targets.append([Double(arm)])
            }
        }
        return (inputs, targets)
    }

    /// `value` to 2 decimals: the nearest double to a whole number of hundredths, by exact IEEE
    /// operations, with halves away from zero. Adding 0 turns -0.0 (from -0.004) into 0, which
    /// the predictions pane would otherwise show as `-0`.
    static func rounded(_ value: Double) -> Double {
        (value * 100).rounded() / 100 + 0
    }
}
