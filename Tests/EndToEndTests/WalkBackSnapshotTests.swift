import Foundation
import Testing

/// `b` during a walk, from the real binary: one phase back, the same frame as reached going
/// forward; at the first phase the walk ends.
@Suite("b during a walk")
struct WalkBackSnapshotTests {
    private func snapshot(_ keys: String) throws -> [String] {
        let result = try ExecutableUnderTest.run(
            ["--snapshot", "--size", "120x40", "--keys", keys],
            environment: ProcessInfo.processInfo.environment.merging(["LC_ALL": "C.UTF-8"]) { $1 })
        #expect(result.status == 0, "\(result.stderr)")
        return result.lines
    }

    @Test("nnnnb (back from the update) draws the frame of nnn, the step undone, but for the message")
    func backFromTheUpdate() throws {
        let back = try snapshot("nnnnb")
        let forward = try snapshot("nnn")
        #expect(back.dropLast() == forward.dropLast())
        #expect(back.last?.contains("back to phase 3/4, backward, step 1 undone") == true, "\(back.last ?? "")")
    }

    @Test("nnb draws the frame of n; nb ends the walk and says so")
    func backToTheStart() throws {
        #expect(try snapshot("nnb").dropLast() == snapshot("n").dropLast())
        let ended = try snapshot("nb")
        #expect(ended.last?.contains("walk ended") == true)
        #expect(ended.dropLast() == (try snapshot("")).dropLast())
    }
}
