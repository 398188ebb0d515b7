/// Bytes of text being gathered for a file, with numbers written straight into them: the
/// export writes tens of millions of numbers, and a `String` for each (`Double.description`)
/// would cost an allocation apiece for the same digits.
struct ByteStream: TextOutputStream {
    /// The bytes so far.
    var bytes: [UInt8] = []

    mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Where `Double.write(to:)` puts its digits (shortest round-trip form, the very text of
    /// `description`): appended as they are, with no `String` made for them.
    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: buffer)
    }

    /// Appends `value` as `description` writes it.
    mutating func append(_ value: Double) {
        value.write(to: &self)
    }

    /// Appends `value` in decimal, as `description` writes it (a short string, kept inline).
    mutating func append(_ value: Int) {
        write(String(value))
    }

    /// Appends one ASCII character.
    mutating func append(_ character: Unicode.Scalar) {
        bytes.append(UInt8(ascii: character))
    }
}
