import BackpropCore
import BackpropUI

/// XOR's four samples under a wide hidden layer: `--data xor.csv --hidden N`, the shape of the
/// hostile probes (100,000 neurons), at sizes a debug build draws quickly.
enum WideNetworks {
    /// The XOR data with hidden layers of `hidden` neurons, as `--data xor.csv --hidden` makes it.
    static func xor(hidden: [Int], size: Size = Size(width: 80, height: 24)) -> AppState {
        let table = try! DataTable(csv: "x1,x2,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n")
        return AppState(scenario: try! table.scenario(seed: 1, hidden: hidden), scenarioName: "xor.csv", size: size)
    }
}
