/// How a headless run (or an export from the UI) writes its trace.
public enum TraceFormat: String, CaseIterable, Sendable {
    /// Readable lines for a person, in the spirit of the article's printout.
    case text
    /// `step,cost,w1_1,...,wn_m,b1,...,bm`, one row per printed step.
    case csv
    /// JSON Lines: one object per printed step with `step`, `cost`, `w`, `b`.
    case json

    /// Looks a format up by name, with a message that lists the names.
    public static func named(_ name: String) throws(ScenarioError) -> TraceFormat {
        guard let format = TraceFormat(rawValue: name.lowercased()) else {
            throw .unknownName(field: "format", value: name, allowed: allCases.map(\.rawValue))
        }
        return format
    }
}
