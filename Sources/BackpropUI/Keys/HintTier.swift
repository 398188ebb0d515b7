/// The key hints the bottom line chooses from, widest first: it shows the widest that fits the
/// terminal. They are not nested (the 80-column hint drops `q quit` for `Enter edit  c check
/// v lr preview`, the narrowest takes it back), so each `KeyHint` names the tiers it is in
/// rather than having a rank.
public enum HintTier: CaseIterable, Sendable {
    /// Every hint the table has (about 215 columns).
    case full
    /// About 115 columns: the width of a 120-column terminal.
    case wide
    /// About 90 columns.
    case medium
    /// About 75 columns: what fits the smallest screen, 80 columns.
    case narrow
    /// The first keys a newcomer needs (about 50 columns).
    case narrowest
}
