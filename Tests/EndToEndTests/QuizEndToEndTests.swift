import Foundation
import Testing

/// The quiz through the real binary: `--snapshot --keys "t+<Enter>"` prints the reveal (right,
/// wrong, a number, Esc), and in tmux a class answers two questions as it would in a lesson,
/// the terminal left as it was found.
@Suite("quiz: t in the real binary", .serialized)
struct QuizEndToEndTests {
    /// Runs `--snapshot` plus `arguments` in a UTF-8 locale, so the frame shows ω, not w.
    private func snapshot(_ arguments: [String]) throws -> ExecutableUnderTest.Result {
        let result = try ExecutableUnderTest.run(
            ["--snapshot"] + arguments,
            environment: ProcessInfo.processInfo.environment.merging(["LC_ALL": "C.UTF-8"]) { $1 })
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        return result
    }

    @Test("--snapshot --keys 't+<Enter>': right, with the article's step 1 taken")
    func right() throws {
        let frame = try snapshot(["--keys", "t+<Enter>"]).stdout
        #expect(frame.contains("right: ∂C/∂ω11 = 0.7459 is positive; you said +"), "\(frame)")
        #expect(frame.contains("Δω11 = -lr · 0.7459 = -0.0746      ω11: 0.1000 → 0.0254"), "\(frame)")
        #expect(frame.contains(" step 1  C 1.455641472  lr 0.1  sgd  score 1/1  paused"), "\(frame)")
        #expect(frame.contains("right, score 1/1: step 1 taken"), "\(frame)")
    }

    @Test("--snapshot --keys 't-<Enter>': wrong, and the step is taken")
    func wrong() throws {
        let frame = try snapshot(["--keys", "t-<Enter>"]).stdout
        #expect(frame.contains("wrong: ∂C/∂ω11 = 0.7459 is positive; you said -"), "\(frame)")
        #expect(frame.contains(" step 1  C 1.455641472  lr 0.1  sgd  score 0/1  paused"), "\(frame)")
    }

    @Test("numbers: within 10% is right, further is wrong, the miss printed")
    func numbers() throws {
        let close = try snapshot(["--keys", "t0.7<Enter>"]).stdout
        #expect(close.contains("right: ∂C/∂ω11 = 0.7459; you said 0.7, off by 0.0459"), "\(close)")
        let far = try snapshot(["--keys", "t0.6<Enter>"]).stdout
        #expect(far.contains("wrong: ∂C/∂ω11 = 0.7459; you said 0.6, off by 0.1459"), "\(far)")
    }

    @Test("Esc leaves the question: step 0, no score, the inspector back")
    func escape() throws {
        let frame = try snapshot(["--keys", "t+<Esc>"]).stdout
        #expect(frame.contains(" step 0  C 1.556296197  lr 0.1  sgd  paused"), "\(frame)")
        #expect(!frame.contains("score"), "\(frame)")
        #expect(frame.contains("Inspector ω11"), "\(frame)")
        #expect(frame.contains("question left unanswered: no step taken"), "\(frame)")
    }

    @Test(
        "in tmux: a question, a wrong answer, x, another question answered right; the score says 1/2",
        .enabled(if: TmuxSession.isAvailable, "tmux is not installed; the end-to-end terminal tests need it"))
    func aLesson() throws {
        let session = try TmuxSession(width: 100, height: 30)
        let before = try session.terminalModes()
        session.launchBackpropTUI(["--preset", "xor-hidden"])
        try session.waitFor("step 0")
        session.press("t")
        let asking = try session.waitUntil("the question") { $0.lastLine.contains("answer (+, - or a number):") }
        #expect(asking.text.contains("Which way will ∂C/∂ω¹11 point in step 1"), "\(asking)")
        #expect(asking.text.contains("x1  0.5000        ?"), "the asked gradient is hidden: \(asking)")
        // ∂C/∂ω¹11 of step 1 is 0.0525 (its inspector says so before the quiz): - is wrong.
        session.press("-", "Enter")
        let wrong = try session.waitUntil("the verdict") { $0.lastLine.contains("wrong, score 0/1") }
        #expect(wrong.text.contains("wrong: ∂C/∂ω¹11 = 0.0525 is positive; you said -"), "\(wrong)")
        #expect(wrong.text.contains("step 1  C "), "\(wrong)")
        session.press("Escape", "x")
        try session.waitUntil("reset to step 0") { $0.text.contains(" step 0  C ") }
        session.press("t", "Tab")
        try session.waitUntil("will C fall?") { $0.text.contains("Will C fall in step 1, at lr 0.5?") }
        session.type("y")
        session.press("Enter")
        let right = try session.waitUntil("right") { $0.lastLine.contains("right, score 1/2") }
        #expect(right.text.contains("right: C fell, 1.0629 → "), "\(right)")
        #expect(right.text.contains("score 1/2  paused"), "\(right)")
        try session.quitAndExpectRestored(before: before)
    }
}
