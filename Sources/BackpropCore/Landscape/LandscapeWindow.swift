import Foundation

/// The part of the plane of two parameters a landscape shows: on each axis a span of the 1-2-5
/// ladder (…, 0.5, 1, 2, 5, 10, …) around the path of descent, so the view is calm while
/// training: it stays where it is until the path outgrows it or drifts a quarter of it away.
///
/// The rule, for each axis on its own, from the path's values, the current value and the value
/// after the next step (`fitting`):
/// 1. the extent of those values (the non-finite ones left out), times 1.5 (a margin of a
///    quarter on each side), and at least `minimumSpan`;
/// 2. rounded up to the 1-2-5 ladder, then `zoom` rungs up (out) or down (in);
/// 3. centred on the middle of the extent, rounded to a multiple of a quarter of the span; when
///    a zoom in leaves the extent wider than the span, on the current value instead.
/// Every value the rule was given is then inside the window (unless zoomed in), the current one
/// always (values beyond ±1e300 count as ±1e300: a window is always finite).
public struct LandscapeWindow: Equatable, Sendable {
    /// The values of the first parameter (the x axis), edge to edge.
    public let x: ClosedRange<Double>
    /// The values of the second parameter (the y axis), edge to edge.
    public let y: ClosedRange<Double>

    /// The span shown on an axis whose values hardly move (a path of one state, a learning
    /// rate of 0): two units, about the size of the weights the presets start from.
    public static let minimumSpan = 2.0

    /// A window of the given ranges.
    public init(x: ClosedRange<Double>, y: ClosedRange<Double>) {
        self.x = x
        self.y = y
    }

    /// The window for `path` (oldest first, ending at the current point) and the point after the
    /// next step (`next`, when known), `zoom` rungs of the ladder out (positive) or in (negative)
    /// from the span that fits them.
    public static func fitting(path: [LandscapePoint], next: LandscapePoint?, zoom: Int = 0) -> LandscapeWindow {
        let points = path + (next.map { [$0] } ?? [])
        let current = path.last
        return LandscapeWindow(
            x: range(points.map(\.x), current: current?.x, zoom: zoom),
            y: range(points.map(\.y), current: current?.y, zoom: zoom))
    }

    /// The largest value the rule works with: farther values (a run diverging towards the largest
    /// double) count as this, so every span, centre and edge stays a finite number.
    static let largestValue = 1e300

    /// One axis of `fitting`.
    static func range(_ values: [Double], current: Double?, zoom: Int) -> ClosedRange<Double> {
        func clamped(_ value: Double) -> Double { min(max(value, -largestValue), largestValue) }
        let finite = values.filter(\.isFinite).map(clamped)
        guard let lowest = finite.min(), let highest = finite.max() else {
            return -minimumSpan / 2...minimumSpan / 2
        }
        let extent = highest - lowest
        let largestRung = LandscapeWindow.rung(atLeast: 4 * largestValue)
        let rung = min(largestRung, LandscapeWindow.rung(atLeast: max(extent * 1.5, minimumSpan)) + zoom)
        let span = LandscapeWindow.span(ofRung: rung)
        let quarter = span / 4
        let now = current.flatMap { $0.isFinite ? clamped($0) : nil }
        var middle = extent <= span ? lowest + extent / 2 : (now ?? lowest)
        // Zoomed in, the middle of the path can leave the current value outside: it goes first.
        if let now, abs(now - (middle / quarter).rounded() * quarter) > span / 2 { middle = now }
        let centre = (middle / quarter).rounded() * quarter
        return (centre - span / 2)...(centre + span / 2)
    }

    /// The span of rung `rung` of the 1-2-5 ladder: rung 0 is 1, rung 1 is 2, rung 2 is 5,
    /// rung 3 is 10, rung -1 is 0.5.
    public static func span(ofRung rung: Int) -> Double {
        let decade = rung >= 0 ? rung / 3 : -((-rung + 2) / 3)
        let mantissa = [1.0, 2.0, 5.0][rung - decade * 3]
        return mantissa * pow10(decade)
    }

    /// The lowest rung whose span is at least `span` (a positive finite number).
    public static func rung(atLeast span: Double) -> Int {
        guard span.isFinite, span > 0 else { return 0 }
        var rung = Int((log10(span) * 3).rounded(.down)) - 3
        while LandscapeWindow.span(ofRung: rung) < span { rung += 1 }
        return rung
    }

    /// 10 to the power `exponent`, exactly for the powers a double holds exactly.
    private static func pow10(_ exponent: Int) -> Double {
        exponent >= 0 ? (0..<exponent).reduce(1.0) { value, _ in value * 10 } : 1 / pow10(-exponent)
    }
}
