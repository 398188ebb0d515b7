import Benchmark
import BackpropCore
import CSeedLoop

// Each measured iteration runs one million steps of the seed scenario from its starting state,
// so the harness's own overhead is noise and the scaled figures read as time per step. The
// fresh state is made before `startMeasurement`, so mallocs counted are those of the run alone.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal, .instructions],
        timeUnits: .nanoseconds,
        warmupIterations: 2,
        scalingFactor: .mega,
        maxDuration: .seconds(5),
        maxIterations: 100
    )
    let scenario = Preset.seed.scenario
    let learningRate = scenario.learningRate

    Benchmark("Swift Trainer.run(steps:) seed") { benchmark in
        var trainer = Trainer(scenario: scenario)
        benchmark.startMeasurement()
        trainer.run(steps: benchmark.scaledIterations.count)
        benchmark.stopMeasurement()
        blackHole(trainer.cost)
    }

    Benchmark("C seed_run seed (floor)") { benchmark in
        var state = seed_start()
        benchmark.startMeasurement()
        blackHole(seed_run(&state, benchmark.scaledIterations.count, learningRate))
        benchmark.stopMeasurement()
    }

    // The interactive path at slow speeds calls run once per step: this is the per-call
    // overhead on top of the step itself.
    Benchmark("Swift Trainer.run(steps: 1) called 1M times") { benchmark in
        var trainer = Trainer(scenario: scenario)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            trainer.run(steps: 1)
        }
        benchmark.stopMeasurement()
        blackHole(trainer.cost)
    }

    // The interactive single step, which builds a StepTrace of every intermediate: it allocates
    // by design, and its non-zero malloc count shows the counter above is live.
    Benchmark("Swift Trainer.step() with trace", configuration: .init(scalingFactor: .kilo)) { benchmark in
        var trainer = Trainer(scenario: scenario)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(trainer.step())
        }
        benchmark.stopMeasurement()
    }
}
