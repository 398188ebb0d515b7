/// Where each pane goes for a terminal size, or why nothing fits: terminal size in,
/// rectangles out, so resizing is just laying out again.
public enum Layout: Equatable, Sendable {
    /// The panes fit.
    case panes(PaneLayout)
    /// The terminal is smaller than `need` in at least one direction.
    case tooSmall(have: Size, need: Size)

    /// The smallest terminal the panes are drawn in: 80 columns, and 20 rows so that an 80x24
    /// terminal still fits with a tmux status line or a window title bar taken away.
    public static let minimumSize = Size(width: 80, height: 20)

    /// Rows the cost pane keeps however large the data: its box, three rows of curve, the axis
    /// and the step labels.
    static let minimumCostHeight = 6

    /// The layout for a terminal of `size` showing a layer of `inputs` x `outputs` trained on
    /// `samples` samples. Panes keep their natural height while they fit; with more data than
    /// rows, the weights and predictions panes show what fits and say how much is hidden.
    public static func make(for size: Size, inputs: Int, outputs: Int, samples: Int) -> Layout {
        guard size.width >= minimumSize.width, size.height >= minimumSize.height else {
            return .tooSmall(have: size, need: minimumSize)
        }
        let wide = size.width >= 110
        let number = wide ? NumberFormat(width: 11, decimals: 7) : NumberFormat(width: 8, decimals: 4)

        let available = size.height - 3
        // The curve keeps a third of the rows when there is data enough to take them all.
        let budget = available - max(minimumCostHeight, available / 3)
        let wantedTop = max(inputs, outputs) + 3
        let wantedPredictions = samples + 3
        let top = min(wantedTop, max(4, budget - min(wantedPredictions, budget / 2)))
        let predictions = min(wantedPredictions, budget - top)
        let cost = available - top - predictions

        let cellWidth = number.width + 2
        let weightsWidth = min(size.width - 20, 5 + labelWidth(inputs) + outputs * cellWidth)
        let biasWidth = 6 + labelWidth(outputs) + number.width
        let modelWidth = size.width - weightsWidth - biasWidth
        let modelShown = modelWidth >= 24
        return .panes(
            PaneLayout(
                title: Rect(x: 0, y: 0, width: size.width, height: 1),
                weights: Rect(x: 0, y: 1, width: modelShown ? weightsWidth : size.width - biasWidth, height: top),
                bias: Rect(x: modelShown ? weightsWidth : size.width - biasWidth, y: 1, width: biasWidth, height: top),
                model: Rect(x: weightsWidth + biasWidth, y: 1, width: modelShown ? modelWidth : 0, height: top),
                predictions: Rect(x: 0, y: 1 + top, width: size.width, height: predictions),
                cost: Rect(x: 0, y: 1 + top + predictions, width: size.width, height: cost),
                status: Rect(x: 0, y: size.height - 2, width: size.width, height: 1),
                hint: Rect(x: 0, y: size.height - 1, width: size.width, height: 1),
                number: number,
                showsFullCost: wide))
    }

    /// Columns of a row label like "x12": the letter and the digits of the largest index.
    static func labelWidth(_ count: Int) -> Int {
        1 + String(max(1, count)).count
    }
}
