import BackpropCore
@testable import BackpropUI
import Testing

/// The drawing's keys and clicks: the mode `KeyMap` puts in front of the table, clicks read
/// against where the frame drew the canvas, and `--keys`' names for the mouse.
@Suite("drawing: keys and the mouse")
struct DrawingKeysTests {
    private func drawing(_ state: AppState = PictureScenarios.digits()) -> AppState {
        var state = state
        state.apply(.drawing(.toggle))
        return state
    }

    @Test(
        "while drawing, the arrows, Space, ., Backspace, Enter and Esc draw",
        arguments: [
            (Key.up, Action.drawing(.moveCursor(.up))), (.down, .drawing(.moveCursor(.down))),
            (.left, .drawing(.moveCursor(.left))), (.right, .drawing(.moveCursor(.right))),
            (.character(" "), .drawing(.paintAtCursor(.full))), (.character("."), .drawing(.paintAtCursor(.light))),
            (.backspace, .drawing(.clear)), (.enter, .drawing(.askLabel)), (.escape, .drawing(.leave)),
        ])
    func drawingKeys(_ key: Key, _ action: Action) {
        #expect(KeyMap.action(for: key, in: drawing()) == action)
        #expect(KeyMap.action(for: key, in: PictureScenarios.digits()) != action, "not without a canvas")
    }

    @Test("the other keys do what the table says: s steps, b goes back, D leaves, q quits")
    func tableKeys() {
        let state = drawing()
        #expect(KeyMap.action(for: .character("s"), in: state) == .training(.step))
        #expect(KeyMap.action(for: .character("b"), in: state) == .history(.stepBack))
        #expect(KeyMap.action(for: .character("D"), in: state) == .drawing(.toggle))
        #expect(KeyMap.action(for: .character("q"), in: state) == .terminal(.quit))
    }

    @Test("Esc closes the help first; the label prompt takes the keys as typed")
    func escapeAndEntry() {
        var state = drawing()
        state.apply(.view(.toggleHelp))
        #expect(KeyMap.action(for: .escape, in: state) == .view(.closeHelp))
        var labelling = drawing()
        labelling.apply(.drawing(.paintAtCursor(.full)))
        labelling.apply(.drawing(.askLabel))
        #expect(KeyMap.action(for: .character("3"), in: labelling) == .entry(.type("3")))
        #expect(KeyMap.action(for: .character(" "), in: labelling) == .entry(.type(" ")))
        #expect(KeyMap.action(for: .enter, in: labelling) == .entry(.commit))
    }

    @Test("the frame's map puts the canvas where the pane drew it: the cursor's brackets are at its pixel")
    func mapMatchesFrame() throws {
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            var state = drawing(PictureScenarios.digits(size: size))
            state.apply(.drawing(.moveCursor(.left)))
            let canvas = try #require(ScreenMap.of(state).drawingCanvas)
            let frame = Frame.render(state)
            let cells = canvas.cells(of: try #require(state.drawing?.cursor))
            #expect(frame[cells.x, cells.y].character == "[", "\(size)")
            #expect(frame[cells.maxX - 1, cells.y].character == "]", "\(size)")
            #expect(canvas.pixel(column: cells.x, row: cells.y) == state.drawing?.cursor)
            // The corners of the canvas, and just outside it.
            let last = canvas.cells(of: DrawingPixel(column: 7, row: 7))
            #expect(canvas.pixel(column: canvas.x, row: canvas.y) == DrawingPixel(column: 0, row: 0))
            #expect(canvas.pixel(column: last.maxX - 1, row: last.maxY - 1) == DrawingPixel(column: 7, row: 7))
            #expect(canvas.pixel(column: last.maxX, row: last.y) == nil)
            #expect(canvas.pixel(column: canvas.x, row: last.maxY) == nil)
            #expect(canvas.pixel(column: canvas.x - 1, row: canvas.y) == nil)
        }
    }

    @Test("a click on the canvas paints its pixel, a right click erases it; elsewhere, or the wheel, nothing")
    func clicks() throws {
        let state = drawing()
        let map = ScreenMap.of(state)
        let canvas = try #require(map.drawingCanvas)
        let cells = canvas.cells(of: DrawingPixel(column: 5, row: 2))
        for (column, row) in [(cells.x, cells.y), (cells.maxX - 1, cells.maxY - 1)] {
            #expect(
                KeyMap.action(for: .mouse(MouseEvent(.click, column: column, row: row)), in: state, screen: map)
                    == .drawing(.setPixel(DrawingPixel(column: 5, row: 2), ink: 1)))
        }
        #expect(
            KeyMap.action(for: .mouse(MouseEvent(.rightClick, column: cells.x, row: cells.y)), in: state, screen: map)
                == .drawing(.setPixel(DrawingPixel(column: 5, row: 2), ink: 0)))
        #expect(
            KeyMap.action(for: .mouse(MouseEvent(.wheelUp, column: cells.x, row: cells.y)), in: state, screen: map)
                == nil)
        #expect(KeyMap.action(for: .mouse(MouseEvent(.click, column: 0, row: 0)), in: state, screen: map) == nil)
        #expect(
            KeyMap.action(for: .mouse(MouseEvent(.click, column: cells.x, row: cells.y)), in: state) == nil,
            "without a map of the screen a click lands on nothing")
        #expect(
            KeyMap.action(
                for: .mouse(MouseEvent(.click, column: cells.x, row: cells.y)), in: PictureScenarios.digits(),
                screen: map) == nil, "nor without a canvas")
    }

    @Test("under the help a click lands on the help, not on the canvas")
    func helpCovers() {
        var state = drawing()
        state.apply(.view(.toggleHelp))
        #expect(ScreenMap.of(state) == .empty)
        let renderer = { () -> ScreenMap in
            var renderer = FrameRenderer(budget: .work(Frame.finishingWork))
            _ = renderer.render(state)
            return renderer.screenMap
        }()
        #expect(renderer == .empty)
    }

    @Test("the renderer keeps the map of the frame it drew, the one the loop reads clicks with")
    func rendererMap() {
        let state = drawing()
        var renderer = FrameRenderer(budget: .work(Frame.finishingWork))
        #expect(renderer.screenMap == .empty)
        _ = renderer.render(state)
        #expect(renderer.screenMap == ScreenMap.of(state))
        #expect(renderer.screenMap.drawingCanvas != nil)
    }

    @Test("the main loop reads a click against the frame on the screen: one D then a click in one batch paints nothing")
    func loopClicks() throws {
        let canvas = try #require(ScreenMap.of(drawing()).drawingCanvas)
        let cells = canvas.cells(of: DrawingPixel(column: 6, row: 1))
        let click = TerminalEvent.key(.mouse(MouseEvent(.click, column: cells.x, row: cells.y)))
        let clock = FakeClock()
        // A frame with the canvas is drawn between D and the click: the click paints.
        var state = PictureScenarios.digits()
        let screen = ScriptedScreen(
            clock: clock, script: [(0, .key(.character("D"))), (100, click), (200, .key(.character("q")))])
        AppLoop(clock: clock).run(&state, on: screen)
        #expect(!screen.ranDry)
        #expect(state.drawing?[DrawingPixel(column: 6, row: 1)] == 1)
        #expect(state.drawing?.inkedCount == 1)
        // D and the click in one batch: the screen showed no canvas when the click came.
        var batched = PictureScenarios.digits()
        let batchedClock = FakeClock()
        AppLoop(clock: batchedClock).run(
            &batched,
            on: ScriptedScreen(
                clock: batchedClock, script: [(0, .key(.character("D"))), (0, click), (200, .key(.character("q")))]))
        #expect(batched.drawing?.isBlank == true)
    }

    @Test("--keys names the mouse <Click c r>, counted from 1, in any case")
    func mouseNames() throws {
        #expect(
            try KeySequence(parsing: "<Click 12 5><RightClick 1 1><wheelup 3 4><WHEELDOWN 80 24>s").keys == [
                .mouse(MouseEvent(.click, column: 11, row: 4)), .mouse(MouseEvent(.rightClick, column: 0, row: 0)),
                .mouse(MouseEvent(.wheelUp, column: 2, row: 3)), .mouse(MouseEvent(.wheelDown, column: 79, row: 23)),
                .character("s"),
            ])
    }

    @Test(
        "a mouse name and a space with anything but two numbers from 1 is an error that shows how to write it",
        arguments: [
            "<Click 0 5>", "<Click 5>", "<Click 5 5", "<Click a b>", "<Click 5 5 5>", "<Click 123456 1>",
            "<click  5 5>",
        ])
    func badMouse(_ text: String) {
        #expect(throws: KeySequenceError.self) { try KeySequence(parsing: text) }
        do {
            _ = try KeySequence(parsing: text)
        } catch {
            #expect(error.description.contains("<Click c r>"), "\(error.description)")
            #expect(error.description.contains("counted from 1"))
            #expect(!error.description.contains("\n"))
        }
    }

    @Test("other names before a space are typed as before: <s 1 2> is its characters")
    func notMouse() throws {
        #expect(try KeySequence(parsing: "<s 1>").keys.count == 5)
        #expect(try KeySequence(parsing: "<Clicks 1 2>").keys.first == .character("<"))
    }

    @Test("pressed, a click lands on the frame of the state before it, as the screen shows it")
    func pressedClick() throws {
        let state = drawing()
        let canvas = try #require(ScreenMap.of(state).drawingCanvas)
        let cells = canvas.cells(of: DrawingPixel(column: 0, row: 7))
        var pressed = state
        try KeySequence(parsing: "<Click \(cells.x + 1) \(cells.y + 1)>").press(on: &pressed)
        #expect(pressed.drawing?[DrawingPixel(column: 0, row: 7)] == 1)
        #expect(pressed.drawing?.inkedCount == 1)
    }
}
