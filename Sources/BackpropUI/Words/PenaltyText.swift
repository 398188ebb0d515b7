import BackpropCore

/// How the screen names a penalty: `L2 λ 0.01`, or `no penalty`.
enum PenaltyText {
    /// "L1 λ 0.001", "L2 λ 0.01", "no penalty": λ is a number the user chose, written as given.
    static func words(_ penalty: Penalty) -> String {
        guard penalty.isActive else { return "no penalty" }
        return "\(penalty.name.uppercased()) λ \(DecimalNumber.text(penalty.strength))"
    }
}
