import BackpropCore
@testable import BackpropUI
import Testing

/// The title line keeps what the class is looking at: the name, the network, the lr and the
/// optimizer go last, whole parts are left out, and nothing is cut mid-word.
@Suite("the title line keeps what matters")
struct TitleBarTests {
    private func title(
        _ name: String, scenario: Scenario = Preset.seed.scenario, optimizer: OptimizerName = .sgd
    ) -> TitleBar {
        let trainer = Trainer(scenario: scenario)
        return TitleBar(
            scenarioName: name, network: trainer.network, loss: trainer.loss, reduction: trainer.reduction,
            optimizer: trainer.optimizer.named(optimizer), learningRate: trainer.learningRate)
    }

    private func text(_ bar: TitleBar, width: Int) -> String {
        let (program, rest) = bar.parts(width: width, glyphs: .unicode)
        return program + rest
    }

    @Test("--activation linear --lr 0.5 at 80 columns: the preset, its activation and its lr")
    func changedPreset() throws {
        let scenario = try Scenario(
            inputs: [[1, 2, 3], [3, 2, 1]], targets: [[1, 0], [0, 1]],
            weights: [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]],
            learningRate: 0.5, activation: .linear)
        let line = text(title("seed --lr 0.5 --activation linear", scenario: scenario), width: 80)
        #expect(line.hasPrefix(" backprop-tui · seed (changed) · linear · lr 0.5"), "\(line)")
        #expect(!line.contains("…") && !line.contains("--"), "\(line)")
    }

    @Test("a data file with --lr 0.5 at 80 columns shows the lr")
    func dataFile() {
        var bar = title("/tmp/words/two.csv")
        bar.learningRate = 0.5
        let line = text(bar, width: 80)
        #expect(line.contains("· /tmp/words/two.csv · sigmoid · lr 0.5"), "\(line)")
    }

    @Test(
        "at every width the parts shown are the most important ones, whole, and leave room for ? help",
        arguments: [
            ("xor-hidden", Preset.xorHidden.scenario, OptimizerName.adam),
            ("spiral --seed 3 --lr 0.3", Preset.spiral.scenario, OptimizerName.momentum),
            ("rings", Preset.rings.scenario, OptimizerName.sgd),
        ])
    func ranked(name: String, scenario: Scenario, optimizer: OptimizerName) {
        let bar = title(name, scenario: scenario, optimizer: optimizer)
        let ranked = bar.details
        for width in 30...220 {
            let (program, rest) = bar.parts(width: width, glyphs: .unicode)
            #expect(DisplayWidth.of(program + rest) + 1 + DisplayWidth.of(TitleBar.help) <= width, "\(width): \(rest)")
            let shown = rest.components(separatedBy: " · ").dropFirst(2)
            // The parts after the name are the first of the ranked list, each whole.
            #expect(Array(shown) == Array(ranked.prefix(shown.count)), "\(width): \(rest)")
            #expect(!rest.contains("…"), "\(width): \(rest)")
            // The name is whole, or shortened to the preset's bare name, or left out.
            let shownName = rest.components(separatedBy: " · ").dropFirst().first ?? ""
            let bare = name.components(separatedBy: " --")[0]
            #expect(
                ["preset \(bare)", "\(bare) (changed)", bare, ""].contains(shownName), "\(width): \(rest)")
        }
    }

    @Test("a mini-batch run names its batch, penalty, test split and features from the trainer, ranked after the lr")
    func miniBatchRun() throws {
        var scenario = try Preset.circle.scenario(seed: 1, features: [.x1Squared, .x2Squared], hidden: [])
        try scenario.setBatchSize(8)
        try scenario.setPenalty(.l2(0.01))
        scenario.setSplit(try DataSplit.drawn(count: scenario.sampleCount, ratio: 0.2, seed: 1))
        let trainer = Trainer(scenario: scenario)
        var bar = TitleBar(
            scenarioName: "circle --batch 8 --l2 0.01 --test-ratio 0.2 --features x1^2,x2^2 --hidden none --seed 3",
            network: trainer.network, loss: trainer.loss, reduction: trainer.reduction, optimizer: trainer.optimizer,
            learningRate: trainer.learningRate, batchSize: trainer.miniBatchSize, penalty: trainer.penalty,
            testCount: scenario.split.test.count, features: scenario.features)
        let wide = text(bar, width: 200)
        #expect(
            wide.contains(" · sigmoid · x1^2,x2^2 · lr 2 · batch 8 · L2 0.01 · test 10 · --hidden none · --seed 3 · "),
            "\(wide)")
        for flag in ["--batch", "--l2", "--test-ratio", "--features"] {
            #expect(!wide.contains(flag), "shown by its own part, not twice: \(wide)")
        }
        // Short of room, the flags go first, then the test split, the penalty, the batch; the lr stays.
        let narrow = text(bar, width: 80)
        #expect(narrow.contains("lr 2") && !narrow.contains("--seed"), "\(narrow)")
        let ranked = bar.details
        #expect(ranked.firstIndex(of: "batch 8")! < ranked.firstIndex(of: "L2 0.01")!)
        #expect(ranked.firstIndex(of: "L2 0.01")! < ranked.firstIndex(of: "test 10")!)
        #expect(ranked.firstIndex(of: "lr 2")! < ranked.firstIndex(of: "batch 8")!)
        // Keys change the batch and the penalty: the title follows the trainer, not the flags.
        bar.batchSize = nil
        bar.penalty = .l1(0.003)
        let changed = text(bar, width: 200)
        #expect(!changed.contains("batch") && changed.contains(" · L1 0.003 · "), "\(changed)")
    }

    @Test("a long path keeps its file name whole, cut at a slash")
    func longPath() {
        let bar = title("/home/teacher/lessons/2025/autumn/week-03/xor-with-noise.csv")
        for width in 20...80 {
            let (_, rest) = bar.parts(width: width, glyphs: .unicode)
            guard !rest.isEmpty else { continue }
            #expect(rest.hasPrefix(" · /home/") || rest.hasPrefix(" · …/"), "\(width): \(rest)")
            #expect(rest.contains("/xor-with-noise.csv"), "\(width): \(rest)")
        }
        #expect(bar.parts(width: 52, glyphs: .unicode).rest == " · …/week-03/xor-with-noise.csv")
    }

    @Test("four yes-or-no outputs at 80x24: the predictions say which outputs they show, in parentheses after ŷ")
    func predictionsTitle() throws {
        // Not one-hot (each output its own yes or no), so the pane keeps an output a column group.
        let scenario = try Scenario(
            inputs: [[0, 1], [1, 0], [1, 1]], targets: [[1, 0, 1, 1], [0, 1, 1, 0], [1, 1, 0, 0]],
            weights: [[0.1, 0.2, 0.3, 0.4], [0.5, 0.6, 0.7, 0.8]], activation: .sigmoid)
        let state = AppState(scenario: scenario, scenarioName: "four")
        let lines = Frame.render(state, size: Size(width: 80, height: 24)).text.components(separatedBy: "\n")
        let title = try #require(lines.first { $0.contains("Predictions") })
        #expect(title.contains("Predictions ŷ = g(xW + b) (ŷ1-ŷ2 of 4 shown) · "), "\(title)")
    }
}
