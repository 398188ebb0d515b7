import Foundation
import Testing

/// `E` in the real binary writes the very grid `--headless --landscape` prints for the same run.
@Suite("the landscape's export end to end")
struct LandscapeExportEndToEndTests {
    @Test(
        "E after N steps equals --headless --steps N --landscape of the same pair",
        arguments: [
            (["--preset", "seed"], 7, "w1_1,w1_2", ""),
            (["--preset", "spiral", "--lr", "0.5"], 40, "L1_w1_1,L1_w1_2", ""),
            // Tab twice selects ω¹13: the pair follows the selection, the partner the next.
            (["--preset", "circle", "--optimizer", "momentum"], 25, "L1_w1_3,L1_w1_4", "<tab><tab>"),
        ])
    func exportEqualsHeadless(options: [String], steps: Int, pair: String, keys: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "backprop-landscape-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let snapshot = try ExecutableUnderTest.run(
            options + ["--snapshot", "--steps", "\(steps)", "--keys", keys + "E"], in: folder)
        #expect(snapshot.status == 0, "\(snapshot.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        try #require(names.count == 1 && names[0].hasPrefix("backprop-landscape-") && names[0].hasSuffix(".csv"))
        #expect(snapshot.stdout.contains("written to"), "the message says where")
        let written = try String(contentsOf: folder.appendingPathComponent(names[0]), encoding: .utf8)
        let headless = try ExecutableUnderTest.run(
            options + ["--headless", "--steps", "\(steps)", "--landscape", pair])
        #expect(headless.status == 0, "\(headless.stderr)")
        #expect(written.hasPrefix(pair + ",cost\n"))
        #expect(written == headless.stdout)
    }
}
