import BackpropCore

extension OptimizerName {
    /// At most four letters (`sgd`, `mom`, `nest`, `rms`, `adam`): a race's legend and status bar
    /// use them when the full names would push a runner off the line.
    var abbreviation: String {
        switch self {
        case .sgd: "sgd"
        case .momentum: "mom"
        case .nesterov: "nest"
        case .rmsprop: "rms"
        case .adam: "adam"
        }
    }
}
