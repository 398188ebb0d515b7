import BackpropCore

/// Remembers every (step, cost) a run reports, to check what the observer saw and in what order.
struct CostRecorder: CostObserver {
    private(set) var steps: [Int] = []
    private(set) var costs: [Double] = []

    mutating func record(step: Int, cost: Double) {
        steps.append(step)
        costs.append(cost)
    }
}
