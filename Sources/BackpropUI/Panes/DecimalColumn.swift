import BackpropCore

/// A column of data values (inputs x, targets y) written as in the data, shortest first ("1",
/// "0.5", "-0.912"), lined up on their decimal points: "-0.91" stands under "-0.912", "0.8"
/// under "0.39".
struct DecimalColumn {
    /// Columns before the decimal point (the sign and the integer part), and from it on.
    let integerWidth: Int
    let fractionWidth: Int

    /// The column of `matrix`'s `column` over `rows`.
    init(_ matrix: Matrix, column: Int, rows: some Sequence<Int>) {
        var integerWidth = 0
        var fractionWidth = 0
        for row in rows {
            let (integer, rest) = NumberFormat.split(DecimalNumber.text(matrix[row, column]))
            integerWidth = max(integerWidth, integer.count)
            fractionWidth = max(fractionWidth, rest.count)
        }
        self.integerWidth = integerWidth
        self.fractionWidth = fractionWidth
    }

    /// Columns the values take lined up.
    var width: Int { integerWidth + fractionWidth }

    /// `value` in `width` columns, right-aligned, its point in the column's place when it
    /// fits there; a value too long for `width` in the frame's rule with fewer decimals.
    func text(_ value: Double, width: Int) -> String {
        let short = DecimalNumber.text(value)
        if self.width <= width,
            let lined = NumberFormat.lined(short, integerWidth: integerWidth, fractionWidth: fractionWidth)
        {
            return NumberFormat.pad(lined, width)
        }
        if short.count <= width { return NumberFormat.pad(short, width) }
        return NumberFormat(width: width, decimals: max(0, width - 3)).string(value)
    }
}
