import Testing

extension ExecutableUnderTest {
    /// `--headless --format csv` with `arguments`, expected to succeed quietly: the header line
    /// and every row split at its commas.
    static func csvRows(_ arguments: [String]) throws -> (header: String, rows: [[String]]) {
        let result = try run(["--headless", "--format", "csv"] + arguments)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.isEmpty)
        let lines = result.lines
        try #require(!lines.isEmpty)
        return (lines[0], lines.dropFirst().map { $0.split(separator: ",").map(String.init) })
    }
}
