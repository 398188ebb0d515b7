/// Reading a run whose targets are classes: the Confusion pane and its cell cursor, and the
/// predictions pane's list of the wrong ones. Nothing here changes the run.
public enum ClassAction: Equatable, Hashable, Sendable {
    /// Open the Confusion pane on the most frequent mistake, or close it (`K`).
    case toggleConfusion
    /// Close the Confusion pane (Esc).
    case closeConfusion
    /// Move the Confusion pane's cell cursor with an arrow key and select the cell's first
    /// sample (the arrows while the pane is open).
    case moveCell(Key)
    /// Move the Confusion pane's cell cursor to the cell clicked and select its first sample.
    case chooseCell(ConfusionCell)
    /// List only the samples ŷ gets wrong in the predictions pane, or every sample again (`X`).
    case toggleWrongOnly
}
