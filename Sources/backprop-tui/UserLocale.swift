#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whether the user's locale can show the box drawing, arrows and Greek the frames use.
enum UserLocale {
    /// True when `LC_ALL` / `LC_CTYPE` / `LANG` name a UTF-8 character set. `--snapshot` draws
    /// ASCII otherwise, as the visualiser does, so both show the same frame.
    static var isUTF8: Bool {
        setlocale(LC_CTYPE, "")
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
