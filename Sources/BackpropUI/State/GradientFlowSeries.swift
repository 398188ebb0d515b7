import BackpropCore

/// The gradient's size per layer, ‖∂C/∂Wˡ‖, at each state the run reached, for the Gradient
/// flow pane (`F`): recorded while the pane is closed too, so that opening it shows the past.
///
/// One point per state the update reaches (after `s`, after each `advance` of a running
/// frame), not one per step: a gradient costs a backward pass, and a frame at max speed takes
/// thousands of steps. Each layer's points go into a `CostCurve`, whose bucketing keeps the
/// memory bounded however long the program runs (buckets of 2ⁿ steps, merged pairwise when
/// full; the steps between points are empty buckets, which draw nothing).
public struct GradientFlowSeries: Equatable, Sendable {
    /// Buckets per layer: more than the widest pane has columns.
    public static let capacity = 512

    /// One curve per layer, first layer first; a curve's "cost" is the layer's norm.
    public private(set) var layers: [CostCurve]

    /// An empty series for a network of `layerCount` layers.
    public init(layerCount: Int) {
        layers = Array(repeating: CostCurve(capacity: GradientFlowSeries.capacity), count: layerCount)
    }

    /// The series of `trainer`'s run so far: its current state's norms.
    init(startingAt trainer: Trainer) {
        self.init(layerCount: trainer.network.layerCount)
        record(trainer)
    }

    /// The last step recorded (-1 before any).
    public var lastStep: Int { layers.first?.lastStep ?? -1 }

    /// Records the norms at `trainer`'s state (`Trainer.gradientNorms()`), unless its step is
    /// already recorded: a change that is not a step (lr, an edit, the optimizer) keeps the
    /// step, and its point stays the one the step reached.
    mutating func record(_ trainer: Trainer) {
        guard trainer.stepCount > lastStep else { return }
        record(step: trainer.stepCount, norms: trainer.gradientNorms())
    }

    /// Records `norms`, one per layer, as step `step`'s (ignored unless after the last step).
    public mutating func record(step: Int, norms: [Double]) {
        precondition(norms.count == layers.count, "one norm per layer")
        for l in layers.indices { layers[l].record(step: step, cost: norms[l]) }
    }

    /// After going back to `trainer`'s state: forgets every point after its step (a bucket that
    /// held it and later steps goes whole, as the cost curve's does) and records its norms.
    mutating func rewind(to trainer: Trainer) {
        guard lastStep > trainer.stepCount else { return }
        for l in layers.indices { _ = layers[l].truncate(from: trainer.stepCount) }
        record(trainer)
    }
}
