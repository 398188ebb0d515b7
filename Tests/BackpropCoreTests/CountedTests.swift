import BackpropCore
import Testing

/// Counts in messages agree with their nouns ("1 entry", never "1 entries").
@Suite struct CountedTests {
    @Test("one entry, two entries, no entries")
    func counts() {
        #expect(counted(1, "entry", "entries") == "1 entry")
        #expect(counted(2, "entry", "entries") == "2 entries")
        #expect(counted(0, "row") == "0 rows")
        #expect(counted(1, "sample (row)", "samples (rows)") == "1 sample (row)")
    }

    @Test("messages built from a file's shapes say 1 entry, 1 row, 1 output, 1 layer")
    func singularsInMessages() {
        let cases: [(ScenarioError, String)] = [
            (.raggedRows(field: "w", row: 2, count: 1, expected: 2), "\"w\" row 2 has 1 entry but row 1 has 2"),
            (.activationCount(given: 2, layers: 1), "2 activations given for a network of 1 layer;"),
        ]
        for (error, words) in cases {
            #expect(error.description.contains(words), "\(error.description)")
        }
        #expect(
            throws: ScenarioError.shapeMismatch(
                "\"w\" is 2x1 but \"x\" has 1 input per sample; w needs 1 row (one per input), so it should be 1x1")
        ) {
            try Scenario(inputs: [[1]], targets: [[1]], weights: [[1], [2]])
        }
    }
}
