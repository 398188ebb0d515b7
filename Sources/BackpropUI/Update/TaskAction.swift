/// A long task the loop works on between frames (an export, `e`), and how it ends.
public enum TaskAction: Equatable, Hashable, Sendable {
    /// The task has got this far: sent when it starts and after each slice of its work.
    case progress(TaskProgress)
    /// Stop the task and remove what it made (Esc while it runs).
    case cancel
    /// The task ended, done, failed or cancelled: the message that says how.
    case finished(StatusMessage)
}
