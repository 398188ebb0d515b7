import BackpropCore
import Foundation
import Testing

/// `ExportedTrace`, what `e` writes, and the reach of the history it is made from, which the
/// README promises.
@Suite("exported trace")
struct ExportedTraceTests {
    /// Steps like the UI at top speed: chunks that end where the history wants a checkpoint.
    private static func run(_ steps: Int, _ trainer: inout Trainer, _ history: inout TrainingHistory) {
        var remaining = steps
        while remaining > 0 {
            if history.needsCheckpoint(trainer) { history.record(trainer) }
            let chunk = min(remaining, history.stepsUntilCheckpoint(trainer))
            trainer.run(steps: chunk)
            remaining -= chunk
        }
    }

    @Test("a run longer than the history keeps starts at its oldest state, marked start, then one step a row")
    func longRun() {
        var trainer = Trainer(scenario: Preset.seed.scenario)
        var history = TrainingHistory(interval: 100)
        history.record(trainer)
        Self.run(25_000, &trainer, &history)
        let trace = ExportedTrace(history: history, to: trainer)
        #expect(trace.firstStep > 0 && trace.lastStep - trace.firstStep >= 10_000, "\(trace.firstStep)")
        #expect(trace.lastStep == 25_000)
        let rows = ExportedTrace.text(history: history, to: trainer).split(separator: "\n").dropFirst()
        #expect(rows.count == trace.rowCount)
        #expect(trace.rowCount == trace.lastStep - trace.firstStep + 1)
        #expect(rows.first?.hasPrefix("\(trace.firstStep),") ?? false)
        #expect(rows.first?.hasSuffix(",0.1,sgd,0,start") ?? false)
        #expect(rows.dropFirst().allSatisfy { $0.hasSuffix(",0.1,sgd,0,step") })
    }

    @Test("a batch-size or penalty change is its own event, not an lr change")
    func batchAndPenaltyEvents() {
        let before = Trainer(scenario: Preset.circle.scenario).state
        var batch = before
        batch.batchSize = 5
        var penalty = before
        penalty.penalty = .l2(0.01)
        var lambda = penalty
        lambda.penalty = .l2(0.03)
        #expect(TraceEvent(from: before, to: batch) == .batch)
        #expect(TraceEvent(from: before, to: penalty) == .penalty)
        #expect(TraceEvent(from: penalty, to: lambda) == .penalty)
        var lr = before
        lr.learningRate = 0.5
        #expect(TraceEvent(from: before, to: lr) == .lr)
    }

    @Test("the events: a step, an lr change, an edit, an optimizer change, and a NaN left alone is no edit")
    func events() {
        let network = Preset.seed.scenario.network
        let start = TrainingState(network: network, stepCount: 4, learningRate: 0.1)
        var edited = start
        edited.network[.bias(layer: 0, column: 1)] = 0.5
        var faster = start
        faster.learningRate = 0.2
        var stepped = start
        stepped.stepCount = 5
        var diverged = start
        diverged.network.parameters = network.parameters.map { _ in .nan }
        var divergedFaster = diverged
        divergedFaster.learningRate = 0.2
        #expect(TraceEvent(from: nil, to: start) == .start)
        #expect(TraceEvent(from: start, to: stepped) == .step)
        #expect(TraceEvent(from: start, to: edited) == .edit)
        #expect(TraceEvent(from: start, to: faster) == .lr)
        #expect(TraceEvent(from: diverged, to: divergedFaster) == .lr)
        var adam = start
        adam.optimizer = Optimizer.sgd.named(.adam)
        adam.optimizerState = OptimizerState(fresh: .adam, parameterCount: network.parameters.count)
        #expect(TraceEvent(from: start, to: adam) == .optimizer)
        #expect(TraceEvent(from: adam, to: start) == .optimizer)
    }

    /// The README's `b` line: the last 10,000 steps at least, with the lr changes and edits among
    /// them, unless those are more than 9,990 (the history keeps 20,000 checkpoints at most, two
    /// for each change).
    @Test("b reaches 10,000 steps back through 9,990 lr changes among them")
    func reachThroughChanges() throws {
        var trainer = Trainer(scenario: Preset.seed.scenario)
        var history = TrainingHistory()
        history.record(trainer)
        Self.run(2_000, &trainer, &history)
        for change in 0..<10_000 {
            Self.run(1, &trainer, &history)
            guard change < 9_990 else { continue }
            history.record(trainer)
            try trainer.setLearningRate(change % 2 == 0 ? 0.2 : 0.1)
            history.record(trainer)
        }
        let end = trainer.stepCount
        var current = trainer
        while current.stepCount > end - 10_000, let earlier = history.goBack(from: current) { current = earlier }
        #expect(current.stepCount == end - 10_000)
    }

    /// xor through a hidden layer of `hidden` tanh neurons with weights of every length, so
    /// rows have numbers of every length too.
    private static func wide(hidden: Int) throws -> Trainer {
        let first = (0..<2).map { i in (0..<hidden).map { j in sin(Double(i * hidden + j) * 0.37) * 1.5 } }
        let second = (0..<hidden).map { j in [cos(Double(j) * 0.91) / Double(hidden).squareRoot()] }
        let scenario = try Scenario(
            inputs: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [[0], [1], [1], [0]],
            layers: [
                ScenarioLayer(weights: first, bias: nil, activation: .tanh),
                ScenarioLayer(weights: second, bias: nil, activation: .sigmoid),
            ])
        return Trainer(scenario: scenario)
    }

    /// A run of two layers with every event: steps, an lr change, an edit, another optimizer.
    private static func eventfulRun() throws -> (Trainer, TrainingHistory) {
        var trainer = try wide(hidden: 3)
        var history = TrainingHistory(interval: 50)
        history.record(trainer)
        run(120, &trainer, &history)
        history.record(trainer)
        try trainer.setLearningRate(0.5)
        history.record(trainer)
        run(30, &trainer, &history)
        history.record(trainer)
        var edited = trainer.state
        edited.network.parameters[4] = -0.75
        trainer.restore(edited)
        history.record(trainer)
        run(7, &trainer, &history)
        history.record(trainer)
        trainer.setOptimizer(trainer.optimizer.named(.adam))
        history.record(trainer)
        run(60, &trainer, &history)
        return (trainer, history)
    }

    @Test(
        "written a piece at a time, whatever the pieces, the file is --headless --format csv's rows with the four columns after"
    )
    func piecesMakeTheSameFile() throws {
        let (trainer, history) = try Self.eventfulRun()
        // What the export wrote when it was one string: the header, then the line of each
        // state `replayAll` re-creates with its lr, optimizer, optimizer step and event.
        // No split, batches or penalty: the export's only columns after cost are the accuracy
        // (the XOR targets are classes) and the norms.
        let columns = TraceColumns(testCost: false, penalty: false, batch: false, accuracy: true)
        let writer = TraceWriter(format: .csv, columns: columns)
        var lines = [ExportedTrace.header(for: trainer.network, columns: columns)]
        var before: TrainingState?
        history.replayAll(to: trainer) { state in
            lines.append(
                writer.line(for: state)
                    + ",\(state.learningRate),\(state.optimizer.plainSummary),\(state.state.optimizerState.step),"
                    + TraceEvent(from: before, to: state.state).rawValue)
            before = state.state
        }
        let expected = lines.joined(separator: "\n") + "\n"
        #expect(expected.contains(",edit\n") && expected.contains(",lr\n") && expected.contains(",optimizer\n"))
        #expect(lines[0].hasPrefix("step,cost,accuracy,grad_norm_1,grad_norm_2,L1_w1_1,L1_w1_2,L1_w1_3,L1_w2_1,"))

        for piece in [1, 2, 7, 13, 1000, 1 << 20] {
            var trace = ExportedTrace(history: history, to: trainer)
            #expect(trace.rowCount == lines.count - 1)
            var bytes: [UInt8] = []
            var calls = 0
            while !trace.isFinished {
                trace.write(into: &bytes, numbers: piece)
                calls += 1
            }
            #expect(String(decoding: bytes, as: UTF8.self) == expected, "in pieces of \(piece) numbers")
            #expect(trace.rowsWritten == trace.rowCount)
            // Pieces of one number (or name) take a call each.
            if piece == 1 { #expect(calls >= (trainer.network.parameters.count + 1) * lines.count) }
        }
    }

    @Test("a piece holds about as many numbers as asked for, however long the rows: memory stays bounded")
    func piecesStaySmall() throws {
        let trainer = try Self.wide(hidden: 20_000)
        var history = TrainingHistory()
        history.record(trainer)
        var trace = ExportedTrace(history: history, to: trainer)
        var largest = 0
        var total = 0
        while !trace.isFinished {
            var bytes: [UInt8] = []
            trace.write(into: &bytes, numbers: 1000)
            largest = max(largest, bytes.count)
            total += bytes.count
        }
        #expect(total > 1_000_000, "a header and a row of 60,001 numbers")
        #expect(largest < 40_000, "1000 numbers (or names) of at most 25 bytes and a comma, and a line's end")
    }

    @Test("the estimate of the size, made before anything is written, is within 5% of what is written")
    func estimate() throws {
        for (hidden, steps) in [(1, 300), (40, 300), (3000, 30)] {
            var trainer = try Self.wide(hidden: hidden)
            var history = TrainingHistory()
            history.record(trainer)
            Self.run(steps, &trainer, &history)
            let trace = ExportedTrace(history: history, to: trainer)
            let written = ExportedTrace.text(history: history, to: trainer).utf8.count
            let error = abs(Double(trace.estimatedByteCount - written)) / Double(written)
            #expect(error < 0.05, "hidden \(hidden): estimated \(trace.estimatedByteCount), written \(written)")
        }
    }

    @Test("the replay a piece at a time reports the very states of replayAll, in order")
    func replayOneAtATime() throws {
        let (trainer, history) = try Self.eventfulRun()
        var expected: [TrainingState] = []
        history.replayAll(to: trainer) { expected.append($0.state) }
        var replay = HistoryReplay(history: history, to: trainer)
        #expect(replay.count == expected.count)
        #expect(replay.firstStep == expected.first?.stepCount)
        var states: [TrainingState] = []
        while let next = replay.next() { states.append(next.state) }
        #expect(states == expected)
        #expect(replay.next() == nil)

        let fresh = Trainer(scenario: Preset.seed.scenario)
        var empty = HistoryReplay(history: TrainingHistory(), to: fresh)
        #expect(empty.count == 1)
        #expect(empty.next()?.state == fresh.state)
        #expect(empty.next() == nil)
    }
}
