import BackpropCore

/// Where a layer pane puts its parameters in a rectangle: which rows and columns of Wˡ and bˡ
/// fit, and the cells of each. The pane draws from it and reports its clickable cells from it,
/// so a click selects the number drawn under it.
struct LayerPaneGrid {
    /// The inside of the pane's box.
    let inside: Rect
    /// Columns of the row labels.
    let labelWidth: Int
    /// Whether the cells are tight (the ▲▼ marks' column given up).
    let tight: Bool
    /// Columns of one parameter with its gradient.
    let cellWidth: Int
    /// The parameter columns (outputs) shown, and the pane rows (W's rows, then b's) shown.
    let columns: ScrollWindow
    let rows: ScrollWindow
    /// The column the cells start at: after the labels.
    let left: Int

    /// The grid of `layer` of `network` in `area`, keeping `selected` in view.
    init(
        layer: Int, network: Network, names: SymbolNames, area: Rect, number: NumberFormat,
        selected: ParameterIndex?
    ) {
        inside = area.inset(by: 1)
        let outputs = network.sizes[layer + 1]
        labelWidth = LayerPane.labelWidth(layer: layer, sizes: network.sizes, names: names)
        // The ▲▼ marks give up their column first when the pane is short of columns (a mark
        // against a gradient's minus sign, ▲-0.0039, read as one word); a blank column inside
        // each border stays.
        let room = inside.width - 2 - labelWidth
        tight =
            room < outputs * LayerPane.cellWidth(number) && room >= outputs * LayerPane.cellWidth(number, tight: true)
        cellWidth = LayerPane.cellWidth(number, tight: tight)
        columns = ScrollWindow(count: outputs, room: max(1, room / cellWidth), keeping: selected?.column)
        // The header takes a row; the b row is the last of W's rows plus one. A marker row is
        // kept when columns are hidden, or when rows are.
        rows = ScrollWindow(
            count: network.sizes[layer] + 1, room: inside.height - 1 - (columns.isPartial ? 1 : 0),
            keeping: selected?.paneRow(in: network), markerRoom: columns.isPartial ? 0 : 1)
        left = inside.x + 1 + labelWidth
    }

    /// The column a value of the `slot`-th column shown starts at (after its leading space).
    func valueX(slot: Int) -> Int { left + slot * cellWidth + 1 }

    /// The row of the `position`-th pane row shown.
    func y(position: Int) -> Int { inside.y + 1 + position }

    /// The cells of the `slot`-th column shown on the `position`-th row shown: the value, its
    /// mark and its gradient, with the space before them, within the box.
    func cells(slot: Int, position: Int) -> Rect {
        Rect(x: left + slot * cellWidth, y: y(position: position), width: cellWidth, height: 1).clipped(to: inside)
    }
}
