/// What set a scenario's sizes, so that a message about a limit (`ScenarioError.overLimit`)
/// names it and says what to change there.
public enum SizeSource: Equatable, Sendable {
    /// A scenario file's `x` and layers.
    case scenarioFile(path: String)
    /// A CSV file's rows and columns, with no hidden layers asked for.
    case dataFile(path: String)
    /// The caller's own values (a preset, a test).
    case values

    /// What to change, for `excess` from this source.
    func remedy(for excess: LimitExcess) -> String {
        switch (self, excess) {
        case (_, .layers): return "use fewer layers"
        case (_, .samples): return "use a sample of the data"
        case (.scenarioFile, .parameters): return "make its layers smaller"
        case (.scenarioFile, .work), (.scenarioFile, .memory): return "use fewer samples or smaller layers"
        case (.dataFile, .parameters): return "use fewer columns"
        case (.dataFile, .work), (.dataFile, .memory): return "use fewer rows or columns"
        case (.values, .parameters): return "use fewer neurons"
        case (.values, .work), (.values, .memory): return "use fewer samples or neurons"
        }
    }
}
