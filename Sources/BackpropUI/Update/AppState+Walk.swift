extension AppState {
    /// Walking through one step phase by phase (`n`), or stopping (Esc).
    mutating func reduce(_ action: WalkAction) {
        switch action {
        case .next: walk()
        case .end: walkPhase = nil
        }
    }

    private mutating func walk() {
        guard let phase = walkPhase else {
            guard refuseIfDiverged(), refuseWhileDrawing("n's walk") else { return }
            isRunning = false
            walkPhase = .first
            return
        }
        switch phase {
        case .backward(layer: 0):
            guard refuseIfDiverged() else {
                walkPhase = nil
                return
            }
            takeStep()
            walkPhase = hasDiverged ? nil : .update
        case .update:
            guard refuseIfDiverged() else {
                walkPhase = nil
                return
            }
            previous = nil
            walkPhase = .first
        default:
            walkPhase = phase.next(layerCount: trainer.network.layerCount)
        }
    }
}
