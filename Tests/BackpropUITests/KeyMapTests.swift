import BackpropCore
import BackpropUI
import Testing

/// What each key asks for, in each mode. The expectations are written out here, not read from
/// the key table, so that a change to the table that changes what a key does fails.
@Suite("KeyMap")
struct KeyMapTests {
    private func action(_ key: Key, _ state: AppState = TestScenarios.seed()) -> Action? {
        KeyMap.action(for: key, in: state)
    }

    /// Every key the command mode answers with a fixed action.
    private static let fixedActions: [Key: Action] = [
        .character("s"): .training(.step), .character("r"): .training(.run), .character("p"): .training(.pause),
        .character(" "): .training(.toggleRun), .character("x"): .history(.reset),
        .character("+"): .training(.learningRateUp), .character("="): .training(.learningRateUp),
        .character("-"): .training(.learningRateDown), .character("l"): .entry(.beginLearningRate),
        .character("]"): .training(.speedUp), .character("["): .training(.speedDown),
        .character("g"): .view(.toggleCostScale), .character("?"): .view(.toggleHelp),
        .character("q"): .terminal(.quit), .character("b"): .history(.stepBack), .character("n"): .walk(.next),
        .character("c"): .view(.toggleGradientCheck), .character("v"): .view(.toggleLearningRatePreview),
        .character("o"): .training(.cycleOptimizer), .character("R"): .race(.toggle), .character("t"): .quiz(.ask),
        .character("d"): .history(.nextScenario), .character("e"): .file(.exportTrace),
        .character("w"): .file(.saveScenario), .character("<"): .selection(.chooseSample(backwards: true)),
        .character(">"): .selection(.chooseSample(backwards: false)), .up: .selection(.move(.up)),
        .down: .selection(.move(.down)), .left: .selection(.move(.left)), .right: .selection(.move(.right)),
        .tab: .selection(.cycle(backwards: false)), .backTab: .selection(.cycle(backwards: true)),
        .pageUp: .selection(.jumpLayer(backwards: true)), .pageDown: .selection(.jumpLayer(backwards: false)),
        .enter: .entry(.beginParameter), .character("B"): .training(.cycleBatchSize),
        .character("L"): .training(.cyclePenalty), .character("}"): .training(.penaltyStrengthUp),
        .character("{"): .training(.penaltyStrengthDown), .character("F"): .view(.toggleGradientFlow),
        .character("S"): .landscape(.toggle),
        .character("P"): .landscape(.cyclePartner), .character("z"): .landscape(.zoomIn),
        .character("Z"): .landscape(.zoomOut), .character("E"): .landscape(.export),
        .character("D"): .drawing(.toggle),
        .character("K"): .classes(.toggleConfusion), .character("X"): .classes(.toggleWrongOnly),
        .character("M"): .view(.toggleMatrixForm),
    ]

    @Test("each command key asks for its action", arguments: fixedActions.keys.sorted { "\($0)" < "\($1)" })
    func commandKey(key: Key) {
        #expect(action(key) == Self.fixedActions[key])
    }

    @Test("the key table binds exactly the command keys: those above, m and Esc")
    func tableBindsTheCommandKeys() {
        let bound = Set(KeyTable.bindings.flatMap(\.keys))
        #expect(bound == Set(Self.fixedActions.keys).union([.character("m"), .escape]))
    }

    @Test("m carries what the screen shows of the input plane")
    func planeKeyCarriesTheRoom() {
        let narrow = TestScenarios.seed()
        let wide = TestScenarios.seed(size: Size(width: 140, height: 40))
        for state in [narrow, wide] {
            #expect(action(.character("m"), state) == .view(.togglePlane(KeyMap.planeRoom(in: state))))
        }
        #expect(KeyMap.planeRoom(in: narrow) != KeyMap.planeRoom(in: wide), "the room differs with the width")
    }

    @Test("keys no binding has do nothing, and neither does Esc with nothing open")
    func unboundKeysDoNothing() {
        for key in [Key.escape, .backspace, .home, .end, .character("Y"), .character("J"), .character("Q")] {
            #expect(action(key) == nil, "\(key)")
        }
        #expect(action(.character("1")) == nil)
    }

    @Test("Esc closes the help first, then ends a walk, then closes a quiz's answer")
    func escapeClosesWhatIsOnTop() {
        var state = TestScenarios.seed()
        state.apply(.walk(.next))
        state.apply(.view(.toggleHelp))
        #expect(action(.escape, state) == .view(.closeHelp))
        #expect(action(.character("?"), state) == .view(.toggleHelp), "? closes the help too")
        #expect(action(.character("q"), state) == .terminal(.quit), "q quits over the help")
        state.apply(.view(.closeHelp))
        #expect(action(.escape, state) == .walk(.end))
        var quiz = TestScenarios.seed()
        quiz.apply(.quiz(.ask))
        quiz.apply(.entry(.type("+")))
        quiz.apply(.entry(.commit))
        #expect(action(.escape, quiz) == .quiz(.end))
    }

    @Test("an lr being typed takes every character and the editing keys, not the selection")
    func entryTakesCharacters() {
        var state = TestScenarios.seed()
        state.apply(.entry(.beginLearningRate))
        #expect(action(.character("q"), state) == .entry(.type("q")), "q types, Esc leaves")
        #expect(action(.character("5"), state) == .entry(.type("5")))
        #expect(action(.enter, state) == .entry(.commit))
        #expect(action(.escape, state) == .entry(.cancel))
        #expect(action(.backspace, state) == .entry(.deleteBackward))
        #expect(action(.up, state) == nil)
        #expect(action(.tab, state) == nil, "Tab means nothing to an lr being typed")
    }

    @Test("while a quiz answer is typed, Tab and Shift-Tab change the question; once answered, t asks again")
    func quizKeys() {
        var state = TestScenarios.seed()
        state.apply(.quiz(.ask))
        #expect(action(.character("t"), state) == .entry(.type("t")), "while asking, every character is typed")
        #expect(action(.tab, state) == .quiz(.cycleQuestion(backwards: false)))
        #expect(action(.backTab, state) == .quiz(.cycleQuestion(backwards: true)))
        #expect(action(.escape, state) == .entry(.cancel))
        #expect(action(.enter, state) == .entry(.commit))
        state.apply(.entry(.type("+")))
        state.apply(.entry(.commit))
        #expect(action(.character("t"), state) == .quiz(.ask), "t asks again")
        #expect(action(.tab, state) == .selection(.cycle(backwards: false)), "Tab selects again once answered")
    }

    @Test("on a terminal too small for the panes only q and Esc do anything")
    func tooSmallTakesOnlyQuitAndEscape() {
        var state = TestScenarios.seed(size: Size(width: 60, height: 15))
        for key in Self.fixedActions.keys where key != .character("q") {
            #expect(action(key, state) == nil, "\(key)")
        }
        #expect(action(.character("q"), state) == .terminal(.quit))
        #expect(action(.escape, state) == nil, "Esc with no entry open")
        state.apply(.entry(.beginLearningRate))
        #expect(action(.escape, state) == .entry(.cancel))
        #expect(action(.character("q"), state) == .terminal(.quit), "q quits even with an entry open")
    }
}
