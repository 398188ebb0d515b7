import Foundation

/// The article's example computed by hand in the test, from its equations alone (x, y, W, b,
/// the sigmoid, C = Σ (ŷ - y)², δ = g'(a) · 2(ŷ - y), W -= lr xᵀδ, b -= lr mean δ), so the
/// inspector's numbers are checked against something the program did not compute.
struct ArticleByHand {
    var x: [[Double]] = [[1, 2, 3], [3, 2, 1]]
    var y: [[Double]] = [[1, 0], [0, 1]]
    var w: [[Double]] = [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]]
    var b: [Double] = [0, 0]
    var lr = 0.1

    func a(_ s: Int, _ j: Int) -> Double {
        var sum = b[j]
        for i in 0..<x[s].count { sum += x[s][i] * w[i][j] }
        return sum
    }
    func prediction(_ s: Int, _ j: Int) -> Double { 1 / (1 + exp(-a(s, j))) }
    func derivative(_ s: Int, _ j: Int) -> Double { prediction(s, j) * (1 - prediction(s, j)) }
    func costGradient(_ s: Int, _ j: Int) -> Double { 2 * (prediction(s, j) - y[s][j]) }
    func delta(_ s: Int, _ j: Int) -> Double { derivative(s, j) * costGradient(s, j) }
    /// x_i · g'(a_j) · 2(ŷ_j - y_j) of sample s.
    func weightTerm(_ s: Int, _ i: Int, _ j: Int) -> Double { x[s][i] * derivative(s, j) * costGradient(s, j) }
    func weightGradient(_ i: Int, _ j: Int) -> Double { (0..<x.count).reduce(0) { $0 + weightTerm($1, i, j) } }
    func biasGradient(_ j: Int) -> Double { (0..<x.count).reduce(0) { $0 + delta($1, j) } }
    var cost: Double {
        var sum = 0.0
        for s in 0..<x.count { for j in 0..<y[s].count { sum += pow(prediction(s, j) - y[s][j], 2) } }
        return sum
    }

    /// One step of the article's update.
    mutating func step() {
        let gw = (0..<w.count).map { i in (0..<b.count).map { j in weightGradient(i, j) } }
        let gb = (0..<b.count).map { biasGradient($0) / Double(x.count) }
        for i in 0..<w.count { for j in 0..<b.count { w[i][j] -= lr * gw[i][j] } }
        for j in 0..<b.count { b[j] -= lr * gb[j] }
    }

    /// "%.4f", the way the inspector prints at 80 columns.
    static func four(_ value: Double) -> String { String(format: "%.4f", value) }
}
