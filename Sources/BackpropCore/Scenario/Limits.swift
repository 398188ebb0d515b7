/// The largest input, data and network the program takes. Each bound keeps what a user can ask
/// for (a file, `--hidden`, a scenario file's `layers`) within what a teacher's laptop or a
/// shared ssh machine trains at a watchable pace, and anything larger is refused with one line
/// before it is read or built, never by running out of memory halfway.
public enum Limits {
    /// The most bytes an input file (a scenario or CSV data) may hold: 32 MiB. Larger is
    /// refused before reading it (a pipe, whose size is not known, when more arrives), so
    /// `--data /dev/zero` or a runaway generator cannot fill the memory. 100,000 rows of a few
    /// columns take a few MB; 32 MiB leaves room for long decimals and pretty-printed JSON.
    public static let inputFileBytes = 33_554_432

    /// The most samples (rows of x) a scenario may have, from a CSV file or a scenario file:
    /// more would not fit any pane and would only slow every step.
    public static let samples = 100_000

    /// The most parameters (every weight and bias) a network may have. A step keeps a gradient,
    /// an optimizer's state and the history's checkpoints per parameter, and the screen names
    /// each one: a million is far beyond any lesson, yet `--hidden 100000` on two inputs fits.
    public static let parameters = 1_000_000

    /// The most work one step may take, counted as samples x parameters (each parameter's
    /// gradient sums one term per sample): 50 million multiply-adds is well under a second, so
    /// `s` answers and the visualiser stays responsive. A large network needs a small sample.
    public static let workPerStep = 50_000_000

    /// The most numbers one step may keep: a, h, g'(a), e and δ for every sample and neuron,
    /// and two per parameter (the gradient and the update), 256 MB of doubles. The work limit
    /// alone would let 100,000 samples through a 1-166-1 network keep 1.3 GB; this keeps a step
    /// within what a shared machine spares.
    public static let stepNumbers = 32_000_000

    /// The most layers a network may have: far more than any lesson needs, and the layer panes'
    /// names stay short.
    public static let layers = 32

    /// The number of parameters of a network of these sizes (the inputs, then each layer's
    /// outputs): (inputs + 1) x outputs per layer, W and b. Nil when the count does not fit in
    /// an `Int`: sizes come from flags and files, so the arithmetic must not trap.
    public static func parameterCount(sizes: [Int]) -> Int? {
        var total = 0
        for (inputs, outputs) in zip(sizes, sizes.dropFirst()) {
            let (fanIn, overflowedAdd) = inputs.addingReportingOverflow(1)
            let (layer, overflowedMultiply) = fanIn.multipliedReportingOverflow(by: outputs)
            let (sum, overflowedSum) = total.addingReportingOverflow(layer)
            guard !overflowedAdd, !overflowedMultiply, !overflowedSum else { return nil }
            total = sum
        }
        return total
    }

    /// What a network of these sizes (the inputs, then each layer's outputs) on `samples`
    /// samples would exceed, checked in the order a user would fix them (layers, samples,
    /// parameters, then the work and the memory of a step), or nil when it fits. Nothing is allocated,
    /// so a mistyped `--hidden 999999999` costs nothing.
    public static func excess(sizes: [Int], samples: Int) -> LimitExcess? {
        let layerCount = sizes.count - 1
        if layerCount > layers { return .layers(layerCount) }
        if samples > self.samples { return .samples(samples) }
        guard let count = parameterCount(sizes: sizes) else { return .parameters(nil) }
        if count > parameters { return .parameters(count) }
        // Both factors are within their limits here, so the product fits in an Int.
        if samples * count > workPerStep { return .work(samples: samples, parameters: count) }
        // Every layer has at most as many neurons as parameters, so this fits in an Int too.
        let neurons = sizes.dropFirst().reduce(0, +)
        let numbers = 5 * samples * neurons + 2 * count
        if numbers > stepNumbers { return .memory(numbers: numbers) }
        return nil
    }
}
