/// What a key is for, as a teacher looks for it: taking steps, then the learning rate and the
/// optimizer, then choosing what to look at, the panes, the files, and help. `--help` lists the
/// keys under these headings, in this order.
public enum KeyGroup: CaseIterable, Sendable {
    /// Taking steps one at a time or running, going back, the quiz about the next step.
    case stepping
    /// The learning rate and the update rule, and racing the rules.
    case learningRateAndOptimizer
    /// The weight or bias the inspector explains, and the sample it follows.
    case selection
    /// The panes and axes that show other numbers.
    case panes
    /// Other scenarios, and the files a run writes.
    case scenariosAndFiles
    /// The key help, and leaving.
    case helpAndQuit

    /// The heading `--help` gives the group.
    public var title: String {
        switch self {
        case .stepping: "Stepping"
        case .learningRateAndOptimizer: "Learning rate & optimizer"
        case .selection: "Selection"
        case .panes: "Panes"
        case .scenariosAndFiles: "Scenarios & files"
        case .helpAndQuit: "Help & quit"
        }
    }
}
