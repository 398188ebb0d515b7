import Foundation

import Glibc

/// Reads a whole input file (a scenario or CSV data) with the errors a person can act on:
/// missing, a folder, or unreadable with the system's reason. Works for pipes too, so
/// `--scenario <(generate)` does what a shell user expects.
enum InputFile {
    static func read(_ path: String) throws(ScenarioError) -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .fileMissing(path: path)
        }
        guard !isDirectory.boolValue else { throw .fileIsDirectory(path: path) }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw .fileUnreadable(path: path, reason: String(cString: strerror(errno)).lowercased())
        }
        defer { close(descriptor) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return data }
            if count < 0 {
                if errno == EINTR { continue }
                throw .fileUnreadable(path: path, reason: String(cString: strerror(errno)).lowercased())
            }
            data.append(contentsOf: buffer[0..<count])
        }
    }
}
