/// One entry of the key table, after bubbles' `key.Binding`: the keys, what they do in the words
/// of each place that lists them (the help overlay, the hint line, the README), the group they
/// belong to, and the action they ask for.
///
/// The action is a function of the key and the state, not a constant, because some keys need
/// both: one binding can hold keys with different actions (`r` runs, `p` pauses), `m` carries
/// what the screen shows of the input plane, and Esc closes whatever is open. The modes where
/// keys mean something else altogether (an open entry takes characters; a too-small terminal
/// takes only `q` and Esc) stay in `KeyMap`, in front of the table.
public struct KeyBinding: Sendable {
    /// The keys, as the backend decodes them; no key is in two bindings.
    public let keys: [Key]
    /// The keys as the help overlay and `--help` name them (`r p Space`, `arrows Tab`), in at
    /// most 10 columns (the overlay's key column, less its leading blank).
    public let names: String
    /// What the keys are for, for `--help`'s headings.
    public let group: KeyGroup
    /// What the keys do, in at most 26 columns so that the overlay's two columns fit in 80.
    public let help: String
    /// The keys' entries in the bottom line's hint, if any.
    public let hints: [KeyHint]
    /// The README's key cell for this binding (Markdown).
    public let readmeKeys: String
    /// The README's "does" cell: what the keys do, in full (Markdown).
    public let readme: String
    /// The action for one of `keys` in a state; only called with a key of this binding.
    private let makeAction: @Sendable (Key, AppState) -> Action?

    /// A binding whose action depends on the key or the state. The README's key cell defaults to
    /// `names` with each one-character key in backticks, joined by ` / ` (`` `r` / `p` / Space ``).
    init(
        keys: [Key], names: String, group: KeyGroup, help: String, hints: [KeyHint] = [], readmeKeys: String? = nil,
        readme: String, action: @escaping @Sendable (Key, AppState) -> Action?
    ) {
        self.keys = keys
        self.names = names
        self.group = group
        self.help = help
        self.hints = hints
        self.readmeKeys = readmeKeys ?? KeyBinding.markdown(names)
        self.readme = readme
        self.makeAction = action
    }

    /// A binding whose keys each ask for one fixed action, whatever the state.
    init(
        _ actions: KeyValuePairs<Key, Action>, names: String, group: KeyGroup, help: String, hints: [KeyHint] = [],
        readmeKeys: String? = nil, readme: String
    ) {
        let pairs = actions.map { (key: $0.key, action: $0.value) }
        self.init(
            keys: pairs.map(\.key), names: names, group: group, help: help, hints: hints, readmeKeys: readmeKeys,
            readme: readme
        ) { key, _ in pairs.first { $0.key == key }?.action }
    }

    /// The action `key` asks for in `state`, or `nil` when it is not one of this binding's keys
    /// or does nothing there (Esc with nothing open).
    public func action(for key: Key, in state: AppState) -> Action? {
        keys.contains(key) ? makeAction(key, state) : nil
    }

    /// `r p Space` as the README writes it: `` `r` / `p` / Space ``.
    private static func markdown(_ names: String) -> String {
        names.split(separator: " ").map { $0.count == 1 ? "`\($0)`" : String($0) }.joined(separator: " / ")
    }
}
