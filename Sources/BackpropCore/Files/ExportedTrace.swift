/// The CSV `e` exports: every state `b` can still reach in the current run, oldest first, in the
/// columns of `--headless --format csv` followed by `lr` (the rate the next step uses),
/// `optimizer` (the rule the next step uses, with the hyperparameters it reads:
/// `adam beta1=0.9 beta2=0.999 epsilon=1e-8`), `optimizer_step` (the steps that rule has taken,
/// Adam's t) and `event` (how the row was reached from the one before), so a reader can replay
/// the run row by row: a `step` row is one step from the row before with that row's lr and
/// optimizer; `lr` and `edit` rows replace the lr or the parameters at the same step; an
/// `optimizer` row starts another rule afresh. The lists the rule keeps (buf, m, v) are not
/// columns: a replay re-creates them from the row where the rule started (a saved state, `w`,
/// carries them).
///
/// A run with a test split, mini-batches or a penalty (at any state of the export) has the
/// `TraceColumns` of `--headless --format csv` after `cost` too: `test_cost`, `penalty`, `epoch`
/// and `batch` (empty in a row that is not a step, or a full-batch step's); so does a run whose
/// targets are classes: `accuracy`, and with a split `test_accuracy`. Every export has
/// `grad_norm_1 … grad_norm_L` there, the gradient at the row's state, as `--headless` has.
///
/// It is written a piece at a time (`write(into:numbers:)`), never held whole: a network of
/// 8,000 parameters 10,000 steps into a run makes 1.7 GB of CSV, and a row of a million
/// parameters alone is 20 MB. The states are re-created one by one as the rows are written
/// (`HistoryReplay`), from the copy of the history and the trainer taken when `e` was pressed.
public struct ExportedTrace: Equatable, Sendable {
    /// The largest export `e` writes, in bytes (2 GB): more is refused before anything is
    /// written, with the size it would have had.
    public static let maximumByteCount = 2_000_000_000

    /// Rows below the header.
    public let rowCount: Int
    /// The step of the first row.
    public let firstStep: Int
    /// The step of the last row (the current state).
    public let lastStep: Int
    /// About how long a row is, in bytes: the current state's, measured on its first numbers.
    public let estimatedRowByteCount: Int
    /// About how long the file will be: the header and every row at `estimatedRowByteCount`.
    public var estimatedByteCount: Int {
        let (rows, overflow) = (rowCount + 1).multipliedReportingOverflow(by: estimatedRowByteCount)
        return overflow ? Int.max : rows
    }
    /// Rows written so far (the header is not counted).
    public private(set) var rowsWritten = 0
    /// Whether the last row has been written.
    public var isFinished: Bool { position == .finished }

    private var replay: HistoryReplay
    /// The sizes of the network's layers, for the header's names.
    private let sizes: [Int]
    /// The columns after `cost`.
    private let columns: TraceColumns
    /// The samples the next step from the row written last will use (its trainer's
    /// `nextBatch`), for the `batch` column; empty without mini-batches.
    private var upcomingBatch: [Int] = []
    /// The samples of the row being written: `upcomingBatch` when it is a step.
    private var rowBatch: [Int] = []
    private var position = Position.header(next: 0)
    /// The state of the row before, for the event column.
    private var before: TrainingState?

    /// Where the writing has got to.
    private enum Position: Equatable, Sendable {
        /// In the header, at column `next` of the parameters (`step,cost` come before 0).
        case header(next: Int)
        /// In a row of `trainer`'s state, at `next` of its numbers (the cost is 0, the
        /// parameters 1 ...).
        case row(Trainer, event: TraceEvent, next: Int)
        /// After a whole line, before the next row.
        case betweenRows
        /// After the last row.
        case finished
    }

    /// The trace of the states from the oldest `history` keeps to `trainer`, re-created by
    /// replay as it is written. Cheap: nothing is replayed or written until `write`.
    public init(history: TrainingHistory, to trainer: Trainer) {
        replay = HistoryReplay(history: history, to: trainer)
        rowCount = replay.count
        firstStep = replay.firstStep
        lastStep = trainer.stepCount
        sizes = trainer.network.sizes
        let states = history.checkpoints + [trainer.state]
        columns = TraceColumns(
            testCost: trainer.scenario.split.hasTest, penalty: states.contains { $0.penalty.isActive },
            batch: states.contains { $0.batchSize.map { $0 < trainer.scenario.trainingCount } ?? false },
            accuracy: trainer.targetClasses != nil)
        estimatedRowByteCount = ExportedTrace.estimatedRowBytes(of: trainer, columns: columns)
    }

    /// Appends the next part of the file to `bytes`: about `numbers` numbers (or header
    /// names), never stopping inside one, so a caller can write a row of a million parameters
    /// across several frames. Does nothing once `isFinished`.
    public mutating func write(into bytes: inout [UInt8], numbers: Int) {
        var stream = ByteStream()
        swap(&stream.bytes, &bytes)
        defer { swap(&stream.bytes, &bytes) }
        var budget = max(1, numbers)
        while budget > 0 {
            switch position {
            case .finished:
                return
            case .header(let next):
                position = writeHeader(from: next, budget: &budget, into: &stream)
            case .betweenRows:
                guard let trainer = replay.next() else {
                    position = .finished
                    return
                }
                let event = TraceEvent(from: before, to: trainer.state)
                before = trainer.state
                rowBatch = event == .step ? upcomingBatch : []
                stream.append(trainer.stepCount)
                position = .row(trainer, event: event, next: 0)
            case .row(let trainer, let event, let next):
                position = writeRow(of: trainer, event: event, from: next, budget: &budget, into: &stream)
            }
        }
    }

    /// The whole file as one string: for small traces and tests (the export streams it).
    public static func text(history: TrainingHistory, to trainer: Trainer) -> String {
        var trace = ExportedTrace(history: history, to: trainer)
        var bytes: [UInt8] = []
        while !trace.isFinished { trace.write(into: &bytes, numbers: 1 << 16) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `--headless --format csv`'s header with `lr`, `optimizer`, `optimizer_step` and `event`
    /// after it.
    public static func header(for network: Network, columns: TraceColumns = .none) -> String {
        TraceWriter.csvHeader(for: network, columns: columns) + ",lr,optimizer,optimizer_step,event"
    }

    /// Writes the header's names from parameter `next` while the budget lasts.
    private func writeHeader(from next: Int, budget: inout Int, into stream: inout ByteStream) -> Position {
        if next == 0 { stream.write("step,cost" + columns.csvNames(layers: sizes.count - 1)) }
        let count = zip(sizes, sizes.dropFirst()).reduce(0) { $0 + ($1.0 + 1) * $1.1 }
        var index = next
        while index < count && budget > 0 {
            stream.append(",")
            writeName(ofParameter: index, into: &stream)
            index += 1
            budget -= 1
        }
        guard index == count else { return .header(next: index) }
        stream.write(",lr,optimizer,optimizer_step,event\n")
        return .betweenRows
    }

    /// `TraceWriter.csvHeader`'s name of the parameter at `offset` in `Network.parameters`:
    /// `w2_3`, `b1`, or `L2_w2_3` with more than one layer.
    private func writeName(ofParameter offset: Int, into stream: inout ByteStream) {
        var layer = 0
        var start = 0
        while start + (sizes[layer] + 1) * sizes[layer + 1] <= offset {
            start += (sizes[layer] + 1) * sizes[layer + 1]
            layer += 1
        }
        if sizes.count > 2 {
            stream.append("L")
            stream.append(layer + 1)
            stream.append("_")
        }
        let local = offset - start
        let (inputs, outputs) = (sizes[layer], sizes[layer + 1])
        if local < inputs * outputs {
            stream.append("w")
            stream.append(local / outputs + 1)
            stream.append("_")
            stream.append(local % outputs + 1)
        } else {
            stream.append("b")
            stream.append(local - inputs * outputs + 1)
        }
    }

    /// Writes `trainer`'s numbers from `next` while the budget lasts, then the row's end.
    private mutating func writeRow(
        of trainer: Trainer, event: TraceEvent, from next: Int, budget: inout Int, into stream: inout ByteStream
    ) -> Position {
        let parameters = trainer.network.parameters
        var index = next
        while index <= parameters.count && budget > 0 {
            stream.append(",")
            stream.append(index == 0 ? trainer.cost : parameters[index - 1])
            if index == 0 { columns.appendCSVCells(of: trainer, batch: rowBatch, into: &stream) }
            index += 1
            budget -= 1
        }
        guard index == parameters.count + 1 else { return .row(trainer, event: event, next: index) }
        ExportedTrace.writeEnd(of: trainer, event: event, into: &stream)
        rowsWritten += 1
        upcomingBatch = columns.batch && trainer.miniBatchSize != nil ? trainer.nextBatch : []
        return .betweenRows
    }

    /// A row's last columns: `,lr,optimizer,optimizer_step,event` and the line's end.
    private static func writeEnd(of trainer: Trainer, event: TraceEvent, into stream: inout ByteStream) {
        stream.append(",")
        stream.append(trainer.learningRate)
        stream.append(",")
        stream.write(trainer.optimizer.plainSummary)
        stream.append(",")
        stream.append(trainer.state.optimizerState.step)
        stream.append(",")
        stream.write(event.rawValue)
        stream.append("\n")
    }

    /// The length of `trainer`'s row, measured on its first 4,096 numbers and scaled to all of
    /// them: exact for small networks, close for large ones, and quick for a million.
    private static func estimatedRowBytes(of trainer: Trainer, columns: TraceColumns) -> Int {
        let parameters = trainer.network.parameters
        let sample = min(parameters.count, 4095)
        var stream = ByteStream()
        stream.append(",")
        stream.append(trainer.cost)
        for index in 0..<sample {
            stream.append(",")
            stream.append(parameters[index])
        }
        let numbers = stream.bytes.count * (parameters.count + 1) / (sample + 1)
        var ends = ByteStream()
        ends.append(trainer.stepCount)
        let batch = columns.batch && trainer.miniBatchSize != nil ? trainer.nextBatch : []
        columns.appendCSVCells(of: trainer, batch: batch, into: &ends)
        writeEnd(of: trainer, event: .optimizer, into: &ends)
        return numbers + ends.bytes.count
    }
}
