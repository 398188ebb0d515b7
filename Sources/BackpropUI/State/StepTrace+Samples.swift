import BackpropCore

extension StepTrace {
    /// The row of the trace that holds data sample `sample` (0-based, in the data as loaded), or
    /// nil when the step does not use it (another batch's sample, or a test sample).
    func row(of sample: Int) -> Int? {
        // Every sample in data order (the article's full batch): the row is the sample.
        if sample >= 0, sample < samples.count, samples[sample] == sample { return sample }
        return samples.firstIndex(of: sample)
    }

    /// The sample the step-explaining panes follow when `selected` is chosen: `selected` when the
    /// step uses it, else the step's first sample (a step has moved on to another batch).
    func followed(_ selected: Int) -> Int {
        row(of: selected) == nil ? (samples.first ?? selected) : selected
    }

    /// Whether the step descends on a mini-batch rather than on every training sample.
    var isMiniBatch: Bool { position.batches > 1 }
}
