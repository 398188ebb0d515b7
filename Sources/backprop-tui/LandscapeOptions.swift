import ArgumentParser
import BackpropCore

/// `--landscape` and `--grid`: the cost over a grid of two parameters, printed as CSV after a
/// headless run's steps instead of its trace.
struct LandscapeOptions: ParsableArguments {
    @Option(
        name: .customLong("landscape"), parsing: .unconditional,
        help: ArgumentHelp(
            "With --headless: after the steps, print the cost over a grid of two parameters, named as the trace's CSV columns (like L1_w1_1,L1_w1_2), as CSV instead of the trace.",
            valueName: "x,y"))
    var landscapeText: String?

    @Option(
        name: .customLong("grid"), parsing: .unconditional,
        help: ArgumentHelp(
            "With --landscape: the grid's cells across and up, COLSxROWS (default \(Landscape.standardGrid.columns)x\(Landscape.standardGrid.rows), each 2 to \(LandscapeOptions.largestSide)).",
            valueName: "size"))
    var gridText: String?

    /// The most cells of a grid each way: a million cells in all, each one forward pass.
    static let largestSide = 1000

    /// Whether `--landscape` was given.
    var isRequested: Bool { landscapeText != nil }

    /// `--grid`, or the standard grid.
    var grid: (columns: Int, rows: Int) {
        get throws {
            guard let gridText else { return Landscape.standardGrid }
            let parts = gridText.lowercased().split(separator: "x", omittingEmptySubsequences: false)
            guard parts.count == 2, let columns = Int(parts[0]), let rows = Int(parts[1]),
                (2...LandscapeOptions.largestSide).contains(columns), (2...LandscapeOptions.largestSide).contains(rows)
            else {
                throw ValidationError(
                    "--grid must be COLSxROWS with each between 2 and \(LandscapeOptions.largestSide), like 41x31; got \(TerminalSafe.quoted(gridText))"
                )
            }
            return (columns, rows)
        }
    }

    /// The two parameters `--landscape` names in `network`: the x axis first.
    func parameters(in network: Network) throws -> (x: ParameterIndex, y: ParameterIndex) {
        let text = landscapeText ?? ""
        let names = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let example = network.parameterIndices.prefix(2).map(network.traceName(of:)).joined(separator: ",")
        guard names.count == 2 else {
            throw ValidationError(
                "--landscape needs two parameter names joined by a comma, like \(example); got \(TerminalSafe.quoted(text))"
            )
        }
        let indices = try names.map { name -> ParameterIndex in
            guard let index = network.parameter(traceName: name) else {
                let last = network.traceName(of: network.parameterIndices.last!)
                throw ValidationError(
                    "--landscape: the \(network.shapeDescription) network has no parameter \(TerminalSafe.quoted(name)); names are the trace's CSV columns, \(network.traceName(of: network.parameterIndices[0])) to \(last)"
                )
            }
            return index
        }
        guard indices[0] != indices[1] else {
            throw ValidationError("--landscape needs two different parameters; got \(TerminalSafe.quoted(text))")
        }
        return (indices[0], indices[1])
    }
}
