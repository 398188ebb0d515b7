import BackpropCore
import Testing

/// When targets are classes, and when a prediction names the right one: what "k/N right" counts.
@Suite struct TargetClassesTests {
    @Test func whichTargetsAreClasses() {
        #expect(TargetClasses(targets: Matrix([[1, 0, 0], [0, 0, 1]])) == .oneHot)
        #expect(TargetClasses(targets: Matrix([[1, 0], [0, 1]])) == .oneHot)
        #expect(TargetClasses(targets: Matrix([[0], [1], [1]])) == .binary, "one output: yes or no")
        #expect(TargetClasses(targets: Matrix([[1, 1], [0, 1]])) == .binary, "two yes-or-no outputs")
        #expect(TargetClasses(targets: Matrix([[0, 0], [0, 1]])) == .binary, "a row of zeros is no class")
        #expect(TargetClasses(targets: Matrix([[0.5], [1]])) == nil)
        #expect(TargetClasses(targets: Matrix([[-1], [1]])) == nil)
    }

    @Test func oneHotIsRightWhenTheLargestPredictionIsTheClass() {
        let targets = Matrix([[0, 1, 0], [1, 0, 0], [0, 0, 1]])
        let prediction = Matrix([[0.2, 0.5, 0.3], [0.3, 0.4, 0.3], [0.1, 0.1, .nan]])
        let rule = TargetClasses.oneHot
        #expect(rule.isRight(sample: 0, prediction: prediction, targets: targets))
        #expect(!rule.isRight(sample: 1, prediction: prediction, targets: targets))
        #expect(!rule.isRight(sample: 2, prediction: prediction, targets: targets), "NaN is never right")
        #expect(rule.rightCount(prediction: prediction, targets: targets) == 1)
    }

    @Test func binaryIsRightWhenEveryOutputIsOnItsSideOfOneHalf() {
        let targets = Matrix([[1, 0], [0, 1], [1, 1], [0, 0]])
        let prediction = Matrix([[0.9, 0.2], [0.4, 0.6], [0.7, 0.5], [0.1, .nan]])
        let rule = TargetClasses.binary
        #expect(rule.isRight(sample: 0, prediction: prediction, targets: targets))
        #expect(rule.isRight(sample: 1, prediction: prediction, targets: targets))
        #expect(!rule.isRight(sample: 2, prediction: prediction, targets: targets), "0.5 is on neither side")
        #expect(!rule.isRight(sample: 3, prediction: prediction, targets: targets), "NaN is never right")
        #expect(rule.rightCount(prediction: prediction, targets: targets) == 2)
    }
}
