/// The order in which an epoch visits the training samples, drawn afresh each epoch from the
/// run's seed: the same numbers on every machine.
///
/// Epoch e's order is a Fisher-Yates shuffle of 0..<n driven by `SeededGenerator` seeded with
/// `seed` mixed with e (`permutation(count:seed:stream:)`, a stream apart from the weights'), so it can be re-made for any epoch
/// without the ones before (going back with `b` needs that). The j-th swap partner is the
/// generator's next 64 bits reduced modulo j + 1.
public enum BatchOrder {
    /// The stream of the test split's draw (`DataSplit.drawn`): apart from every epoch's.
    static let splitStream: UInt64 = 0x8000_0000_0000_0000

    /// A permutation of 0..<`count` for `stream` (an epoch number, or `splitStream`).
    public static func permutation(count: Int, seed: UInt64, stream: UInt64) -> [Int] {
        var order = Array(0..<count)
        shuffle(&order, seed: seed, stream: stream)
        return order
    }

    /// Writes the permutation of 0..<`order.count` for `stream` into `order` (no allocation).
    static func shuffle(_ order: inout [Int], seed: UInt64, stream: UInt64) {
        for k in order.indices { order[k] = k }
        guard order.count > 1 else { return }
        // stream + 1, so that no stream (epoch 0 included) is the seed's own, which draws the
        // starting weights and a generated preset's points.
        var generator = SeededGenerator(seed: seed ^ ((stream &+ 1) &* 0xD6E8_FEB8_6659_FD93))
        for j in stride(from: order.count - 1, to: 0, by: -1) {
            let k = Int(generator.next() % UInt64(j + 1))
            order.swapAt(j, k)
        }
    }
}
