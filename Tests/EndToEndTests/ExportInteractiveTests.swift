import Foundation
import Testing

/// `e` in the visualiser on a network of 8,001 parameters, in tmux: the export runs between
/// frames with its progress on the hint line, keys keep working meanwhile, Esc cancels it, and a
/// signal ends the program with 128 + n, terminal restored and nothing left in the folder.
@Suite(
    "interactive: a long export", .serialized,
    .enabled(if: TmuxSession.isAvailable, "tmux is not installed; the end-to-end terminal tests need it"))
struct ExportInteractiveTests {
    /// The step count on the status bar.
    private func step(_ screen: TmuxScreen) -> Int? {
        guard let line = screen.lines.first(where: { $0.hasPrefix(" step ") }) else { return nil }
        return Int(line.dropFirst(" step ".count).prefix { $0.isNumber })
    }

    /// The row the hint line says the export is at, while it runs.
    private func exportRow(_ screen: TmuxScreen) -> Int? {
        guard let line = screen.lines.last(where: { $0.contains("exporting row ") }),
            let range = line.range(of: "exporting row ")
        else { return nil }
        return Int(line[range.upperBound...].prefix { $0.isNumber || $0 == "," }.filter(\.isNumber))
    }

    /// A session in a fresh folder holding `xor.csv`, showing the visualiser on xor through
    /// 2,000 hidden neurons trained to at least `steps` steps at max speed, paused.
    private func trained(steps: Int) throws -> (TmuxSession, URL, TmuxTerminalModes) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("backprop-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "x1,x2,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n".write(
            to: folder.appendingPathComponent("xor.csv"), atomically: true, encoding: .utf8)
        let session = try TmuxSession(width: 100, height: 30)
        session.enter("cd '\(folder.path)'")
        let before = try session.terminalModes()
        session.launchBackpropTUI(["--data", "xor.csv", "--hidden", "2000"])
        try session.waitUntil("the first frame") { step($0) == 0 }
        session.press(all: Array(repeating: "]", count: 20))
        try session.waitFor("speed max")
        session.press("r")
        try session.waitUntil("\(steps) steps", timeout: .seconds(120)) { (step($0) ?? 0) >= steps }
        session.press("p")
        try session.waitFor("paused")
        return (session, folder, before)
    }

    @Test("e shows its progress, keys work while it runs, and Esc cancels it, leaving nothing")
    func progressKeysAndEscape() throws {
        let (session, folder, before) = try trained(steps: 1500)
        defer { try? FileManager.default.removeItem(at: folder) }
        let paused = try session.waitUntil("the paused step") { step($0) != nil }
        let stopped = try #require(step(paused))
        session.press("e")
        let exporting = try session.waitUntil("the export's progress") { exportRow($0) != nil }
        #expect(exporting.text.contains("Esc cancels"), "\(exporting)")
        let firstRow = try #require(exportRow(exporting))

        // A step, drawn while the export goes on.
        session.press("s")
        let stepped = try session.waitUntil("the step taken during the export") { step($0) == stopped + 1 }
        let laterRow = try #require(exportRow(stepped), "the export still runs: \(stepped)")
        #expect(laterRow >= firstRow)

        session.press("Escape")
        let cancelled = try session.waitFor("nothing written")
        #expect(cancelled.text.contains("export cancelled at row "), "\(cancelled)")
        #expect(exportRow(cancelled) == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["xor.csv"])
        try session.quitAndExpectRestored(before: before)
    }

    @Test("SIGTERM mid-export ends the visualiser with 143, the terminal restored and nothing left behind")
    func signalMidExport() throws {
        let (session, folder, before) = try trained(steps: 1500)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pid = try session.programPID(named: "backprop-tui")
        session.press("e")
        try session.waitUntil("the export's progress") { exportRow($0) != nil }
        kill(pid, SIGTERM)
        try session.waitForPrompt()
        #expect(try session.lastExitStatus() == 143)
        try session.expectRestored(before: before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["xor.csv"])
    }
}
