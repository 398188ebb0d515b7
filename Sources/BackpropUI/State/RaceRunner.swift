import BackpropCore
import Foundation

/// One optimizer of a race: its own trainer, its cost curve, and its lane (the place in the
/// race, which gives its marker and colour on the cost pane).
///
/// Lane 0 is the run on screen (`AppState.trainer`, whose curve is drawn as the dotted line);
/// lanes 1 to 4 are the others, drawn as one marker per column (`o + x *`) so that they read
/// without colour too.
public struct RaceRunner: Equatable, Sendable {
    /// The runner's run: the state the race started from, under its own optimizer.
    public internal(set) var trainer: Trainer
    /// Its costs from the step it joined the race (or from step 0 for lane 0).
    public internal(set) var costCurve: CostCurve
    /// 0 for the run on screen, 1 to 4 for the others, in the order the race names them.
    public let lane: Int

    /// The most runners a race has, lane 0 included: more curves than this on one cost pane
    /// cannot be told apart (the markers run out).
    public static let limit = 5

    /// The markers of lanes 1 to 4: 7-bit, so the same in ASCII, and unlike the curve's dots.
    static let markers: [Character] = ["o", "+", "x", "*"]

    /// A runner in `lane` with `trainer` and its curve so far.
    init(trainer: Trainer, costCurve: CostCurve, lane: Int) {
        self.trainer = trainer
        self.costCurve = costCurve
        self.lane = lane
    }

    /// `trainer` under the update rule `name` (same hyperparameters and lr, its state afresh),
    /// in `lane`; its curve starts at the trainer's step.
    init(from trainer: Trainer, named name: OptimizerName, lane: Int) {
        let own = trainer.under(name)
        var curve = CostCurve()
        curve.record(step: own.stepCount, cost: own.cost)
        self.init(trainer: own, costCurve: curve, lane: lane)
    }

    /// The runner's optimizer.
    public var name: OptimizerName { trainer.optimizer.name }

    /// Whether its run diverged (its cost, a parameter or its optimizer's state stopped being
    /// finite): it takes no more steps, its curve ends there.
    public var hasDiverged: Bool { trainer.hasDiverged }

    /// The lane's marker on the cost pane; `nil` for lane 0, the dotted line.
    var marker: Character? { lane == 0 ? nil : RaceRunner.markers[(lane - 1) % RaceRunner.markers.count] }

    /// The lane's colour: lane 0 keeps the curve's yellow, so the run on screen looks as it did
    /// before the race.
    var color: Color { lane == 0 ? .yellow : .runner(lane) }

    /// The cost as the legend and the status bar write it: 4 significant digits, enough to tell
    /// the runners apart at a glance and short enough for five on one line; "diverged" when
    /// the run has (a weight of -inf can leave the cost finite).
    var costText: String { hasDiverged ? "diverged" : RaceRunner.costText(trainer.cost) }

    /// `cost` in 4 significant digits, so that runners far apart in size all read ("0.01234",
    /// "1.000e-5", with the short exponent every number has), or "diverged".
    static func costText(_ cost: Double) -> String {
        cost.isFinite ? DecimalNumber.shortExponent(String(format: "%#.4g", cost)) : "diverged"
    }

    /// Up to `steps` steps on the allocation-free path, each cost recorded on the curve; stops
    /// after a step whose cost is not finite, as `Trainer.run` does. Returns the steps taken.
    @discardableResult
    mutating func run(steps: Int) -> Int {
        trainer.run(steps: steps, observer: &costCurve)
    }
}
