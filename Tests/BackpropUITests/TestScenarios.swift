import BackpropCore
import BackpropUI

/// States the tests start from.
enum TestScenarios {
    /// The article's example at step 0.
    static func seed(size: Size = Size(width: 80, height: 24)) -> AppState {
        AppState(scenario: Preset.seed.scenario, scenarioName: "seed", size: size)
    }

    /// The article's data with a linear activation and lr 5: every step overshoots further, so
    /// the cost reaches infinity and then NaN within a few hundred steps.
    static func diverging() -> AppState {
        let scenario = try! Scenario(
            inputs: [[1, 2, 3], [3, 2, 1]], targets: [[1, 0], [0, 1]],
            weights: [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]], learningRate: 5, activation: .linear)
        return AppState(scenario: scenario, scenarioName: "diverging")
    }

    /// `samples` samples of two inputs and one target, the shape of a large `--data` file; the
    /// last sample's inputs are long numbers, so a pane that looked at every row would widen.
    static func large(samples: Int, size: Size = Size(width: 80, height: 24)) -> AppState {
        let inputs = (0..<samples).map { s -> [Double] in
            s == samples - 1 ? [0.123456789012, -9.87654321098] : [Double(s % 2), Double(s % 3)]
        }
        let targets = (0..<samples).map { [Double($0 % 2)] }
        let scenario = try! Scenario(inputs: inputs, targets: targets, weights: [[0.5], [-0.25]])
        return AppState(scenario: scenario, scenarioName: "large", size: size)
    }
}
