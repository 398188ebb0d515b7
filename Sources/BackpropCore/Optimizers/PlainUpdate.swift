/// sgd: θ -= lr·g, the article's update, exactly as it was before optimizers.
struct PlainUpdate: UpdateRule {
    let learningRate: Double

    @inline(__always)
    func at(step t: Int) -> PlainUpdate { self }

    @inline(__always)
    func update(
        _ parameter: inout Double, first: UnsafeMutablePointer<Double>, second: UnsafeMutablePointer<Double>,
        direction g: Double
    ) -> Double {
        parameter -= learningRate * g
        return -0.0
    }
}
