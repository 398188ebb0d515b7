/// Which neurons of one layer fit in a column of the network pane: all of them, or as many as
/// fit with a line saying how many are left out, so no neuron is dropped silently.
///
/// Unlike `ScrollWindow`, which leaves its markers to the pane, it keeps one neuron in sight: when the selected parameter touches a
/// neuron below the first rows, the column shows a run around it, with a line above ("… 6")
/// and below ("… 7 more") for the neurons left out on each side.
struct NeuronWindow {
    /// The first neuron shown (0-based).
    let first: Int
    /// How many neurons are shown, from `first` on.
    let shown: Int
    /// Neurons left out after the last one shown.
    let hiddenAfter: Int

    /// The window for `count` neurons in `room` rows, keeping `focus` in sight when it can.
    init(count: Int, room: Int, keeping focus: Int?) {
        let count = max(0, count)
        let room = max(0, room)
        // The focus is out of the first rows, so the column starts lower, if there is room for
        // the lines that say what is left out.
        let lower = focus.map { $0 < count && $0 >= room - 1 } ?? false
        if count <= room {
            first = 0
            shown = count
        } else if let focus, lower, room >= 2, focus >= count - (room - 1) {
            // Among the last neurons: one line above says what is left out.
            shown = room - 1
            first = count - shown
        } else if let focus, lower, room >= 3 {
            // Lines above and below; the focus near the middle of the rest.
            shown = room - 2
            first = min(max(1, focus - shown / 2), count - shown)
        } else {
            first = 0
            shown = max(0, room - 1)
        }
        hiddenAfter = count - first - shown
    }

    /// Neurons left out before the first one shown.
    var hiddenBefore: Int { first }

    /// The row (0-based, within the column's neuron rows) of the "left out before" line.
    var beforeRow: Int? { hiddenBefore > 0 ? 0 : nil }

    /// The row of the "left out after" line.
    var afterRow: Int? { hiddenAfter > 0 ? (hiddenBefore > 0 ? 1 : 0) + shown : nil }

    /// The row of `neuron`, or `nil` when it is left out.
    func row(of neuron: Int) -> Int? {
        guard neuron >= first, neuron < first + shown else { return nil }
        return (hiddenBefore > 0 ? 1 : 0) + neuron - first
    }
}
