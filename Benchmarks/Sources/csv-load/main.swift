import BackpropCore
import Foundation

// Times `DataTable.load(path:)`, read, parse and check, as `--data FILE.csv` runs it,
// beside `csv/python_csv_load.py` on the same file. Prints the best of 5 runs (the least disturbed
// by other work on the machine), as the Python script does.
//
//     csv-load [PATH]      # default: /tmp/csv-load.csv, written by csv/make_csv.py

let path = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "/tmp/csv-load.csv"
var best = Duration.seconds(Int64.max)
var table: DataTable?
for _ in 0..<5 {
    let start = ContinuousClock.now
    do {
        table = try DataTable.load(path: path)
    } catch {
        print(error)
        exit(1)
    }
    best = min(best, start.duration(to: .now))
}
let milliseconds = Double(best.components.seconds) * 1e3 + Double(best.components.attoseconds) * 1e-15
let columns = table!.inputNames.count + table!.targetNames.count
print(
    "swift DataTable.load: \(table!.inputs.count) rows x \(columns) columns, best of 5: "
        + String(format: "%.1f ms", milliseconds))
