/// The costs a `CostCurve` keeps side by side for each step.
public enum CostSeries: Sendable {
    /// C over every training sample, as the status bar writes it.
    case training
    /// C over the held-out test samples, per sample (`Loss.costPerSample`).
    case test
    /// C over the batch the step descended on, before the step, per sample: the noisy cost a
    /// mini-batch step sees.
    case batch
}
