/// Where each pane goes for a terminal size, or why nothing fits: terminal size in,
/// rectangles out, so resizing is just laying out again.
///
/// Top to bottom: the title; W with ∂C/∂W beside each weight, b with ∂C/∂b, and the model's
/// equations when there is room; the predictions; the inspector of the selected parameter (or
/// the step walk); the cost curve. The gradient check (`c`) and the lr preview (`v`) sit right
/// of the cost curve when the terminal is wide and tall enough; otherwise they take the cost
/// curve's rows, and on a small terminal (80x24) the inspector's too.
public enum Layout: Equatable, Sendable {
    /// The panes fit.
    case panes(PaneLayout)
    /// The terminal is smaller than `need` in at least one direction.
    case tooSmall(have: Size, need: Size)

    /// The smallest terminal the panes are drawn in: 80 columns, and 20 rows so that an 80x24
    /// terminal still fits with a tmux status line or a window title bar taken away.
    public static let minimumSize = Size(width: 80, height: 20)

    /// Rows the cost pane needs to be worth drawing: its box and two rows of curve.
    static let minimumCostHeight = 4
    /// Rows kept below the predictions for the inspector and the cost curve, however large the data.
    static let minimumBottomHeight = 6
    /// Columns the cost curve keeps when the gradient check or the lr preview sits beside it.
    static let minimumCostWidth = 30

    /// The layout for a terminal of `size` showing a layer of `inputs` x `outputs` trained on
    /// `samples` samples, with the gradient check and the lr preview shown or not. Panes keep
    /// their natural height while they fit; with more data than rows, the weights, predictions
    /// and inspector panes show what fits and say how much is hidden.
    public static func make(
        for size: Size, inputs: Int, outputs: Int, samples: Int, showsGradientCheck: Bool = false,
        showsLearningRatePreview: Bool = false
    ) -> Layout {
        guard size.width >= minimumSize.width, size.height >= minimumSize.height else {
            return .tooSmall(have: size, need: minimumSize)
        }
        let wide = size.width >= 110
        let number = wide ? NumberFormat(width: 11, decimals: 7) : NumberFormat(width: 8, decimals: 4)

        let available = size.height - 3
        let wantedTop = max(inputs, outputs) + 3
        let wantedPredictions = samples + 3
        // Small data keeps every weight and sample in view; large data leaves half the rows to
        // the inspector and the curve, which then have room for several samples and a shape.
        let budget =
            wantedTop + wantedPredictions <= available - minimumBottomHeight
            ? wantedTop + wantedPredictions : available - max(minimumBottomHeight, available / 2)
        let top = min(wantedTop, max(4, budget - min(wantedPredictions, budget / 2)))
        let predictions = min(wantedPredictions, budget - top)
        let bottom = Rect(x: 0, y: 1 + top + predictions, width: size.width, height: available - top - predictions)

        // Each weight is followed by its change mark, a space and its gradient.
        let cellWidth = 2 * number.width + 4
        let biasWidth = 7 + labelWidth(outputs) + 2 * number.width
        let weightsWidth = min(size.width - biasWidth, 5 + labelWidth(inputs) + outputs * cellWidth)
        let modelWidth = size.width - weightsWidth - biasWidth
        let modelShown = modelWidth >= 34
        let weights = Rect(x: 0, y: 1, width: modelShown ? weightsWidth : size.width - biasWidth, height: top)

        var extras: [Extra] = []
        if showsGradientCheck {
            extras.append(Extra(entries: (inputs + 1) * outputs, columnWidth: GradientCheckPane.columnWidth(number)))
        }
        if showsLearningRatePreview {
            extras.append(
                Extra(
                    entries: LearningRateLadder.previewRates.count,
                    columnWidth: LearningRatePreviewPane.columnWidth(number)))
        }
        let (inspector, cost, extraRects) = arrangeBottom(bottom, samples: samples, extras: extras)
        var rects = extraRects.makeIterator()
        return .panes(
            PaneLayout(
                title: Rect(x: 0, y: 0, width: size.width, height: 1),
                weights: weights,
                bias: Rect(x: weights.maxX, y: 1, width: biasWidth, height: top),
                model: Rect(x: weights.maxX + biasWidth, y: 1, width: modelShown ? modelWidth : 0, height: top),
                predictions: Rect(x: 0, y: 1 + top, width: size.width, height: predictions),
                inspector: inspector,
                cost: cost,
                gradientCheck: showsGradientCheck ? rects.next()! : Rect(x: 0, y: 0, width: 0, height: 0),
                learningRatePreview: showsLearningRatePreview ? rects.next()! : Rect(x: 0, y: 0, width: 0, height: 0),
                status: Rect(x: 0, y: size.height - 2, width: size.width, height: 1),
                hint: Rect(x: 0, y: size.height - 1, width: size.width, height: 1),
                number: number,
                showsFullCost: wide))
    }

    /// A pane `c` or `v` opens: a list of `entries` rows, each `columnWidth` wide, that can flow
    /// into several columns when the pane is wide.
    struct Extra {
        let entries: Int
        let columnWidth: Int

        /// Rows (box included) a pane of `width` needs to list every entry under one header.
        func height(width: Int) -> Int {
            let columns = max(1, (width - 2) / columnWidth)
            return (entries + columns - 1) / columns + 3
        }
    }

    /// Splits the rows under the predictions between the inspector, the cost curve and the panes
    /// `c` and `v` open, in that order of preference.
    static func arrangeBottom(_ bottom: Rect, samples: Int, extras: [Extra]) -> (Rect, Rect, [Rect]) {
        let inspectorHeight = min(samples + 4, max(4, bottom.height - minimumCostHeight))
        var inspector = Rect(x: bottom.x, y: bottom.y, width: bottom.width, height: inspectorHeight)
        var below = Rect(
            x: bottom.x, y: bottom.y + inspectorHeight, width: bottom.width, height: bottom.height - inspectorHeight)
        if below.height < minimumCostHeight {
            // Too few rows for a curve: the inspector takes them.
            inspector.height = bottom.height
            below.height = 0
        }
        guard !extras.isEmpty else { return (inspector, below, []) }

        // Beside the cost curve, each at its natural width.
        let besideWidth = extras.reduce(0) { $0 + $1.columnWidth + 2 }
        let costWidth = bottom.width - besideWidth
        if costWidth >= minimumCostWidth, extras.allSatisfy({ $0.height(width: $0.columnWidth + 2) <= below.height }) {
            var x = costWidth
            let rects = extras.map { extra -> Rect in
                defer { x += extra.columnWidth + 2 }
                return Rect(x: x, y: below.y, width: extra.columnWidth + 2, height: below.height)
            }
            return (inspector, Rect(x: below.x, y: below.y, width: costWidth, height: below.height), rects)
        }
        // In the cost curve's place, sharing the width; with too few rows, in the inspector's too.
        let share = bottom.width / extras.count
        let fitsBelow = extras.allSatisfy { $0.height(width: share) <= below.height }
        let area = fitsBelow ? below : bottom
        if !fitsBelow { inspector.height = 0 }
        let rects = extras.indices.map { index in
            Rect(
                x: area.x + index * share, y: area.y,
                width: index == extras.count - 1 ? area.width - index * share : share, height: area.height)
        }
        return (inspector, Rect(x: below.x, y: below.maxY, width: below.width, height: 0), rects)
    }

    /// Columns of a row label like "x12": the letter and the digits of the largest index.
    static func labelWidth(_ count: Int) -> Int {
        1 + String(max(1, count)).count
    }
}
