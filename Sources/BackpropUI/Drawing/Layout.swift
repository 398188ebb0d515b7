/// Where each pane goes for a terminal size, or why nothing fits: terminal size in,
/// rectangles out, so resizing is just laying out again.
///
/// Each pane reports its own needs (`Pane.needs`: the rows and columns it wants and the fewest
/// it can do with, from its own content, for the number format and columns offered), and the
/// layout arranges the panes `PaneArrangement` lists by their `PanePlace`, in named stages:
/// 1. plane column (`planeWidth`, `planeColumn`): the column on the right, if the plane is
///    wanted and fits; the other stages lay out the columns left of it.
/// 2. number format (`numberFormat`): 7 decimals if the layer panes fit across with them.
/// 3. layer bands (`LayerBands`): the layer panes side by side, wrapping into bands.
/// 4. cost place (`CostPlacement`): the cost curve under the inspector, beside the layer
///    panes or beside the predictions; the network pane beside the predictions or not.
/// 5. rows under the layers (`RowHeights`): the predictions, the network's own row, the
///    inspector, the cost curve; rows left over and rows given back.
/// 6. rectangles (`rectangles`), and the extras `c` and `v` open sharing the cost curve's
///    place (`share`).
///
/// To add a pane: one file with the pane (it holds the numbers it shows, reports `needs`,
/// draws from `PaneContext`, and has a builder from `FrameInput`), and one line in
/// `PaneArrangement` naming its place. A pane that needs a place of its own needs a stage here.
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
///   predictions cannot give it that, it moves beside a band of layer panes (the last, else the
///   tallest, ahead of the Model pane), or else beside the predictions, wherever 30 columns are
///   free; only when none has room does it stay under the inspector, and then the layer panes
///   and the predictions scroll to give it its 5 rows (the inspector keeps its rows).
/// - The gradient check (`c`) and the lr preview (`v`) share the cost curve's place: beside it
///   when it stays 30 columns wide, in its place otherwise. The inspector (and so the walk)
///   never gives its rows to them.
/// - The Model pane (the equations) shows to the right of the layer panes whenever 34 columns
///   are free there and the cost curve does not need that place.
/// - The network pane with no room of its own (a 2-3-1 network at 80x24) takes the cost
///   curve's place while the quiz or the walk is open: their questions and phases are about its
///   h and δ. Narrower than its columns, it is drawn compact (`NetworkPane`).
/// - The Confusion pane (`K`) takes the network pane's place beside the predictions and the
///   inspector's rows: the predictions' band is given its rows (ten classes), and the
///   predictions narrow for its columns (no x columns, or the class form without its cost)
///   before it does; rows nobody else takes go back to the layer panes.
/// - Numbers get 7 decimals (10 columns) from 110 columns on, when the layer panes still fit
///   side by side; 4 decimals (7 columns) otherwise.
/// - The input plane (data with two inputs) takes a column on the right, from under the title
///   to above the status bar, and the panes above are laid out in the columns left of it, by
///   the rules above. It shows by itself from 120x40, and after `m` from 104 columns, and is a
///   third of the width (at least 40 columns), leaving the others at least 80. The column holds
///   the output's plane, square, and under it the first hidden layer's neuron maps when there
///   are hidden layers and at least `NeuronMapsPane.minimumHeight` rows are left.
/// - The Landscape pane (`S`) heads that column from 104 columns on, the plane and the neuron
///   maps under it when the plane shows by the rule above and rows are left; without a plane the
///   column (as wide as the plane's would be) shows for the landscape alone. Below 104 columns
///   it shares the cost curve's place as `c` and `v` do (beside the curve while the curve keeps
///   30 columns, else in its place), and that place is found at least the landscape's
///   `LandscapePane.minimumHeight` rows (8: a plot of 4), as the curve's rows are found, the
///   inspector giving rows down to 4 as well; when even that leaves too few (80x24 with many
///   samples), the landscape takes the inspector's place while it is open, never the quiz's or
///   the walk's. Split with `c`, `v` or `F` into fewer rows than its minimum, it takes the
///   shared place alone (they give way while it is open); with no place of its minimum it is
///   not drawn at all, rather than as a box with no surface.
/// - The image panes of data that is pictures (the Sample pane over the Layer 1 neurons' weight
///   pictures; such data has no plane) take the plane's column by the plane's rule where it is
///   at least `imageColumnMinimumWidth` columns wide (40: from 120 columns; by themselves from
///   120x40, after `m` at any height), under the landscape when it heads the column. Asked for
///   with `m` on a narrower terminal, they take the inspector's place, side by side across the
///   screen (`ImageRow`): the inspector is hidden while they show, the cost curve keeps the rows
///   they leave, and the predictions keep their fewest rows, or give way too when that leaves
///   the images fewer than theirs (80x24: the layer panes, the images, the cost curve). While
///   the quiz, the walk, `c`, `v`, `F` or `S` is open (opened on purpose, and holding the
///   places the images would take), the images give way.
public enum Layout: Equatable, Sendable {
    /// The panes fit.
    case panes(PaneLayout)
    /// The terminal is smaller than `need` in at least one direction.
    case tooSmall(have: Size, need: Size)

    /// The smallest terminal the panes are drawn in: 80 columns, and 20 rows so that an 80x24
    /// terminal still fits with a tmux status line or a window title bar taken away.
    public static let minimumSize = Size(width: 80, height: 20)

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

    /// The fewest columns a terminal has for the Landscape pane to head the plane column; on a
    /// narrower one it shares the cost curve's place.
    public static let landscapeColumnMinimumWidth = minimumSize.width + minimumPlaneWidth

    /// The fewest columns the plane's column has for the image panes to go in it: the Sample
    /// pane's picture above its ten bars. Narrower, they take the inspector's place.
    static let imageColumnMinimumWidth = 40

    /// The columns of the image panes' column on a terminal of `size`, or 0 when they do not
    /// go in a column (asked for, they then take the inspector's place).
    static func imageColumnWidth(for size: Size, request: PlaneRequest) -> Int {
        let width = planeWidth(for: size, request: request)
        return width >= imageColumnMinimumWidth ? width : 0
    }

    /// Whether the image panes of `content` take the inspector's place on a terminal without a
    /// column for them: asked for with `m`, and nothing opened on purpose holds the places
    /// they would take (the quiz or the walk the inspector's, `c`, `v`, `F`, `S` the cost's).
    static func imagesTakeInspectorPlace(_ content: LayoutContent) -> Bool {
        content.images == .shown && !content.panes(in: .images).isEmpty
            && content.panes(in: .inspector).allSatisfy { $0 is InspectorPane }
            && content.panes(in: .sharesCost).isEmpty && content.panes(in: .landscape).isEmpty
    }

    /// The columns of the plane column when the Landscape pane is shown: the plane's when it
    /// shows, else as wide as the plane's would be, from `landscapeColumnMinimumWidth`; 0 below.
    static func landscapeColumnWidth(for size: Size, planeWidth: Int) -> Int {
        guard planeWidth == 0 else { return planeWidth }
        guard fits(size), size.width >= landscapeColumnMinimumWidth else { return 0 }
        return min(size.width - minimumSize.width, max(40, size.width / 3))
    }

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

    /// The layout for a terminal of `size` showing `content`: the stages in order.
    static func make(for size: Size, content: LayoutContent) -> Layout {
        guard fits(size) else {
            return .tooSmall(have: size, need: minimumSize)
        }
        // The plane column first: the other panes are laid out in the columns left of it. Data
        // that is pictures has the image panes there instead of the plane.
        let images = content.panes(in: .images)
        let (columnPlace, columnPanes) =
            images.isEmpty ? (PanePlace.planeColumn, content.panes(in: .planeColumn)) : (.images, images)
        let planeWidth =
            images.isEmpty
            ? planeWidth(for: size, request: content.plane) : imageColumnWidth(for: size, request: content.images)
        let imagesBelow = !images.isEmpty && planeWidth == 0 && imagesTakeInspectorPlace(content)
        let landscapes = content.panes(in: .landscape)
        let columnWidth = landscapes.isEmpty ? planeWidth : landscapeColumnWidth(for: size, planeWidth: planeWidth)
        let landscapeInColumn = !landscapes.isEmpty && columnWidth > 0
        let width = size.width - columnWidth
        let number = numberFormat(width: width, layers: content.panes(in: .layerBands), glyphs: content.glyphs)
        let offer = PaneOffer(number: number, width: width, glyphs: content.glyphs)
        let imageRow = imagesBelow ? ImageRow(panes: images) : nil
        var needs = LayoutNeeds(
            content, offer: offer, landscapeSharesCost: !landscapes.isEmpty && !landscapeInColumn,
            imagesBelow: imageRow)
        // Rows between the title and the status and hint lines.
        let available = size.height - 3
        if imageRow != nil {
            // Never more than the layer panes leave at their fewest: a tall picture (28x28) or
            // many classes are drawn in what there is rather than over the panes above.
            let leastLayers = needs.layers.map(\.minimumHeight).max() ?? 0
            needs.inspector.minimumHeight = min(needs.inspector.minimumHeight, max(0, available - leastLayers))
        }
        var bands = LayerBands(
            needs.layers, width: width,
            room: available - needs.predictions.minimumHeight - needs.inspector.minimumHeight,
            selected: content.selectedLayer)
        if imageRow != nil,
            available - bands.totalHeight < needs.predictions.minimumHeight + needs.inspector.minimumHeight
        {
            // Too few rows for the predictions and all ten bars of the Sample pane (80x24): the
            // predictions give way to the images too, as long as they show.
            needs.predictions = .none
        }
        let rest = available - bands.totalHeight
        let placement = CostPlacement(needs, width: width, rest: rest, bands: bands)
        let rows = RowHeights(needs, placement, rest: rest, bands: &bands)
        var places = rectangles(
            width: width, needs: needs, bands: bands, placement: placement, rows: rows,
            onDemand: content.networkOnDemand)
        let column = Rect(x: width, y: 1, width: columnWidth, height: available)
        if landscapeInColumn {
            // The landscape heads the column; the plane and the neuron maps follow when the
            // plane shows by its own rule.
            let planes = planeWidth > 0 ? columnPanes : []
            let rects = planeColumn(column, panes: landscapes + planes, offer: offer)
            places[.landscape] = Array(rects.prefix(landscapes.count))
            places[columnPlace] = Array(rects.dropFirst(landscapes.count))
        } else {
            places[columnPlace] = planeColumn(column, panes: columnPanes, offer: offer)
        }
        if let imageRow {
            // Laid out as the inspector would be, with the images' rows: theirs now.
            places[.images] = imageRow.split(places[.inspector]?.first ?? .empty, offer: offer)
            places[.inspector] = [.empty]
        }
        return .panes(
            PaneLayout(
                title: Rect(x: 0, y: 0, width: size.width, height: 1), places: places,
                status: Rect(x: 0, y: size.height - 2, width: size.width, height: 1),
                hint: Rect(x: 0, y: size.height - 1, width: size.width, height: 1), number: number,
                showsFullCost: size.width >= 110))
    }

    /// The number format stage: 7 decimals from 110 columns on when the layer panes still fit
    /// side by side with them (or there is one), else 4.
    static func numberFormat(width: Int, layers: [any Pane], glyphs: Glyphs) -> NumberFormat {
        let wide = PaneOffer(number: wideNumber, width: width, glyphs: glyphs)
        let wideFits = layers.reduce(0) { $0 + $1.needs(wide).wantedWidth } <= width
        return width >= 110 && (wideFits || layers.count == 1) ? wideNumber : narrowNumber
    }

    /// The plane column stage: its panes top to bottom, each its wanted rows (for the column's
    /// width) of those left, and shown only when that is at least its minimum; rows nobody can
    /// use stay blank. An empty column shows none of them.
    static func planeColumn(_ column: Rect, panes: [any Pane], offer: PaneOffer) -> [Rect] {
        let offer = PaneOffer(number: offer.number, width: column.width, glyphs: offer.glyphs)
        var y = column.y
        return panes.map { pane in
            let needs = pane.needs(offer)
            let height = min(column.maxY - y, needs.wantedHeight)
            guard !column.isEmpty, height >= needs.minimumHeight else { return .empty }
            y += height
            return Rect(x: column.x, y: y - height, width: column.width, height: height)
        }
    }

    /// The input plane's rectangle on a terminal of `size`, with `pane` the plane: the top of
    /// the plane column (`planeColumn`), which depends on the terminal alone, so it is known
    /// before the other panes are laid out. Empty when the plane is not shown.
    static func planeArea(for size: Size, request: PlaneRequest, pane: any Pane, glyphs: Glyphs) -> Rect {
        let planeWidth = planeWidth(for: size, request: request)
        let column = Rect(x: size.width - planeWidth, y: 1, width: planeWidth, height: size.height - 3)
        // The plane's needs read the offered width only, not the number format.
        let offer = PaneOffer(number: narrowNumber, width: planeWidth, glyphs: glyphs)
        return planeColumn(column, panes: [pane], offer: offer).first ?? .empty
    }

    /// The extras stage: the cost curve's place split with the panes `c` and `v` open, `widths`
    /// their wanted columns: beside the curve while it keeps `costWidth` columns; otherwise in
    /// its place, side by side when each gets its width, else one above the other.
    static func share(_ place: Rect, with widths: [Int], costWidth: Int) -> (cost: Rect, extras: [Rect]) {
        guard !widths.isEmpty, place.width > 0, place.height > 0 else {
            return (place, widths.map { _ in .empty })
        }
        let besideWidth = widths.reduce(0, +)
        if place.width - besideWidth >= costWidth {
            var x = place.maxX - besideWidth
            let cost = Rect(x: place.x, y: place.y, width: x - place.x, height: place.height)
            return (
                cost,
                widths.map { width in
                    defer { x += width }
                    return Rect(x: x, y: place.y, width: width, height: place.height)
                }
            )
        }
        if place.width >= besideWidth || widths.count == 1 {
            let share = place.width / widths.count
            return (
                .empty,
                widths.indices.map { index in
                    Rect(
                        x: place.x + index * share, y: place.y,
                        width: index == widths.count - 1 ? place.width - index * share : share, height: place.height)
                }
            )
        }
        let share = place.height / widths.count
        return (
            .empty,
            widths.indices.map { index in
                Rect(
                    x: place.x, y: place.y + index * share, width: place.width,
                    height: index == widths.count - 1 ? place.height - index * share : share)
            }
        )
    }
}
