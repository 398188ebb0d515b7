import Foundation

extension Matrix {
    /// ‖M‖_F = √(Σ mᵢⱼ²), the size of a whole gradient matrix in one number.
    ///
    /// The entries are scaled by the largest first, so a vanishing gradient of 1e-170 (whose
    /// squares would underflow to 0) and a huge one of 1e170 (whose squares would overflow)
    /// keep their size. ∞ when an entry is infinite, NaN when one is NaN.
    public var frobeniusNorm: Double {
        var largest = 0.0
        for value in elements {
            guard value.isFinite else { return value.isNaN || elements.contains(where: \.isNaN) ? .nan : .infinity }
            largest = Swift.max(largest, abs(value))
        }
        guard largest > 0 else { return 0 }
        var sum = 0.0
        for value in elements {
            let scaled = value / largest
            sum += scaled * scaled
        }
        return largest * sqrt(sum)
    }
}
