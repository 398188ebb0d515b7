import Foundation

/// Maps costs to a 0...1 height, linearly from 0 or by log10.
struct AxisScale {
    let lower: Double
    let upper: Double
    let isLog: Bool

    /// `nil` when there is nothing finite to scale.
    init?(overall: CostBucket, kind: CostScale) {
        guard overall.hasFiniteCost else { return nil }
        if kind == .log, overall.max > 0 {
            // The smallest positive cost the summary knows; a zero cost sits on the bottom edge.
            let smallest = overall.min > 0 ? overall.min : overall.max
            var low = log10(smallest)
            var high = log10(overall.max)
            if high - low < 1e-12 { low -= 0.5; high += 0.5 }
            (lower, upper, isLog) = (low, high, true)
        } else {
            let high = overall.max > 0 ? overall.max : 1
            (lower, upper, isLog) = (min(0, overall.min), high, false)
        }
    }

    func fraction(of cost: Double) -> Double {
        let position = isLog ? (cost > 0 ? log10(cost) : lower) : cost
        return min(1, max(0, (position - lower) / (upper - lower)))
    }

    /// Which of `count` equal divisions of the axis, counted from the bottom, holds `cost`: the
    /// largest cost is in the top one, the smallest shown in the bottom one.
    func division(of cost: Double, count: Int) -> Int {
        Swift.min(count - 1, Int(fraction(of: cost) * Double(count)))
    }

    func value(atFraction fraction: Double) -> Double {
        let position = lower + fraction * (upper - lower)
        return isLog ? pow(10, position) : position
    }
}
