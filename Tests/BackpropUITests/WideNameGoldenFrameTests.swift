import BackpropCore
import BackpropUI
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
        #expect(title == " backprop-tui · 数据数据数据.json · sigmoid · loss sse · reduction seed  ? help ")
        GoldenFile.expectMatches(canvas, named: "wide-name-initial-80x24")
    }

    @Test("a wide path too long for the title loses its start, whole characters only, and ? help stays")
    func aLongWidePathIsCutFromTheLeft() throws {
        let canvas = try frame(named: "/tmp/数据数据数据.json")
        let title = canvas.text.split(separator: "\n")[0]
        #expect(title == " backprop-tui · …数据数据数据.json · sigmoid · loss sse · reduction seed ? help ")
    }

    @Test("a cut that would split a wide character leaves the whole character out, a column short")
    func aCutThroughAWideCharacterLeavesItOut() throws {
        // 18 columns of name fit; the last 17 after the ellipsis would end in half of 数.
        let canvas = try frame(named: "/tmp/数据数据数据x.json")
        let title = canvas.text.split(separator: "\n")[0]
        #expect(title == " backprop-tui · …据数据数据x.json · sigmoid · loss sse · reduction seed  ? help ")
    }
}
