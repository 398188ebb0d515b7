import BackpropCore
import BackpropUI
import Testing

/// `KeySequence`: the text of `--snapshot --keys`, read by its rule, and pressed on a state as
/// the main loop presses keys.
@Suite("KeySequence")
struct KeySequenceTests {
    private func keys(_ text: String) throws -> [Key] {
        try KeySequence(parsing: text).keys
    }

    @Test(
        "every name is its key",
        arguments: [
            ("<Up>", Key.up), ("<Down>", .down), ("<Left>", .left), ("<Right>", .right), ("<Tab>", .tab),
            ("<S-Tab>", .backTab), ("<Enter>", .enter), ("<Esc>", .escape), ("<BS>", .backspace),
            ("<Space>", .character(" ")), ("<PgUp>", .pageUp), ("<PgDn>", .pageDown), ("<Home>", .home),
            ("<End>", .end), ("<lt>", .character("<")), ("<gt>", .character(">")),
        ])
    func named(_ text: String, _ key: Key) throws {
        #expect(try keys(text) == [key])
    }

    @Test("the list of names is the one the tests know, each once")
    func nameList() {
        #expect(
            KeySequence.names.map(\.name) == [
                "Up", "Down", "Left", "Right", "Tab", "S-Tab", "Enter", "Esc", "BS", "Space", "PgUp", "PgDn", "Home",
                "End", "lt", "gt",
            ])
    }

    @Test("names ignore case")
    func caseInsensitive() throws {
        #expect(
            try keys("<up><DOWN><s-tab><pgdn><LT><Gt><eNtEr>") == [
                .up, .down, .backTab, .pageDown, .character("<"), .character(">"), .enter,
            ])
    }

    @Test("characters are themselves, names mix with them")
    func plainCharacters() throws {
        #expect(try keys("s r+") == [.character("s"), .character(" "), .character("r"), .character("+")])
        #expect(try keys("l0.5<Enter>q") == "l0.5".map { .character($0) } + [.enter, .character("q")])
        #expect(try keys("ω") == [.character("ω")])
    }

    @Test("a < that opens no name is the key <; a > outside a name is the key >")
    func literalAngleBrackets() throws {
        let lt = Key.character("<")
        let gt = Key.character(">")
        #expect(try keys("<") == [lt])
        #expect(try keys(">") == [gt])
        #expect(try keys("<>") == [lt, gt], "a name has at least one character")
        #expect(try keys("<<>") == [lt, lt, gt])
        #expect(try keys("<<Tab>") == [lt, .tab])
        #expect(try keys("<Tab>>") == [.tab, gt])
        #expect(try keys("<s") == [lt, .character("s")])
        #expect(try keys("< Up>") == [lt, .character(" "), .character("U"), .character("p"), gt])
        #expect(try keys("<Up!>") == [lt, .character("U"), .character("p"), .character("!"), gt])
        #expect(try keys("<lt>sss>") == [lt, .character("s"), .character("s"), .character("s"), gt])
    }

    @Test("<Up with no > is three keys")
    func unterminated() throws {
        #expect(try keys("<Up") == [.character("<"), .character("U"), .character("p")])
        #expect(
            try keys("s<Tab") == [.character("s"), .character("<"), .character("T"), .character("a"), .character("b")])
    }

    @Test("a name no key has is an error naming it and listing the names")
    func unknownName() throws {
        #expect(throws: KeySequenceError.unknownName("Bogus")) { try KeySequence(parsing: "s<Bogus>s") }
        #expect(throws: KeySequenceError.unknownName("sss")) { try KeySequence(parsing: "<sss>") }
        #expect(throws: KeySequenceError.unknownName("F1")) { try KeySequence(parsing: "<F1>") }
        #expect(throws: KeySequenceError.unknownName("-")) { try KeySequence(parsing: "<->") }
        let message = KeySequenceError.unknownName("Bogus").description
        #expect(!message.contains("\n"))
        #expect(message.hasPrefix("<Bogus> is not a key name"), "\(message)")
        for (name, _) in KeySequence.names {
            #expect(message.contains("<\(name)>"), "\(message) should list <\(name)>")
        }
    }

    @Test("the empty text is no keys")
    func empty() throws {
        #expect(try keys("") == [])
    }

    @Test("control characters are decoded as the backend decodes them")
    func controlCharacters() throws {
        #expect(try keys("\n\r\t\u{1B}\u{08}\u{7F}") == [.enter, .enter, .tab, .escape, .backspace, .backspace])
        #expect(try keys("s\u{01}s") == [.character("s"), .character("s")], "other controls are dropped")
    }

    @Test("pressing goes through KeyMap: two Tabs select ω21 and q stops the keys after it")
    func press() throws {
        var state = TestScenarios.seed()
        try KeySequence(parsing: "<Tab><Tab>").press(on: &state)
        #expect(state.selection == ParameterIndex.weight(layer: 0, row: 1, column: 0))

        var quitting = TestScenarios.seed()
        try KeySequence(parsing: "sqs").press(on: &quitting)
        #expect(quitting.shouldQuit)
        #expect(quitting.trainer.stepCount == 1, "the s after q is not pressed")
    }

    @Test("keys in an entry are typed, as in the visualiser")
    func entry() throws {
        var state = TestScenarios.seed()
        try KeySequence(parsing: "l0.5<Enter>").press(on: &state)
        #expect(state.trainer.learningRate == 0.5)
        #expect(state.entry == nil)
    }

    @Test("r and Space set the state running but take no step")
    func runTakesNoStep() throws {
        var state = TestScenarios.seed()
        try KeySequence(parsing: "r").press(on: &state)
        #expect(state.isRunning)
        #expect(state.trainer.stepCount == 0)
        try KeySequence(parsing: "<Space>").press(on: &state)
        #expect(!state.isRunning)
        #expect(state.trainer.stepCount == 0)
    }
}
