import BackpropCore

/// Each sample's share of the cost C: its squared errors, scaled the way the loss scales the
/// whole sum, so the shares add up to C.
enum SampleCost {
    /// The share of sample `sample` (0-based) for predictions `prediction`: one row's work, so a
    /// pane pays only for the rows it draws.
    static func cost(sample: Int, prediction: Matrix, targets: Matrix, loss: Loss) -> Double {
        var sumOfSquares = 0.0
        for output in 0..<prediction.columns {
            let error = prediction[sample, output] - targets[sample, output]
            sumOfSquares += error * error
        }
        return loss.cost(sumOfSquares: sumOfSquares, samples: prediction.rows, outputs: prediction.columns)
    }
}
