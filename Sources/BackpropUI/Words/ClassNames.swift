import BackpropCore

/// What the image panes call the classes of one-hot targets: the names the predictions and the
/// Confusion pane give them (`ClassVerdicts.names`), numbered from 0 as in code (class k is
/// output k+1), so the digits' column j is digit j and a label reads the same in every pane.
enum ClassNames {
    /// The names of `scenario`'s classes, when its targets are one-hot classes; nil otherwise.
    static func of(_ scenario: Scenario) -> [String]? {
        guard TargetClasses(targets: scenario.targets) == .oneHot else { return nil }
        return ClassVerdicts.names(for: scenario.targets)
    }
}
