import BackpropCore
import Foundation
import Testing

/// A scenario file's `"image": "WxH"`: read, refused where it stands when it cannot be x's
/// picture, and written back, so `w` keeps it.
@Suite("a scenario file's image")
struct ScenarioFileImageTests {
    /// The article's scenario (3 inputs) with `extra` as line 5, as `ScenarioFilePositionTests`.
    private func scenario(_ extra: String) throws -> Scenario {
        try Scenario(json: Data(ScenarioFilePositionTests.lines(extra).utf8), path: "s.json")
    }

    private func message(_ extra: String) -> String? {
        ScenarioFilePositionTests.error(ScenarioFilePositionTests.lines(extra))?.description
    }

    @Test("read: x's 3 columns as a picture 3 wide or 3 high; absent, none")
    func read() throws {
        #expect(try scenario(#""image": "3x1""#).image == ImageShape(width: 3, height: 1))
        #expect(try scenario(#""image": "1X3""#).image == ImageShape(width: 1, height: 3))
        #expect(try scenario(#""loss": "sse""#).image == nil)
    }

    @Test("refused at its value: another pixel count, not a size, not a string, with features")
    func refused() {
        #expect(
            message(#""image": "2x2""#)
                == #"scenario file "s.json" line 5, column 12: "image" is 2x2, 4 pixels, but x has 3 columns; give a width x height of 3, like "3x1""#
        )
        for bad in [#""3 by 1""#, #""3x""#, #""0x3""#, "3", "[3, 1]"] {
            #expect(
                message(#""image": \#(bad)"#)
                    == #"scenario file "s.json" line 5, column 12: "image" must be a picture size "WxH" of one pixel per column of x, like "8x8""#,
                "\(bad)")
        }
        let features = ScenarioFilePositionTests.error(
            #"{"x": [[1, 2]], "y": [[1]], "w": [[0.1], [0.2]], "features": ["x1", "x2"], "image": "2x1"}"#)
        #expect(
            features?.description
                == #"scenario file "s.json" line 1, column 85: "image" draws x's own columns as pixels, but "features" computes the inputs from them; leave out one of the two"#
        )
    }

    @Test("written back where x's picture has one, and not otherwise")
    func written() throws {
        let pictured = try scenario(#""image": "3x1""#)
        let text = pictured.jsonText()
        #expect(text.contains("\n  \"image\": \"3x1\",\n"))
        #expect(try Scenario(json: Data(text.utf8)) == pictured)
        #expect(!(try scenario(#""loss": "sse""#).jsonText().contains("image")))
    }

    @Test("the squarest shape of a pixel count, wider than tall, is what a refusal suggests")
    func squarest() {
        let shapes = [64, 12, 7, 1, 2, 1024, 1_048_576].map { ImageShape.squarest(pixelCount: $0)?.description }
        #expect(shapes == ["8x8", "4x3", "7x1", "1x1", "2x1", "32x32", "1024x1024"])
        // A prime past the largest side has no shape; nor has 0.
        #expect(ImageShape.squarest(pixelCount: 1031) == nil && ImageShape.squarest(pixelCount: 0) == nil)
    }
}
