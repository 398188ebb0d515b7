/// How much of a frame's unfinished work (`FrameData.advance`) one render may do before it
/// draws what it has: the gradient check's estimates and the lr preview's rates are made in
/// slices, each one or two passes over the data, so a key is answered between two of them.
///
/// Every render makes at least one slice, so the work always ends.
public struct FrameBudget {
    /// Everything, however long it takes.
    public static var unlimited: FrameBudget { FrameBudget() }

    /// At most `count` slices a render (at least one): for tests, which must not depend on time.
    public static func slices(_ count: Int) -> FrameBudget {
        FrameBudget(slices: max(1, count))
    }

    /// Slices while `milliseconds` have not passed since the render began, by `clock`: the main
    /// loop's, so a frame is drawn, and keys polled, about that often while work goes on.
    public static func time(milliseconds: Int, clock: any MonotonicClock) -> FrameBudget {
        FrameBudget(nanoseconds: UInt64(max(0, milliseconds)) * 1_000_000, clock: clock)
    }

    /// Slices while their work, in samples times parameters (a pass over the data costs about
    /// one of each for each), stays within `work`: a frame that must be finished in one render
    /// (`--snapshot`, one frame as text) yet stay bounded, the same on every machine.
    public static func work(_ work: Int) -> FrameBudget {
        FrameBudget(work: work)
    }

    private var slices: Int? = nil
    private var nanoseconds: UInt64? = nil
    private var clock: (any MonotonicClock)? = nil
    private var work: Int? = nil

    /// The budget of one render, started now.
    func start() -> Meter {
        Meter(budget: self, start: clock?.nanoseconds ?? 0)
    }

    /// One render's use of the budget.
    struct Meter {
        let budget: FrameBudget
        let start: UInt64
        private var made = 0
        private var worked = 0

        init(budget: FrameBudget, start: UInt64) {
            self.budget = budget
            self.start = start
        }

        /// Whether one more slice of `work` (samples times parameters) may be made now; counts
        /// it when it may. The first always may.
        mutating func allowsSlice(work: Int) -> Bool {
            if made > 0 {
                if let slices = budget.slices, made >= slices { return false }
                if let limit = budget.work, worked + work > limit { return false }
                if let nanoseconds = budget.nanoseconds, let clock = budget.clock,
                    clock.nanoseconds - start >= nanoseconds
                {
                    return false
                }
            }
            made += 1
            worked += work
            return true
        }
    }
}
