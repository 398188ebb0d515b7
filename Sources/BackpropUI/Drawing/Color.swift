/// The eight ANSI colours, which every colour terminal has. Panes pick them for meaning
/// (sign, change); the backend drops them under NO_COLOR and the text stays complete.
public enum Color: Character, CaseIterable, Equatable, Hashable, Sendable {
    case black = "k"
    case red = "r"
    case green = "g"
    case yellow = "y"
    case blue = "b"
    case magenta = "m"
    case cyan = "c"
    case white = "w"
}
