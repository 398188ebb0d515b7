import BackpropCore

extension Preset {
    /// One line for the status bar when `d` loads the preset.
    var summary: String {
        switch self {
        case .seed: return "the article's example: 3 inputs, 2 outputs, 2 samples"
        case .and: return "logical AND: 2 inputs, 1 output, 4 samples"
        case .or: return "logical OR: 2 inputs, 1 output, 4 samples"
        case .xor: return "XOR, which one layer cannot learn: 2 inputs, 1 output, 4 samples"
        case .xorHidden: return "XOR with a hidden layer of 3 tanh neurons (2-3-1), which learns it"
        case .circle: return "inside or outside a circle: 2 inputs, 1 output, 50 samples, 2-4-1 network"
        case .spiral: return "two interleaved spirals: 2 inputs, 1 output, 80 samples, 2-8-8-1 network"
        case .rings: return "a disc and two rings, 3 classes: softmax and ce, 60 samples, 2-8-3 network"
        case .gauss: return "two Gaussian clusters, one line apart: 2 inputs, 1 output, 50 samples, 2-2-1 network"
        case .overfit: return "overfitting: 20 noisy samples, 20 held out to test, a 2-16-16-1 network"
        case .deepSigmoid: return "the vanishing gradient: a circle, 50 samples, sigmoids in a 2-8-8-8-8-1 network"
        case .digits: return "handwritten digits: 1,797 8x8 images, 359 held out, batches of 32, a 64-16-10 network"
        }
    }
}
