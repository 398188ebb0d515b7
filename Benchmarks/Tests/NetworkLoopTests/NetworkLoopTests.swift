import BackpropCore
import CNetworkLoop
import NetworkProblem
import Testing

/// The C floor for the 2-16-16-1 network is only a fair comparison if it does the same maths.
/// Both loops run the same sums in the same order, so they agree bit for bit (cost and every
/// parameter), not just to the 1e-9 a fair comparison needs.
@Suite struct NetworkLoopTests {
    @Test func theProblemIsTheSameOnBothSides() {
        let (_, y, parameters) = NetworkProblem.arrays()
        let trainer = Trainer(scenario: NetworkProblem.scenario())
        #expect(trainer.network.sizes == [2, 16, 16, 1])
        #expect(trainer.network.activations == [.tanh, .tanh, .sigmoid])
        #expect(trainer.network.parameters == parameters)
        #expect(y.filter { $0 == 1 }.count == 96)
        let state = NetworkProblem.cState()
        defer { net_free(state) }
        #expect(net_cost(state) == trainer.cost)
    }

    @Test(arguments: [0, 1, 2, 3, 100, 10_000])
    func cLoopMatchesTheSwiftTrainer(steps: Int) {
        var trainer = Trainer(scenario: NetworkProblem.scenario())
        trainer.run(steps: steps)
        for general in [false, true] {
            let state = NetworkProblem.cState()
            defer { net_free(state) }
            let lr = NetworkProblem.learningRate
            let cost = general ? net_run_general(state, steps, lr) : net_run(state, steps, lr)
            // The agreement a fair comparison needs...
            #expect(abs(cost - trainer.cost) <= 1e-9)
            // ...and what the shared order of operations gives.
            #expect(cost == trainer.cost)
            #expect(NetworkProblem.parameters(of: state) == trainer.network.parameters)
        }
        if steps == 10_000 {
            // Training, not standing still: from 63.7 at step 0.
            #expect(trainer.cost < 1)
        }
    }

    /// `run(steps: 1)` repeated is the same as one long run.
    @Test func runOneStepAtATimeMatchesOneRun() {
        var whole = Trainer(scenario: NetworkProblem.scenario())
        whole.run(steps: 50)
        var single = Trainer(scenario: NetworkProblem.scenario())
        for _ in 0..<50 { single.run(steps: 1) }
        #expect(single.cost == whole.cost)
        #expect(single.network.parameters == whole.network.parameters)
    }
}
