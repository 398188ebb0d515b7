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
        #expect(TargetClasses(targets: Matrix([[-1], [1]])) == .signed, "tanh's yes or no")
        #expect(TargetClasses(targets: Matrix([[-1, 1], [1, 1]])) == .signed)
        #expect(TargetClasses(targets: Matrix([[-1], [0]])) == nil, "neither 0/1 nor ±1")
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

    @Test func aTieForTheLargestPredictionIsNoClass() {
        // A relu network whose outputs all died: ŷ = (0, 0) for both samples of the article's
        // example names neither class, though the first output is as large as any.
        let targets = Matrix([[1, 0], [0, 1]])
        let rule = TargetClasses.oneHot
        #expect(rule.rightCount(prediction: Matrix([[0, 0], [0, 0]]), targets: targets) == 0)
        let threeWay = Matrix([[0.4, 0.4, 0.2], [0.1, 0.45, 0.45], [0.2, 0.5, 0.5]])
        let classes = Matrix([[1, 0, 0], [0, 1, 0], [0, 1, 0]])
        #expect(!rule.isRight(sample: 0, prediction: threeWay, targets: classes), "tied with a wrong class")
        #expect(!rule.isRight(sample: 1, prediction: threeWay, targets: classes), "tied, the class second")
        #expect(!rule.isRight(sample: 2, prediction: threeWay, targets: classes))
        let wrongNaN = Matrix([[0.9, .nan, 0.0]])
        #expect(!rule.isRight(sample: 0, prediction: wrongNaN, targets: Matrix([[1, 0, 0]])), "NaN elsewhere")
    }

    @Test func signedIsRightWhenEveryOutputHasItsTargetsSign() {
        let targets = Matrix([[1], [-1], [1], [-1], [1]])
        let prediction = Matrix([[0.3], [-0.9], [0.0], [-0.0], [.nan]])
        let rule = TargetClasses.signed
        #expect(rule.isRight(sample: 0, prediction: prediction, targets: targets))
        #expect(rule.isRight(sample: 1, prediction: prediction, targets: targets))
        #expect(!rule.isRight(sample: 2, prediction: prediction, targets: targets), "0 has neither sign")
        #expect(!rule.isRight(sample: 3, prediction: prediction, targets: targets), "nor has -0")
        #expect(!rule.isRight(sample: 4, prediction: prediction, targets: targets), "NaN is never right")
        #expect(rule.rightCount(prediction: prediction, targets: targets) == 2)
    }
}
