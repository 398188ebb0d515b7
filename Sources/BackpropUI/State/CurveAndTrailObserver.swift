import BackpropCore

/// What a run on the fast path records for the screen: every step's cost on the cost curve, and
/// every step's parameters on the trail the Landscape pane draws the path of descent from.
struct CurveAndTrailObserver: CostObserver {
    /// The cost curve the steps' costs go to.
    var curve: CostCurve
    /// The trail the steps' parameters go to.
    var trail: ParameterTrail

    /// What the state holds while a run has its curve and trail: storage-free stand-ins, so the
    /// observer's are the only references and a step never copies them.
    static let placeholderCurve = CostCurve(capacity: 2)
    static let placeholderTrail = ParameterTrail(parameterCount: 0)

    @inline(__always)
    mutating func record(step: Int, cost: Double) {
        curve.record(step: step, cost: cost)
    }

    mutating func record(_ report: StepReport) {
        curve.record(report)
    }

    func wantsReport(afterStep step: Int) -> Bool {
        curve.wantsReport(afterStep: step)
    }

    var wantsParameters: Bool { true }

    @inline(__always)
    mutating func record(parameters: UnsafeBufferPointer<Double>, afterStep step: Int) {
        trail.record(parameters: parameters, afterStep: step)
    }
}
