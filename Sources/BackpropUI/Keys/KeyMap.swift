/// Which action a key asks for, given what the screen is doing: on a terminal too small for the
/// panes, only q and Esc; typing an lr, a parameter value, a quiz answer or a drawing's class
/// takes every character and the editing keys (and, for an answer, Tab for another question);
/// while drawing, the arrows, Space, `.`, Backspace, Enter, Esc and the mouse draw; the mouse
/// elsewhere selects what it lands on (`KeyMap+Mouse`); otherwise the keys of `KeyTable`. Keys
/// not listed map to `nil` and do nothing.
///
/// The modes stay here as code, in front of the table, because in them a key means something
/// else than its binding says (`q` typed into an entry, `s` waiting for room, Space painting).
public enum KeyMap {
    /// The action for `key` in `state`, or `nil` when the key does nothing there. A mouse event
    /// is read against `screen`, where the frame on the screen put what a click can land on.
    public static func action(for key: Key, in state: AppState, screen: ScreenMap = .empty) -> Action? {
        if !Layout.fits(state.size) { return tooSmallAction(for: key, in: state) }
        if state.entry != nil {
            switch key {
            case .enter: return .entry(.commit)
            case .escape: return .entry(.cancel)
            case .backspace: return .entry(.deleteBackward)
            case .left: return .entry(.moveCursor(.left))
            case .right: return .entry(.moveCursor(.right))
            case .home: return .entry(.moveCursor(.home))
            case .end: return .entry(.moveCursor(.end))
            case .tab where state.entry?.purpose == .quizAnswer: return .quiz(.cycleQuestion(backwards: false))
            case .backTab where state.entry?.purpose == .quizAnswer: return .quiz(.cycleQuestion(backwards: true))
            case .character(let character): return .entry(.type(character))
            default: return nil
            }
        }
        if state.drawing != nil, let action = drawingAction(for: key, in: state, screen: screen) { return action }
        // The mouse is read against the frame clicked on (`KeyMap+Mouse`); off the drawing's
        // canvas it selects as it does without one.
        if case .mouse(let event) = key { return mouseAction(for: event, in: state, screen: screen) }
        return KeyTable.binding(for: key)?.action(for: key, in: state)
    }

    /// The keys that draw while a drawing is open, or nil for a key that does what the table
    /// says (`s` steps, `b` goes back, `q` quits: the class watches the drawing's ŷ change).
    /// Esc closes the help first when it is open; a click paints the pixel under it (a right
    /// click erases it) and does nothing elsewhere, nor does the wheel.
    private static func drawingAction(for key: Key, in state: AppState, screen: ScreenMap) -> Action? {
        switch key {
        case .up: return .drawing(.moveCursor(.up))
        case .down: return .drawing(.moveCursor(.down))
        case .left: return .drawing(.moveCursor(.left))
        case .right: return .drawing(.moveCursor(.right))
        case .character(" "): return .drawing(.paintAtCursor(.full))
        case .character("."): return .drawing(.paintAtCursor(.light))
        case .backspace: return .drawing(.clear)
        case .enter: return .drawing(.askLabel)
        case .escape: return state.isHelpShown ? .view(.closeHelp) : .drawing(.leave)
        case .mouse(let event):
            guard let pixel = screen.drawingCanvas?.pixel(column: event.column, row: event.row) else { return nil }
            switch event.kind {
            case .click: return .drawing(.setPixel(pixel, ink: DrawingCanvas.Stroke.full.ink))
            case .rightClick: return .drawing(.setPixel(pixel, ink: 0))
            case .wheelUp, .wheelDown: return nil
            }
        default: return nil
        }
    }

    /// The keys of a terminal too small for the panes, where the screen shows only the sizes and
    /// "q quits". That line must be true in every mode, so `q` quits even with an entry open
    /// (where it would otherwise be typed). Esc cancels an entry, which the screen cannot show,
    /// so that no forgotten entry swallows keys when the terminal grows again. Every other key
    /// does nothing: its effect could not be seen (a step, a typed digit, an edit), and a key
    /// that changes the run unseen is worse than one that waits for a larger terminal. Help, a
    /// walk and a run carry on as they were and show again at a size that fits.
    private static func tooSmallAction(for key: Key, in state: AppState) -> Action? {
        switch key {
        case .character("q"): return .terminal(.quit)
        case .escape: return state.entry != nil ? .entry(.cancel) : nil
        default: return nil
        }
    }

    /// What the screen shows of the input plane, for `m`: the layout's facts that `update`
    /// does not read itself.
    public static func planeRoom(in state: AppState) -> PlaneRoom {
        let size = state.size
        if state.imageRequest != .unavailable {
            // The images show in a column of their own, or in the inspector's place once asked for.
            let inColumn = Layout.imageColumnWidth(for: size, request: state.imageRequest) > 0
            return PlaneRoom(
                isShown: inColumn || (state.imageRequest == .shown && state.imagePlaceHolder == nil),
                neededWidth: Layout.imageColumnWidth(for: size, request: .shown) > 0
                    ? nil : Layout.minimumSize.width + Layout.imageColumnMinimumWidth,
                width: size.width)
        }
        let fitsWhenAsked = Layout.planeWidth(for: size, request: .shown) > 0
        return PlaneRoom(
            isShown: Layout.planeWidth(for: size, request: state.planeRequest) > 0,
            neededWidth: fitsWhenAsked ? nil : Layout.minimumSize.width + Layout.minimumPlaneWidth, width: size.width)
    }
}
