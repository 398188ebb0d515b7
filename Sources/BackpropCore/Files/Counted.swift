/// A count and its noun, singular or plural as the count asks: `1 entry`, `2 entries`,
/// `0 entries`. Messages built from a file's shapes use it, so none says `1 entries`.
///
/// - Parameters:
///   - count: how many.
///   - singular: the noun for one (`"row"`).
///   - plural: the noun for any other count; `singular + "s"` when not given.
public func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
}
