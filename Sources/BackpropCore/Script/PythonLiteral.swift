/// Numbers, lists and matrices written as Python source that reads back as the very same
/// doubles: the script's data and starting weights must be the program's, bit for bit.
enum PythonLiteral {
    /// A double as Python reads it back exactly: the shortest round-trip digits
    /// (`Double.description`, which Python's `float` parses to the same bits), a whole number
    /// of data as an integer (`1` rather than `1.0`, shorter in a data set of 100,000 rows;
    /// the arrays say `dtype=float`), and `math.inf` / `math.nan` for what Python has no
    /// literal for.
    static func number(_ value: Double, wholeAsInteger: Bool = false) -> String {
        guard value.isFinite else {
            if value.isNaN { return "math.nan" }
            return value < 0 ? "-math.inf" : "math.inf"
        }
        // Below 2^53 every whole double is an integer Python converts back exactly; -0.0 keeps
        // its sign through its own text.
        if wholeAsInteger, value == value.rounded(), abs(value) < 0x1p53, value != 0 || value.sign == .plus {
            return String(Int(value))
        }
        return value.description
    }

    /// `[1, 2, 3]`: a list of numbers on one line.
    static func list(_ values: [Double], wholeAsInteger: Bool = false) -> String {
        "[" + values.map { number($0, wholeAsInteger: wholeAsInteger) }.joined(separator: ", ") + "]"
    }

    /// `[3, 0, 7]`: a list of indices, as lines of source: one line, or 20 indices a line
    /// after the first for a long list (a test split of the digits holds 359).
    static func list(_ values: [Int]) -> [String] {
        let perLine = 20
        guard values.count > perLine else { return ["[" + values.map(String.init).joined(separator: ", ") + "]"] }
        let lines = stride(from: 0, to: values.count, by: perLine).map { start in
            "    " + values[start..<min(start + perLine, values.count)].map(String.init).joined(separator: ", ") + ","
        }
        return ["["] + lines + ["]"]
    }

    /// `name = np.array([...], dtype=float)` for `matrix`, one row a line (a list on one line
    /// for a single row of a vector, `asVector`), as lines of source.
    static func assignment(
        _ name: String, _ rows: [[Double]], asVector: Bool = false, wholeAsInteger: Bool = false
    ) -> [String] {
        if asVector {
            return ["\(name) = np.array(\(list(rows.first ?? [], wholeAsInteger: wholeAsInteger)), dtype=float)"]
        }
        if rows.count <= 1 {
            return [
                "\(name) = np.array([\(rows.map { list($0, wholeAsInteger: wholeAsInteger) }.joined())], dtype=float)"
            ]
        }
        return ["\(name) = np.array(["] + rows.map { "    " + list($0, wholeAsInteger: wholeAsInteger) + "," }
            + ["], dtype=float)"]
    }
}
