import BackpropUI
import Testing

/// A message's wordings are chosen when the hint line is drawn, by the columns they take.
@Suite("status messages: the wording that fits")
struct StatusMessageTests {
    @Test("the longest wording that fits after the line's leading space, else the shortest")
    func longestThatFits() {
        let message = StatusMessage(wordings: ["twelve chars", "six ch", "four"])
        #expect(message.text == "twelve chars")
        #expect(message.text(fitting: 13) == "twelve chars")
        #expect(message.text(fitting: 12) == "six ch")
        #expect(message.text(fitting: 7) == "six ch")
        #expect(message.text(fitting: 3) == "four")
    }

    @Test("a wording that quotes a wide file name is measured in columns, not characters")
    func wideNamesAreMeasuredInColumns() {
        // 8 characters, 14 columns: it fits 9 columns by count, but not on the screen.
        let message = StatusMessage(wordings: ["数据数据数据.j", "saved"])
        #expect(message.text(fitting: 15) == "数据数据数据.j")
        #expect(message.text(fitting: 14) == "saved")
        #expect(message.text(fitting: 9) == "saved")
    }
}
