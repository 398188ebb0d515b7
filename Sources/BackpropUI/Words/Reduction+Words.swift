import BackpropCore

extension Reduction {
    /// The word the inspector uses for how the samples combine into b's step.
    var biasCombination: String { averagesBias ? "mean" : "sum" }

    /// What W's step is made of, from a layer's `input` ("x", or "h" for every layer of a
    /// network): "xᵀδ", or "xᵀδ/N" when the reduction averages it.
    func weightStep(input: String, glyphs: Glyphs) -> String {
        "\(input)\(glyphs.transpose)\(glyphs.delta)" + (averagesWeights ? "/N" : "")
    }
}
