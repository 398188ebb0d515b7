/// Which panes a frame shows and where: one line per pane (or per set of panes that take turns
/// in one place). The order is the order they are drawn in and, within a place, the order the
/// place's stage of `Layout` arranges them in.
///
/// How to add a pane: write it in one file, a `Pane` that holds the numbers it shows, reports
/// its `needs` from them and draws from its `PaneContext`, with a builder that takes those
/// numbers from a `FrameInput` (returning nil when it is not shown); then add one line here
/// with the place it goes in. `Layout` gives it a rectangle from its needs and `Frame` draws it.
enum PaneArrangement {
    /// The panes of every frame, place by place.
    static var slots: [PaneSlot] {
        [
            PaneSlot(.layerBands, all: LayerPane.panes(for:)),
            PaneSlot(.besideLayers, ModelPane.pane(for:)),
            // While it is open the Confusion pane takes the network pane's place beside the
            // predictions, which list its cell's samples.
            PaneSlot(.besidePredictions, first: [ConfusionPane.pane(for:), NetworkPane.pane(for:)]),
            PaneSlot(.predictions, PredictionsPane.pane(for:)),
            // The drawing holds the inspector's place until the Sample pane's is there for it.
            PaneSlot(
                .inspector,
                first: [DrawingPane.pane(for:), QuizPane.pane(for:), WalkPane.pane(for:), InspectorPane.pane(for:)]),
            PaneSlot(.sharesCost, GradientCheckPane.pane(for:)),
            PaneSlot(.sharesCost, LearningRatePreviewPane.pane(for:)),
            PaneSlot(.landscape, LandscapePane.pane(for:)),
            PaneSlot(.sharesCost, GradientFlowPane.pane(for:)),
            PaneSlot(.planeColumn, PlanePane.pane(for:)),
            PaneSlot(.planeColumn, NeuronMapsPane.pane(for:)),
            PaneSlot(.images, SamplePane.pane(for:)),
            PaneSlot(.images, WeightImagesPane.pane(for:)),
            PaneSlot(.cost, CostPane.pane(for:)),
        ]
    }

    /// The panes `frame` shows, each in its place, in the order of `slots`.
    static func panes(for frame: FrameInput) -> [PlacedPane] {
        slots.flatMap { slot in slot.build(frame).map { PlacedPane(place: slot.place, pane: $0) } }
    }
}
