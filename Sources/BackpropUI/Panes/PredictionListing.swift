/// Which samples the predictions pane lists: every one, only those ŷ gets wrong (`X`), or the
/// samples of the Confusion pane's cell (while it is open), each set in the data's order.
enum PredictionListing: Equatable, Sendable {
    /// Every sample, training then test.
    case every
    /// The samples ŷ gets wrong (`X`), of the training samples and of the test samples.
    case wrong(training: [Int], test: [Int])
    /// The samples of a Confusion cell, `name` (`3 → 8`), counted over the test samples when
    /// `isTest`, else over the training samples.
    case cell(name: String, samples: [Int], isTest: Bool)

    /// The training samples and the test samples listed, or `nil` for every one.
    var parts: (training: [Int], test: [Int])? {
        switch self {
        case .every: nil
        case .wrong(let training, let test): (training, test)
        case .cell(_, let samples, let isTest): isTest ? ([], samples) : (samples, [])
        }
    }
}
