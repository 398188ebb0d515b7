import ArgumentParser
import BackpropCore

/// `--format`: a headless trace's format (text, csv, json) or a worksheet's (text, md), one flag
/// for both so that `--format text` means plain text wherever it is given.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    /// Readable lines: a trace's, or a worksheet of 80 columns.
    case text
    /// A trace as CSV.
    case csv
    /// A trace as JSON Lines.
    case json
    /// A worksheet as GitHub-flavoured Markdown.
    case md

    /// The value named `argument`, in any case.
    init?(argument: String) { self.init(rawValue: argument.lowercased()) }

    /// The trace format, or nil for md, which only a worksheet has.
    var trace: TraceFormat? { TraceFormat(rawValue: rawValue) }

    /// Whether a worksheet can be printed in this format.
    var suitsWorksheet: Bool { self == .text || self == .md }
}
