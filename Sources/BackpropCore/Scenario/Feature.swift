import Foundation

/// An input the network sees, computed from a sample's two data inputs x1 and x2: TensorFlow
/// Playground's seven. With `x1^2,x2^2` a single layer draws a circle, because a circle around
/// (0, 0) is a straight line in (x1², x2²).
public enum Feature: String, CaseIterable, Sendable {
    /// The first input as it is.
    case x1
    /// The second input as it is.
    case x2
    /// x1²: with x2², a circle around (0, 0) becomes a straight line.
    case x1Squared = "x1^2"
    /// x2².
    case x2Squared = "x2^2"
    /// x1·x2: positive in two opposite quadrants, negative in the others (XOR's shape).
    case product = "x1*x2"
    /// sin(x1): waves across the plane.
    case sineOfX1 = "sin(x1)"
    /// sin(x2).
    case sineOfX2 = "sin(x2)"

    /// The feature of a sample whose data inputs are `x1` and `x2`.
    @inline(__always)
    public func value(x1: Double, x2: Double) -> Double {
        switch self {
        case .x1: return x1
        case .x2: return x2
        case .x1Squared: return x1 * x1
        case .x2Squared: return x2 * x2
        case .product: return x1 * x2
        case .sineOfX1: return sin(x1)
        case .sineOfX2: return sin(x2)
        }
    }

    /// The features of every row of `inputs` (N x 2): N x `features.count`, one column per feature.
    public static func matrix(_ features: [Feature], of inputs: Matrix) -> Matrix {
        precondition(inputs.columns == 2, "features are computed from two inputs")
        var elements: [Double] = []
        elements.reserveCapacity(inputs.rows * features.count)
        for s in 0..<inputs.rows {
            for feature in features { elements.append(feature.value(x1: inputs[s, 0], x2: inputs[s, 1])) }
        }
        return Matrix(rows: inputs.rows, columns: features.count, elements: elements)
    }

    /// The features of one point (x1, x2) of the plane, for drawing the network over the plane.
    public static func values(_ features: [Feature], x1: Double, x2: Double) -> [Double] {
        features.map { $0.value(x1: x1, x2: x2) }
    }

    /// The list `x1^2,x2^2` as typed (names separated by commas, spaces allowed), or an error
    /// that lists the names: at least one, none twice.
    public static func list(parsing text: String) throws(ScenarioError) -> [Feature] {
        let names = text.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        // An empty name would be quoted as '' inside the quotes of "... is not a feature": say
        // what is missing instead.
        guard names.contains(where: { !$0.isEmpty }) else {
            throw .invalidSetting("needs at least one feature, like x1^2,x2^2")
        }
        var features: [Feature] = []
        for name in names {
            guard !name.isEmpty else {
                throw .invalidSetting("a name is missing between commas; give names like x1^2,x2^2")
            }
            guard let feature = Feature(rawValue: name.lowercased()) else {
                throw .invalidSetting(
                    "\"\(TerminalSafe.argument(name))\" is not a feature; use names from \(allCases.map(\.rawValue).joined(separator: ", ")), separated by commas"
                )
            }
            guard !features.contains(feature) else {
                throw .invalidSetting("\(feature.rawValue) is named twice; give each feature once")
            }
            features.append(feature)
        }
        return features
    }
}
