import BackpropCore
import Foundation
import Testing

/// A scenario file's refusals name the line and column of the value or key concerned, and its
/// strings' `\u` escapes decode as JSON says, surrogate pairs included.
@Suite struct ScenarioFilePositionTests {
    /// The article's scenario over several lines, with `extra` as line 5 (its text starts at
    /// column 3).
    static func lines(_ extra: String) -> String {
        """
        {
          "x": [[1, 2, 3], [3, 2, 1]],
          "y": [[1, 0], [0, 1]],
          "w": [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]],
          \(extra)
        }
        """
    }

    static func error(_ text: String) -> ScenarioError? {
        #expect(throws: ScenarioError.self) { try Scenario(json: Data(text.utf8), path: "s.json") }
    }

    static func syntax(_ detail: String) -> ScenarioError {
        .notJSON(path: "s.json", detail: detail)
    }

    @Test func escapesDecodeIncludingSurrogatePairs() throws {
        let tanh = try Scenario(json: Data(Self.lines(#""activation": "t\u0061nh""#).utf8))
        #expect(tanh.network.activations == [.tanh])
        let hexDigitsInEitherCase = try Scenario(json: Data(Self.lines(#""loss": "\u006D\u0073\u0065""#).utf8))
        #expect(hexDigitsInEitherCase.loss == .mse)
        // A key is decoded too: a pair of escapes is one character, and the message shows it.
        let emoji = Self.error(Self.lines(#""\ud83d\ude00": 1"#))
        #expect(emoji == .inFile(path: "s.json", line: 5, column: 3, problem: .unknownKey("😀")))
        #expect(emoji?.description.hasPrefix("scenario file \"s.json\" line 5, column 3: unknown key \"😀\" in") == true)
    }

    @Test func aBadEscapeIsReportedWhereItStands() {
        #expect(
            Self.error(Self.lines(#""activation": "t\uZZ""#))
                == Self.syntax(
                    #"line 5, column 19: bad escape '\uZZ' in a string; \u needs four hexadecimal digits, like \u00e9"#)
        )
        #expect(
            Self.error(#"{"\u12"#)
                == Self.syntax(
                    #"line 1, column 3: bad escape '\u12' in a string; \u needs four hexadecimal digits, like \u00e9"#))
    }

    @Test func aLoneSurrogateIsRefused() {
        let lone =
            "is half of a surrogate pair without its other half; write the pair, like \\ud83d\\ude00, or the character itself"
        #expect(
            Self.error(Self.lines(#""\ud83d": 1"#)) == Self.syntax("line 5, column 4: the escape '\\ud83d' \(lone)"))
        #expect(
            Self.error(Self.lines(#""\uDE00x": 1"#)) == Self.syntax("line 5, column 4: the escape '\\ude00' \(lone)"))
        // Columns count characters: é is one, however many bytes it takes.
        #expect(
            Self.error(Self.lines(#""é\ud83d\u0041": 1"#))
                == Self.syntax(
                    #"line 5, column 11: the escape '\ud83d' is the first half of a surrogate pair but '\u0041' is not its second half (\udc00 to \udfff)"#
                ))
    }

    @Test func aWrongTypeNamesTheValuesPlace() {
        let error = Self.error(Self.lines(#""b": "zero""#))
        #expect(
            error
                == .inFile(
                    path: "s.json", line: 5, column: 8,
                    problem: .wrongType(field: "b", expected: "a list of numbers, like [0, 0]")))
        #expect(
            error?.description
                == #"scenario file "s.json" line 5, column 8: "b" must be a list of numbers, like [0, 0]"#)
        #expect(
            Self.error(Self.lines(#""b": [0, true]"#))
                == .inFile(
                    path: "s.json", line: 5, column: 12, problem: .notFinite(field: "b", position: "[2]", value: "true")
                ))
    }

    @Test func aBadNameNamesTheValuesPlace() {
        let error = Self.error(Self.lines(#""loss": "mae""#))
        #expect(
            error?.description
                == #"scenario file "s.json" line 5, column 11: unknown loss "mae"; choose one of: sse, mse, bce, ce"#)
    }

    @Test func anUnknownKeyNamesTheKeysPlace() {
        let error = Self.error(Self.lines(#""learningRate": 0.5, "lr": 0.1"#))
        #expect(error == .inFile(path: "s.json", line: 5, column: 24, problem: .unknownKey("lr")))
        #expect(
            error?.description
                == #"scenario file "s.json" line 5, column 24: unknown key "lr" in scenario; the keys are x, y, w, b, activation, layers, learningRate, loss, reduction, optimizer, features, batchSize, shuffle, seed, test, l1, l2, noise, epoch, samplesIntoEpoch, image"#
        )
    }

    /// A key that is not there has no place of its own: the message names the object's.
    @Test func aMissingKeyNamesTheObjectsPlace() {
        let text = """
            {"x": [[0, 1]], "y": [[1]],
              "layers": [
                {"w": [[1], [1]]},
                {"b": [0]}
              ]}
            """
        let error = Self.error(text)
        #expect(error == .inFile(path: "s.json", line: 4, column: 5, problem: .missingLayerKey("w", layer: 2)))
        #expect(
            error?.description
                == #"scenario file "s.json" line 4, column 5: layers[2] is missing "w"; every layer needs its weights w"#
        )
    }

    @Test func aNumberTooLargeIsNamedByItsFieldAndPlace() {
        #expect(
            Self.error(Self.lines(#""learningRate": -1e999"#))
                == .inFile(
                    path: "s.json", line: 5, column: 19,
                    problem: .notFinite(field: "learningRate", position: "", value: "-1e999 (too large for a double)")))
    }
}
