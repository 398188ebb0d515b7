/// The rectangles of one frame's panes and the detail they are drawn with. A pane that is not
/// shown has an empty rectangle.
public struct PaneLayout: Equatable, Sendable {
    /// The top line: program, scenario, activation, loss, reduction.
    public var title: Rect
    /// The rectangles of each place's panes, in the order the arrangement lists them there.
    var places: [PanePlace: [Rect]]
    /// step, cost, lr, running or paused, speed.
    public var status: Rect
    /// Key hint, message or lr prompt.
    public var hint: Rect
    /// How the panes print numbers: more decimals on wide terminals.
    public var number: NumberFormat
    /// Whether the status bar prints the cost in full (17 significant digits) rather than 10.
    public var showsFullCost: Bool

    /// The rectangle of each of `panes`, matched in order within its place.
    func areas(of panes: [PlacedPane]) -> [Rect] {
        var taken: [PanePlace: Int] = [:]
        return panes.map { placed in
            let index = taken[placed.place, default: 0]
            taken[placed.place] = index + 1
            let rects = places[placed.place] ?? []
            return index < rects.count ? rects[index] : .empty
        }
    }

    /// The rectangle of the `index`th pane of `place`, empty when there is none.
    private func rect(_ place: PanePlace, _ index: Int = 0) -> Rect {
        let rects = places[place] ?? []
        return index < rects.count ? rects[index] : .empty
    }

    /// One rectangle per layer pane.
    var layers: [Rect] { places[.layerBands] ?? [] }
    /// The Model pane's (the equations).
    var model: Rect { rect(.besideLayers) }
    /// The network pane's.
    var network: Rect { rect(.besidePredictions) }
    /// The predictions'.
    var predictions: Rect { rect(.predictions) }
    /// The inspector's place (or the walk's, or the quiz's).
    var inspector: Rect { rect(.inspector) }
    /// The cost curve's.
    var cost: Rect { rect(.cost) }
    /// The input plane's: first in the plane column.
    var plane: Rect { rect(.planeColumn) }
    /// The neuron maps': second in the plane column.
    var neuronMaps: Rect { rect(.planeColumn, 1) }
}
