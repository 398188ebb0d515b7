import Testing

extension TmuxSession {
    /// Expects the terminal as `before` the program ran: main screen, cursor shown, keypad off,
    /// no mouse reporting (a click would type escape sequences into the shell), `stty -a` word
    /// for word the same (echo and canonical input on), the prompt back.
    func expectRestored(before: TmuxTerminalModes) throws {
        #expect(pane("alternate_on") == "0", "still on the alternate screen")
        #expect(pane("mouse_any_flag") == "0", "the terminal still reports the mouse")
        #expect(pane("cursor_flag") == "1", "the cursor is still hidden")
        #expect(pane("keypad_flag") == "0", "the keypad is still in application mode")
        let after = try terminalModes()
        #expect(after.isOn("echo"), "stty -a: \(after)")
        #expect(after.isOn("icanon"), "stty -a: \(after)")
        #expect(after == before, "modes before: \(before)\nafter: \(after)")
        #expect(screen.lastLine == TmuxSession.prompt, "\(screen)")
    }

    /// Presses `q`, expects the program to end with status 0, then the terminal as `before`.
    func quitAndExpectRestored(before: TmuxTerminalModes) throws {
        press("q")
        try waitForPrompt()
        #expect(try lastExitStatus() == 0)
        try expectRestored(before: before)
    }
}
