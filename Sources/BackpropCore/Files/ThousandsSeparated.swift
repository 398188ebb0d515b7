/// `value` with a comma between every three digits, `25,010,001`, as the README writes the
/// limits: a count in a message must be readable at a glance, and the same in every locale.
public func thousandsSeparated(_ value: some BinaryInteger) -> String {
    let digits = String(value.magnitude)
    var result = ""
    for (index, digit) in digits.enumerated() {
        if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
        result.append(digit)
    }
    return value < 0 ? "-" + result : result
}
