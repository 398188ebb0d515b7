import BackpropCore

/// How a value is shaded on the input plane: one of `levels` steps of a range, shown as a colour
/// of the diverging ramp (`Color.ramp`) or, without colour, as a character of ` .:-=+*#%@`,
/// low to high.
///
/// The range is the output activation's (sigmoid and softmax 0..1, tanh -1..1), or for linear and relu,
/// which have none, the data's. Values outside it take the end levels.
struct PlaneRamp: Equatable, Sendable {
    /// The number of shades: as many as the characters, so colour and text show the same steps.
    static let levels = 10
    /// The shades without colour, low to high: more ink for a higher value.
    static let characters: [Character] = [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"]

    /// The values the ramp spans, low to high; `low < high`.
    let low: Double
    let high: Double

    /// A ramp over `low...high`; an empty or reversed range is widened to one around `low`.
    init(low: Double, high: Double) {
        if high > low, (high - low).isFinite {
            (self.low, self.high) = (low, high)
        } else {
            let centre = low.isFinite ? low : 0
            (self.low, self.high) = (centre - 1, centre + 1)
        }
    }

    /// The ramp for the outputs of `activation`: its own range where it has one, else the range
    /// of `values` (relu's from 0).
    init(activation: Activation, values: some Sequence<Double>) {
        switch activation {
        case .sigmoid, .softmax: self.init(low: 0, high: 1)
        case .tanh: self.init(low: -1, high: 1)
        case .relu, .linear:
            var (low, high) = (Double.infinity, -Double.infinity)
            for value in values where value.isFinite {
                low = min(low, value)
                high = max(high, value)
            }
            if activation == .relu { low = 0 }
            self.init(low: low, high: high)
        }
    }

    /// The middle of the range: a target above it is drawn as the high class.
    var middle: Double { low + (high - low) / 2 }

    /// The level, 0 to `levels - 1`, of `value`: the range cut into equal steps, the top end
    /// included in the last. NaN takes the middle's level below, so a diverged run paints pale.
    func level(of value: Double) -> Int {
        guard !value.isNaN else { return Self.levels / 2 - 1 }
        let scaled = (value - low) / (high - low) * Double(Self.levels)
        guard scaled > 0 else { return 0 }
        guard scaled < Double(Self.levels) else { return Self.levels - 1 }
        return Int(scaled)
    }

    /// The character of `value` without colour.
    func character(of value: Double) -> Character {
        Self.characters[level(of: value)]
    }

    /// Whether a target of `value` belongs to the high class (drawn ● or x).
    func isHigh(_ value: Double) -> Bool { value > middle }
}
