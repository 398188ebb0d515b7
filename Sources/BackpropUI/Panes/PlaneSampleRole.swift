/// What a sample is to the next step, as the input plane marks it: a training sample, one of
/// the batch the next step takes, or a held-out test sample. Each has its own pair of glyphs,
/// filled for a target above the ramp's middle and open below it, so class, role and (in reverse
/// video) the selected sample all read at once, in ASCII and without colour too.
enum PlaneSampleRole: Equatable, Sendable {
    /// A training sample the next step does not take (every training sample without mini-batches).
    case training
    /// A sample of the mini-batch the next step takes.
    case nextBatch
    /// A held-out sample: the network is never trained on it.
    case test

    /// The mark of a sample of this role whose target is `high`: ● ○ training, ◉ ◎ next batch,
    /// ◆ ◇ test; in ASCII x o, X O and & ~ (none of them a shade of the ASCII ramp
    /// ` .:-=+*#%@`, so a mark never reads as the picture under it).
    func mark(high: Bool, glyphs: Glyphs) -> Character {
        switch (self, glyphs.isASCII) {
        case (.training, false): high ? "●" : "○"
        case (.training, true): high ? "x" : "o"
        case (.nextBatch, false): high ? "◉" : "◎"
        case (.nextBatch, true): high ? "X" : "O"
        case (.test, false): high ? "◆" : "◇"
        case (.test, true): high ? "&" : "~"
        }
    }

    /// The words the plane's key gives this role, longest first.
    var names: [String] {
        switch self {
        case .training: ["train", "train"]
        case .nextBatch: ["next batch", "batch"]
        case .test: ["test", "test"]
        }
    }
}
