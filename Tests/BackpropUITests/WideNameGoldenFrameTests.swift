import BackpropCore
@testable import BackpropUI
import Foundation
import Testing

/// A scenario file named in Chinese: each character of its name takes two columns, and the
/// frame must still be exactly as wide as the terminal.
@Suite("a scenario file with a wide name")
struct WideNameGoldenFrameTests {
    /// The README's smallest scenario: the article's x, y and W.
    static let json = #"{"x": [[1,2,3],[3,2,1]], "y": [[1,0],[0,1]], "w": [[0.1,0.2],[0.3,0.4],[0.5,0.6]]}"#

    private func frame(named name: String, size: Size = Size(width: 80, height: 24)) throws -> Canvas {
        let scenario = try Scenario(json: Data(Self.json.utf8), path: name)
        return Frame.render(AppState(scenario: scenario, scenarioName: name, size: size), size: size)
    }

    @Test("the whole frame at 80x24, its title naming 数据数据数据.json in 17 columns")
    func wideNameFrameMatchesItsGolden() throws {
        let canvas = try frame(named: "数据数据数据.json")
        let title = canvas.text.split(separator: "\n")[0]
        // 17 columns of name, then the parts in their rank while they fit: the reduction does not.
        #expect(title.hasPrefix(" backprop-tui · 数据数据数据.json · sigmoid · lr 0.1 · loss sse  "), "\(title)")
        #expect(title.hasSuffix(" ? help ") && !title.contains("reduction"), "\(title)")
        GoldenFile.expectMatches(canvas, named: "wide-name-initial-80x24")
    }

    @Test("a wide path too long for the title loses its start at a slash, and ? help stays")
    func aLongWidePathIsCutAtASlash() throws {
        let trainer = Trainer(scenario: try Scenario(json: Data(Self.json.utf8), path: "x.json"))
        let bar = TitleBar(
            scenarioName: "/tmp/数据数据数据.json", network: trainer.network, loss: trainer.loss,
            reduction: trainer.reduction, optimizer: trainer.optimizer, learningRate: trainer.learningRate)
        // 21 columns for the name after the separator: "…/数据数据数据.json" takes 19.
        #expect(bar.parts(width: 13 + 3 + 21 + 1 + 7, glyphs: .unicode).rest == " · …/数据数据数据.json")
        // Too few for even the file name: it is left out whole, not cut through a character.
        #expect(bar.parts(width: 13 + 3 + 17 + 1 + 7, glyphs: .unicode).rest == "")
    }
}
