import BackpropCore
@testable import BackpropUI
import Testing

/// The layer panes hold the article's W and b: their titles say so, by the names the equations
/// use, on the first screen of every preset.
@Suite("layer panes name their W and b")
struct LayerTitleTests {
    @Test(
        "every layer pane on the first screen names its W and b",
        arguments: Preset.allCases, [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func named(preset: Preset, size: Size) throws {
        let lines = try PresetScreen.lines(preset, size: size)
        let layerCount = preset.scenario.network.layerCount
        let titles = lines.flatMap { $0.components(separatedBy: "┌ ").dropFirst() }.filter {
            $0.hasPrefix("Layer ") && !$0.hasPrefix("Layer 1 neurons")
        }
        #expect(!titles.isEmpty, "\(lines.joined(separator: "\n"))")
        for title in titles {
            if layerCount == 1 {
                #expect(title.hasPrefix("Layer 1 · W and b "), "\(title)")
            } else {
                let number = try #require(title.dropFirst("Layer ".count).first?.wholeNumberValue)
                let mark = ["¹", "²", "³", "⁴"][number - 1]
                #expect(title.contains(" · W\(mark), b\(mark)"), "\(title)")
            }
        }
    }

    @Test("in ASCII the names are spelled plainly: W and b, W[1], b[1]")
    func ascii() throws {
        let seed = try PresetScreen.lines(.seed, size: Size(width: 80, height: 24), ascii: true)
        #expect(seed[1].hasPrefix("+ Layer 1 | W and b | sigmoid "), "\(seed[1])")
        let network = try PresetScreen.lines(.xorHidden, size: Size(width: 120, height: 40), ascii: true)
        #expect(network[1].contains("Layer 1 | W[1], b[1] | tanh"), "\(network[1])")
        #expect(network.contains { $0.contains("Layer 2 | W[2], b[2]") }, "\(network.joined(separator: "\n"))")
    }
}
