import BackpropCore

/// swift-argument-parser's own refusals (an unknown option, a name that is not one of a flag's
/// values) quote what was typed whole, so `--format` followed by 10,000 letters would echo them
/// all. The program's own messages cut every value they quote (`TerminalSafe.shortened`);
/// these get the same cut afterwards, by finding the long arguments in them.
enum ParserMessage {
    /// `message` with every argument longer than `TerminalSafe.shownLength` characters (and,
    /// for `--flag=value`, the value alone, which is what the parser quotes) shortened.
    static func shortened(_ message: String, arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> String {
        var values: [String] = []
        for argument in arguments {
            values.append(argument)
            if argument.hasPrefix("-"), let equals = argument.firstIndex(of: "=") {
                values.append(String(argument[argument.index(after: equals)...]))
            }
        }
        var message = message
        // Longest first, so that a value inside a longer argument is not cut before it.
        for value in values.sorted(by: { $0.count > $1.count }) where value.count > TerminalSafe.shownLength {
            message = message.replacingOccurrences(of: value, with: TerminalSafe.shortened(value))
        }
        return message
    }
}
