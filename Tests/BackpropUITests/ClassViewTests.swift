import BackpropCore
@testable import BackpropUI
import Testing

/// `K` (the Confusion pane and its cell cursor), `X` (only the wrong predictions) and `<` `>`
/// within them, as plain calls on a scenario whose every prediction is known by hand.
@Suite("class views: K, X and the samples they walk")
struct ClassViewTests {
    /// Six samples of three classes through one softmax layer whose W is twice the identity:
    /// each sample's x is one-hot, so ŷ names the class where its x has the 1. The labels make
    /// four right and two wrong: sample 4 (index 3) is a 2 read as 1, sample 6 (index 5) a 1
    /// read as 0.
    ///
    ///     index  x         label  read
    ///     0      1 0 0     0      0
    ///     1      0 1 0     1      1
    ///     2      0 0 1     2      2
    ///     3      0 1 0     2      1   wrong
    ///     4      0 0 1     2      2
    ///     5      1 0 0     1      0   wrong
    static func threeClasses(test: [Int] = []) throws -> AppState {
        let inputs: [[Double]] = [[1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 1, 0], [0, 0, 1], [1, 0, 0]]
        let labels = [0, 1, 2, 2, 2, 1]
        var scenario = try Scenario(
            inputs: inputs, targets: labels.map { label in (0..<3).map { $0 == label ? 1 : 0 } },
            weights: [[2, 0, 0], [0, 2, 0], [0, 0, 2]], activation: .softmax, loss: .ce)
        if !test.isEmpty { scenario.setSplit(try DataSplit(count: 6, test: test)) }
        return AppState(scenario: scenario, scenarioName: "three")
    }

    @Test("K opens on the most frequent mistake (the first in reading order of equal ones) and selects its sample")
    func confusionOpensOnTheMostFrequentMistake() throws {
        let state = try Self.threeClasses()
        // 2 → 1 and 1 → 0 have one sample each; row 1 comes first.
        let opened = assertUpdate(state, .classes(.toggleConfusion)) {
            $0.confusionCell = ConfusionCell(truth: 1, predicted: 0)
            $0.selectedSample = 5
        }
        #expect(opened.isConfusionShown)
        assertUpdate(opened, .classes(.toggleConfusion)) { $0.confusionCell = nil }
        assertUpdate(opened, .classes(.closeConfusion)) { $0.confusionCell = nil }
    }

    @Test("the arrows move the cell, stop at the edges, and select the new cell's first sample")
    func arrowsMoveTheCell() throws {
        var state = try Self.threeClasses()
        state.apply(.classes(.toggleConfusion))
        #expect(KeyMap.action(for: .right, in: state) == .classes(.moveCell(.right)))
        #expect(KeyMap.action(for: .tab, in: state) == .selection(.cycle(backwards: false)), "Tab still selects")
        state = assertUpdate(state, .classes(.moveCell(.right))) {
            $0.confusionCell = ConfusionCell(truth: 1, predicted: 1)
            $0.selectedSample = 1
        }
        state = assertUpdate(state, .classes(.moveCell(.down))) {
            $0.confusionCell = ConfusionCell(truth: 2, predicted: 1)
            $0.selectedSample = 3
        }
        state = assertUpdate(state, .classes(.moveCell(.down))) { _ in }
        // 2 → 0 has no sample: the selection stays where it was.
        state = assertUpdate(state, .classes(.moveCell(.left))) {
            $0.confusionCell = ConfusionCell(truth: 2, predicted: 0)
        }
        assertUpdate(state, .classes(.moveCell(.left))) { _ in }
    }

    @Test("< > walk the cell's samples, round again; in an empty cell they say so")
    func samplesOfTheCell() throws {
        var state = try Self.threeClasses()
        state.apply(.classes(.toggleConfusion))
        state.apply(.classes(.moveCell(.down)))
        state.apply(.classes(.moveCell(.right)))
        state.apply(.classes(.moveCell(.right)))
        #expect(state.confusionCell == ConfusionCell(truth: 2, predicted: 2))
        #expect(state.selectedSample == 2)
        state = assertUpdate(state, .selection(.chooseSample(backwards: false))) { $0.selectedSample = 4 }
        state = assertUpdate(state, .selection(.chooseSample(backwards: false))) { $0.selectedSample = 2 }
        state = assertUpdate(state, .selection(.chooseSample(backwards: true))) { $0.selectedSample = 4 }
        state.apply(.classes(.moveCell(.left)))
        state.apply(.classes(.moveCell(.left)))
        assertUpdate(state, .selection(.chooseSample(backwards: false))) {
            $0.message = StatusMessage("the cell 2 → 0 has no samples: the arrows choose another")
        }
    }

    @Test("Esc ends a walk before it closes the Confusion pane, which gives way to the walk")
    func escapeClosesTheConfusionLast() throws {
        var state = try Self.threeClasses()
        state.apply(.classes(.toggleConfusion))
        #expect(KeyMap.action(for: .escape, in: state) == .classes(.closeConfusion))
        state.apply(.walk(.next))
        #expect(!state.isConfusionShown, "the walk has the rows and the arrows")
        #expect(KeyMap.action(for: .up, in: state) == .selection(.move(.up)))
        #expect(KeyMap.action(for: .escape, in: state) == .walk(.end))
        state.apply(.walk(.end))
        #expect(state.isConfusionShown, "back when the walk ends")
        // Opened during a walk, it says it waits for the walk.
        state.apply(.classes(.closeConfusion))
        state.apply(.walk(.next))
        assertUpdate(state, .classes(.toggleConfusion)) {
            $0.confusionCell = ConfusionCell(truth: 1, predicted: 0)
            $0.selectedSample = 5
            $0.message = StatusMessage("the Confusion pane shows when the walk ends (Esc, or n to its end)")
        }
    }

    @Test("X lists the wrong ones and selects the first; < > walk only those")
    func wrongOnly() throws {
        var state = try Self.threeClasses()
        state = assertUpdate(state, .classes(.toggleWrongOnly)) {
            $0.listsOnlyWrong = true
            $0.selectedSample = 3
        }
        state = assertUpdate(state, .selection(.chooseSample(backwards: false))) { $0.selectedSample = 5 }
        state = assertUpdate(state, .selection(.chooseSample(backwards: false))) { $0.selectedSample = 3 }
        state = assertUpdate(state, .selection(.chooseSample(backwards: true))) { $0.selectedSample = 5 }
        assertUpdate(state, .classes(.toggleWrongOnly)) { $0.listsOnlyWrong = false }
    }

    @Test("with a test split, X walks the wrong training samples, then the wrong test samples")
    func wrongOnlyWithTestSamples() throws {
        // Samples 0 and 5 held out: the wrong ones are 3 (training) and 5 (test).
        var state = try Self.threeClasses(test: [0, 5])
        state.apply(.classes(.toggleWrongOnly))
        #expect(state.selectedSample == 3)
        state.apply(.selection(.chooseSample(backwards: false)))
        #expect(state.selectedSample == 5)
        // The Confusion pane counts the test samples only: 0 → 0 and 1 → 0, one each.
        state.apply(.classes(.toggleConfusion))
        #expect(state.confusionCell == ConfusionCell(truth: 1, predicted: 0))
        let counts = try #require(state.classVerdicts.map { ConfusionCounts($0, over: state.confusionSamples) })
        #expect(counts.counts == [[1, 0, 0], [1, 0, 0], [0, 0, 0]])
        #expect(counts.right == 1 && counts.total == 2)
    }

    @Test("K and X on targets that are not classes say why, and change nothing else")
    func notClasses() throws {
        let scenario = try Scenario(inputs: [[0], [1]], targets: [[0.25], [0.75]], weights: [[0.5]])
        let state = AppState(scenario: scenario, scenarioName: "numbers")
        let confusion = assertUpdate(state, .classes(.toggleConfusion)) {
            $0.message = StatusMessage(
                wordings: [
                    "the Confusion pane needs targets that are classes: one-hot rows (one output per class) or one output of 0 and 1 (or -1 and 1)",
                    "the Confusion pane needs targets that are classes (one-hot, or one 0/1 output)",
                    "the Confusion pane needs class targets",
                ], kind: .error)
        }
        #expect(!confusion.isConfusionShown)
        let wrong = assertUpdate(state, .classes(.toggleWrongOnly)) {
            $0.message = StatusMessage(
                wordings: [
                    "listing only the wrong ones needs targets where each sample is one class: one-hot rows or one output of 0 and 1 (or -1 and 1)",
                    "listing only the wrong ones needs targets that are classes",
                ], kind: .error)
        }
        #expect(!wrong.listsOnlyWrong)
    }

    @Test("a tie for the largest ŷ names no class, is never right, and is counted apart")
    func tiesAreUndecided() throws {
        let prediction = Matrix(rows: 3, columns: 2, elements: [0.5, 0.5, 0.9, 0.1, .nan, 0.2])
        let targets = Matrix(rows: 3, columns: 2, elements: [1, 0, 1, 0, 0, 1])
        let verdicts = try #require(ClassVerdicts(prediction: prediction, targets: targets))
        #expect(verdicts.predicted == [nil, 0, nil])
        #expect(verdicts.labels == [0, 0, 1])
        #expect((0..<3).map(verdicts.isRight) == [false, true, false])
        #expect(
            (0..<3).map(verdicts.isRight)
                == (0..<3).map {
                    TargetClasses.oneHot.isRight(sample: $0, prediction: prediction, targets: targets)
                }, "the same right ones as the accuracy everywhere else")
        let counts = ConfusionCounts(verdicts, over: [0, 1, 2])
        #expect(counts.counts == [[1, 0], [0, 0]] && counts.undecided == 2 && counts.right == 1)
    }

    @Test("one yes-or-no output is two classes: 0 and 1, read on either side of 0.5")
    func oneOutputIsTwoClasses() throws {
        let prediction = Matrix(rows: 3, columns: 1, elements: [0.7, 0.2, 0.5])
        let targets = Matrix(rows: 3, columns: 1, elements: [0, 0, 1])
        let verdicts = try #require(ClassVerdicts(prediction: prediction, targets: targets))
        #expect(verdicts.names == ["0", "1"])
        #expect(verdicts.predicted == [1, 0, nil])
        #expect(
            ClassVerdicts.names(for: Matrix(rows: 1, columns: 2, elements: [1, 1])) == nil, "two yes-or-no outputs")
    }
}
