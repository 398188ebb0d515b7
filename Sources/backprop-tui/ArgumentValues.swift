import ArgumentParser
import BackpropCore

// The core's named choices, parsed by swift-argument-parser so that `--help` lists their values
// and a wrong name is refused with the list. The core does not import ArgumentParser, so the
// conformances live here. Names are matched without regard to case, as before.

extension Activation: ExpressibleByArgument {
    /// The value named `argument`, in any case.
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

extension Loss: ExpressibleByArgument {
    /// The value named `argument`, in any case.
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

extension Reduction: ExpressibleByArgument {
    /// The value named `argument`, in any case.
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

extension Preset: ExpressibleByArgument {
    /// The value named `argument`, in any case.
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

extension OptimizerName: ExpressibleByArgument {
    /// The value named `argument`, in any case.
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}
