import BackpropCore

/// A scenario `d` can switch to: one of the built-in presets, or the one the program was started
/// with (a file, `--data`, or a preset changed by flags), which stays in the cycle.
public enum ScenarioChoice: Equatable, Sendable {
    /// A built-in preset, as it is.
    case preset(Preset)
    /// The scenario the program was started with, flags applied, and the name its title shows.
    case own(Scenario, name: String)

    /// The scenario to train on.
    public var scenario: Scenario {
        switch self {
        case .preset(let preset): return preset.scenario
        case .own(let scenario, _): return scenario
        }
    }

    /// The name in the title line: the preset's, or the one the program was started with.
    public var name: String {
        switch self {
        case .preset(let preset): return preset.rawValue
        case .own(_, let name): return name
        }
    }

    /// What `d` goes through, starting from `scenario` named `name`: the user's own scenario
    /// first, then the presets in order; or, when the program was started with a preset exactly
    /// as built in, just the presets. Returns the cycle and where `scenario` is in it.
    static func cycle(startingWith scenario: Scenario, named name: String) -> (choices: [ScenarioChoice], position: Int)
    {
        let presets = Preset.allCases.map(ScenarioChoice.preset)
        if let preset = Preset(rawValue: name), preset.scenario == scenario {
            return (presets, Preset.allCases.firstIndex(of: preset) ?? 0)
        }
        return ([.own(scenario, name: name)] + presets, 0)
    }
}
