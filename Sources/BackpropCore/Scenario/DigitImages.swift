import CDigits

/// The 1,797 handwritten digits of the `digits` preset: 8x8 pictures whose pixels count the ink
/// in 4x4 blocks of a 32x32 scan (0 to 16), each with its label 0 to 9.
///
/// The data is scikit-learn's `digits.csv.gz` (version 1.9.1), a copy of the test set of the UCI
/// "Optical Recognition of Handwritten Digits" data by E. Alpaydin and C. Kaynak (CC BY 4.0),
/// compiled into the program unchanged (`Sources/CDigits/digits.csv`), so the preset needs no
/// file at run time.
public struct DigitImages: Sendable {
    /// Each sample's 64 pixels, 0 to 16, row by row from the top left.
    public let pixels: [[UInt8]]
    /// Each sample's digit, 0 to 9.
    public let labels: [Int]

    /// The shape of every picture.
    public static let shape = ImageShape(width: 8, height: 8)!
    /// The darkest pixel: a 4x4 block with ink in every cell.
    public static let darkest = 16
    /// The number of classes, the digits 0 to 9.
    public static let classCount = 10

    /// The data compiled into the program, read once (a few milliseconds) when first asked for.
    public static let shipped: DigitImages = {
        // The file is part of the program and a test reads all of it: a bad byte is a build
        // mistake, never a user's.
        try! DigitImages(csv: compiledCSV)
    }()

    /// The bytes of `Sources/CDigits/digits.csv` as compiled into the program (a test holds them
    /// to the file, byte for byte).
    static var compiledCSV: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: backprop_digits_csv(), count: backprop_digits_csv_count())
    }

    /// Reads rows of 65 whole numbers separated by commas (64 pixels, then the label), one row a
    /// line; throws at the first byte that is not that.
    init(csv bytes: UnsafeBufferPointer<UInt8>) throws(DigitImagesError) {
        let columns = DigitImages.shape.pixelCount + 1
        var pixels: [[UInt8]] = []
        var labels: [Int] = []
        var row: [UInt8] = []
        row.reserveCapacity(columns)
        var value = 0
        var digits = 0
        var line = 1
        func endCell() throws(DigitImagesError) {
            guard digits > 0, value <= DigitImages.darkest else { throw .badRow(line) }
            row.append(UInt8(value))
            value = 0
            digits = 0
        }
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
                guard digits <= 2 else { throw .badRow(line) }
            case UInt8(ascii: ","):
                try endCell()
            case UInt8(ascii: "\n"):
                try endCell()
                guard row.count == columns, Int(row[columns - 1]) < DigitImages.classCount else {
                    throw .badRow(line)
                }
                labels.append(Int(row[columns - 1]))
                pixels.append(Array(row.dropLast()))
                row.removeAll(keepingCapacity: true)
                line += 1
            default:
                throw .badRow(line)
            }
        }
        guard row.isEmpty, digits == 0 else { throw .badRow(line) }
        self.pixels = pixels
        self.labels = labels
    }

    /// The pixels as the network sees them: each divided by 16, so 0 (no ink) to 1 (all ink).
    public var scaledPixels: [[Double]] {
        pixels.map { row in row.map { Double($0) / Double(DigitImages.darkest) } }
    }

    /// Each label as a one-hot row of 10 targets, as ce wants them.
    public var oneHotLabels: [[Double]] {
        labels.map { label in (0..<DigitImages.classCount).map { $0 == label ? 1 : 0 } }
    }
}
