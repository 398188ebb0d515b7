/// Sizes as the messages write them: `1.7 GB` (counts: `thousandsSeparated`, `10,001` rows).
enum QuantityText {
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
