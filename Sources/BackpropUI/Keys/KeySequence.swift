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
    /// effects it asks for, with `effects`), stopping after the key that quits. No time passes:
    /// a key that starts a run sets the state running but takes no step, since steps are owed
    /// by the clock, not by keys. `e` and `w` write their files, as typed keys do.
    public func press(on state: inout AppState, effects: EffectPerformer = EffectPerformer()) {
        for key in keys {
            if state.shouldQuit { return }
            if let action = KeyMap.action(for: key, in: state) { effects.apply(action, to: &state) }
        }
    }
}
