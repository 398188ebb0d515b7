import BackpropCore
import Testing

/// The output `--data --hidden` picks when `--activation` is not given: one the targets can be
/// reached by, or the one the loss requires.
@Suite struct HiddenLayerDefaultsTests {
    @Test func theOutputSuitsTheTargets() {
        let classes = Matrix([[0], [1], [1]])
        let probabilities = Matrix([[0.25], [1]])
        let signs = Matrix([[-1], [1]])
        let numbers = Matrix([[-3.5], [12]])
        #expect(HiddenLayerDefaults.outputActivation(targets: classes, loss: .sse) == .sigmoid)
        #expect(HiddenLayerDefaults.outputActivation(targets: probabilities, loss: .mse) == .sigmoid)
        #expect(HiddenLayerDefaults.outputActivation(targets: signs, loss: .sse) == .tanh)
        #expect(HiddenLayerDefaults.outputActivation(targets: numbers, loss: .sse) == .linear)
    }

    @Test func aCrossEntropyGetsTheOutputItRequires() {
        let oneHot = Matrix([[1, 0], [0, 1]])
        #expect(HiddenLayerDefaults.outputActivation(targets: oneHot, loss: .ce) == .softmax)
        #expect(HiddenLayerDefaults.outputActivation(targets: oneHot, loss: .bce) == .sigmoid)
        #expect(
            HiddenLayerDefaults.activations(layerCount: 3, targets: oneHot, loss: .ce) == [.tanh, .tanh, .softmax])
    }
}
