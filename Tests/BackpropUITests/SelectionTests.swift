import BackpropCore
@testable import BackpropUI
import Testing

/// How the selection moves through a network: Tab in storage order across every layer, arrows
/// in a layer's grid (b as its last row) and on to the layer beside, Page Up/Down by layer.
@Suite("selection through the layers")
struct SelectionTests {
    private func state(_ preset: Preset = .xorHidden) -> AppState {
        AppState(scenario: preset.scenario, scenarioName: preset.rawValue)
    }

    @Test("it starts on layer 1's ω11 and Tab visits every parameter in storage order, then wraps")
    func tabOrder() {
        var state = state()
        let network = state.trainer.network
        #expect(state.selection == .weight(layer: 0, row: 0, column: 0))
        var seen: [ParameterIndex] = []
        for _ in 0..<network.parameters.count {
            seen.append(state.selection)
            state.apply(.selection(.cycle(backwards: false)))
        }
        #expect(seen == network.parameterIndices, "W¹ row by row, b¹, W², b²")
        #expect(state.selection == .first, "and wraps around")
        state.apply(.selection(.cycle(backwards: true)))
        #expect(state.selection == .bias(layer: 1, column: 0), "Shift-Tab from the first goes to the last")
        // Every offset maps back to its index, in every layer.
        for (offset, index) in network.parameterIndices.enumerated() {
            #expect(ParameterIndex(offset: offset, in: network) == index)
        }
    }

    @Test("arrows move in the layer's grid, b under W, and on to the layer beside at the sides")
    func arrows() {
        var state = state()
        func press(_ keys: [Key]) { for key in keys { state.apply(.selection(.move(key))) } }
        press([.right, .right])
        #expect(state.selection == .weight(layer: 0, row: 0, column: 2))
        press([.right])
        #expect(state.selection == .weight(layer: 1, row: 0, column: 0), "past W¹'s last column: layer 2")
        press([.right])
        #expect(state.selection == .weight(layer: 1, row: 0, column: 0), "the last layer's edge stops")
        press([.down, .down, .down])
        #expect(state.selection == .bias(layer: 1, column: 0), "b² is the row under W²")
        press([.down])
        #expect(state.selection == .bias(layer: 1, column: 0))
        press([.left])
        #expect(state.selection == .bias(layer: 0, column: 2), "b rows lead to b rows")
        press([.up])
        #expect(state.selection == .weight(layer: 0, row: 1, column: 2))
        press([.left, .left, .left])
        #expect(state.selection == .weight(layer: 0, row: 1, column: 0), "the first layer's edge stops")
        press([.up, .up])
        #expect(state.selection == .weight(layer: 0, row: 0, column: 0))
    }

    @Test("Page Down and Page Up keep the place in the next or previous layer, clamped to its size")
    func pages() {
        var state = state()
        state.apply(.selection(.move(.right)))
        state.apply(.selection(.move(.down)))
        #expect(state.selection == .weight(layer: 0, row: 1, column: 1))
        state.apply(.selection(.jumpLayer(backwards: false)))
        #expect(state.selection == .weight(layer: 1, row: 1, column: 0))
        state.apply(.selection(.jumpLayer(backwards: false)))
        #expect(state.selection == .weight(layer: 1, row: 1, column: 0))
        #expect(state.message?.text == "this is the last layer")
        state.apply(.selection(.jumpLayer(backwards: true)))
        #expect(state.selection == .weight(layer: 0, row: 1, column: 0))
    }

    @Test("< and > choose the sample, wrapping; a new preset starts again at sample 1 and ω11")
    func samples() {
        var state = state()
        state.apply(.selection(.chooseSample(backwards: true)))
        #expect(state.selectedSample == 3)
        state.apply(.selection(.chooseSample(backwards: false)))
        state.apply(.selection(.chooseSample(backwards: false)))
        #expect(state.selectedSample == 1)
        state.apply(.selection(.cycle(backwards: true)))
        state.apply(.history(.nextScenario))
        #expect(state.selectedSample == 0)
        #expect(state.selection == .first)
    }

    @Test("the walk has 2L + 2 phases and takes the step at the update")
    func walk() {
        var state = state()
        var phases: [StepPhase] = []
        for _ in 0..<6 {
            state.apply(.walk(.next))
            phases.append(state.walkPhase!)
        }
        #expect(
            phases == [
                .forward(layer: 0), .forward(layer: 1), .cost, .backward(layer: 1), .backward(layer: 0), .update,
            ])
        #expect(phases.map { $0.number(layerCount: 2) } == [1, 2, 3, 4, 5, 6])
        #expect(state.trainer.stepCount == 1)
        var fresh = self.state()
        fresh.apply(.training(.step))
        #expect(state.trainer.network == fresh.trainer.network, "the walk's step is the step")
        state.apply(.walk(.next))
        #expect(state.walkPhase == .forward(layer: 0))
    }
}
