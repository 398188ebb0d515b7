/// Which action a key asks for, given what the screen is doing: on a terminal too small for the
/// panes, only q and Esc; typing an lr, a parameter value or a quiz answer takes every character
/// and the editing keys (and, for an answer, Tab for another question); otherwise the keys of
/// `KeyTable`. Keys not listed map to `nil` and do nothing.
///
/// The two modes stay here as code, in front of the table, because in them a key means
/// something else than its binding says (`q` typed into an entry, `s` waiting for room).
public enum KeyMap {
    /// The action for `key` in `state`, or `nil` when the key does nothing there.
    public static func action(for key: Key, in state: AppState) -> Action? {
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
        return KeyTable.binding(for: key)?.action(for: key, in: state)
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
