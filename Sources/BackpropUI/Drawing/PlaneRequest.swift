/// Whether the input plane is wanted: the data decides whether it can be drawn at all, `m` the
/// rest, and `Layout` whether the terminal has room.
public enum PlaneRequest: Equatable, Hashable, Sendable {
    /// The data has not exactly two inputs (x1 and x2, before any features): there is no plane to paint.
    case unavailable
    /// Not chosen with `m`: shown on terminals of 120x40 and larger.
    case automatic
    /// Asked for with `m`: shown whenever the terminal is at least 104 columns wide.
    case shown
    /// Hidden with `m`.
    case hidden
}
