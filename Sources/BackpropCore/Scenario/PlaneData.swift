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

    /// `perClass` points of each of two round clusters in turn (class 0, 1, 0, ...), as
    /// TensorFlow Playground's "Gaussian" data scaled to this plane: class 0 (y = 0) around
    /// (-`gaussCentre`, -`gaussCentre`), class 1 (y = 1) around (`gaussCentre`, `gaussCentre`),
    /// each coordinate drawn from a normal distribution of standard deviation `gaussSpread`
    /// (`normal(using:)`). Each centre is 0.57 from the line x1 + x2 = 0 between them, almost 4
    /// standard deviations, so one straight line separates the classes, as in the Playground
    /// (a point beyond that line is a one-in-10,000 draw).
    static func gauss(
        perClass: Int, using generator: inout SeededGenerator
    ) -> (inputs: [[Double]], targets: [[Double]]) {
        var inputs: [[Double]] = []
        var targets: [[Double]] = []
        for _ in 0..<perClass {
            for y in [0.0, 1.0] {
                let centre = y == 1 ? gaussCentre : -gaussCentre
                let (z1, z2) = normal(using: &generator)
                inputs.append([rounded(centre + gaussSpread * z1), rounded(centre + gaussSpread * z2)])
                targets.append([y])
            }
        }
        return (inputs, targets)
    }

    /// Where `gauss`'s clusters are centred, on the diagonal: (±0.4, ±0.4).
    static let gaussCentre = 0.4
    /// The standard deviation of `gauss`'s clusters in each coordinate.
    static let gaussSpread = 0.15

    /// `count` points drawn uniformly in [-1, 1]², labelled by the simple rule y = 1 when
    /// x1 + x2 > 0 (above the falling diagonal), except every `flipEvery`-th point (the 4th,
    /// 9th, ... for 5), whose label is flipped: the noise a network far larger than the rule needs
    /// can learn by heart. A point whose x1 + x2 is within 0.1 of 0 is drawn again, so the rule's
    /// boundary is clear and the wrong labels are plainly wrong.
    static func overfit(
        count: Int, flipEvery: Int, using generator: inout SeededGenerator
    ) -> (inputs: [[Double]], targets: [[Double]]) {
        var inputs: [[Double]] = []
        var targets: [[Double]] = []
        for k in 0..<count {
            var (x1, x2) = (0.0, 0.0)
            repeat {
                x1 = rounded(generator.symmetric(1))
                x2 = rounded(generator.symmetric(1))
            } while abs(x1 + x2) < 0.1
            let rule = x1 + x2 > 0
            let flipped = k % flipEvery == flipEvery - 1
            inputs.append([x1, x2])
            targets.append([rule != flipped ? 1 : 0])
        }
        return (inputs, targets)
    }

    /// `points` with Gaussian noise of standard deviation `deviation` added to every coordinate,
    /// drawn from `generator` two coordinates at a time (`normal(using:)`, row by row), and
    /// rounded to 2 decimals again. The noise comes from a generator of its own, so a noisy
    /// preset keeps its points' places in the draw: noise 0.1 moves seed 1's points, it does not
    /// draw others.
    static func withNoise(_ points: [[Double]], deviation: Double, using generator: inout SeededGenerator)
        -> [[Double]]
    {
        points.map { point in
            var noisy = point
            var k = 0
            while k < noisy.count {
                let (z1, z2) = normal(using: &generator)
                noisy[k] = rounded(noisy[k] + deviation * z1)
                if k + 1 < noisy.count { noisy[k + 1] = rounded(noisy[k + 1] + deviation * z2) }
                k += 2
            }
            return noisy
        }
    }

    /// Two independent draws of the standard normal distribution, by the Box-Muller transform:
    /// √(-2 ln u₁)·(cos 2πu₂, sin 2πu₂) with u₁ in (0, 1] and u₂ in [0, 1) from the generator's
    /// next two 53-bit numbers. `log`, `cos` and `sin` come from the platform's maths library
    /// and may differ in the last bit between machines; the callers round every coordinate to 2
    /// decimals, which hides such a difference but for about one chance in 10¹⁴ (see the type's
    /// note).
    static func normal(using generator: inout SeededGenerator) -> (Double, Double) {
        let u1 = 1 - (generator.symmetric(1) + 1) / 2
        let u2 = (generator.symmetric(1) + 1) / 2
        let radius = (-2 * log(u1)).squareRoot()
        let angle = 2 * Double.pi * u2
        return (radius * cos(angle), radius * sin(angle))
    }

    /// `value` to 2 decimals: the nearest double to a whole number of hundredths, by exact IEEE
    /// operations, with halves away from zero. Adding 0 turns -0.0 (from -0.004) into 0, which
    /// the predictions pane would otherwise show as `-0`.
    static func rounded(_ value: Double) -> Double {
        (value * 100).rounded() / 100 + 0
    }
}
