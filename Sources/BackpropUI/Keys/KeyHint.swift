/// One entry of the bottom line's key hint: a key and a word or two (`s step`), and the hint
/// tiers that show it.
public struct KeyHint: Sendable {
    /// The key and what it does, as the hint line writes it (`+/- lr`, `arrows/Tab select`).
    public let text: String
    /// The tiers of the hint line this entry is in.
    public let tiers: Set<HintTier>

    /// `text`, shown in `tiers` (only the widest hint, by default).
    public init(_ text: String, in tiers: Set<HintTier> = [.full]) {
        self.text = text
        self.tiers = tiers
    }
}
