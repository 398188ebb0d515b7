import BackpropCore
import BackpropUI
import XCTest

final class CostCurveTests: XCTestCase {
    func testTenMillionStepsStayBoundedAndKeepMinMaxFirstLast() throws {
        var curve = CostCurve(capacity: 1024)
        let steps = 10_000_000
        let spikeStep = 7_654_321
        func cost(_ step: Int) -> Double { step == spikeStep ? 50 : 10 / Double(step + 1) + 1 }
        for step in 0...steps { curve.record(step: step, cost: cost(step)) }
        XCTAssertLessThanOrEqual(curve.count, 1024)
        XCTAssertGreaterThan(curve.count, 512, "merging halves the buckets, not more")
        XCTAssertEqual(curve.lastStep, steps)
        let overall = try XCTUnwrap(curve.overall)
        XCTAssertEqual(overall.first, cost(0))
        XCTAssertEqual(overall.last, cost(steps))
        XCTAssertEqual(overall.max, 50, "the one-step spike survives every merge")
        XCTAssertEqual(overall.min, cost(steps))
        // Buckets cover consecutive spans: each bucket's first follows the previous one's last.
        let buckets = Array(curve.buckets)
        for index in 1..<buckets.count {
            let firstStep = index * curve.span
            XCTAssertEqual(buckets[index].first, cost(firstStep), "bucket \(index)")
            XCTAssertEqual(buckets[index - 1].last, cost(firstStep - 1), "bucket \(index - 1)")
        }
    }

    func testSummaryOfAStepRange() throws {
        var curve = CostCurve(capacity: 4)
        for (step, cost) in [5.0, 4, 6, 3, 2, 7, 1].enumerated() { curve.record(step: step, cost: cost) }
        XCTAssertEqual(curve.span, 2)
        XCTAssertEqual(curve.count, 4)
        let middle = try XCTUnwrap(curve.summary(steps: 2, 6))
        XCTAssertEqual([middle.min, middle.max, middle.first, middle.last], [2, 7, 6, 7])
    }

    func testNonFiniteCostsAreKeptAsLastButNotInTheRange() throws {
        var curve = CostCurve(capacity: 4)
        curve.record(step: 0, cost: 2)
        curve.record(step: 1, cost: .infinity)
        curve.record(step: 2, cost: .nan)
        let overall = try XCTUnwrap(curve.overall)
        XCTAssertEqual(overall.max, 2)
        XCTAssertEqual(overall.min, 2)
        XCTAssertTrue(overall.last.isNaN)
    }

    func testResetForgetsEverything() {
        var curve = CostCurve(capacity: 8)
        for step in 0..<100 { curve.record(step: step, cost: Double(step)) }
        curve.reset()
        XCTAssertTrue(curve.isEmpty)
        XCTAssertEqual(curve, CostCurve(capacity: 8))
        curve.record(step: 0, cost: 3)
        XCTAssertEqual(curve.overall?.first, 3)
    }

    func testACurveThatStartsLateKeepsItsStepsWhereTheRunsAre() throws {
        // A race's runner joins at the step the race starts: 5000 steps in, with 8 buckets the
        // span is 1024 (5000 / 1024 = 4, the fifth bucket), as it is for the run that got there.
        var late = CostCurve(capacity: 8)
        for step in 5000...6000 { late.record(step: step, cost: Double(step)) }
        var whole = CostCurve(capacity: 8)
        for step in 0...6000 { whole.record(step: step, cost: Double(step)) }
        XCTAssertEqual(late.span, whole.span)
        XCTAssertEqual(late.count, whole.count)
        XCTAssertTrue(late.buckets.prefix(4).allSatisfy { !$0.hasFiniteCost && $0.last.isNaN }, "empty: NaN is not NaN")
        XCTAssertNil(late.summary(steps: 0, 4096).flatMap { $0.hasFiniteCost ? $0 : nil }, "nothing before")
        let joined = try XCTUnwrap(late.summary(steps: 4096, 5120))
        XCTAssertEqual([joined.min, joined.max, joined.last], [5000, 5119, 5119])
        XCTAssertEqual(late.overall?.min, 5000)
        XCTAssertEqual(late.overall?.max, 6000)
        // Halving merges the empty buckets with each other and into the first with costs.
        for step in 6001...20000 { late.record(step: step, cost: Double(step)) }
        XCTAssertEqual(late.span, 4096)
        XCTAssertEqual(late.overall?.min, 5000)
        XCTAssertFalse(late.buckets[0].hasFiniteCost)
        XCTAssertEqual(late.buckets[1].min, 5000)
    }

    func testTrainerRunFeedsTheCurve() {
        var trainer = Trainer(scenario: Preset.seed.scenario)
        var curve = CostCurve()
        curve.record(step: 0, cost: trainer.cost)
        trainer.run(steps: 3, observer: &curve)
        XCTAssertEqual(curve.lastStep, 3)
        XCTAssertEqual(
            curve.buckets.map(\.last),
            [Trainer(scenario: Preset.seed.scenario).cost, 1.4556414717601052, 1.3382380273209387, 1.2216201634346888],
            accuracy: 1e-15)
    }
}

private func XCTAssertEqual(
    _ a: [Double], _ b: [Double], accuracy: Double, file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertEqual(a.count, b.count, file: file, line: line)
    for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: accuracy, file: file, line: line) }
}
