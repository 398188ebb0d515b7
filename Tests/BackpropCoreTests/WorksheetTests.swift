import BackpropCore
import Foundation
import Testing

/// Worksheets printed for many seeds and for the presets a sheet allows, read back from the
/// print and checked against a step worked out again in the test (`IndependentStep`) from the
/// printed givens: every printed answer is the true value rounded to 4 decimals.
struct WorksheetTests {
    /// A drawn sheet's scenario with the flags' changes.
    static func drawn(
        _ seed: UInt64, hidden: [Int] = [2], activations: [Activation]? = nil, loss: Loss? = nil,
        reduction: Reduction? = nil, lr: Double? = nil
    ) throws -> Scenario {
        try HandSizedScenario.drawn(seed: seed, hidden: hidden) { scenario in
            if activations != nil || loss != nil { try scenario.set(activations: activations, loss: loss) }
            if let reduction { scenario.reduction = reduction }
            if let lr { try scenario.setLearningRate(lr) }
        }
    }

    /// The sheets the checks run over: seeds 1-120 as drawn by default, seeds 1-20 under each
    /// other shape and choice, and the presets small enough (a circle's first batch of 4, whose
    /// numbers have many decimals and are rounded).
    static func scenarios() throws -> [(String, Scenario)] {
        var all: [(String, Scenario)] = []
        for seed in UInt64(1)...120 { all.append(("seed \(seed)", try drawn(seed))) }
        let variants: [(String, (UInt64) throws -> Scenario)] = [
            ("none", { try drawn($0, hidden: []) }),
            ("3,3 tanh", { try drawn($0, hidden: [3, 3], activations: [.tanh]) }),
            ("3 relu,linear sse", { try drawn($0, hidden: [3], activations: [.relu, .linear], loss: .sse) }),
            ("2 bce mean", { try drawn($0, activations: [.tanh, .sigmoid], loss: .bce, reduction: .mean) }),
            ("2 seed lr 0.1", { try drawn($0, reduction: .seed, lr: 0.1) }),
            ("1,1,1 linear", { try drawn($0, hidden: [1, 1], activations: [.linear]) }),
        ]
        for (name, make) in variants {
            for seed in UInt64(1)...20 { all.append(("\(name) seed \(seed)", try make(seed))) }
        }
        for preset in [Preset.seed, .and, .or, .xor, .xorHidden] {
            all.append((preset.rawValue, preset.scenario(seed: 1, noise: 0)))
        }
        for seed in UInt64(1)...5 {
            var circle = Preset.circle.scenario(seed: seed, noise: 0)
            try circle.setBatchSize(4)
            all.append(("circle batch 4 seed \(seed)", circle))
        }
        return all
    }

    @Test("every printed answer is the independent step's value rounded to 4 decimals, in Markdown and text")
    func answersAgreeWithAnIndependentStep() throws {
        var checked = 0
        for (name, scenario) in try WorksheetTests.scenarios() {
            let sheet = try Worksheet(scenario: scenario, source: "test")
            let markdown = WorksheetMarkdownRenderer().render(sheet, answers: true)
            let printed = try PrintedWorksheet(markdown: markdown)
            checked += try WorksheetTests.check(printed, name: name)
            let text = WorksheetTextRenderer().render(sheet, answers: true)
            try WorksheetTests.expectSameTables(text: text, as: printed, name: name)
        }
        #expect(checked > 10_000)
    }

    /// Checks every cell of `printed` against the step worked from its givens; returns how many.
    static func check(_ printed: PrintedWorksheet, name: String) throws -> Int {
        let inputColumns = printed.samples.columns.indices.filter { printed.samples.columns[$0].hasPrefix("x") }
        let targetColumns = printed.samples.columns.indices.filter { printed.samples.columns[$0].hasPrefix("y") }
        let values = try printed.samples.cells.map { try $0.map(PrintedWorksheet.number) }
        let x = values.map { row in inputColumns.map { row[$0] } }
        let y = values.map { row in targetColumns.map { row[$0] } }
        let layers = try printed.layers.map { try $0.cells.map { try $0.map(PrintedWorksheet.number) } }
        let weights = layers.map { Array($0.dropLast()) }
        let bias = layers.map { $0[$0.count - 1] }
        let L = weights.count
        #expect(printed.activations.count == L, "\(name): one activation a layer")
        let step = IndependentStep(
            x: x, y: y, weights: weights, bias: bias, activations: printed.activations, loss: printed.loss,
            reduction: printed.reduction, lr: printed.learningRate)
        #expect(printed.questions.count == 8 * L, "\(name): 8 questions a layer")
        #expect(printed.questions.map(\.number) == Array(1...printed.questions.count))
        var count = 0
        for question in printed.questions {
            let title = question.title
            let layer =
                title.compactMap { "¹²³⁴⁵⁶⁷⁸⁹".firstIndex(of: $0) }.first.map {
                    "¹²³⁴⁵⁶⁷⁸⁹".distance(from: "¹²³⁴⁵⁶⁷⁸⁹".startIndex, to: $0)
                } ?? 0
            let expected: [[Double]]
            if title.hasPrefix("C,") {
                expected = [[step.cost]]
            } else if title.hasPrefix("a") {
                expected = step.a[layer]
            } else if title.hasPrefix("h") || title.hasPrefix("ŷ") {
                expected = step.h[layer]
            } else if title.hasPrefix("e") {
                expected = step.e[layer]
            } else if title.hasPrefix("δ") {
                expected = step.delta[layer]
            } else if title.hasPrefix("∂C/∂W") {
                expected = step.weightGradient[layer]
            } else if title.hasPrefix("∂C/∂b") {
                expected = [step.biasGradient[layer]]
            } else if title.hasPrefix("new W") {
                expected = step.newWeights[layer]
            } else if title.hasPrefix("new b") {
                expected = [step.newBias[layer]]
            } else {
                Issue.record("\(name): a question the test does not know: \(title)")
                continue
            }
            let cells = question.table.cells
            #expect(
                cells.count == expected.count && zip(cells, expected).allSatisfy { $0.count == $1.count },
                "\(name) question \(question.number): the table's shape")
            for (printedRow, expectedRow) in zip(cells, expected) {
                for (cell, truth) in zip(printedRow, expectedRow) {
                    let value = try PrintedWorksheet.number(cell)
                    #expect(
                        abs(value - truth) <= 0.5e-4 + 1e-12,
                        "\(name) question \(question.number) \(title): printed \(cell), worked again \(truth)")
                    // Away from a tie, the one rounding to 4 decimals there is.
                    if !nearTie(truth) {
                        #expect(cell == fourDecimals(truth), "\(name) question \(question.number): \(cell) vs \(truth)")
                    }
                    count += 1
                }
            }
        }
        return count
    }

    /// `value` to 4 decimals by the C library (ties aside, the only rounding), -0 as 0.
    static func fourDecimals(_ value: Double) -> String {
        let text = String(format: "%.4f", value)
        return text == "-0.0000" ? "0.0000" : text
    }

    static func nearTie(_ value: Double) -> Bool {
        let scaled = abs(value) * 10_000
        return abs(scaled - scaled.rounded(.down) - 0.5) < 1e-6
    }

    /// The text form's tables, read by their columns (two spaces or more apart), hold the very
    /// cells of the Markdown's.
    static func expectSameTables(text: String, as printed: PrintedWorksheet, name: String) throws {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for line in lines where line.count > 80 {
            Issue.record("\(name): a line of \(line.count) columns: \(line)")
        }
        var found = 0
        for (index, line) in lines.enumerated() {
            guard let match = line.wholeMatch(of: /\s*(\d+)\. .*/), let number = Int(match.1),
                let question = printed.questions.first(where: { $0.number == number })
            else { continue }
            var end = index + 1
            while end < lines.count, !lines[end].isEmpty, !lines[end].hasSuffix("Working:") { end += 1 }
            let table = Array(lines[(end - question.table.rows.count - 1)..<end])
            let columns = split(table[0])
            #expect(columns == question.table.columns, "\(name) question \(number): text columns")
            for (row, line) in table.dropFirst().enumerated() {
                var cells = split(line)
                if cells.count == columns.count { cells.insert("", at: 0) }
                #expect(cells[0] == question.table.rows[row], "\(name) question \(number): row label")
                #expect(Array(cells.dropFirst()) == question.table.cells[row], "\(name) question \(number): cells")
            }
            found += 1
        }
        #expect(found == printed.questions.count, "\(name): every question in the text")
    }

    private static func split(_ line: String) -> [String] {
        line.trimmingCharacters(in: .whitespaces).split(separator: try! Regex(" {2,}")).map(String.init)
    }

    @Test("without --answers no answer is printed: every cell a blank, no working")
    func blanksWithoutAnswers() throws {
        for (name, scenario) in try WorksheetTests.scenarios().prefix(40) {
            let sheet = try Worksheet(scenario: scenario, source: "test")
            let printed = try PrintedWorksheet(markdown: WorksheetMarkdownRenderer().render(sheet, answers: false))
            #expect(!printed.hasWorkings, "\(name)")
            #expect(printed.questions.allSatisfy { $0.table.cells.joined().allSatisfy { $0 == "____" } }, "\(name)")
            let text = WorksheetTextRenderer().render(sheet, answers: false)
            #expect(!text.contains("Working:"))
            for answer in sheet.answers where answer.text.count >= 6 {
                // An answer's 4 decimals are never on the sheet (a given has at most 4 and is
                // printed short, so only an answer ends in a zero or has 4).
                #expect(!text.contains(" " + answer.text + "\n"), "\(name): \(answer.name) shows")
            }
        }
    }

    @Test("a seed gives one sheet, the same every time, and 120 seeds give 120 sheets")
    func seedsAreSheets() throws {
        var seen = Set<String>()
        for seed in UInt64(1)...120 {
            let once = WorksheetTextRenderer().render(
                try Worksheet(scenario: try WorksheetTests.drawn(seed), source: ""), answers: false)
            let again = WorksheetTextRenderer().render(
                try Worksheet(scenario: try WorksheetTests.drawn(seed), source: ""), answers: false)
            #expect(once == again)
            seen.insert(once)
        }
        #expect(seen.count == 120)
    }

    @Test("a drawn sheet's givens have one decimal, no weight or input is 0, targets are in 0...1")
    func drawnGivens() throws {
        for seed in UInt64(1)...120 {
            let givens = try Worksheet(scenario: try WorksheetTests.drawn(seed), source: "").givens
            let weights = givens.network.layers.flatMap(\.weights.elements)
            let numbers =
                givens.inputs.elements + givens.targets.elements + weights + givens.network.layers.flatMap(\.bias)
            #expect(numbers.allSatisfy { ($0 * 10).rounded() / 10 == $0 })
            #expect(!(weights + givens.inputs.elements).contains(0))
            #expect(givens.targets.elements.allSatisfy { (0...1).contains($0) })
            #expect(givens.network.sizes == [2, 2, 1] && givens.sampleCount == 2)
        }
    }

    @Test("drawn sheets are clean: no answer within 10⁻⁹ of a rounding tie")
    func drawnSheetsAreClean() throws {
        for seed in UInt64(1)...120 {
            #expect(
                try Worksheet(
                    scenario: try WorksheetTests.drawn(seed, hidden: [1, 1], activations: [.linear]), source: ""
                ).isClean)
            #expect(try Worksheet(scenario: try WorksheetTests.drawn(seed), source: "").isClean)
        }
    }

    @Test("too big, another optimizer or a penalty is refused")
    func refusals() throws {
        #expect(throws: WorksheetRefusal.tooManyParameters(1210)) {
            try Worksheet(scenario: Preset.digits.scenario(seed: 1, noise: 0), source: "")
        }
        #expect(throws: WorksheetRefusal.tooManySamples(50)) {
            try Worksheet(scenario: Preset.circle.scenario(seed: 1, noise: 0), source: "")
        }
        var adam = Preset.xor.scenario(seed: 1, noise: 0)
        try adam.setOptimizer(adam.optimizer.named(.adam))
        #expect(throws: WorksheetRefusal.optimizer(.adam)) { try Worksheet(scenario: adam, source: "") }
        var penalised = Preset.xor.scenario(seed: 1, noise: 0)
        try penalised.setPenalty(.l2(0.1))
        #expect(throws: WorksheetRefusal.penalty(.l2(0.1))) { try Worksheet(scenario: penalised, source: "") }
        #expect(throws: WorksheetRefusal.tooManyParameters(Int.max)) {
            try HandSizedScenario.drawn(seed: 1, hidden: [Int.max]) { _ in }
        }
    }

    @Test(
        "rounding is half away from zero on the double's exact value",
        arguments: [
            (0.03125, "0.0313"), (-0.03125, "-0.0313"), (0.12345, "0.1235"), (1.00005, "1.0001"),
            (-0.00004, "0.0000"), (-0.00005, "-0.0001"), (2.5e-5, "0.0000"), (0.99995, "1.0000"), (-1e-300, "0.0000"),
            (123.456789, "123.4568"), (0, "0.0000"), (-0.0, "0.0000"), (0.5, "0.5000"), (7, "7.0000"),
        ])
    func rounding(_ value: Double, _ text: String) {
        #expect(DecimalRounding.text(value) == text)
    }

    @Test("away from ties, rounding agrees with the C library's")
    func roundingAgreesWithPrintf() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<20_000 {
            let value = generator.symmetric(3) * pow(10, generator.symmetric(4).rounded())
            guard !WorksheetTests.nearTie(value) else { continue }
            #expect(DecimalRounding.text(value) == WorksheetTests.fourDecimals(value))
        }
    }
}
