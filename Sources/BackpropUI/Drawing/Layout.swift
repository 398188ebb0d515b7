/// Where each pane goes for a terminal size, or why nothing fits: terminal size in,
/// rectangles out, so resizing is just laying out again.
///
/// Top to bottom: the title; the layer panes side by side (wrapping into more rows when they
/// are wider than the terminal); the network pane of a multi-layer run, beside the predictions
/// when both fit across; the predictions; the inspector of the selected parameter (or the step
/// walk); the cost curve. The rules, in order:
/// - Every pane keeps its natural height while all fit. With more data than rows, the layer,
///   predictions and inspector panes show what fits (the selection always) and say how much is
///   hidden; when the layer panes cannot all have rows, only the selected layer's row of panes
///   is shown (Page Up / Page Down go to the others).
/// - The cost curve wants 5 rows of plot (7 with its box). When the rows under the
///   predictions cannot give it that, it moves beside the layer panes, or else beside the
///   predictions, wherever 30 columns are free; only when neither has room does it take the
///   bottom rows that are left.
/// - The gradient check (`c`) and the lr preview (`v`) share the cost curve's place: beside it
///   when it stays 30 columns wide, in its place otherwise. The inspector (and so the walk)
///   never gives its rows to them.
/// - The Model pane (the equations) shows to the right of the layer panes whenever 34 columns
///   are free there and the cost curve does not need that place.
/// - Numbers get 7 decimals (10 columns) from 110 columns on, when the layer panes still fit
///   side by side; 4 decimals (7 columns) otherwise.
/// - The input plane (data with two inputs) takes a column on the right, from under the title
///   to above the status bar, and the panes above are laid out in the columns left of it, by
///   the rules above. It shows by itself from 120x40, and after `m` from 104 columns, and is a
///   third of the width (at least 40 columns), leaving the others at least 80. The column holds
///   the output's plane, square, and under it the first hidden layer's neuron maps when there
///   are hidden layers and at least `NeuronMapsPane.minimumHeight` rows are left.
public enum Layout: Equatable, Sendable {
    /// The panes fit.
    case panes(PaneLayout)
    /// The terminal is smaller than `need` in at least one direction.
    case tooSmall(have: Size, need: Size)

    /// The smallest terminal the panes are drawn in: 80 columns, and 20 rows so that an 80x24
    /// terminal still fits with a tmux status line or a window title bar taken away.
    public static let minimumSize = Size(width: 80, height: 20)

    /// Rows the cost pane wants: its box and 5 rows of curve.
    public static let wantedCostHeight = 7
    /// Rows the cost pane needs to be worth drawing: its box and two rows of curve.
    static let minimumCostHeight = 4
    /// Columns the cost curve needs beside another pane.
    static let minimumCostWidth = 30
    /// Columns the Model pane needs.
    static let minimumModelWidth = 34
    /// Rows a layer pane needs: its box, the header, one row and the marker of hidden rows.
    static let minimumLayerHeight = 5

    /// The number format of small terminals: 4 decimals.
    static let narrowNumber = NumberFormat(width: 7, decimals: 4)
    /// The number format of wide terminals: 7 decimals.
    static let wideNumber = NumberFormat(width: 10, decimals: 7)

    /// Whether a terminal of `size` gets panes at all; if not, it shows `TooSmallMessage`, and
    /// `KeyMap` lets only q (and Esc) through.
    public static func fits(_ size: Size) -> Bool {
        size.width >= minimumSize.width && size.height >= minimumSize.height
    }

    /// The smallest terminal the input plane shows by itself in.
    public static let planeAutomaticSize = Size(width: 120, height: 40)
    /// Columns the input plane's column needs when asked for with `m`.
    static let minimumPlaneWidth = 24

    /// The columns of the input plane on a terminal of `size`, or 0 when it is not shown.
    public static func planeWidth(for size: Size, request: PlaneRequest) -> Int {
        guard fits(size) else { return 0 }
        switch request {
        case .unavailable, .hidden: return 0
        case .automatic:
            guard size.width >= planeAutomaticSize.width, size.height >= planeAutomaticSize.height else { return 0 }
        case .shown:
            guard size.width >= minimumSize.width + minimumPlaneWidth else { return 0 }
        }
        return min(size.width - minimumSize.width, max(40, size.width / 3))
    }

    /// The layout for a terminal of `size` showing `content`.
    public static func make(for size: Size, content: LayoutContent) -> Layout {
        guard fits(size) else {
            return .tooSmall(have: size, need: minimumSize)
        }
        let planeWidth = planeWidth(for: size, request: content.plane)
        if planeWidth > 0 {
            return withPlane(for: size, content: content, planeWidth: planeWidth)
        }
        let names = SymbolNames(glyphs: content.ascii ? .ascii : .unicode, layerCount: content.layerCount)
        let layerIndices = Array(0..<content.layerCount)
        func layerWidths(_ number: NumberFormat) -> [Int] {
            layerIndices.map { LayerPane.naturalWidth(layer: $0, sizes: content.sizes, names: names, number: number) }
        }
        let wideFits = layerWidths(wideNumber).reduce(0, +) <= size.width
        let number = size.width >= 110 && (wideFits || content.layerCount == 1) ? wideNumber : narrowNumber
        let naturalWidths = layerWidths(number)
        let widths = naturalWidths.map { min($0, size.width) }
        // Box, header, W's rows, the b row; and a row to say so when columns are hidden.
        let heights = layerIndices.map { content.sizes[$0] + 4 + (naturalWidths[$0] > size.width ? 1 : 0) }

        // Layer panes left to right, a new row of panes when the next one does not fit.
        var bands: [[Int]] = [[]]
        var used = 0
        for layer in layerIndices {
            if used + widths[layer] > size.width && !bands[bands.count - 1].isEmpty {
                bands.append([])
                used = 0
            }
            bands[bands.count - 1].append(layer)
            used += widths[layer]
        }

        let available = size.height - 3
        let linesPerSample = content.layerCount > 1 ? 2 : 1
        let predictionsWanted = content.samples + 3
        let predictionsMinimum = min(predictionsWanted, 5)
        // The box, the two closing lines, with bce or ce the line that says why δᴸ = ŷ - y, the
        // optimizer's state above the Δ line, and an answered quiz question's verdict.
        let inspectorFixed =
            4 + (content.explainsOutputDelta ? 1 : 0) + content.optimizerLines + (content.showsQuizVerdict ? 1 : 0)
        let inspectorWanted = content.samples * linesPerSample + inspectorFixed
        let inspectorMinimum = linesPerSample + inspectorFixed

        // Rows of layer panes: all of them if each can have a few rows, else the selected one's.
        let roomForLayers = available - predictionsMinimum - inspectorMinimum
        // Several rows of layer panes are shown only if none of them is cut short.
        let naturalBandHeights = bands.map { band in band.map { heights[$0] }.max() ?? 0 }
        if bands.count > 1 && naturalBandHeights.reduce(0, +) > roomForLayers {
            bands = bands.filter { $0.contains(content.selectedLayer) }
        }
        var bandHeights = bands.map { band in band.map { heights[$0] }.max() ?? 0 }
        if bandHeights.reduce(0, +) > roomForLayers {
            let share = max(minimumLayerHeight, roomForLayers / bands.count)
            bandHeights = bandHeights.map { min($0, share) }
        }
        let bandWidths = bands.map { band in band.reduce(0) { $0 + widths[$1] } }
        let rest = available - bandHeights.reduce(0, +)

        // The network pane: beside the predictions when both fit across, else on its own.
        let predictionsWidth = PredictionsPane.naturalWidth(
            samples: content.samples, inputWidths: content.inputWidths, targetWidths: content.targetWidths,
            number: number)
        var networkSize = Size(width: 0, height: 0)
        var networkBeside = false
        if content.layerCount > 1 {
            let natural = NetworkPane.naturalSize(sizes: content.sizes, number: number, glyphs: names.glyphs)
            networkSize = Size(width: min(natural.width, size.width), height: natural.height)
            networkBeside = predictionsWidth + networkSize.width <= size.width
        }

        // Where the cost curve goes (see the rules above).
        enum CostPlace { case bottom, besideLayers, besidePredictions }
        var place = CostPlace.bottom
        let lastBandFree = size.width - (bandWidths.last ?? 0)
        let besidePredictionsFree = size.width - predictionsWidth - (networkBeside ? networkSize.width : 0)
        var predictionsBand = max(predictionsWanted, networkBeside ? networkSize.height : 0)
        // Large data: the predictions leave half the rows to the inspector and the cost curve.
        if predictionsBand + inspectorWanted > rest {
            predictionsBand = min(predictionsBand, max(predictionsMinimum, rest / 2))
        }
        if rest - predictionsBand - inspectorWanted < wantedCostHeight {
            if lastBandFree >= minimumCostWidth {
                place = .besideLayers
            } else if besidePredictionsFree >= minimumCostWidth {
                place = .besidePredictions
            }
        }

        // The rows under the layer panes: the predictions band, the inspector, then the cost
        // curve; rows left over go to the cost curve wherever it is.
        var predictionsHeight: Int
        var inspectorHeight: Int
        // A network pane that is not beside the predictions gets a row of its own when the
        // inspector keeps one sample's lines and the cost curve what it wants: it comes before
        // the inspector's other samples.
        let costNeeds = place == .bottom ? wantedCostHeight : 0
        let networkOwnRow =
            content.layerCount > 1 && !networkBeside
            && rest - min(predictionsBand, predictionsWanted) - inspectorMinimum - costNeeds >= networkSize.height
        let networkRows = networkOwnRow ? networkSize.height : 0
        let room = rest - networkRows
        switch place {
        case .bottom:
            predictionsHeight = min(
                predictionsBand, max(predictionsMinimum, room - inspectorMinimum - minimumCostHeight))
            inspectorHeight = min(inspectorWanted, max(inspectorMinimum, room - predictionsHeight - wantedCostHeight))
            inspectorHeight = min(inspectorHeight, max(inspectorMinimum, room - predictionsHeight - minimumCostHeight))
            inspectorHeight = max(0, min(inspectorHeight, room - predictionsHeight))
        case .besideLayers:
            predictionsHeight = min(predictionsBand, max(predictionsMinimum, room - inspectorMinimum))
            inspectorHeight = max(0, min(inspectorWanted, room - predictionsHeight))
        case .besidePredictions:
            predictionsHeight = min(max(predictionsBand, wantedCostHeight), room - inspectorMinimum)
            inspectorHeight = max(0, min(inspectorWanted, room - predictionsHeight))
        }
        let spare = room - predictionsHeight - inspectorHeight
        var bottomHeight = 0
        switch place {
        case .bottom: bottomHeight = spare
        case .besideLayers: bandHeights[bandHeights.count - 1] += spare
        case .besidePredictions: predictionsHeight += spare
        }
        if place == .bottom && bottomHeight < minimumCostHeight {
            // Too few rows left for a curve: tall layer panes scroll a little so that it has
            // its two rows; failing that, the inspector takes the rows.
            for band in bandHeights.indices.sorted(by: { bandHeights[$0] > bandHeights[$1] }) {
                let give = min(minimumCostHeight - bottomHeight, bandHeights[band] - minimumLayerHeight)
                if give > 0 {
                    bandHeights[band] -= give
                    bottomHeight += give
                }
            }
            if bottomHeight < minimumCostHeight {
                inspectorHeight += bottomHeight
                bottomHeight = 0
            }
        }

        // Rectangles, top to bottom.
        var y = 1
        var layerRects = Array(repeating: Rect.empty, count: content.layerCount)
        var costRect = Rect.empty
        var modelRect = Rect.empty
        for (index, band) in bands.enumerated() {
            var x = 0
            for layer in band {
                layerRects[layer] = Rect(x: x, y: y, width: widths[layer], height: bandHeights[index])
                x += widths[layer]
            }
            let free = Rect(x: x, y: y, width: size.width - x, height: bandHeights[index])
            if index == bands.count - 1 && place == .besideLayers {
                costRect = free
            } else if index == 0 && free.width >= minimumModelWidth {
                modelRect = free
            } else if let last = band.last, free.width > 0 {
                // Columns nobody else can use go to the last pane of the row.
                layerRects[last].width += free.width
            }
            y += bandHeights[index]
        }
        var networkRect = Rect.empty
        var predictionsRect = Rect(x: 0, y: y, width: size.width, height: predictionsHeight)
        if networkBeside {
            let predictionsPart = place == .besidePredictions ? predictionsWidth : size.width - networkSize.width
            predictionsRect.width = predictionsPart
            networkRect = Rect(x: predictionsPart, y: y, width: networkSize.width, height: predictionsHeight)
        }
        if place == .besidePredictions {
            if !networkBeside { predictionsRect.width = predictionsWidth }
            let x = networkBeside ? networkRect.maxX : predictionsRect.maxX
            costRect = Rect(x: x, y: y, width: size.width - x, height: predictionsHeight)
        }
        y += predictionsHeight
        if networkOwnRow {
            networkRect = Rect(x: 0, y: y, width: size.width, height: networkSize.height)
            y += networkSize.height
        }
        let inspectorRect = Rect(x: 0, y: y, width: size.width, height: inspectorHeight)
        y += inspectorHeight
        if place == .bottom {
            costRect = Rect(x: 0, y: y, width: size.width, height: bottomHeight)
            if costRect.height < minimumCostHeight { costRect = .empty }
        }

        // The panes `c` and `v` open share the cost curve's place.
        var extras: [Extra] = []
        if content.showsGradientCheck {
            let count = content.sizes.indices.dropLast().reduce(0) {
                $0 + (content.sizes[$1] + 1) * content.sizes[$1 + 1]
            }
            extras.append(
                Extra(
                    entries: count,
                    columnWidth: GradientCheckPane.columnWidth(
                        number, nameWidth: GradientCheckPane.nameWidth(sizes: content.sizes, names: names))))
        }
        if content.showsLearningRatePreview {
            extras.append(
                Extra(
                    entries: LearningRateLadder.previewRates.count,
                    columnWidth: LearningRatePreviewPane.columnWidth(number)))
        }
        let (cost, extraRects) = share(costRect, with: extras)
        var rects = extraRects.makeIterator()
        return .panes(
            PaneLayout(
                title: Rect(x: 0, y: 0, width: size.width, height: 1),
                layers: layerRects,
                model: modelRect,
                network: networkRect,
                predictions: predictionsRect,
                inspector: inspectorRect,
                cost: cost,
                gradientCheck: content.showsGradientCheck ? rects.next()! : .empty,
                learningRatePreview: content.showsLearningRatePreview ? rects.next()! : .empty,
                status: Rect(x: 0, y: size.height - 2, width: size.width, height: 1),
                hint: Rect(x: 0, y: size.height - 1, width: size.width, height: 1),
                number: number,
                showsFullCost: size.width >= 110))
    }

    /// The layout with the input plane's column on the right, `planeWidth` wide: the other
    /// panes laid out left of it; the title, status and hint lines across the whole width.
    private static func withPlane(for size: Size, content: LayoutContent, planeWidth: Int) -> Layout {
        var others = content
        others.plane = .hidden
        guard
            case .panes(var panes) = make(
                for: Size(width: size.width - planeWidth, height: size.height), content: others)
        else { return make(for: size, content: others) }
        panes.title.width = size.width
        panes.status.width = size.width
        panes.hint.width = size.width
        panes.showsFullCost = size.width >= 110
        let column = Rect(x: size.width - planeWidth, y: 1, width: planeWidth, height: size.height - 3)
        let planeHeight = min(
            column.height, PlanePane.naturalHeight(width: planeWidth, labelWidth: content.planeLabelWidth))
        let mapsHeight = column.height - planeHeight
        // The plane keeps its pixels square; rows it cannot use stay blank.
        panes.plane = Rect(x: column.x, y: column.y, width: column.width, height: planeHeight)
        if content.layerCount > 1 && mapsHeight >= NeuronMapsPane.minimumHeight {
            panes.neuronMaps = Rect(x: column.x, y: column.y + planeHeight, width: column.width, height: mapsHeight)
        }
        return .panes(panes)
    }

    /// A pane `c` or `v` opens: a list of `entries` rows, each `columnWidth` wide.
    struct Extra {
        let entries: Int
        let columnWidth: Int
    }

    /// The cost curve's place split with the panes `c` and `v` open: beside the curve at their
    /// natural width while it keeps `minimumCostWidth` columns; otherwise in its place, side by
    /// side when each gets its width, else one above the other.
    static func share(_ place: Rect, with extras: [Extra]) -> (cost: Rect, extras: [Rect]) {
        guard !extras.isEmpty, place.width > 0, place.height > 0 else {
            return (place, extras.map { _ in .empty })
        }
        let besideWidth = extras.reduce(0) { $0 + $1.columnWidth + 2 }
        if place.width - besideWidth >= minimumCostWidth {
            var x = place.maxX - besideWidth
            let cost = Rect(x: place.x, y: place.y, width: x - place.x, height: place.height)
            return (
                cost,
                extras.map { extra in
                    defer { x += extra.columnWidth + 2 }
                    return Rect(x: x, y: place.y, width: extra.columnWidth + 2, height: place.height)
                }
            )
        }
        if place.width >= besideWidth || extras.count == 1 {
            let share = place.width / extras.count
            return (
                .empty,
                extras.indices.map { index in
                    Rect(
                        x: place.x + index * share, y: place.y,
                        width: index == extras.count - 1 ? place.width - index * share : share, height: place.height)
                }
            )
        }
        let share = place.height / extras.count
        return (
            .empty,
            extras.indices.map { index in
                Rect(
                    x: place.x, y: place.y + index * share, width: place.width,
                    height: index == extras.count - 1 ? place.height - index * share : share)
            }
        )
    }
}
