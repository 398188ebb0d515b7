import BackpropCore
import Foundation
import Testing

/// The loss landscape: every cell the exact cost at its centre, the window around the path, the
/// trail of the states a run passed through.
@Suite("the loss landscape")
struct LandscapeTests {
    /// An observer that keeps the trail, as the visualiser and `--landscape` do.
    struct TrailKeeper: CostObserver {
        var trail: ParameterTrail
        mutating func record(step: Int, cost: Double) {}
        var wantsParameters: Bool { true }
        mutating func record(parameters: UnsafeBufferPointer<Double>, afterStep step: Int) {
            trail.record(parameters, step: step)
        }
    }

    @Test(
        "every cell is the cost of the network with the two parameters at its centre, bit for bit",
        arguments: [Preset.seed.scenario, Preset.spiral.scenario(seed: 2)])
    func cellsAreTheForwardPass(scenario: Scenario) throws {
        var trainer = Trainer(scenario: scenario)
        trainer.run(steps: 3)
        let indices = trainer.network.parameterIndices
        // x in the first layer, and x in the last (whose rows skip the layers below it).
        for (x, y) in [(indices[1], indices.last!), (indices[indices.count - 2], indices[0])] {
            try checkCells(of: trainer, x: x, y: y)
        }
    }

    func checkCells(of trainer: Trainer, x: ParameterIndex, y: ParameterIndex) throws {
        var landscape = Landscape(
            x: x, y: y, window: LandscapeWindow(x: -1...2, y: -3...0.5), columns: 7, rows: 5)
        landscape.finish(with: trainer)
        #expect(landscape.costs.count == 35)
        for row in 0..<5 {
            for column in 0..<7 {
                var network = trainer.network
                network[x] = landscape.xValue(column: column)
                network[y] = landscape.yValue(row: row)
                #expect(landscape.cost(column: column, row: row).bitPattern == trainer.cost(of: network).bitPattern)
            }
        }
        #expect(abs(landscape.xValue(column: 0) - (-1 + 3.0 / 14)) < 1e-15)
        #expect(abs(landscape.yValue(row: 4) - (0.5 - 3.5 / 10)) < 1e-15)
    }

    @Test("with a penalty each cell adds the penalty of its own weights")
    func cellsIncludeThePenalty() throws {
        var scenario = Preset.circle.scenario(seed: 1)
        try scenario.setPenalty(.l2(0.05))
        let trainer = Trainer(scenario: scenario)
        let x = ParameterIndex.weight(layer: 0, row: 0, column: 0)
        let y = ParameterIndex.bias(layer: 1, column: 0)
        var landscape = Landscape(x: x, y: y, window: LandscapeWindow(x: -4...4, y: -2...2), columns: 3, rows: 2)
        landscape.finish(with: trainer)
        var network = trainer.network
        network[x] = landscape.xValue(column: 2)
        network[y] = landscape.yValue(row: 1)
        // circle's reduction is mean: the weights descend C/N + the penalty.
        #expect(scenario.reduction == .mean)
        let expected = trainer.cost(of: network) / 50 + Penalty.l2(0.05).value(of: network)
        #expect(landscape.cost(column: 2, row: 1) == expected)
        #expect(Penalty.l2(0.05).value(of: network) > 0.01)
    }

    @Test("a landscape made a row at a time says how far it got")
    func rowsAtATime() {
        let trainer = Trainer(scenario: Preset.seed.scenario)
        var landscape = Landscape(
            x: .weight(layer: 0, row: 0, column: 0), y: .weight(layer: 0, row: 0, column: 1),
            window: LandscapeWindow(x: -1...1, y: -1...1), columns: 4, rows: 3)
        #expect(landscape.rowsMade == 0 && !landscape.isFinished && landscape.costRange == nil)
        landscape.computeNextRow(with: trainer)
        #expect(landscape.rowsMade == 1 && landscape.costs.count == 4)
        landscape.finish(with: trainer)
        #expect(landscape.isFinished)
        let csv = landscape.csv(xName: "w1_1", yName: "w1_2").split(separator: "\n")
        #expect(csv.count == 13 && csv[0] == "w1_1,w1_2,cost")
        #expect(
            csv[2] == "\(landscape.xValue(column: 1)),\(landscape.yValue(row: 0)),\(landscape.cost(column: 1, row: 0))")
    }

    @Test("the window's spans are the 1-2-5 ladder")
    func ladder() {
        #expect(
            (-4...4).map { LandscapeWindow.span(ofRung: $0) } == [0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20])
        #expect(LandscapeWindow.rung(atLeast: 1.5) == 1)
        #expect(LandscapeWindow.rung(atLeast: 2) == 1)
        #expect(LandscapeWindow.rung(atLeast: 2.0000001) == 2)
        #expect(LandscapeWindow.rung(atLeast: 0.003) == -7)
    }

    @Test("the window holds the path, the current point and the next, with a margin")
    func windowHoldsThePath() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<500 {
            let scale = pow(10, Double.random(in: -3...3, using: &generator))
            let centre = Double.random(in: -50...50, using: &generator)
            let path = (0..<Int.random(in: 1...40, using: &generator)).map { _ in
                LandscapePoint(
                    x: centre + scale * Double.random(in: -1...1, using: &generator),
                    y: -centre + scale * Double.random(in: -1...1, using: &generator))
            }
            let next = LandscapePoint(x: path.last!.x + scale / 3, y: path.last!.y)
            let window = LandscapeWindow.fitting(path: path, next: next)
            for point in path + [next] {
                #expect(window.x.contains(point.x) && window.y.contains(point.y))
            }
            let span = window.x.upperBound - window.x.lowerBound
            let extent = (path + [next]).map(\.x).max()! - (path + [next]).map(\.x).min()!
            #expect(span >= max(1.5 * extent, LandscapeWindow.minimumSpan) * (1 - 1e-12))
            #expect(span < max(1.5 * extent, LandscapeWindow.minimumSpan) * 2.5 * (1 + 1e-12))
        }
    }

    @Test("the window stays put while the path moves inside it, and zoom moves along the ladder")
    func windowIsCalm() {
        let start = [LandscapePoint(x: 0.1, y: 0.2)]
        let first = LandscapeWindow.fitting(path: start, next: LandscapePoint(x: 0.02, y: 0.19))
        #expect(first == LandscapeWindow(x: -1...1, y: -1...1))
        let moved = start + [LandscapePoint(x: 0.02, y: 0.19), LandscapePoint(x: -0.05, y: 0.18)]
        #expect(LandscapeWindow.fitting(path: moved, next: LandscapePoint(x: -0.12, y: 0.17)) == first)
        let out = LandscapeWindow.fitting(path: start, next: nil, zoom: 1)
        #expect(out == LandscapeWindow(x: -2.5...2.5, y: -2.5...2.5))
        let zoomedIn = LandscapeWindow.fitting(path: moved, next: nil, zoom: -3)
        #expect(zoomedIn.x.upperBound - zoomedIn.x.lowerBound == 0.2)
        #expect(zoomedIn.x.contains(-0.05) && zoomedIn.y.contains(0.18))
        // Zoomed in, the current point stays in view even when the path's middle would leave it out.
        let pulled = LandscapeWindow.fitting(
            path: [LandscapePoint(x: 0.1, y: 0), LandscapePoint(x: 1.05, y: 0)], next: nil, zoom: -1)
        #expect(pulled.x.contains(1.05))
        // Values near the largest double still give a finite window, however far out it is zoomed.
        for zoom in [0, 9, 40] {
            let far = LandscapeWindow.fitting(
                path: [LandscapePoint(x: 0, y: -1e308), LandscapePoint(x: 1e308, y: 1e305)], next: nil, zoom: zoom)
            #expect(far.x.lowerBound.isFinite && far.x.upperBound.isFinite && far.y.upperBound.isFinite)
            #expect(far.x.lowerBound < far.x.upperBound)
        }
        let diverged = LandscapeWindow.fitting(path: [LandscapePoint(x: .nan, y: .infinity)], next: nil)
        #expect(diverged == LandscapeWindow(x: -1...1, y: -1...1))
    }

    @Test("a trail keeps the last states, oldest first, and forgets the states gone back over")
    func trailKeepsTheLastStates() {
        var trail = ParameterTrail(parameterCount: 3)
        #expect(trail.capacity == ParameterTrail.standardCapacity)
        for step in 0..<200 {
            [Double(step), -Double(step), 0.5].withUnsafeBufferPointer { trail.record($0, step: step) }
        }
        #expect(trail.count == 128 && trail.step(at: 0) == 72 && trail.value(at: 127, offset: 1) == -199)
        trail.forgetSteps(after: 150)
        #expect(trail.count == 79 && trail.step(at: 78) == 150)
        #expect(ParameterTrail(parameterCount: 1_000_000).capacity == 4)
        #expect(ParameterTrail(parameterCount: 32_768).capacity == 128)
    }

    @Test(
        "a run hands the trail every step's parameters, on each of its paths",
        arguments: [nil, 8] as [Int?])
    func runKeepsTheTrail(batch: Int?) throws {
        for scenario in [Preset.seed.scenario, try MiniBatchTrainingTests.circle(batch: batch)] {
            var trainer = Trainer(scenario: scenario)
            var stepped = trainer
            // The trail is its own observer.
            var kept = ParameterTrail(parameterCount: trainer.network.parameters.count)
            kept.record(trainer.network, step: 0)
            trainer.run(steps: 150, observer: &kept)
            let keeper = TrailKeeper(trail: kept)
            var expected = ParameterTrail(parameterCount: trainer.network.parameters.count)
            expected.record(stepped.network, step: 0)
            for _ in 0..<150 {
                _ = stepped.step()
                expected.record(stepped.network, step: stepped.stepCount)
            }
            #expect(keeper.trail == expected)
            let x = ParameterIndex.weight(layer: 0, row: 0, column: 0)
            let y = ParameterIndex.bias(layer: 0, column: 0)
            let path = keeper.trail.path(of: x, y, in: trainer.network, atStep: trainer.stepCount)
            #expect(path.count == 128)
            #expect(path.last == LandscapePoint(x: trainer.network[x], y: trainer.network[y]))
            // The trail's own state at step 150 is the current one: the path ends at the network.
            #expect(keeper.trail.step(at: 0) == 23)
            #expect(path[0].x == keeper.trail.value(at: 0, offset: trainer.network.offset(of: x)))
        }
    }

    @Test("the path's next point is where one step takes the pair, with the optimizer and the batch")
    func nextPointIsOneStep() throws {
        var scenario = try MiniBatchTrainingTests.circle(batch: 8, penalty: .l1(0.01))
        try scenario.setOptimizer(try Optimizer(.momentum))
        var trainer = Trainer(scenario: scenario)
        var keeper = TrailKeeper(trail: ParameterTrail(parameterCount: trainer.network.parameters.count))
        keeper.trail.record(trainer.network, step: 0)
        trainer.run(steps: 7, observer: &keeper)
        let x = ParameterIndex.weight(layer: 1, row: 2, column: 0)
        let y = ParameterIndex.weight(layer: 0, row: 1, column: 3)
        let path = DescentPath(of: x, y, to: trainer, along: keeper.trail)
        var stepped = trainer
        _ = stepped.step()
        #expect(path.next == LandscapePoint(x: stepped.network[x], y: stepped.network[y]))
        #expect(path.points.count == 8 && path.current == LandscapePoint(x: trainer.network[x], y: trainer.network[y]))
        let window = path.window()
        #expect(window.x.contains(path.next!.x) && window.y.contains(path.current.y))
    }

    @Test(
        "a trace name names one parameter, and reads back as it",
        arguments: [Preset.seed.scenario.network, Preset.spiral.scenario.network])
    func traceNamesReadBack(network: Network) {
        let sizes = network.sizes
        let names = network.parameterIndices.map(network.traceName(of:))
        #expect(Set(names).count == names.count)
        for index in network.parameterIndices {
            #expect(network.parameter(traceName: network.traceName(of: index)) == index)
        }
        #expect(network.parameter(traceName: "w9_9") == nil)
        #expect(names.first == (sizes.count == 2 ? "w1_1" : "L1_w1_1"))
    }
}
