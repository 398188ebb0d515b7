import BackpropCore
@testable import BackpropUI
import Testing

/// With features the input plane is still drawn over the data's x1 and x2, and every point goes
/// through the features before the network: circle seen through x1², x2² by one layer is a disc.
@Suite("the input plane through features")
struct PlaneFeatureTests {
    private static let size = Size(width: 120, height: 40)

    private static func circle(features: [Feature], hidden: [Int]?, steps: Int = 0) throws -> AppState {
        let scenario = try Preset.circle.scenario(seed: 1, features: features, hidden: hidden)
        var state = AppState(scenario: scenario, scenarioName: "circle", size: size)
        if steps > 0 { state.apply(.training(.advance(steps: steps))) }
        return state
    }

    private static func planePane(_ state: AppState) throws -> PlanePane {
        let frame = FrameInput(state: state, data: FrameData(for: state), rows: state.size.height)
        return try #require(PlanePane.pane(for: frame) as? PlanePane)
    }

    @Test(
        "two, three or one feature of x1 and x2 still have a plane",
        arguments: [[Feature.x1Squared, .x2Squared], [.x1Squared, .x2Squared, .product], [.sineOfX1]])
    func planeIsAvailable(features: [Feature]) throws {
        let state = try Self.circle(features: features, hidden: [])
        #expect(state.planeRequest == .automatic)
        let text = Frame.render(state).text
        #expect(text.contains("Input plane"), "\(text)")
    }

    @Test("the plane's axes are x1 and x2 of the data, not the features")
    func axesAreTheData() throws {
        let state = try Self.circle(features: [.x1Squared, .x2Squared], hidden: [])
        let pane = try Self.planePane(state)
        // x1² is never negative; the data's x1 is.
        #expect(pane.painter.axes.x1.lowerBound < -0.5 && pane.painter.axes.x2.lowerBound < -0.5)
        #expect(pane.inputs.columns == 2)
        #expect(pane.inputs == state.trainer.scenario.dataInputs)
    }

    @Test("each point's value is the network's output of that point's features")
    func valuesGoThroughFeatures() throws {
        let features = [Feature.x1Squared, .x2Squared, .sineOfX1]
        let state = try Self.circle(features: features, hidden: [], steps: 50)
        let pane = try Self.planePane(state)
        let grid = try #require(pane.grid(in: Rect(x: 0, y: 0, width: 40, height: 20)))
        let values = pane.values(on: grid)
        let plane = pane.painter.axes.grid(columns: grid.columns, rows: grid.rows)
        let network = state.trainer.network
        for point in [0, grid.columns - 1, grid.pointCount / 2 + 3, grid.pointCount - 1] {
            let x = Feature.values(features, x1: plane[point, 0], x2: plane[point, 1])
            let expected = network.predictions(for: Matrix([x]))[0, 0]
            #expect(abs(values.values[point, 0] - expected) < 1e-12, "point \(point)")
        }
    }

    @Test("circle through x1², x2² with no hidden layer learns a disc: high in the middle, low in every corner")
    func roundBoundary() throws {
        let state = try Self.circle(features: [.x1Squared, .x2Squared], hidden: [], steps: 3000)
        let pane = try Self.planePane(state)
        let grid = try #require(pane.grid(in: Rect(x: 0, y: 0, width: 40, height: 20)))
        let values = pane.values(on: grid)
        let middle = values.value(output: 0, column: grid.columns / 2, row: grid.rows / 2)
        #expect(middle > 0.5, "the disc's class in the middle: \(middle)")
        for (column, row) in [(0, 0), (grid.columns - 1, 0), (0, grid.rows - 1), (grid.columns - 1, grid.rows - 1)] {
            let corner = values.value(output: 0, column: column, row: row)
            #expect(corner < 0.5, "corner (\(column), \(row)): \(corner)")
        }
    }

    @Test("the layer 1 neuron maps feed the features of each point to the first layer")
    func neuronMapsGoThroughFeatures() throws {
        let features = [Feature.x1Squared, .x2Squared, .product]
        let state = try Self.circle(features: features, hidden: [3])
        let painter = try #require(FrameInput(state: state, data: FrameData(for: state), rows: 40).planePainter)
        let grid = painter.fullGrid(columns: 8, rows: 4)
        let points = painter.points(grid)
        let plane = painter.axes.grid(columns: grid.columns, rows: grid.rows)
        #expect(points.columns == 3)
        for point in [0, 17, grid.pointCount - 1] {
            let x = Feature.values(features, x1: plane[point, 0], x2: plane[point, 1])
            #expect((0..<3).map { points[point, $0] } == x, "point \(point)")
        }
        let text = Frame.render(state).text
        #expect(text.contains("Layer 1 neurons"), "\(text)")
    }
}
