import BackpropCore
import Foundation
import Testing

@testable import BackpropUI

/// The network pane drawn alone, for the 2-3-1 XOR network (`xor-hidden`) before its first step:
/// every expected number is the trace's own, formatted as the pane formats it.
struct NetworkPaneTests {
    private let number = NumberFormat(width: 7, decimals: 4)
    private let trace = Trainer(scenario: Preset.xorHidden.scenario).nextStep()

    private var naturalSize: Size {
        NetworkPane.naturalSize(sizes: [2, 3, 1], number: number, glyphs: .unicode)
    }

    private func render(
        _ trace: StepTrace, size: Size, sample: Int = 0, selection: ParameterIndex = .bias(layer: 1, column: 0),
        glyphs: Glyphs = .unicode
    ) -> Canvas {
        var canvas = Canvas(size: size)
        let context = PaneContext(glyphs: glyphs, number: number, selection: selection, sample: sample, walkPhase: nil)
        NetworkPane(trace: trace).draw(
            on: &canvas, in: Rect(x: 0, y: 0, width: size.width, height: size.height), context: context)
        return canvas
    }

    private func lines(_ canvas: Canvas) -> [[Character]] {
        canvas.text.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
    }

    /// The columns `text` takes on `line`, first occurrence.
    private func columns(of text: String, in line: [Character]) -> Range<Int>? {
        let needle = Array(text)
        guard needle.count <= line.count else { return nil }
        for start in 0...(line.count - needle.count) where Array(line[start..<(start + needle.count)]) == needle {
            return start..<(start + needle.count)
        }
        return nil
    }

    /// h and δ of hidden neuron j, as the pane writes them side by side.
    private func hiddenPair(_ trace: StepTrace, sample: Int, neuron: Int) -> String {
        number.string(trace.layers[0].output[sample, neuron]) + " "
            + number.string(trace.layers[0].delta[sample, neuron])
    }

    @Test func naturalSizeHoldsEveryNeuron() {
        // 2 box + 2 padding + x (7) + 5 + h δ (7+1+7) + 5 + ŷ δ y (7+1+7+1+7) = 59; 3 neurons + 3.
        #expect(naturalSize == Size(width: 59, height: 6))
        // Two hidden columns of 15 and one more bus: 59 + 5 + 15 = 79; 16 neurons + 3.
        #expect(
            NetworkPane.naturalSize(sizes: [2, 16, 16, 1], number: number, glyphs: .unicode)
                == Size(width: 79, height: 19))
    }

    @Test(arguments: 0..<4) func titleNamesTheSampleAndTheCount(sample: Int) {
        let title = String(lines(render(trace, size: naturalSize, sample: sample))[0])
        #expect(title.contains("sample \(sample + 1) of 4"))
    }

    @Test(arguments: 0..<4) func everyNeuronShowsItsNumbersForTheSample(sample: Int) throws {
        let rows = lines(render(trace, size: naturalSize, sample: sample))
        // Row 0 is the box, row 1 the headers, neuron j on row 2 + j.
        for j in 0..<3 {
            let row = rows[2 + j]
            let pair = try #require(columns(of: hiddenPair(trace, sample: sample, neuron: j), in: row))
            // h is under the header h¹, δ under δ¹: each header ends where its number ends.
            let h = try #require(columns(of: "h¹", in: rows[1]))
            let delta = try #require(columns(of: "δ¹", in: rows[1]))
            #expect(h.upperBound == pair.lowerBound + number.width)
            #expect(delta.upperBound == pair.upperBound)
        }
        for i in 0..<2 {
            #expect(columns(of: number.data(trace.inputs[sample, i]), in: rows[2 + i]) != nil)
        }
        let output = [trace.prediction[sample, 0], trace.outputLayer.delta[sample, 0], trace.targets[sample, 0]]
        let outputText = [number.string(output[0]), number.string(output[1]), number.data(output[2])].joined(
            separator: " ")
        let outputColumns = try #require(columns(of: outputText, in: rows[2]))
        let yHat = try #require(columns(of: "ŷ", in: rows[1]))
        #expect(yHat.upperBound == outputColumns.lowerBound + number.width)
        #expect(columns(of: "δ²", in: rows[1]) != nil)
    }

    @Test func anotherSampleShowsOtherNumbers() throws {
        let first = render(trace, size: naturalSize, sample: 0).text
        let last = render(trace, size: naturalSize, sample: 3).text
        #expect(first != last)
        for j in 0..<3 {
            let pair0 = hiddenPair(trace, sample: 0, neuron: j)
            let pair3 = hiddenPair(trace, sample: 3, neuron: j)
            try #require(pair0 != pair3)
            #expect(first.contains(pair0) && !first.contains(pair3))
            #expect(last.contains(pair3) && !last.contains(pair0))
        }
    }

    @Test func theSelectedWeightsNeuronsAndPathAreReversed() throws {
        // ω¹_23: from x₂ (row 1 of the inputs) to h¹₃ (row 2 of the hidden layer).
        let sample = 1
        let canvas = render(trace, size: naturalSize, sample: sample, selection: .weight(layer: 0, row: 1, column: 2))
        let rows = lines(canvas)
        let input = try #require(columns(of: number.data(trace.inputs[sample, 1]), in: rows[3]))
        let neuron = try #require(columns(of: hiddenPair(trace, sample: sample, neuron: 2), in: rows[4]))
        for x in input where rows[3][x] != " " { #expect(canvas[x, 3].style.reverse) }
        for x in neuron where x >= neuron.upperBound - 2 * number.width - 1 { #expect(canvas[x, 4].style.reverse) }
        // The path between them (in the bus between the x and h¹ columns) too; nothing else.
        let bus = (input.upperBound)..<(neuron.lowerBound)
        #expect(bus.contains { canvas[$0, 3].style.reverse } && bus.contains { canvas[$0, 4].style.reverse })
        var reversedRows = Set<Int>()
        for y in 0..<canvas.size.height {
            for x in 0..<canvas.size.width where canvas[x, y].style.reverse { reversedRows.insert(y) }
        }
        #expect(reversedRows == [3, 4])
    }

    @Test func aSecondLayerWeightAndABiasAreReversedWhereTheyAre() throws {
        // ω²_31: from h¹₃ to ŷ₁.
        var canvas = render(trace, size: naturalSize, selection: .weight(layer: 1, row: 2, column: 0))
        var rows = lines(canvas)
        let neuron = try #require(columns(of: hiddenPair(trace, sample: 0, neuron: 2), in: rows[4]))
        let output = try #require(columns(of: number.string(trace.prediction[0, 0]), in: rows[2]))
        #expect(canvas[neuron.upperBound - 1, 4].style.reverse && canvas[output.upperBound - 1, 2].style.reverse)
        let firstInput = try #require(columns(of: number.data(trace.inputs[0, 0]), in: rows[2]))
        #expect(!canvas[firstInput.upperBound - 1, 2].style.reverse)

        // b¹₂: only h¹₂, no path.
        canvas = render(trace, size: naturalSize, selection: .bias(layer: 0, column: 1))
        rows = lines(canvas)
        let biased = try #require(columns(of: hiddenPair(trace, sample: 0, neuron: 1), in: rows[3]))
        let reversed = (0..<canvas.size.height).flatMap { y in
            (0..<canvas.size.width).filter { canvas[$0, y].style.reverse }.map { [$0, y] }
        }
        #expect(reversed == biased.suffix(2 * number.width + 1).map { [$0, 3] })
    }

    @Test func negativeValuesAreCyanAndKeepTheirSign() throws {
        let canvas = render(trace, size: naturalSize)
        let rows = lines(canvas)
        for j in 0..<3 {
            let delta = trace.layers[0].delta[0, j]
            let text = number.string(delta).trimmingCharacters(in: .whitespaces)
            let place = try #require(columns(of: hiddenPair(trace, sample: 0, neuron: j), in: rows[2 + j]))
            let x = place.upperBound - 1
            #expect(canvas[x, 2 + j].style.foreground == (delta < 0 ? .cyan : nil))
            #expect(text.hasPrefix("-") == (delta < 0))
        }
    }

    @Test func asciiModeIsSevenBit() {
        let glyphs = Glyphs.ascii
        let size = NetworkPane.naturalSize(sizes: [2, 3, 1], number: number, glyphs: glyphs)
        for size in [size, Size(width: size.width - 1, height: size.height - 2), Size(width: 20, height: 3)] {
            let text = render(trace, size: size, selection: .weight(layer: 0, row: 1, column: 2), glyphs: glyphs).text
            #expect(text.allSatisfy { $0.isASCII }, "\(size)")
        }
        let text = render(trace, size: size, glyphs: glyphs).text
        #expect(text.contains("h[1]") && text.contains("d[1]") && text.contains("d[2]"))
    }

    @Test func smallerPanesSayWhatTheyHideAndNeverDrawOutside() {
        let natural = naturalSize
        #expect(!render(trace, size: natural).text.contains("…"))
        for width in 1...natural.width {
            for height in 1...natural.height where width < natural.width || height < natural.height {
                // Drawn inside a larger canvas, so a write outside the pane's area would show.
                var canvas = Canvas(size: Size(width: width + 4, height: height + 2))
                let context = PaneContext(
                    glyphs: .unicode, number: number, selection: .weight(layer: 0, row: 1, column: 2), sample: 3,
                    walkPhase: nil)
                NetworkPane(trace: trace).draw(
                    on: &canvas, in: Rect(x: 2, y: 1, width: width, height: height), context: context)
                for y in 0..<canvas.size.height {
                    for x in 0..<canvas.size.width where x < 2 || x >= width + 2 || y < 1 || y >= height + 1 {
                        #expect(canvas[x, y] == .blank)
                    }
                }
                // A note in the bottom edge keeps a blank from each corner, as a title does: a box
                // of 3 or 4 columns has no room for one.
                if width >= 5, height >= 2 { #expect(canvas.text.contains("…"), "\(width)x\(height)") }
            }
        }
    }

    @Test func aTallLayerShowsTheSelectedNeuronAndCountsTheRest() throws {
        let trace = Trainer(scenario: Self.wideScenario).nextStep()
        let size = Size(width: 79, height: 10)
        // ω²_{8,15}: from h¹₈ to h²₁₅, both below the 6 neuron rows that would start at neuron 1.
        let canvas = render(trace, size: size, sample: 2, selection: .weight(layer: 1, row: 7, column: 14))
        let text = canvas.text
        let h8 = number.string(trace.layers[0].output[2, 7]) + " " + number.string(trace.layers[0].delta[2, 7])
        let h15 = number.string(trace.layers[1].output[2, 14]) + " " + number.string(trace.layers[1].delta[2, 14])
        let rows = lines(canvas)
        let row8 = try #require(rows.firstIndex { columns(of: h8, in: $0) != nil })
        let row15 = try #require(rows.firstIndex { columns(of: h15, in: $0) != nil })
        let place8 = try #require(columns(of: h8, in: rows[row8]))
        let place15 = try #require(columns(of: h15, in: rows[row15]))
        #expect(canvas[place8.upperBound - 1, row8].style.reverse)
        #expect(canvas[place15.upperBound - 1, row15].style.reverse)
        // 7 neuron rows. The inputs fit. h¹ shows neurons 6...10 (h¹₈ in the middle) between
        // "… 5 above" and "… 6 more"; h² shows its last 6, 11...16, under "… 10 above".
        #expect(rows[2].contains("…") && rows[8].contains("…"))
        #expect(text.contains("… 5 above") && text.contains("… 6 more") && text.contains("… 10 above"))
        for j in 5...9 {
            let pair = number.string(trace.layers[0].output[2, j]) + " " + number.string(trace.layers[0].delta[2, j])
            #expect(columns(of: pair, in: rows[3 + j - 5]) != nil)
        }
    }

    /// A 2-16-16-1 network with fixed, distinct weights.
    static var wideScenario: Scenario {
        func weights(_ rows: Int, _ columns: Int, _ seed: Double) -> [[Double]] {
            (0..<rows).map { i in (0..<columns).map { j in 0.5 * sin(seed + Double(7 * i + 3 * j)) } }
        }
        return try! Scenario(
            inputs: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [[0], [1], [1], [0]],
            layers: [
                ScenarioLayer(weights: weights(2, 16, 1), activation: .tanh),
                ScenarioLayer(weights: weights(16, 16, 2), activation: .tanh),
                ScenarioLayer(weights: weights(16, 1, 3), activation: .sigmoid),
            ], learningRate: 0.5)
    }

    /// Not a check: writes the panes, text and styles, to the file `NETWORK_PANE_PRINT` names, for a
    /// person to read.
    @Test func printForAPersonToRead() throws {
        let wide = Trainer(scenario: Self.wideScenario).nextStep()
        let wideSize = NetworkPane.naturalSize(sizes: [2, 16, 16, 1], number: number, glyphs: .unicode)
        let panes = [
            render(trace, size: naturalSize, sample: 1, selection: .weight(layer: 0, row: 1, column: 2)),
            render(
                trace, size: NetworkPane.naturalSize(sizes: [2, 3, 1], number: number, glyphs: .ascii), sample: 1,
                selection: .weight(layer: 1, row: 0, column: 0), glyphs: .ascii),
            render(trace, size: Size(width: 40, height: 5), sample: 1, selection: .weight(layer: 0, row: 1, column: 2)),
            render(wide, size: wideSize, sample: 2, selection: .weight(layer: 1, row: 7, column: 14)),
            render(
                wide, size: Size(width: 79, height: 10), sample: 2, selection: .weight(layer: 1, row: 7, column: 14)),
            render(
                wide, size: Size(width: 60, height: 10), sample: 2, selection: .weight(layer: 1, row: 7, column: 14)),
        ]
        if let path = ProcessInfo.processInfo.environment["NETWORK_PANE_PRINT"] {
            let text = panes.map { $0.text + "\n" + $0.styleText + "\n\n" }.joined()
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }
    }
}
