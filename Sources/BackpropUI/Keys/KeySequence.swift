/// Keys written as text, vim-style (`ss<Tab><Enter>`), for `--snapshot --keys` and for tests:
/// any state the visualiser can reach by typing can then be drawn without a terminal.
///
/// The rule, scanned left to right one Unicode scalar at a time (the backend reads one scalar
/// per key too):
/// - `<` starts a name when what follows it is one or more ASCII letters, digits or `-` and
///   then `>`: `<Tab>` is Tab. Names ignore case (`<tab>`, `<TAB>`); a name that is not in
///   `KeySequence.names` is an error, never typed as its characters.
/// - Any other `<` is the key `<` itself: `<` alone, `<<Tab>` (the key `<`, then Tab), `<>`
///   (the keys `<` and `>`), `<Up` with no `>` (the keys `<`, `U`, `p`), `<s` (`<`, then `s`).
///   To type `<` just before letters and a `>` (`<sss>`), write `<lt>` for it (`<lt>sss>`).
/// - `<lt>` and `<gt>` are the keys `<` and `>`; a `>` outside a name is the key `>` itself.
/// - Every other character is its own key (a space is Space), except the control characters a
///   terminal sends for keys: newline and carriage return are Enter, tab is Tab, escape is Esc,
///   backspace and delete are BS. Other control characters are dropped, as the backend drops
///   them when typed.
/// - `<Click c r>`, `<RightClick c r>`, `<WheelUp c r>` and `<WheelDown c r>` are the mouse at
///   column `c` and row `r` of the screen, both counted from 1 as a person counts them (the
///   event holds them 0-based). The names ignore case too; a mouse name and a space then
///   anything but two whole numbers of at least 1 and `>` is an error.
public struct KeySequence: Equatable, Sendable {
    /// The keys in the order they are pressed.
    public var keys: [Key]

    /// The sequence of `keys`.
    public init(_ keys: [Key]) {
        self.keys = keys
    }

    /// Every key name `<...>` understands, in the order messages and help list them. Lookups
    /// ignore case; these spellings are the ones shown.
    public static let names: [(name: String, key: Key)] = [
        ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right),
        ("Tab", .tab), ("S-Tab", .backTab), ("Enter", .enter), ("Esc", .escape), ("BS", .backspace),
        ("Space", .character(" ")), ("PgUp", .pageUp), ("PgDn", .pageDown), ("Home", .home), ("End", .end),
        ("lt", .character("<")), ("gt", .character(">")),
    ]

    /// Lowercased name to key, for the case-insensitive lookup.
    private static let keysByName: [String: Key] = Dictionary(
        uniqueKeysWithValues: names.map { ($0.name.lowercased(), $0.key) })

    /// The keys `text` writes, by the rule above; `KeySequenceError.unknownName` for a
    /// `<name>` that names no key.
    public init(parsing text: String) throws(KeySequenceError) {
        let scalars = Array(text.unicodeScalars)
        var keys: [Key] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<", let (event, close) = try Self.mouseEvent(in: scalars, openingAt: index) {
                keys.append(.mouse(event))
                index = close + 1
                continue
            }
            if scalar == "<", let close = Self.endOfName(in: scalars, openingAt: index) {
                let name = String(String.UnicodeScalarView(scalars[(index + 1)..<close]))
                guard let key = Self.keysByName[name.lowercased()] else { throw .unknownName(name) }
                keys.append(key)
                index = close + 1
                continue
            }
            if let key = Self.key(for: scalar) { keys.append(key) }
            index += 1
        }
        self.keys = keys
    }

    /// The index of the `>` that closes a name opened by the `<` at `open`, or `nil` when the
    /// `<` opens no name (nothing, or something other than letters, digits and `-`, before a `>`).
    private static func endOfName(in scalars: [Unicode.Scalar], openingAt open: Int) -> Int? {
        var index = open + 1
        while index < scalars.count, isNameScalar(scalars[index]) { index += 1 }
        guard index > open + 1, index < scalars.count, scalars[index] == ">" else { return nil }
        return index
    }

    /// The mouse event written `<Name column row>` from the `<` at `open`, and the index of its
    /// `>`; nil when no mouse name and a space follow the `<`. Throws `badMouse` when they do
    /// but the rest is not two whole numbers from 1 and a `>`.
    private static func mouseEvent(in scalars: [Unicode.Scalar], openingAt open: Int) throws(KeySequenceError)
        -> (MouseEvent, close: Int)?
    {
        var index = open + 1
        while index < scalars.count, case "a"..."z" = lowercased(scalars[index]) {
            index += 1
        }
        guard index < scalars.count, scalars[index] == " " else { return nil }
        let name = String(String.UnicodeScalarView(scalars[(open + 1)..<index])).lowercased()
        guard let kind = MouseEvent.Kind.allCases.first(where: { $0.name.lowercased() == name }) else { return nil }
        // What was written, up to its `>` (or a little of it), for the message.
        let end = scalars[open...].firstIndex(of: ">") ?? min(scalars.count, open + 24) - 1
        let written = String(String.UnicodeScalarView(scalars[open...end]))
        var numbers: [Int] = []
        while numbers.count < 2 {
            guard index < scalars.count, scalars[index] == " " else { throw .badMouse(written) }
            index += 1
            let start = index
            // Five digits at most: far beyond any terminal, and never an overflow.
            while index < scalars.count, index - start < 6, case "0"..."9" = scalars[index] { index += 1 }
            guard index > start, index - start <= 5,
                let number = Int(String(String.UnicodeScalarView(scalars[start..<index]))), number >= 1
            else { throw .badMouse(written) }
            numbers.append(number)
        }
        guard index < scalars.count, scalars[index] == ">" else { throw .badMouse(written) }
        return (MouseEvent(kind, column: numbers[0] - 1, row: numbers[1] - 1), index)
    }

    /// An ASCII letter in lower case; any other scalar as it is.
    private static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard case "A"..."Z" = scalar else { return scalar }
        return Unicode.Scalar(scalar.value + 32)!
    }

    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-": return true
        default: return false
        }
    }

    /// The key one character outside a name presses, decoded as the curses backend decodes it.
    private static func key(for scalar: Unicode.Scalar) -> Key? {
        switch scalar.value {
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 9: return .tab
        case 0..<32: return nil
        default: return .character(Character(scalar))
        }
    }

    /// Presses the keys on `state` as the main loop does (`KeyMap`, then `apply`, then the
    /// effects it asks for, with `effects`), stopping after the key that quits. A click is read
    /// against the frame of the state before it, as the screen would show it. No time passes:
    /// a key that starts a run sets the state running but takes no step, since steps are owed
    /// by the clock, not by keys. `e` and `w` write their files, as typed keys do.
    public func press(on state: inout AppState, effects: EffectPerformer = EffectPerformer()) {
        for key in keys {
            if state.shouldQuit { return }
            // A click lands on the frame this state shows, laid out as the screen would be.
            var screen = ScreenMap.empty
            if case .mouse = key { screen = .of(state) }
            if let action = KeyMap.action(for: key, in: state, screen: screen) { effects.apply(action, to: &state) }
        }
    }
}
