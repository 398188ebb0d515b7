/// Files the run writes, and how writing them went.
public enum FileAction: Equatable, Hashable, Sendable {
    /// Write the states `b` can reach in this run as CSV, with lr, optimizer and event columns (`e`).
    case exportTrace
    /// Save the current state as a scenario JSON file (`w`).
    case saveScenario
    /// An effect was performed (a file written or not): the message that says how it went.
    case finished(StatusMessage)
}
