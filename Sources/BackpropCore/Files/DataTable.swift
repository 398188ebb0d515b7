import Foundation

/// Samples read from a CSV file: a header row, then one sample a row. Columns whose name starts
/// with `y` are targets; a column named `split` says which samples are held out to test; the
/// others are inputs.
public struct DataTable: Equatable, Sendable {
    /// The name of the column that fixes the test split by hand (in any case): its cells are
    /// `train` or `test`, and it is not an input.
    public static let splitColumnName = "split"
    /// Input column names, in file order.
    public let inputNames: [String]
    /// Target column names, in file order.
    public let targetNames: [String]
    /// x, one row per sample.
    public let inputs: [[Double]]
    /// y, one row per sample.
    public let targets: [[Double]]
    /// The line of the file (1-based) each sample was read from, so a message about a sample
    /// can name it as an editor does, blank lines and all.
    public let sampleLines: [Int]
    /// The samples (0-based, in file order) whose `split` cell is `test`, or nil when the file
    /// has no `split` column (the split is then the flags' to choose).
    public let testSamples: [Int]?

    /// Reads and checks a CSV file.
    public static func load(path: String) throws(ScenarioError) -> DataTable {
        try DataTable(csv: InputFile.read(path), path: path)
    }

    /// Parses CSV text; `path` names the source in messages. The rules are those of the `Data`
    /// initialiser below, as this one parses the text's UTF-8 bytes with it.
    public init(csv text: String, path: String = "<data>") throws(ScenarioError) {
        var text = text
        let table = text.withUTF8 { bytes in
            Result { () throws(ScenarioError) in try DataTable(bytes: bytes, path: path) }
        }
        self = try table.get()
    }

    /// Parses the bytes of a CSV file; `path` names the source in messages.
    ///
    /// The first line that is not blank is the header; every later one that is not blank is a
    /// sample. Cells are separated by commas and may be quoted as RFC 4180 says (a quoted comma
    /// is text, `""` is a quote), except that a quoted cell must close on its own line; see
    /// `CSVScanner`. Every sample cell must be a finite decimal number by `DecimalNumber`'s rule,
    /// the one flags, typed entries and scenario files follow; hexadecimal, `nan` and `inf` are
    /// refused. Line numbers in messages are physical lines
    /// of the file, 1-based, so they match an editor's.
    public init(csv data: Data, path: String = "<data>") throws(ScenarioError) {
        let table = data.withUnsafeBytes { raw in
            Result { () throws(ScenarioError) in try DataTable(bytes: raw.bindMemory(to: UInt8.self), path: path) }
        }
        self = try table.get()
    }

    /// The parser behind both public initialisers: one pass over the bytes, with numbers read
    /// straight from them (see `CSVScanner`).
    private init(bytes: UnsafeBufferPointer<UInt8>, path: String) throws(ScenarioError) {
        var scanner = CSVScanner(bytes: bytes, path: path)
        guard let headerLine = scanner.nextRecord() else {
            throw .csv(path: path, line: 1, problem: "the file is empty; it needs a header row, then one sample a row")
        }
        var headerCells: [Range<Int>] = []
        while let cell = try scanner.nextCell() { headerCells.append(cell) }
        if headerCells.count == 1, scanner.holdsOtherSeparator(headerCells[0]) {
            throw .csv(
                path: path, line: headerLine,
                problem: "cells must be separated by commas; this file seems to use semicolons or tabs")
        }
        var names: [String] = []
        // Each name's column, to find a repeated one in one pass however many columns there are.
        var columns: [String: Int] = [:]
        for (index, cell) in headerCells.enumerated() {
            // Names are shown in every pane and message, so a name in another encoding (a
            // Latin-1 export, say) is refused here rather than shown garbled forever after.
            guard let name = scanner.validText(of: cell) else {
                throw .csv(
                    path: path, line: headerLine,
                    problem:
                        "header column \(index + 1) is not UTF-8 text (\(scanner.quotedText(of: cell))); save the file as UTF-8"
                )
            }
            guard !name.isEmpty else {
                throw .csv(path: path, line: headerLine, problem: "header column \(index + 1) has no name")
            }
            // Two columns of one name could not be told apart in any pane or message, and two
            // targets of one name usually mean a column pasted twice.
            if let first = columns.updateValue(index + 1, forKey: name) {
                throw .csv(
                    path: path, line: headerLine,
                    problem:
                        "header column \(index + 1) is named \(TerminalSafe.quoted(name)) like column \(first); give every column its own name"
                )
            }
            names.append(name)
        }
        // The split column is neither input nor target; its cells are words, not numbers.
        let splitColumn = names.firstIndex { $0.lowercased() == DataTable.splitColumnName }
        let isTarget = names.map(DataTable.isTargetName)
        let isInput = names.indices.map { !isTarget[$0] && $0 != splitColumn }
        guard isTarget.contains(true) else {
            throw .csv(path: path, line: headerLine, problem: "no target column; name target columns y, y1, y2, ...")
        }
        guard isInput.contains(true) else {
            throw .csv(
                path: path, line: headerLine,
                problem: splitColumn == nil
                    ? "no input column; every column starts with y, which marks targets"
                    : "no input column; the columns are targets (y...) and the split")
        }
        let targetCount = isTarget.count { $0 }
        let inputCount = isInput.count { $0 }
        var testSamples: [Int] = []
        var inputs: [[Double]] = []
        var targets: [[Double]] = []
        var sampleLines: [Int] = []
        while let line = scanner.nextRecord() {
            guard inputs.count < Limits.samples else {
                throw .csv(
                    path: path, line: line,
                    problem:
                        "more than \(thousandsSeparated(Limits.samples)) rows of samples, the most this program takes; use a sample of the data"
                )
            }
            var x: [Double] = []
            var y: [Double] = []
            x.reserveCapacity(inputCount)
            y.reserveCapacity(targetCount)
            // The count is checked before any number, as a wrong count usually means a wrong
            // separator or a missing cell, which explains the bad number too; so the first bad
            // cell is only remembered until the whole line is read.
            var count = 0
            var notANumber: (cell: Range<Int>, column: Int)?
            var notASplit: Range<Int>?
            var isTest = false
            while let cell = try scanner.nextCell() {
                count += 1
                guard count <= names.count, notANumber == nil, notASplit == nil else { continue }
                if count - 1 == splitColumn {
                    switch scanner.validText(of: cell)?.lowercased() {
                    case "train": isTest = false
                    case "test": isTest = true
                    default: notASplit = cell
                    }
                    continue
                }
                guard let value = scanner.number(in: cell), value.isFinite else {
                    notANumber = (cell, count - 1)
                    continue
                }
                if isTarget[count - 1] { y.append(value) } else { x.append(value) }
            }
            guard count == names.count else {
                throw .csv(
                    path: path, line: line, problem: "has \(counted(count, "cell")) but the header has \(names.count)")
            }
            if let cell = notASplit {
                throw .csv(
                    path: path, line: line,
                    problem:
                        "column \(TerminalSafe.quoted(names[splitColumn!])) is \(scanner.quotedText(of: cell)); write train or test there"
                )
            }
            if let (cell, index) = notANumber {
                let column = names[index]
                throw .csv(
                    path: path, line: line,
                    problem:
                        "column \(TerminalSafe.quoted(column)) is \(scanner.quotedText(of: cell)), not a finite number"
                )
            }
            if isTest { testSamples.append(inputs.count) }
            inputs.append(x)
            targets.append(y)
            sampleLines.append(line)
        }
        guard !inputs.isEmpty else {
            throw .csv(path: path, line: headerLine, problem: "no data rows after the header")
        }
        if let splitColumn, testSamples.count == inputs.count {
            throw .csv(
                path: path, line: headerLine,
                problem:
                    "every sample's \(TerminalSafe.quoted(names[splitColumn])) is test; mark at least one train to train on"
            )
        }
        self.testSamples = splitColumn == nil ? nil : testSamples
        self.inputNames = zip(names, isInput).filter { $0.1 }.map(\.0)
        self.targetNames = zip(names, isTarget).filter { $0.1 }.map(\.0)
        self.inputs = inputs
        self.targets = targets
        self.sampleLines = sampleLines
    }

    /// Whether a column named `name` holds targets: `y` itself, or `y` followed by a digit,
    /// `_`, `-` or `.` (`y1`, `y_cat`), in any case. A word that merely starts with y (`year`,
    /// `yield`) is an input.
    public static func isTargetName(_ name: String) -> Bool {
        let lower = name.lowercased()
        guard lower.first == "y" else { return false }
        guard let next = lower.dropFirst().first else { return true }
        return next.isNumber || "_-.".contains(next)
    }
}
