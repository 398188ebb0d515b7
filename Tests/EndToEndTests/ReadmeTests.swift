import Foundation
import Testing

/// The README is the first thing a newcomer reads: what it says about the command line must be
/// what the program does.
@Suite("README")
struct ReadmeTests {
    private static let readme: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
    }()

    @Test("the command-line reference is --help, word for word")
    func helpAgrees() throws {
        let help = try ExecutableUnderTest.run(["--help"])
        #expect(help.status == 0)
        let text = help.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!text.isEmpty)
        #expect(
            Self.readme.contains(text), "README.md's 'Command line' section differs from --help; paste the new output")
    }

    @Test("the first frame shown in the README is the program's first frame")
    func firstFrameAgrees() throws {
        let snapshot = try ExecutableUnderTest.run(
            ["--snapshot"], environment: ProcessInfo.processInfo.environment.merging(["LC_ALL": "C.UTF-8"]) { $1 })
        #expect(snapshot.status == 0)
        // The README's copy has trailing spaces trimmed, as editors do.
        let frame = snapshot.lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n")
        #expect(Self.readme.contains(frame), "README.md's first frame is out of date; paste `backprop-tui --snapshot`")
    }
}
