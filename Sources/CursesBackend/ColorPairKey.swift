import BackpropUI

/// The two colours a curses colour pair joins, as a cell's style asks for them.
struct ColorPairKey: Hashable {
    let foreground: Color?
    let background: Color?
}
