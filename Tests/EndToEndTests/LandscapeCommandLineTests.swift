import BackpropCore
import Foundation
import Testing

/// `--headless --landscape x,y`: after the steps, every cell of the grid as CSV, each the cost
/// the core computes for the trained network with the two parameters at the cell's centre.
@Suite("headless landscape")
struct LandscapeCommandLineTests {
    /// The network after `steps` steps, read from the trace's last CSV line.
    static func trainedNetwork(_ arguments: [String], steps: Int, like scenario: Scenario) throws -> Network {
        let trace = try ExecutableUnderTest.csvRows(arguments + ["--steps", "\(steps)"])
        let last = try #require(trace.rows.last)
        var network = scenario.network
        let names = trace.header.split(separator: ",").map(String.init)
        for index in network.parameterIndices {
            let column = try #require(names.firstIndex(of: network.traceName(of: index)))
            network[index] = try #require(Double(last[column]))
        }
        return network
    }

    @Test(
        "every cell is the cost at its centre of the network the trace ends at; the grid holds the current point",
        arguments: [
            (["--preset", "seed", "--lr", "5"], "w1_1", "w1_2", 7),
            (["--preset", "spiral"], "L2_w3_1", "L1_b2", 40),
            (["--preset", "overfit", "--batch", "8", "--l2", "0.01"], "L1_w1_1", "L3_b1", 25),
        ])
    func cellsAreTheCost(arguments: [String], x: String, y: String, steps: Int) throws {
        let result = try ExecutableUnderTest.run(
            ["--headless"] + arguments + ["--steps", "\(steps)", "--landscape", "\(x),\(y)", "--grid", "9x7"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.lines
        try #require(lines.count == 1 + 9 * 7)
        #expect(lines[0] == "\(x),\(y),cost")
        let preset = try #require(Preset(rawValue: arguments[1]))
        var scenario = preset.scenario
        if arguments.contains("--batch") {
            try scenario.setBatchSize(8)
            try scenario.setPenalty(.l2(0.01))
        }
        var network = try LandscapeCommandLineTests.trainedNetwork(arguments, steps: steps, like: scenario)
        let trainer = Trainer(scenario: scenario)
        let (xIndex, yIndex) = try (
            #require(network.parameter(traceName: x)), #require(network.parameter(traceName: y))
        )
        let (current, currentY) = (network[xIndex], network[yIndex])
        let cells = try lines.dropFirst().map { line in
            try line.split(separator: ",").map { try #require(Double($0)) }
        }
        for cell in cells {
            network[xIndex] = cell[0]
            network[yIndex] = cell[1]
            let data = trainer.cost(of: network)
            let objective = scenario.reduction.averagesWeights ? data / Double(scenario.trainingCount) : data
            let expected = scenario.penalty.isActive ? objective + scenario.penalty.value(of: network) : data
            #expect(abs(cell[2] - expected) <= 1e-12 * abs(expected), "\(cell) against \(expected)")
        }
        // x varies fastest, from the lowest y up; the window holds the current point.
        #expect(cells[0][1] == cells[8][1] && cells[0][0] < cells[1][0] && cells[8][1] < cells[9][1])
        let xs = cells.map { $0[0] }
        let ys = cells.map { $0[1] }
        let halfCell = ((xs.max()! - xs.min()!) / 16, (ys.max()! - ys.min()!) / 12)
        #expect(xs.min()! - halfCell.0 <= current && current <= xs.max()! + halfCell.0)
        #expect(ys.min()! - halfCell.1 <= currentY && currentY <= ys.max()! + halfCell.1)
    }

    @Test("the grid is 41x31 unless --grid says otherwise")
    func standardGrid() throws {
        let result = try ExecutableUnderTest.run(["--headless", "--steps", "2", "--landscape", "w1_1,b2"])
        #expect(result.status == 0)
        #expect(result.lines.count == 1 + 41 * 31)
    }

    @Test(
        "a wrong --landscape or --grid gets one line saying what to type",
        arguments: [
            (
                ["--headless", "--landscape", "w1_1"],
                "--landscape needs two parameter names joined by a comma, like w1_1,w1_2"
            ),
            (
                ["--headless", "--landscape", "w1_1,L1_w1_2"],
                "no parameter \"L1_w1_2\"; names are the trace's CSV columns, w1_1 to b2"
            ),
            (["--headless", "--landscape", "b1,b1"], "--landscape needs two different parameters"),
            (["--landscape", "w1_1,b1"], "--landscape needs --headless"),
            (["--headless", "--grid", "9x9"], "--grid needs --landscape"),
            (
                ["--headless", "--landscape", "w1_1,b1", "--grid", "1000x1"],
                "--grid must be COLSxROWS with each between 2 and 1000"
            ),
            (["--headless", "--landscape", "w1_1,b1", "--format", "csv"], "not a trace; leave out --format"),
        ])
    func refused(arguments: [String], message: String) throws {
        let result = try ExecutableUnderTest.run(arguments)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.errorLines.count == 1)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test("a run that diverges prints no grid, says so in one line, and ends with status 3")
    func divergedRunPrintsNoGrid() throws {
        let result = try ExecutableUnderTest.run([
            "--headless", "--activation", "linear", "--lr", "100", "--steps", "50", "--landscape", "w1_1,w1_2",
        ])
        #expect(result.status == 3)
        #expect(result.stdout.isEmpty)
        #expect(
            result.errorLines == [
                "backprop-tui: training diverged at step 42 (cost inf), so there is no surface to print; try a smaller --lr"
            ])
    }
}
