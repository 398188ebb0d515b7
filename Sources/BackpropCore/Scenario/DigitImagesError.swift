/// Why the digits' CSV could not be read: the line that is not 65 whole numbers (64 pixels of
/// 0 to 16, then a label of 0 to 9).
enum DigitImagesError: Error, Equatable {
    /// Line `n` (from 1) is not a row of the data.
    case badRow(Int)
}
