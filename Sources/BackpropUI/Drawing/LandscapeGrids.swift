import BackpropCore

/// The Landscape pane's grids, made a row at a time across frames (`FrameData`): the grid being
/// made, with the trainer whose state it slices, and the last one finished.
///
/// While running, the state changes every frame, faster than a large grid is made, and at full
/// speed the window follows the path as often. So a grid being made is finished before a newer
/// state's (or window's) is begun, each picture is whole and one always comes, and the pane
/// draws the last finished grid of the same pair and grid size, over its own window, until the
/// next is finished: never half old and half new rows, never a blink.
struct LandscapeGrids: Sendable {
    /// The grid being made, or made.
    private(set) var making: Landscape
    /// The trainer whose state `making` slices.
    private(set) var madeWith: Trainer
    /// The last finished grid before `making`.
    private(set) var finished: Landscape?
    /// The step of the state `finished` slices.
    private(set) var finishedStep = 0

    /// Begins `wanted` (unmade) with `trainer`'s state.
    init(_ wanted: Landscape, of trainer: Trainer) {
        making = wanted
        madeWith = trainer
    }

    /// Whether `a` and `b` show the same pair over the same window on the same grid.
    static func sameShape(_ a: Landscape, _ b: Landscape) -> Bool {
        a.window == b.window && sameGrid(a, b)
    }

    /// Whether `a` and `b` show the same pair on grids of the same size (over any window).
    static func sameGrid(_ a: Landscape, _ b: Landscape) -> Bool {
        a.x == b.x && a.y == b.y && a.columns == b.columns && a.rows == b.rows
    }

    /// Asks for `wanted` (unmade) of `trainer`'s state. A grid of the same pair and size being
    /// made goes on, even for an earlier state or window; a finished one of another state or
    /// window is kept as the picture and the wanted one begun; a grid of another pair or size is
    /// of no use and is dropped.
    mutating func want(_ wanted: Landscape, of trainer: Trainer) {
        if making.isFinished {
            guard !Self.sameShape(making, wanted) || madeWith != trainer else { return }
            (finished, finishedStep) = (making, madeWith.stepCount)
        } else if Self.sameGrid(making, wanted) {
            return
        }
        making = wanted
        madeWith = trainer
    }

    /// Makes the next row of the grid being made.
    mutating func makeRow() {
        making.computeNextRow(with: madeWith)
    }

    /// Whether the grid being made is finished.
    var isMakingFinished: Bool { making.isFinished }

    /// Whether `wanted` of `trainer`'s state is made: nothing is left to do for it.
    func hasMade(_ wanted: Landscape, of trainer: Trainer) -> Bool {
        making.isFinished && Self.sameShape(making, wanted) && madeWith == trainer
    }

    /// The grid to draw for `wanted`, which the pane draws over the grid's own window, and the
    /// step of the state it slices (the title says it): the newest finished one of its pair and
    /// size; else the rows made so far of one; nil when none has begun.
    func picture(for wanted: Landscape) -> (grid: Landscape, step: Int)? {
        if making.isFinished, Self.sameGrid(making, wanted) { return (making, madeWith.stepCount) }
        if let finished, Self.sameGrid(finished, wanted) { return (finished, finishedStep) }
        return Self.sameGrid(making, wanted) ? (making, madeWith.stepCount) : nil
    }
}
