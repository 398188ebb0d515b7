import BackpropCore

/// What the screen calls the classes of one-hot targets: one name a target column.
///
/// The scenario keeps no column names, so a class is named by its column as the predictions
/// pane writes it, without the `y`: y1 is class `1`. Pictures with ten one-hot classes are taken
/// for the digits (the `digits` preset, a teacher's own scans), whose column j holds digit j:
/// they are named `0` to `9`, so the label under a drawn 3 reads `3`.
enum ClassNames {
    /// The names of `scenario`'s classes, when its targets are one-hot classes; nil otherwise.
    static func of(_ scenario: Scenario) -> [String]? {
        guard TargetClasses(targets: scenario.targets) == .oneHot else { return nil }
        return names(count: scenario.targets.columns, isPicture: scenario.image != nil)
    }

    /// The names of `count` one-hot classes, of data that is pictures or not.
    static func names(count: Int, isPicture: Bool) -> [String] {
        let first = isPicture && count == 10 ? 0 : 1
        return (0..<count).map { String(first + $0) }
    }
}
