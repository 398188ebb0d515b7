/// Writes a new file whole or not at all, and never over an existing file: the save of the
/// interactive program (`w`), whose text is at most tens of MB (the parameter limit bounds it).
/// Larger files are streamed through a `NewFile` of their own (the export, `e`).
///
/// See `NewFile` for the guarantees: the name appears only once every byte is on disk, a taken
/// name becomes `-2`, `-3`, ... without limit, and nothing is left behind on an error or a kill.
public enum NewFileWriter {
    /// Writes `text` to `folder/base.ext`, or `base-2.ext`, `base-3.ext`, ... when that name is
    /// taken. Returns the path written. Throws `NewFileError` with the system's reason when the
    /// folder cannot take the file.
    public static func write(_ text: String, folder: String, base: String, ext: String) throws(NewFileError)
        -> String
    {
        let directory = folder.isEmpty ? "." : folder
        let file = try NewFile(folder: directory, shownPath: "\(directory)/\(base).\(ext)")
        try file.write(text)
        return try file.commit(base: base, ext: ext)
    }
}
