import BackpropCore
import CDigitsLoop

/// The digits benchmark's problem, the same for the Swift trainer and the C floor: the `digits`
/// preset (64-16-10, tanh then softmax, ce, the mean reduction, batches of 32, 359 of 1,797 held
/// out, lr 0.2) from a seed. The C floor is given the preset's own data, split, starting
/// parameters and each epoch's order (`BatchOrder`), so both sides start from, and step through,
/// the very same numbers.
public enum DigitsProblem {
    /// The preset's scenario for `seed`.
    public static func scenario(seed: UInt64 = 1) -> Scenario {
        Preset.digits.scenario(seed: seed)
    }

    /// The steps of one epoch: ⌈1,438 / 32⌉ = 45.
    public static func stepsPerEpoch(of scenario: Scenario) -> Int {
        BatchPosition.batchesPerEpoch(batchSize: scenario.batchSize, training: scenario.trainingCount)
    }

    /// The order of epoch `epoch + 1`'s training samples, positions in `split.training`, as the
    /// trainer draws it.
    public static func order(epoch: Int, of scenario: Scenario) -> [Int32] {
        BatchOrder.permutation(count: scenario.trainingCount, seed: scenario.seed, stream: UInt64(epoch))
            .map { Int32($0) }
    }

    /// The C floor at the start of `scenario`; free it with `dl_free`.
    public static func cState(of scenario: Scenario) -> OpaquePointer {
        precondition(scenario.network.sizes == [Int(DL_INPUTS), Int(DL_HIDDEN), Int(DL_CLASSES)])
        let training = scenario.split.training.map { Int32($0) }
        let test = scenario.split.test.map { Int32($0) }
        return dl_new(
            scenario.inputs.elements, scenario.targets.elements, training, Int32(training.count), test,
            Int32(test.count), scenario.network.parameters)!
    }

    /// The C state's parameters, copied out.
    public static func parameters(of state: OpaquePointer) -> [Double] {
        Array(UnsafeBufferPointer(start: dl_parameters(state), count: Int(DL_PARAMETERS)))
    }
}
