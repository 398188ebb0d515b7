extension Trainer {
    /// Every layer's `NeuronHealth` at the current state, first layer first, from the forward
    /// pass over the training samples the trainer already holds (no pass of its own).
    public var neuronHealth: [NeuronHealth] {
        (0..<network.layerCount).map { l in
            NeuronHealth(layer: l, activation: network.activations[l], preActivation: preActivation(ofLayer: l))
        }
    }
}
