extension AppState {
    /// Changes `state` in answer to `action`: the update function of the Elm / Bubble Tea shape.
    /// Pure apart from `state`: no terminal, no clock, no files, no layout, so every key is
    /// testable as a plain call. What must touch the world comes back as effects for the caller
    /// to perform.
    @discardableResult
    public static func update(_ state: inout AppState, _ action: Action) -> [Effect] {
        state.apply(action)
    }

    /// `update(&self, action)`, for call sites that hold the state themselves.
    @discardableResult
    public mutating func apply(_ action: Action) -> [Effect] {
        // A race goes on only while the run on screen changes by steps alone.
        guard race != nil, let reason = RaceEnding(action, entry: entry) else { return perform(action) }
        let before = (trainer.state, cyclePosition, trainer.scenario.sampleCount)
        let effects = perform(action)
        if race != nil,
            trainer.state != before.0 || cyclePosition != before.1 || trainer.scenario.sampleCount != before.2
        {
            endRace(because: reason)
        }
        return effects
    }

    /// What `action` does, race or not: the parts every action shares, then its feature's reducer.
    private mutating func perform(_ action: Action) -> [Effect] {
        // A message answers the key before; the next key replaces it.
        if action.replacesMessage { message = nil }
        if let quiz, !quiz.isAsking, !action.keepsQuizExplanation { self.quiz = nil }
        let selectionBefore = selection
        defer { keepLandscapePair(selectionBefore: selectionBefore) }
        switch action {
        case .training(let action): reduce(action)
        case .history(let action):
            reduce(action)
            // `d`, and `b` back to a run `x`, `d` or an added sample left, change the data.
            keepDrawingPossible()
        case .entry(let action): reduce(action)
        case .selection(let action): reduce(action)
        case .view(let action): reduce(action)
        case .walk(let action): reduce(action)
        case .quiz(let action): reduce(action)
        case .race(let action): reduce(action)
        case .landscape(let action): return reduce(action)
        case .drawing(let action): reduce(action)
        case .classes(let action): reduce(action)
        case .plane(let action): reduce(action)
        case .file(let action): return reduce(action)
        case .task(let action): return reduce(action)
        case .terminal(let action): reduce(action)
        }
        return []
    }

    /// A new terminal size, or the end of the program.
    private mutating func reduce(_ action: TerminalAction) {
        switch action {
        case .resize(let newSize): size = newSize
        case .quit: shouldQuit = true
        }
    }
}
