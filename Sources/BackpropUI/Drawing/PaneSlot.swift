/// One line of `PaneArrangement`: a place and how to build, from a frame's input, the panes
/// that go there (none when they are not shown).
struct PaneSlot {
    /// Where the panes go.
    let place: PanePlace
    /// The panes shown for a frame.
    let build: (FrameInput) -> [any Pane]

    /// A slot for the panes `build` returns (one per layer, say).
    init(_ place: PanePlace, all build: @escaping (FrameInput) -> [any Pane]) {
        self.place = place
        self.build = build
    }

    /// A slot for the pane `build` returns, when it returns one.
    init(_ place: PanePlace, _ build: @escaping (FrameInput) -> (any Pane)?) {
        self.init(place, all: { build($0).map { [$0] } ?? [] })
    }

    /// A slot for the first pane that one of `builds`, in order, returns: panes that take
    /// turns in one place.
    init(_ place: PanePlace, first builds: [(FrameInput) -> (any Pane)?]) {
        self.init(place, all: { frame in builds.lazy.compactMap { $0(frame) }.first.map { [$0] } ?? [] })
    }
}
