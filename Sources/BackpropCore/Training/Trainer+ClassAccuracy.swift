extension Trainer {
    /// How many samples the current state gets right, when the targets are classes: from the
    /// predictions its last forward passes left, so no pass over the data of its own.
    public var classAccuracy: ClassAccuracy? {
        // Asked first, so a run whose targets are not classes gathers no predictions.
        guard TargetClasses(targets: scenario.targets) != nil else { return nil }
        return ClassAccuracy(prediction: predictionOfEverySample, targets: scenario.targets, split: scenario.split)
    }
}
