extension AppState {
    /// Keeps the running task's progress for the hint line and the key map; the task itself is
    /// the loop's (it does I/O), so cancelling asks for it as an effect.
    mutating func reduce(_ action: TaskAction) -> [Effect] {
        switch action {
        case .progress(let progress): task = progress
        case .cancel: return task == nil ? [] : [.cancelTask]
        case .finished(let outcome):
            task = nil
            message = outcome
        }
        return []
    }
}
