import BackpropCore

extension AppState {
    /// Every runner of the race, the run on screen first (lane 0, with the whole cost curve),
    /// then the rivals; empty when there is no race.
    public var raceRunners: [RaceRunner] {
        guard let race else { return [] }
        return [RaceRunner(trainer: trainer, costCurve: costCurve, lane: 0)] + race.rivals
    }

    /// `R`: a race from the current state, or the end of the one going on, with its standings.
    mutating func reduce(_ action: RaceAction) {
        switch action {
        case .toggle: toggleRace()
        }
    }

    private mutating func toggleRace() {
        if race != nil {
            finishRace()
            return
        }
        guard refuseIfDiverged() else { return }
        let rivals = Race.rivalNames(for: trainer.optimizer.name, compared: raceNames)
        guard !rivals.isEmpty else {
            message = StatusMessage("no other optimizer to race: --compare named only this one", kind: .error)
            return
        }
        race = Race(from: trainer, against: rivals)
        let first = trainer.optimizer.name.rawValue
        let names = ([first] + rivals.map(\.rawValue)).joined(separator: ", ")
        message = StatusMessage(
            wordings: [
                "race from step \(trainer.stepCount): \(names), in lockstep; the panes follow \(first); R ends it",
                "race: \(names); the panes follow \(first); R ends it", "race: \(names); R ends it",
            ])
    }

    /// Ends the race on `R`, saying where each runner got to, lowest cost first (a runner that
    /// diverged last).
    private mutating func finishRace() {
        let runners = raceRunners
        race = nil
        let standings = runners.sorted { left, right in
            // A runner that diverged comes after every other, whatever its cost reads.
            let (a, b) = (left.trainer.cost, right.trainer.cost)
            return !left.hasDiverged && (right.hasDiverged || a < b)
        }
        let list = standings.map { "\($0.name.rawValue) \($0.costText)" }.joined(separator: ", ")
        let step = trainer.stepCount
        message = StatusMessage(
            wordings: [
                "race ended at step \(step), lowest cost first: \(list); the panes follow \(trainer.optimizer.name.rawValue)",
                "race ended at step \(step), lowest cost first: \(list)", "race ended at step \(step): \(list)",
                "race ended at step \(step) (R starts another)",
            ])
    }

    /// Ends the race because the run on screen changed other than by steps, saying why before
    /// what the change itself said.
    mutating func endRace(because ending: RaceEnding) {
        race = nil
        let why = "race ended: \(ending.words(parameter: selectionName))"
        guard let said = message else {
            message = StatusMessage(why)
            return
        }
        // The change's own message, or its first clause ("optimizer sgd" of "optimizer sgd: plain
        // gradient descent, ..."), when all of it does not fit after why.
        let clauses = [";", ":"].compactMap { said.text.split(separator: $0).first.map(String.init) }
        message = StatusMessage(
            wordings: (said.wordings + clauses).map { "\(why); \($0)" } + [why], kind: said.kind)
    }

    /// The rivals take the `steps` steps the run on screen just took; a rival that diverges is
    /// named (the race goes on without it).
    mutating func moveRivals(steps: Int) {
        guard let diverged = race?.run(steps: steps), let lane = diverged.first,
            let runner = race?.rivals[lane - 1], let divergence = runner.trainer.divergence
        else { return }
        message = StatusMessage(
            wordings: [
                "\(runner.name.rawValue) diverged at step \(runner.trainer.stepCount) (\(words(for: divergence))): its curve ends there; the race goes on",
                "\(runner.name.rawValue) diverged at step \(runner.trainer.stepCount); the race goes on",
            ], kind: .error)
    }
}
