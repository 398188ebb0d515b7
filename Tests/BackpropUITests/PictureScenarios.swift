import BackpropCore
import BackpropUI

/// States of data that is pictures, for the drawing's tests.
enum PictureScenarios {
    /// 3x2 pictures of two classes (6-2, softmax, ce): four samples, quick to train and compare.
    static func tiny(size: Size = Size(width: 80, height: 24)) -> AppState {
        var scenario = try! Scenario(
            inputs: [[1, 1, 1, 0, 0, 0], [0, 0, 0, 1, 1, 1], [1, 0, 1, 0, 0, 0], [0, 0, 0, 1, 0, 1]],
            targets: [[1, 0], [0, 1], [1, 0], [0, 1]],
            layers: [
                ScenarioLayer(
                    weights: [[0.1, -0.2], [0.3, 0.1], [-0.1, 0.2], [0.2, -0.3], [0.05, 0.1], [-0.2, 0.1]],
                    bias: [0.01, -0.01], activation: .softmax)
            ], learningRate: 0.5, loss: .ce, reduction: .mean)
        try! scenario.setImage(ImageShape(width: 3, height: 2))
        return AppState(scenario: scenario, scenarioName: "tiny", size: size)
    }

    /// The digits preset at step 0.
    static func digits(size: Size = Size(width: 80, height: 24), ascii: Bool = false, color: Bool = true) -> AppState {
        AppState(
            scenario: Preset.digits.scenario, scenarioName: "digits",
            options: RenderOptions(ascii: ascii, color: color),
            size: size)
    }
}
