@testable import BackpropCore
import Foundation
import Testing

/// The digits compiled into the program are scikit-learn's file, unchanged, and its reader
/// takes exactly rows of 64 pixels and a label.
@Suite("the digits' data")
struct DigitImagesTests {
    /// `Sources/CDigits/digits.csv`, found from this file's place in the repository.
    static let fileURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/CDigits/digits.csv")

    /// scikit-learn 1.9.1's `sklearn/datasets/data/digits.csv.gz`, decompressed (the wheel's .gz
    /// itself has sha256 09f66e6d…aa22; `scripts/check-digits.py --sklearn` compares row by row).
    static let sha256 = "6ebb3d2fee246a4e99363262ddf8a00a3c41bee6014c373ed9d9216ba7f651b8"

    /// Reads `text` as the digits' CSV, for the parser's refusals.
    private func parse(_ text: String) throws(DigitImagesError) -> DigitImages {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer throws(DigitImagesError) in try DigitImages(csv: buffer) }
    }

    /// A valid row: 64 pixels, each its index mod 17, then `label`.
    static func row(label: Int, pixel: (Int) -> String = { "\($0 % 17)" }) -> String {
        (0..<64).map(pixel).joined(separator: ",") + ",\(label)\n"
    }

    /// A good row (labelled 7), then one that is not a row, and what is wrong with it: each
    /// change is made where the row begins, "0,1,2,".
    static let badFiles: [(what: String, text: String)] = {
        let good = row(label: 7)
        func changed(_ start: String) -> String { good + start + good.dropFirst("0,1,2,".count) }
        return [
            ("a pixel of 17", changed("0,17,2,")),
            ("a label of 10", good + good.dropLast(2) + "10\n"),
            ("63 pixels", changed("0,2,")),
            ("65 pixels", changed("0,1,2,3,")),
            ("an empty cell", changed("0,,2,")),
            ("a letter", changed("0,a,2,")),
            ("a minus sign", changed("0,-1,2,")),
            ("three digits", changed("0,001,2,")),
            ("a space", changed("0, 1,2,")),
            ("a carriage return", good + good.dropLast() + "\r\n"),
            ("no newline at the end", good + good.dropLast()),
            ("a blank line", good + "\n"),
        ]
    }()

    @Test("the compiled bytes are the file's, byte for byte")
    func compiledBytesAreTheFile() throws {
        let file = try Data(contentsOf: Self.fileURL)
        #expect(file.count > 100_000)
        #expect(Array(DigitImages.compiledCSV) == Array(file))
    }

    @Test("the file is scikit-learn's, by its sha256")
    func fileIsScikitLearns() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [Self.fileURL.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: output, as: UTF8.self).split(separator: " ").first == Substring(Self.sha256))
    }

    @Test("1,797 pictures of 64 pixels from 0 to 16, each label 174 to 183 times")
    func countsAndRanges() {
        let digits = DigitImages.shipped
        #expect(digits.pixels.count == 1797 && digits.labels.count == 1797)
        #expect(digits.pixels.allSatisfy { $0.count == 64 && $0.allSatisfy { $0 <= 16 } })
        // Counted with awk over the file's last column.
        let counts = (0..<10).map { label in digits.labels.count { $0 == label } }
        #expect(counts == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180])
        // The file's first row, a 0, read from its text.
        let first = try? String(contentsOf: Self.fileURL, encoding: .utf8).split(separator: "\n").first
        let cells = first.map { $0.split(separator: ",").map { Int($0)! } } ?? []
        #expect(digits.pixels[0].map(Int.init) == Array(cells.dropLast()) && digits.labels[0] == cells.last)
        // Every shade is used, the blank 0 and the full 16 among them.
        #expect(Set(digits.pixels.joined()) == Set(0...16))
    }

    @Test("scaled to 0..1 by dividing by 16; labels one-hot over 10")
    func scaledAndOneHot() {
        let digits = DigitImages.shipped
        let scaled = digits.scaledPixels
        let oneHot = digits.oneHotLabels
        for sample in [0, 1, 900, 1796] {
            #expect(scaled[sample] == digits.pixels[sample].map { Double($0) / 16 })
            #expect(oneHot[sample].count == 10 && oneHot[sample].reduce(0, +) == 1)
            #expect(oneHot[sample][digits.labels[sample]] == 1)
        }
        #expect(scaled.joined().max() == 1 && scaled.joined().min() == 0)
    }

    @Test("rows that parse: the last without trailing spaces, pixels and a label of one or two digits")
    func goodRows() throws {
        let digits = try parse(Self.row(label: 3) + Self.row(label: 9, pixel: { $0 == 5 ? "16" : "0" }))
        #expect(digits.labels == [3, 9])
        #expect(digits.pixels[0] == (0..<64).map { UInt8($0 % 17) })
        #expect(digits.pixels[1][5] == 16 && digits.pixels[1].reduce(0) { $0 + Int($1) } == 16)
        #expect(try parse("").pixels.isEmpty)
    }

    @Test("a row that is not 64 pixels of 0 to 16 and a label of 0 to 9 is refused by its line", arguments: badFiles)
    func badRows(what: String, text: String) {
        #expect(throws: DigitImagesError.badRow(2), "\(what)") { try parse(text) }
    }
}
