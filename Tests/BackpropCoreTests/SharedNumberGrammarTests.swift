import BackpropCore
import Foundation
import Testing

/// One rule for a decimal number, the same through a scenario file, a CSV cell and
/// `DecimalNumber` (which typed entries and flags use).
@Suite struct SharedNumberGrammarTests {
    static func json(_ number: String) -> String { "{\"x\": [[\(number)]], \"y\": [[0]], \"w\": [[1]]}" }
    static func csv(_ number: String) -> String { "x,y\n\(number),0\n" }

    @Test(
        "every spelling the rule allows reads as the same double everywhere",
        arguments: [
            ("-0.5", -0.5), (".5", 0.5), ("5.", 5), ("+7", 7), ("007", 7), ("2e-3", 0.002), ("1E+2", 100),
            ("-.25e1", -2.5), ("0.1", 0.1), ("1e-999", 0), ("0.30000000000000004", 0.30000000000000004),
        ])
    func accepted(text: String, value: Double) throws {
        #expect(DecimalNumber.value(of: text) == value)
        #expect(try DataTable(csv: Self.csv(text)).inputs == [[value]])
        #expect(try Scenario(json: Data(Self.json(text).utf8)).inputs.rowArrays == [[value]])
    }

    /// What the rule refuses is refused everywhere; the scenario file says where the number
    /// starts (column 9, after `{"x": [[`) or where it stops making sense.
    @Test(
        "every spelling the rule refuses is refused everywhere",
        arguments: [
            ("1e", #"line 1, column 9: "1e" is not a number; write numbers like 1, -0.5, .5 or 2e-3"#),
            ("1e+", #"line 1, column 9: "1e+" is not a number; write numbers like 1, -0.5, .5 or 2e-3"#),
            (".", #"line 1, column 9: "." is not a number; write numbers like 1, -0.5, .5 or 2e-3"#),
            ("-", #"line 1, column 9: "-" is not a number; write numbers like 1, -0.5, .5 or 2e-3"#),
            ("--1", #"line 1, column 9: "--1" is not a number; write numbers like 1, -0.5, .5 or 2e-3"#),
            ("1.2.3", #"line 1, column 9: "1.2.3" is not a number; write numbers like 1, -0.5, .5 or 2e-3"#),
            ("0x10", "line 1, column 10: expected ',' or ']', found 'x'"),
            ("inf", "line 1, column 9: expected a value (a number, a string, a list or an object), found 'i'"),
            ("nan", "line 1, column 9: expected a value (a number, a string, a list or an object), found 'n'"),
        ])
    func refused(text: String, jsonDetail: String) {
        #expect(DecimalNumber.value(of: text) == nil)
        #expect(
            throws: ScenarioError.csv(
                path: "<data>", line: 2, problem: "column \"x\" is \"\(text)\", not a finite number")
        ) {
            try DataTable(csv: Self.csv(text))
        }
        #expect(throws: ScenarioError.notJSON(path: "<scenario>", detail: jsonDetail)) {
            try Scenario(json: Data(Self.json(text).utf8))
        }
    }

    /// Too large for a double: a decimal all the same, refused by each reader's range rule with
    /// the number quoted.
    @Test func aNumberTooLarge() {
        #expect(DecimalNumber.value(of: "1e999") == .infinity)
        #expect(
            throws: ScenarioError.csv(
                path: "<data>", line: 2, problem: "column \"x\" is \"1e999\", not a finite number")
        ) {
            try DataTable(csv: Self.csv("1e999"))
        }
        #expect(
            throws: ScenarioError.inFile(
                path: "<scenario>", line: 1, column: 9,
                problem: .notFinite(field: "x", position: "[1][1]", value: "1e999 (too large for a double)"))
        ) { try Scenario(json: Data(Self.json("1e999").utf8)) }
    }
}
