extension Trainer {
    /// How many samples the current state gets right, when the targets are classes: from the
    /// predictions its last forward passes left (training and test), so no pass over the data
    /// of its own.
    public var classAccuracy: ClassAccuracy? {
        targetClasses.map { classes in
            ClassAccuracy(
                classes: classes, training: prediction, test: testPrediction, targets: scenario.targets,
                split: scenario.split)
        }
    }
}
