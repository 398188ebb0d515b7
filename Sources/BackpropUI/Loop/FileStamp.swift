import Foundation

/// The date and time in exported and saved file names, `20250131-142501`: sortable, no
/// characters a shell or a file system minds, local time because that is what people read.
enum FileStamp {
    static func string(_ date: Date, calendar: Calendar = .current) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return String(format: "%04d", parts.year ?? 0) + two(parts.month) + two(parts.day) + "-" + two(parts.hour)
            + two(parts.minute) + two(parts.second)
    }
}
