import BackpropCore

/// Each sample's share of the cost C: its squared errors, scaled the way the loss scales the
/// whole sum, so the shares add up to C.
enum SampleCost {
    static func costs(of trainer: Trainer) -> [Double] {
        let prediction = trainer.prediction
        let targets = trainer.scenario.targets
        return (0..<prediction.rows).map { sample in
            var sumOfSquares = 0.0
            for output in 0..<prediction.columns {
                let error = prediction[sample, output] - targets[sample, output]
                sumOfSquares += error * error
            }
            return trainer.loss.cost(sumOfSquares: sumOfSquares, samples: prediction.rows, outputs: prediction.columns)
        }
    }
}
