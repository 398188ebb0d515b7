import Benchmark
import BackpropCore
import CNetworkLoop
import NetworkProblem

// Trainer.run(steps:) on a 2-16-16-1 network (tanh, tanh, sigmoid; SSE, seed reduction;
// 256 samples) beside the C floor. A step is ~100 µs, so each measured iteration is 1000 steps
// from the problem's starting state (scaled figures read as time per step). The fresh state is
// made before `startMeasurement`, so mallocs counted are those of the run alone.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal, .instructions],
        timeUnits: .microseconds,
        warmupIterations: 1,
        scalingFactor: .kilo,
        maxDuration: .seconds(10),
        maxIterations: 30
    )
    let scenario = NetworkProblem.scenario()
    let learningRate = NetworkProblem.learningRate

    Benchmark("Swift Trainer.run(steps:) 2-16-16-1") { benchmark in
        var trainer = Trainer(scenario: scenario)
        benchmark.startMeasurement()
        trainer.run(steps: benchmark.scaledIterations.count)
        benchmark.stopMeasurement()
        blackHole(trainer.cost)
    }

    Benchmark("C net_run 2-16-16-1 (floor, fixed sizes)") { benchmark in
        let state = NetworkProblem.cState()
        benchmark.startMeasurement()
        blackHole(net_run(state, benchmark.scaledIterations.count, learningRate))
        benchmark.stopMeasurement()
        net_free(state)
    }

    Benchmark("C net_run_general 2-16-16-1 (sizes at run time)") { benchmark in
        let state = NetworkProblem.cState()
        benchmark.startMeasurement()
        blackHole(net_run_general(state, benchmark.scaledIterations.count, learningRate))
        benchmark.stopMeasurement()
        net_free(state)
    }

    // The interactive path at slow speeds calls run once per step.
    Benchmark("Swift Trainer.run(steps: 1) called 1000 times 2-16-16-1") { benchmark in
        var trainer = Trainer(scenario: scenario)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            trainer.run(steps: 1)
        }
        benchmark.stopMeasurement()
        blackHole(trainer.cost)
    }
}
