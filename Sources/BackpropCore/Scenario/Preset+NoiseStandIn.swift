// TEMPORARY, for the lead to delete at merge: the engineer "data" adds the real
// `Preset.scenario(seed:noise:)` (Gaussian noise of standard deviation `noise` on the inputs of
// the presets drawn from a seed) in Preset.swift. This stand-in only lets the command line be
// built and tested against that name before it lands; it draws no noise, and records it.
extension Preset {
    /// The scenario of `scenario(seed:)`, its points meant to carry Gaussian noise of standard
    /// deviation `noise` (a stand-in: the points are the noiseless ones).
    public func scenario(seed: UInt64, noise: Double) -> Scenario {
        var scenario = scenario(seed: seed)
        scenario.noise = noise
        return scenario
    }
}
