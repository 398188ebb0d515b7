/// Counts and sizes as the messages write them: `10,001` rows, `1.7 GB`.
enum QuantityText {
    /// `value` with its thousands grouped by commas, as people read long counts: `10,001`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var text = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return value < 0 ? "-" + text : text
    }

    /// `bytes` in decimal units with two significant digits, or three from 100 on: `812 bytes`,
    /// `19 MB`, `1.7 GB`, `2 GB`, `190 GB`. Decimal, like the disks they are compared with.
    static func bytes(_ bytes: Int) -> String {
        let units = ["kB", "MB", "GB", "TB", "PB", "EB"]
        guard bytes >= 1000 else { return bytes == 1 ? "1 byte" : "\(bytes) bytes" }
        var value = Double(bytes) / 1000
        var unit = 0
        while value >= 999.5 && unit + 1 < units.count {
            value /= 1000
            unit += 1
        }
        let tenths = Int((value * 10).rounded())
        let number = value < 9.95 && tenths % 10 != 0 ? "\(tenths / 10).\(tenths % 10)" : String(Int(value.rounded()))
        return "\(number) \(units[unit])"
    }
}
