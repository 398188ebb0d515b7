/// Where the next step falls in the epochs: "epoch 3 · batch 2/10".
public struct BatchPosition: Hashable, Sendable {
    /// The epoch the next step is part of, from 1.
    public let epoch: Int
    /// The next step's batch within its epoch, from 1.
    public let batch: Int
    /// The batches of the epoch: ⌈n/N⌉ for an epoch at one batch size (a size changed within an
    /// epoch counts the batches the epoch has then).
    public let batches: Int
    /// The samples of the next step's batch (the last of an epoch may be smaller).
    public let size: Int

    /// The steps of a whole epoch with batches of `batchSize` (nil: all) over `training`
    /// samples: ⌈n/N⌉.
    public static func batchesPerEpoch(batchSize: Int?, training: Int) -> Int {
        let size = min(batchSize ?? training, training)
        return (training + size - 1) / size
    }

    /// The position after `samplesIntoEpoch` of `training` samples were used in epoch
    /// `completedEpochs + 1`, with batches of `batchSize` (nil: all).
    public init(completedEpochs: Int, samplesIntoEpoch: Int, batchSize: Int?, training: Int) {
        let size = min(batchSize ?? training, training)
        let done = (samplesIntoEpoch + size - 1) / size
        epoch = completedEpochs + 1
        batch = done + 1
        batches = done + (training - samplesIntoEpoch + size - 1) / size
        self.size = min(size, training - samplesIntoEpoch)
    }
}
