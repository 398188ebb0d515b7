import BackpropUI
import XCTest

final class NumberFormatTests: XCTestCase {
    func testEveryValueTakesExactlyTheWidth() {
        let values: [Double] = [
            0, -0.0, 0.1, -1.7939658, 1.8182769, 123.456, -9999.5, 1e6, -1.5e7, 1e300, -1e-300, 3e-9,
            .nan, .infinity, -.infinity, .greatestFiniteMagnitude, -.leastNonzeroMagnitude,
        ]
        for format in [NumberFormat(width: 8, decimals: 4), NumberFormat(width: 11, decimals: 7)] {
            for value in values {
                XCTAssertEqual(format.string(value).count, format.width, "\(value) -> \"\(format.string(value))\"")
            }
        }
    }

    func testReadableForms() {
        let format = NumberFormat(width: 8, decimals: 4)
        XCTAssertEqual(format.string(0.1), "  0.1000")
        XCTAssertEqual(format.string(-1.7939658), " -1.7940")
        XCTAssertEqual(format.string(-0.0), "  0.0000")
        XCTAssertEqual(format.string(-9999.5), "-9999.50", "fewer decimals before exponent form")
        XCTAssertEqual(format.string(1_234_567), " 1234567")
        XCTAssertEqual(format.string(123_456_789), "1.2346e8", "exponent form rather than overflow")
        XCTAssertTrue(format.string(-3e-9).hasSuffix("e-9"), "tiny values keep their digits: \(format.string(-3e-9))")
        XCTAssertEqual(format.string(.nan), "     NaN")
        XCTAssertEqual(format.string(.infinity), "     inf")
        XCTAssertEqual(format.string(-.infinity), "    -inf")
    }
}
