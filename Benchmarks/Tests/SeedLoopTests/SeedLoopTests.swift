import BackpropCore
import CSeedLoop
import Testing

/// The C floor is only a fair comparison if it does the same maths: it must land on the
/// article's cost after 1000 steps and agree with the Swift trainer bit for bit along the way.
@Suite struct SeedLoopTests {
    @Test func cLoopReachesTheArticlesCostAfter1000Steps() {
        var state = seed_start()
        let cost = seed_run(&state, 1000, 0.1)
        #expect(abs(cost - 0.0027846224530159356) <= 1e-12 * 0.0027846224530159356)
    }

    @Test(arguments: [0, 1, 2, 3, 1000, 100_000])
    func cLoopMatchesTheSwiftTrainer(steps: Int) {
        var trainer = Trainer(scenario: Preset.seed.scenario)
        trainer.run(steps: steps)
        var state = seed_start()
        let cost = seed_run(&state, steps, 0.1)
        #expect(cost == trainer.cost)
        let weights = withUnsafeBytes(of: state.w) { Array($0.bindMemory(to: Double.self)) }
        let bias = withUnsafeBytes(of: state.b) { Array($0.bindMemory(to: Double.self)) }
        #expect(weights == trainer.network.layer(0).weights.elements)
        #expect(bias == trainer.network.layer(0).bias)
    }
}
