import Foundation

/// Samples read from a CSV file: a header row, then one sample a row. Columns whose name starts
/// with `y` are targets; the others are inputs.
public struct DataTable: Equatable, Sendable {
    /// The most rows a file may have: more would not fit any pane and would only slow every step.
    public static let rowLimit = 100_000

    /// Input column names, in file order.
    public let inputNames: [String]
    /// Target column names, in file order.
    public let targetNames: [String]
    /// x, one row per sample.
    public let inputs: [[Double]]
    /// y, one row per sample.
    public let targets: [[Double]]

    /// Reads and checks a CSV file.
    public static func load(path: String) throws(ScenarioError) -> DataTable {
        let data = try InputFile.read(path)
        return try DataTable(csv: String(decoding: data, as: UTF8.self), path: path)
    }

    /// Parses CSV text; `path` names the source in messages. Blank lines are skipped; fields
    /// are trimmed; numbers only (no quoting, since every cell must be a number anyway).
    public init(csv text: String, path: String = "<data>") throws(ScenarioError) {
        // `isNewline` splits "\r\n" too: Swift reads it as one Character, so splitting on "\n"
        // alone would take a whole Windows file for one line.
        // Spreadsheets often start UTF-8 files with a byte-order mark; it is not part of a name.
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated()
            .map { (number: $0.offset + 1, text: $0.element.trimmingCharacters(in: .whitespacesAndNewlines)) }
            .filter { !$0.text.isEmpty }
        guard !lines.isEmpty else {
            throw .csv(path: path, line: 1, problem: "the file is empty; it needs a header row, then one sample a row")
        }
        let header = lines.removeFirst()
        let names = header.text.split(separator: ",", omittingEmptySubsequences: false).map(DataTable.cell)
        if names.count == 1, header.text.contains(";") || header.text.contains("\t") {
            throw .csv(
                path: path, line: header.number,
                problem: "cells must be separated by commas; this file seems to use semicolons or tabs")
        }
        if let blank = names.firstIndex(where: \.isEmpty) {
            throw .csv(path: path, line: header.number, problem: "header column \(blank + 1) has no name")
        }
        let isTarget = names.map { $0.lowercased().hasPrefix("y") }
        guard isTarget.contains(true) else {
            throw .csv(path: path, line: header.number, problem: "no target column; name target columns y, y1, y2, ...")
        }
        guard isTarget.contains(false) else {
            throw .csv(
                path: path, line: header.number,
                problem: "no input column; every column starts with y, which marks targets")
        }
        guard !lines.isEmpty else {
            throw .csv(path: path, line: header.number, problem: "no data rows after the header")
        }
        guard lines.count <= DataTable.rowLimit else {
            throw .csv(
                path: path, line: lines[DataTable.rowLimit].number,
                problem: "more than \(DataTable.rowLimit) rows; use a sample of the data")
        }
        var inputs: [[Double]] = []
        var targets: [[Double]] = []
        inputs.reserveCapacity(lines.count)
        targets.reserveCapacity(lines.count)
        for line in lines {
            let cells = line.text.split(separator: ",", omittingEmptySubsequences: false)
            guard cells.count == names.count else {
                throw .csv(
                    path: path, line: line.number,
                    problem: "has \(cells.count) cells but the header has \(names.count)")
            }
            var x: [Double] = []
            var y: [Double] = []
            for (index, cell) in cells.enumerated() {
                let text = DataTable.cell(cell)
                guard let value = Double(text), value.isFinite else {
                    throw .csv(
                        path: path, line: line.number,
                        problem: "column \"\(names[index])\" is \"\(text)\", not a finite number")
                }
                if isTarget[index] { y.append(value) } else { x.append(value) }
            }
            inputs.append(x)
            targets.append(y)
        }
        self.inputNames = zip(names, isTarget).filter { !$0.1 }.map(\.0)
        self.targetNames = zip(names, isTarget).filter { $0.1 }.map(\.0)
        self.inputs = inputs
        self.targets = targets
    }

    /// A cell's text: trimmed, and without the double quotes spreadsheets put around names.
    private static func cell(_ raw: Substring) -> String {
        var text = raw.trimmingCharacters(in: .whitespaces)
        if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") {
            text = String(text.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
        }
        return text
    }

    /// A scenario on this data with starting weights drawn from `SeededGenerator(seed:)`,
    /// uniform in ±1/√n (small enough that no sigmoid starts saturated), and b = 0.
    public func scenario(seed: UInt64, learningRate: Double = 0.1) throws(ScenarioError) -> Scenario {
        var generator = SeededGenerator(seed: seed)
        let n = inputNames.count
        let limit = 1 / Double(n).squareRoot()
        let weights = (0..<n).map { _ in (0..<targetNames.count).map { _ in generator.symmetric(limit) } }
        return try Scenario(inputs: inputs, targets: targets, weights: weights, learningRate: learningRate)
    }
}
