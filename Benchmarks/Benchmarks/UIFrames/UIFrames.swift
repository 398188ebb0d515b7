import Benchmark
import BackpropCore
import BackpropUI

// The UI's speed goals: a frame must render in well under a millisecond, and at `max` the
// run must reach at least 1,000,000 steps per second with the cost curve recording every step.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal],
        warmupIterations: 2,
        maxDuration: .seconds(3),
        maxIterations: 10_000
    )

    // The state a user sees after running a preset for a while: trained, with a full curve.
    func trainedState(_ preset: Preset, size: Size) -> AppState {
        var state = AppState(scenario: preset.scenario, scenarioName: preset.rawValue, size: size)
        state.trainer.run(steps: 100_000, observer: &state.costCurve)
        return state
    }

    // The seed (one layer) and xor-hidden (2-3-1: two layer panes, the network pane at 120x40).
    for preset in [Preset.seed, .xorHidden] {
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            let name = preset == .seed ? "" : " \(preset.rawValue)"
            Benchmark(
                "Frame.render\(name) \(size.width)x\(size.height)", configuration: .init(timeUnits: .microseconds)
            ) { benchmark in
                let state = trainedState(preset, size: size)
                benchmark.startMeasurement()
                blackHole(Frame.render(state))
            }
        }
    }

    Benchmark(
        "CostCurve.record per step",
        configuration: .init(timeUnits: .nanoseconds, scalingFactor: .mega)
    ) { benchmark in
        var curve = CostCurve()
        benchmark.startMeasurement()
        for step in benchmark.scaledIterations {
            curve.record(step: step, cost: 1.0 / Double(step + 1))
        }
        benchmark.stopMeasurement()
        blackHole(curve.count)
    }

    // What the UI's run path does at `max`: Trainer.run with the cost curve as observer, called
    // from another module (as BackpropUI calls it).
    Benchmark(
        "Trainer.run(steps:observer: CostCurve) per step",
        configuration: .init(timeUnits: .nanoseconds, scalingFactor: .mega)
    ) { benchmark in
        var trainer = Trainer(scenario: Preset.seed.scenario)
        var curve = CostCurve()
        benchmark.startMeasurement()
        trainer.run(steps: benchmark.scaledIterations.count, observer: &curve)
        benchmark.stopMeasurement()
        blackHole(curve.count)
    }
}
