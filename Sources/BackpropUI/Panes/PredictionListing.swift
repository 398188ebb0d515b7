/// Which samples the predictions pane lists: every one, only those ŷ gets wrong (`X`), or the
/// samples of the Confusion pane's cell (while it is open), each in the pane's order.
enum PredictionListing: Equatable, Sendable {
    /// Every sample, training then test.
    case every
    /// The samples ŷ gets wrong (`X`): `samples` of them, out of the pane's.
    case wrong(samples: [Int])
    /// The samples of a Confusion cell, `name` (`3 → 8`), counted over the test samples when
    /// `isTest`, else over the training samples.
    case cell(name: String, samples: [Int], isTest: Bool)

    /// The samples listed, or `nil` for every one.
    var samples: [Int]? {
        switch self {
        case .every: nil
        case .wrong(let samples), .cell(_, let samples, _): samples
        }
    }
}
