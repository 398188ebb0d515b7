/// Why a scenario (a file, a preset name or a command-line override) cannot be used.
///
/// Every case prints as one line that names the field and says how to fix it, because a teacher
/// in front of a class needs to see at once what is wrong with the file they typed.
public enum ScenarioError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file does not exist.
    case fileMissing(path: String)
    /// The path names a folder.
    case fileIsDirectory(path: String)
    /// The file exists but cannot be read (permissions, a symbolic link loop, an I/O error);
    /// `reason` says why and what to check.
    case fileUnreadable(path: String, reason: String)
    /// The path names something that is neither a file nor a pipe; `kind` says what
    /// (`a character device`).
    case notAFile(path: String, kind: String)
    /// The file holds more than `limit` bytes: `bytes` of them, or nil when they came through
    /// a pipe (or grew while being read) and only "more than the limit" is known.
    case fileTooLarge(path: String, bytes: Int?, limit: Int)
    /// The file is empty (or only white space).
    case fileEmpty(path: String)
    /// The file is not JSON; `detail` says where and why ("line 3, column 7: expected ...").
    case notJSON(path: String, detail: String)
    /// A problem with what a scenario file holds at a place in it: `line` and `column` (1-based,
    /// counting characters, as an editor does) of the value or key concerned.
    indirect case inFile(path: String, line: Int, column: Int, problem: ScenarioError)
    /// The JSON is not an object at the top level.
    case notAnObject
    /// A key the format does not have (usually a typo).
    case unknownKey(String)
    /// A required key is absent.
    case missingKey(String)
    /// A key a `layers` entry does not have; `layer` is 1-based.
    case unknownLayerKey(String, layer: Int)
    /// A `layers` entry lacks a required key; `layer` is 1-based.
    case missingLayerKey(String, layer: Int)
    /// `layers` together with the one-layer keys `w`, `b` or `activation` (the key named).
    case bothForms(String)
    /// The data or the network is larger than `Limits` allows; `source` is what set the sizes,
    /// which the message names and tells what to change.
    case overLimit(LimitExcess, source: SizeSource)
    /// An activation list whose length is neither 1 nor the number of layers.
    case activationCount(given: Int, layers: Int)
    /// A field has the wrong JSON type.
    case wrongType(field: String, expected: String)
    /// A matrix row has a different length than the first row.
    case raggedRows(field: String, row: Int, count: Int, expected: Int)
    /// A matrix or vector has no entries.
    case empty(field: String)
    /// An entry is not a finite number.
    case notFinite(field: String, position: String, value: String)
    /// Shapes of x, y, w and b do not fit together.
    case shapeMismatch(String)
    /// The learning rate is not a finite number > 0.
    case invalidLearningRate(String)
    /// An optimizer's hyperparameter (`name` as the file or flag spells it) is out of its range.
    case invalidHyperparameter(name: String, value: String, rule: String)
    /// The loss, the activations and the targets do not go together (softmax outside the last
    /// layer, a cross-entropy without its output activation, targets that are not
    /// probabilities); the text says which and what to change.
    case pairing(String)
    /// A target of a cross-entropy loss is not in [0, 1]: sample and output 1-based, as y's
    /// row and column (`DataTable.locating` names a CSV file's line and column instead).
    case targetNotProbability(loss: Loss, sample: Int, output: Int, value: Double)
    /// A row of targets of loss ce does not sum to 1; the sample 1-based.
    case targetSum(sample: Int, sum: Double)
    /// An activation, loss, reduction or preset name that does not exist.
    case unknownName(field: String, value: String, allowed: [String])
    /// A CSV data file has a problem at `line` (1-based, the header is line 1). A cell or name
    /// quoted in `problem` is escaped from the file's bytes with `TerminalSafe.escaped`, so a
    /// byte that is not UTF-8 shows as `\x9B` rather than as U+FFFD.
    case csv(path: String, line: Int, problem: String)
    /// A batch size, test split, penalty or feature list that cannot be used; the text says
    /// what is wrong and what to give instead.
    case invalidSetting(String)

    /// A saved optimizer state's `step` that is not a count of steps.
    static let invalidOptimizerStep = ScenarioError.wrongType(
        field: "optimizer.step", expected: "a whole number of 0 or more, the steps it has taken")

    /// The one line shown to the user. Every text the case carries passes through
    /// `TerminalSafe.escaped`, as each may quote a file or the command line: the line never holds
    /// a control character, whatever the file held. (Errors built from a file's bytes, such as a
    /// CSV cell, escape those bytes where they are built; escaping again changes nothing.)
    public var description: String {
        func safe(_ text: String) -> String { TerminalSafe.escaped(text) }
        // A value from the file or the command line, cut to a readable length.
        func quoted(_ text: String) -> String { TerminalSafe.quoted(text) }
        switch self {
        case .fileMissing(let path):
            return "file \(quoted(path)) does not exist; check the path"
        case .fileIsDirectory(let path):
            return "\(quoted(path)) is a folder; give the path of a file"
        case .fileUnreadable(let path, let reason):
            return "cannot read file \(quoted(path)): \(safe(reason))"
        case .notAFile(let path, let kind):
            return "\(quoted(path)) is \(safe(kind)), not a file; give the path of a file (or a pipe)"
        case .fileTooLarge(let path, let bytes, let limit):
            let most = "\(thousandsSeparated(limit)) bytes (\(limit >> 20) MiB)"
            guard let bytes else {
                return
                    "file \(quoted(path)) holds more than \(most), the most this program reads: use a sample of the data"
            }
            return
                "file \(quoted(path)) is \(thousandsSeparated(bytes)) bytes; the most this program reads is \(most): use a sample of the data"
        case .fileEmpty(let path):
            return "scenario file \(quoted(path)) is empty; it needs a JSON object with x, y and w"
        case .notJSON(let path, let detail):
            return "scenario file \(quoted(path)) is not valid JSON: \(safe(detail))"
        case .inFile(let path, let line, let column, let problem):
            // The place comes as a syntax error's does ("line 3, column 7: "), after the file.
            return "scenario file \(quoted(path)) line \(line), column \(column): \(problem.description)"
        case .notAnObject:
            return
                "a scenario must be a JSON object like {\"x\": [[1,2,3]], \"y\": [[1,0]], \"w\": [[0.1,0.2],[0.3,0.4],[0.5,0.6]]}"
        case .unknownKey(let key):
            return "unknown key \(quoted(key)) in scenario; the keys are \(ScenarioFile.keys.joined(separator: ", "))"
        case .missingKey(let key):
            return "scenario is missing \(quoted(key)); x, y and w (or layers) are required"
        case .unknownLayerKey(let key, let layer):
            return
                "unknown key \(quoted(key)) in layers[\(layer)]; a layer's keys are \(ScenarioFileLayer.keys.joined(separator: ", "))"
        case .missingLayerKey(let key, let layer):
            return "layers[\(layer)] is missing \(quoted(key)); every layer needs its weights w"
        case .bothForms(let key):
            return
                "give either \"layers\" or \(quoted(key)), not both: one layer is w, b and activation at the top level; more go in layers"
        case .overLimit(let excess, let source):
            let remedy = source.remedy(for: excess)
            switch source {
            case .scenarioFile(let path): return "scenario file \(quoted(path)): \(excess): \(remedy)"
            case .dataFile(let path): return "data file \(quoted(path)): \(excess): \(remedy)"
            case .values: return "\(excess): \(remedy)"
            }
        case .activationCount(let given, let layers):
            return
                "\(counted(given, "activation")) given for a network of \(counted(layers, "layer")); give one name for every layer, or one for all"
        case .wrongType(let field, let expected):
            return "\"\(safe(field))\" must be \(safe(expected))"
        case .raggedRows(let field, let row, let count, let expected):
            return
                "\"\(safe(field))\" row \(row) has \(counted(count, "entry", "entries")) but row 1 has \(expected); every row needs the same length"
        case .empty(let field):
            return "\"\(safe(field))\" is empty; it needs at least one entry"
        case .notFinite(let field, let position, let value):
            return "\"\(safe(field))\"\(safe(position)) is \(safe(value)), not a finite number"
        case .shapeMismatch(let detail), .pairing(let detail), .invalidSetting(let detail):
            return safe(detail)
        case .targetNotProbability(let loss, let sample, let output, let value):
            return
                "loss \(loss.rawValue) needs every target in [0, 1] (a probability), but \"y\"[\(sample)][\(output)] is \(value); use 1 for the class and 0 otherwise, or loss sse"
        case .targetSum(let sample, let sum):
            return
                "loss ce needs each row of y to sum to 1 (one probability per class, like [0, 1, 0]), but row \(sample) sums to \(sum)"
        case .invalidLearningRate(let value):
            return "learning rate \(safe(value)) is not valid; it must be a finite number greater than 0, like 0.1"
        case .invalidHyperparameter(let name, let value, let rule):
            return "optimizer \(safe(name)) \(safe(value)) is not valid; \(safe(rule))"
        case .unknownName(let field, let value, let allowed):
            return "unknown \(safe(field)) \(quoted(value)); choose one of: \(allowed.joined(separator: ", "))"
        case .csv(let path, let line, let problem):
            return "data file \(quoted(path)) line \(line): \(safe(problem))"
        }
    }
}
