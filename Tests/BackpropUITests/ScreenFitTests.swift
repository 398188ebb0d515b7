import BackpropCore
@testable import BackpropUI
import Foundation
import Testing

/// What a new user trips over when the screen is small or the data wide: the
/// selection always in view, nothing cut without a marker, the walk and the help always whole,
/// lines shortened by whole words, and no text that names a colour the screen may not show.
@Suite("what fits on the screen, and what says it does not")
struct ScreenFitTests {
    /// 6 inputs, 4 targets (y1..y4), 30 rows, weights of different sizes: a CSV wider than an
    /// 80-column screen shows.
    private func wide() throws -> AppState {
        let inputs: [[Double]] = (0..<30).map { s in
            (0..<6).map { i -> Double in Double((s * 7 + i * 3) % 10) / 10 }
        }
        let targets: [[Double]] = inputs.map { row in (0..<4).map { j -> Double in row[j] > 0.5 ? 1 : 0 } }
        let weights: [[Double]] = (0..<6).map { i in
            (0..<4).map { j -> Double in 0.1453882 * Double(i + 1) - 0.0731 * Double(j * j) }
        }
        return AppState(
            scenario: try Scenario(inputs: inputs, targets: targets, weights: weights), scenarioName: "wide.csv")
    }

    /// The text of the reverse-video cells of `canvas` above the status bar (itself reverse).
    private func selected(_ canvas: Canvas) -> String {
        let panes = canvas.cells.prefix(canvas.size.width * (canvas.size.height - 2))
        return String(panes.filter(\.style.reverse).map(\.character))
    }

    @Test(
        "wide data: the selected weight is drawn whole wherever it is, and hidden columns are counted",
        arguments: ["<Up><Up><Up><Right><Right><Right>", "<Down><Down><Down><Right><Right><Right>"],
        [Size(width: 120, height: 40), Size(width: 80, height: 24)])
    func wideDataKeepsTheSelectionInView(keys: String, size: Size) throws {
        var state = try wide()
        try KeySequence(parsing: keys).press(on: &state)
        let name = state.names.parameter(state.selection)
        let canvas = Frame.render(state, size: size)
        let screen = canvas.text
        #expect(screen.contains("Inspector \(name)"), "\(screen)")
        // The inspector's "ω14: A → B": A is the value the layer pane shows in reverse video.
        let line = try #require(screen.split(separator: "\n").first { $0.contains("\(name): ") })
        let before = try #require(line.components(separatedBy: "\(name): ").last?.split(separator: " ").first)
        let shown = selected(canvas).trimmingCharacters(in: .whitespaces)
        let value = try #require(Double(shown), "the selection is a whole number: \"\(shown)\"\n\(screen)")
        #expect(abs(value - state.trainer.network[state.selection]) < 1e-4, "\(shown) vs \(before)")
        // Not every output fits across the predictions: they say which they show, the
        // selected weight's among them.
        #expect(screen.range(of: #"ŷ\d-ŷ\d of 4 shown"#, options: .regularExpression) != nil, "\(screen)")
        #expect(screen.contains("ŷ4-y4"), "\(screen)")
        // And the cost curve keeps its place.
        #expect(screen.contains("Cost C"), "\(screen)")
        // No number is cut at a pane's edge: every cell of the pane's rows ends in a digit,
        // a mark or a space before the border.
        let rows = screen.split(separator: "\n").filter { $0.hasPrefix("│ x") || $0.hasPrefix("│ b ") }
        #expect(!rows.isEmpty)
        for row in rows {
            let cells = Array(row)
            for (index, character) in cells.enumerated() where character == "│" && index > 0 {
                let before = cells[index - 1]
                #expect(before == " " || before.isNumber || before == "▲" || before == "▼", "cut: \(row)")
            }
        }
    }

    @Test("at 80x24 the inspector of a 4-sample preset shows every sample's line, the chosen one among them")
    func inspectorShowsEverySampleOfFour() throws {
        var state = AppState(scenario: Preset.and.scenario, scenarioName: "and")
        try KeySequence(parsing: ">>").press(on: &state)
        let screen = Frame.render(state, size: Size(width: 80, height: 24)).text
        #expect(screen.contains("sample 3:  x1 · g'(a1)"), "\(screen)")
        let all = (1...4).allSatisfy { screen.contains("sample \($0):") }
        #expect(all, "\(screen)")
    }

    @Test("with c and v open at 80x24 the walk is still seen", arguments: ["cn", "vn", "cvn"])
    func walkIsSeenWhateverIsOpen(keys: String) throws {
        var state = AppState(scenario: Preset.seed.scenario, scenarioName: "seed")
        try KeySequence(parsing: keys).press(on: &state)
        let screen = Frame.render(state, size: Size(width: 80, height: 24)).text
        #expect(screen.contains("1/4 forward"), "\(screen)")
        #expect(screen.contains("sample 1: a1 = "), "\(screen)")
    }

    @Test(
        "on a network at 80x24 the gradient check and the lr preview keep the curve's place in the walk and the quiz",
        arguments: ["cn", "nc", "vn", "ct"])
    func openPanesKeepTheirPlace(keys: String) throws {
        var state = AppState(scenario: Preset.xorHidden.scenario, scenarioName: "xor-hidden")
        try KeySequence(parsing: keys).press(on: &state)
        let screen = Frame.render(state, size: Size(width: 80, height: 24)).text
        let title = keys.contains("c") ? "Gradient check" : "lr preview"
        #expect(screen.contains(title), "\(screen)")
    }

    @Test(
        "the help shows every line down to 80x20",
        arguments: [Size(width: 80, height: 20), Size(width: 80, height: 24)])
    func helpFits(size: Size) {
        var state = AppState(scenario: Preset.seed.scenario, scenarioName: "seed")
        state.apply(.view(.toggleHelp))
        let screen = Frame.render(state, size: size).text
        for line in HelpOverlay(glyphs: .unicode).lines {
            #expect(screen.contains(" \(line.key) ") && screen.contains(line.meaning), "\(line) at \(size)\n\(screen)")
        }
        #expect(screen.contains(HelpOverlay(glyphs: .unicode).legend), "the change markers at \(size)\n\(screen)")
    }

    @Test("a line too long loses whole words or parts, and says so")
    func linesShortenByWords() {
        #expect(
            LineFit.words("preset seed: the article's example", width: 80, ellipsis: "…")
                == "preset seed: the article's example")
        #expect(LineFit.words("preset seed: the article's example", width: 20, ellipsis: "…") == "preset seed: the …")
        #expect(LineFit.words("abcdefghij", width: 6, ellipsis: "...") == "abc...")
        let bar = StatusBar(
            stepCount: 123_456_789, cost: 0.0027846224530159, learningRate: 1.2345678901234e-5, optimizer: .sgd,
            activity: "running",
            speed: RunSpeed(index: RunSpeed.ladder.count - 2), showsFullCost: false)
        let full = bar.text(width: 200, ellipsis: "…")
        #expect(full.contains("speed"))
        let narrow = bar.text(width: 72, ellipsis: "…")
        #expect(narrow.count <= 72 && !narrow.contains("speed") && narrow.hasSuffix("running"), "\(narrow)")
        let narrower = bar.text(width: 60, ellipsis: "…")
        #expect(narrower.count <= 60 && !narrower.contains("running"), "\(narrower)")
        #expect(narrower.contains("lr 1.2345678901234e-5"), "never half a number: \(narrower)")
    }

    @Test("no text names a colour: under NO_COLOR it would not be true")
    func noColourNames() throws {
        var states: [AppState] = []
        var seed = AppState(scenario: Preset.seed.scenario, scenarioName: "seed")
        for key in ["n", "n", "n", "n", "c", "v", "?"] {
            try KeySequence(parsing: key).press(on: &seed)
            states.append(seed)
        }
        var network = AppState(scenario: Preset.xorHidden.scenario, scenarioName: "xor-hidden")
        for _ in 0..<6 {
            try KeySequence(parsing: "n").press(on: &network)
            states.append(network)
        }
        for state in states {
            for size in [Size(width: 80, height: 24), Size(width: 140, height: 50)] {
                let screen = Frame.render(state, size: size).text.lowercased()
                for colour in ["magenta", "cyan", "yellow", "green", " red ", "blue"] {
                    #expect(!screen.contains(colour), "\(colour) in\n\(screen)")
                }
            }
        }
    }

    @Test("the Model pane follows one rule: 34 free columns beside the layer panes that the cost curve does not need")
    func modelPaneRule() {
        for width in 80...160 {
            for height in [24, 40] {
                let content = Frame.content(of: TestScenarios.seed(), rows: height)
                guard case .panes(let panes) = Layout.make(for: Size(width: width, height: height), content: content)
                else { Issue.record("\(width)x\(height) must fit"); continue }
                let costBesideLayers = panes.cost.y == panes.layers[0].y
                let free = width - panes.layers[0].maxX
                #expect(!panes.model.isEmpty == (!costBesideLayers && free >= 34), "\(width)x\(height)")
                // At 80x24 the cost curve needs that place; from 30 rows it is under the inspector.
                #expect(costBesideLayers == (height == 24), "\(width)x\(height)")
            }
        }
    }
}
