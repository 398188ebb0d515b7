import BackpropCore
@testable import BackpropUI

/// A preset's frame after keys, as `--snapshot --size --keys` draws it, for tests that read the
/// screen as text.
enum PresetScreen {
    /// The state of `preset` (named as the program names it) after `keys`.
    static func state(_ preset: Preset, size: Size, keys: String = "", ascii: Bool = false) throws -> AppState {
        var state = AppState(
            scenario: preset.scenario, scenarioName: preset.rawValue,
            options: RenderOptions(ascii: ascii, color: false), size: size)
        try KeySequence(parsing: keys).press(on: &state)
        return state
    }

    /// The lines of `preset`'s frame at `size` after `keys`.
    static func lines(_ preset: Preset, size: Size, keys: String = "", ascii: Bool = false) throws -> [String] {
        let state = try state(preset, size: size, keys: keys, ascii: ascii)
        return Frame.render(state, size: size).text.components(separatedBy: "\n")
    }
}
