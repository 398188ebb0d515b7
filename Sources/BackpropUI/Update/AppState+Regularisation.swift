import BackpropCore

extension AppState {
    /// `B`: the next batch size of 1 2 4 8 …, then every training sample (the article's full
    /// batch), then 1 again. Checkpointed on both sides like an lr change, so `b` undoes it. A
    /// walk ends: the step it explains is not the one the new size takes.
    mutating func cycleBatchSize() {
        let training = trainer.scenario.trainingCount
        let next: Int?
        if let size = trainer.miniBatchSize {
            var doubled = 1
            while doubled <= size { doubled *= 2 }
            next = doubled < training ? doubled : nil
        } else {
            next = training > 1 ? 1 : nil
        }
        guard next != trainer.miniBatchSize else {
            message = StatusMessage("batch size stays \(training): there is one training sample")
            return
        }
        walkPhase = nil
        do {
            history.record(trainer)
            try trainer.setBatchSize(next)
            history.record(trainer)
        } catch {
            message = StatusMessage(error.description, kind: .error)
            return
        }
        guard let size = next else {
            message = StatusMessage(wordings: [
                "batch size: all \(training) samples, a step is an epoch (the article's); B for 1, b undoes",
                "batch size: all \(training) samples, a step is an epoch", "batch: all \(training)",
            ])
            return
        }
        // A size changed within an epoch leaves this epoch with the batches the status bar counts
        // (those taken and those left at the new size); a whole epoch at the new size has ⌈n/N⌉.
        let steps = BatchPosition.batchesPerEpoch(batchSize: size, training: training)
        let position = trainer.batchPosition
        let epoch =
            position.batches == steps
            ? "an epoch is \(counted(steps, "step"))"
            : "this epoch is \(counted(position.batches, "step")), then \(steps) each"
        message = StatusMessage(wordings: [
            "batch size \(size): \(epoch) over the \(training) training samples; B for the next, b undoes",
            "batch size \(size): \(epoch); B for the next, b undoes", "batch size \(size): \(epoch)",
            "batch \(size)",
        ])
    }

    /// `L`: the next penalty, none → L1 → L2 → none, with the λ in force (or the one chosen
    /// last); checkpointed on both sides so that `b` undoes it.
    mutating func cyclePenalty() {
        let lambda = trainer.penalty.isActive ? trainer.penalty.strength : penaltyStrength
        let next: Penalty
        switch trainer.penalty {
        case .none: next = .l1(lambda)
        case .l1: next = .l2(lambda)
        case .l2: next = .none
        }
        applyPenalty(next)
    }

    /// `{` or `}`: λ one rung along `PenaltyStrengthLadder`. Without a penalty only the λ `L`
    /// will turn one on with moves (nothing to undo); at either end the line says so.
    mutating func movePenaltyStrength(upwards: Bool) {
        let current = trainer.penalty.isActive ? trainer.penalty.strength : penaltyStrength
        let next = upwards ? PenaltyStrengthLadder.up(from: current) : PenaltyStrengthLadder.down(from: current)
        guard next != current else {
            let (end, key) = upwards ? ("top", "}") : ("bottom", "{")
            message = StatusMessage("λ \(DecimalNumber.text(current)) is the ladder's \(end): \(key) goes no further")
            return
        }
        guard trainer.penalty.isActive else {
            penaltyStrength = next
            message = StatusMessage(wordings: [
                "λ \(DecimalNumber.text(next)), for when L turns a penalty on (none is on)",
                "λ \(DecimalNumber.text(next))",
            ])
            return
        }
        applyPenalty(trainer.penalty.with(strength: next))
    }

    /// Sets the penalty with checkpoints on both sides, remembers its λ for `L`, and says what
    /// changed. A walk ends: its step is no longer the one the trainer takes.
    private mutating func applyPenalty(_ penalty: Penalty) {
        walkPhase = nil
        do {
            history.record(trainer)
            try trainer.setPenalty(penalty)
            history.record(trainer)
        } catch {
            message = StatusMessage(error.description, kind: .error)
            return
        }
        if penalty.isActive { penaltyStrength = penalty.strength }
        let lambda = DecimalNumber.text(penalty.strength)
        switch penalty {
        case .none:
            message = StatusMessage(wordings: [
                "penalty off: the gradient is the data's alone (the article's); L for L1, b undoes", "penalty off",
            ])
        case .l1:
            message = StatusMessage(wordings: [
                "penalty L1, λ \(lambda): λ·sign(ω) pushes small weights to 0; { } move λ, b undoes",
                "penalty L1, λ \(lambda); { } move λ, b undoes", "L1 λ \(lambda)",
            ])
        case .l2:
            message = StatusMessage(wordings: [
                "penalty L2, λ \(lambda): λω shrinks every weight; { } move λ, b undoes",
                "penalty L2, λ \(lambda); { } move λ, b undoes", "L2 λ \(lambda)",
            ])
        }
    }
}
