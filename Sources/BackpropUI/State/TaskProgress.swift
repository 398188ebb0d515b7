import BackpropCore

/// How far the long task the loop works on between frames (an export) has got: the hint line
/// shows it, and while it is there Esc cancels the task.
public struct TaskProgress: Equatable, Hashable, Sendable {
    /// What the task does to each unit, as the hint line begins: "exporting row".
    public var activity: String
    /// The unit being worked on, counted from 1.
    public var current: Int
    /// The units in all.
    public var total: Int

    /// Progress at unit `current` of `total`, doing `activity`.
    public init(activity: String, current: Int, total: Int) {
        self.activity = activity
        self.current = current
        self.total = total
    }

    /// What the hint line shows, longest first, with the frame's `ellipsis`:
    /// `exporting row 3,400 of 10,001 … Esc cancels`, then shorter for narrower terminals.
    func wordings(ellipsis: String) -> [String] {
        let (current, total) = (thousandsSeparated(self.current), thousandsSeparated(self.total))
        return [
            "\(activity) \(current) of \(total) \(ellipsis) Esc cancels",
            "\(activity) \(current)/\(total), Esc cancels",
            "\(current)/\(total), Esc cancels",
            "\(current)/\(total)",
        ]
    }
}
