import BackpropCore
import Testing

@testable import BackpropUI

/// The runs `x` leaves are kept for `b` within a memory bound, however large the network: a
/// history of a large network can alone be as large as the bound, so nine of them would not be.
@Suite("earlier runs in bounded memory")
struct EarlierRunMemoryTests {
    @Test("x pressed again and again on a 500,000-parameter network keeps the newest runs that fit")
    func largeRunsFitTheBound() {
        // 2-1000-497-1: 500,000 parameters, 4 MB a state; a checkpoint every step or two.
        var state = WideNetworks.xor(hidden: [1000, 497])
        var kept: [Int] = []
        for _ in 0..<3 {
            state.apply(.training(.advance(steps: 30)))
            state.apply(.history(.reset))
            kept.append(state.earlierRuns.count)
            let bytes = state.earlierRuns.reduce(0) { $0 + $1.bytes }
            #expect(bytes <= EarlierRun.memoryLimit || state.earlierRuns.count == 1, "\(bytes) bytes kept")
        }
        let oneRun = state.earlierRuns.last?.bytes ?? 0
        #expect(oneRun > EarlierRun.memoryLimit / 3, "a run of \(oneRun) bytes: large enough to test the bound")
        #expect(kept.last! < 3, "the oldest run is forgotten once the runs pass the bound: kept \(kept)")
        #expect(kept.last! >= 1, "the newest run is always kept")
    }

    @Test("small runs are kept up to the count, as before")
    func smallRunsKeepTheCount() {
        var state = TestScenarios.seed()
        for _ in 0..<(EarlierRun.limit + 2) {
            state.apply(.training(.advance(steps: 5)))
            state.apply(.history(.reset))
        }
        #expect(state.earlierRuns.count == EarlierRun.limit)
    }
}
