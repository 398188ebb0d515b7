import Foundation

extension ExecutableUnderTest {
    /// The binary started in the background, for what `run` cannot do: signal it while it works,
    /// and learn how much memory it took (its own high-water mark, `VmHWM`).
    final class Spawned {
        /// The child's process id.
        let pid: pid_t
        /// Where its stdout and stderr go.
        let outputFolder: URL

        /// How it ended.
        struct Ending {
            /// The exit code, or `nil` when a signal ended it.
            var exitCode: Int32?
            /// The signal that ended it, if one did.
            var signal: Int32?
            /// Its peak resident set size in kB, as its `/proc/PID/status` last showed it (polled
            /// every 10 ms while it ran: a high-water mark, so only growth in its last 10 ms can be
            /// missed). Not `wait4`'s `ru_maxrss`: Linux records in it the high-water mark of the
            /// memory the child replaced at `exec`, which after `posix_spawn`'s `CLONE_VM` is this
            /// test runner's own, so a busy test run would be charged to the child.
            var peakKilobytes: Int
            /// What it printed.
            var stdout: String
            var stderr: String
        }

        /// Starts the binary with `arguments` in `directory`, with stdin from /dev/null and
        /// signals as a shell would leave them (none blocked or ignored; the test runner's
        /// threads block most, and spawning would pass that on). `prefix` runs it through
        /// another program first that execs it (`prlimit --fsize=...`).
        init(_ arguments: [String], in directory: URL, through prefix: [String] = []) throws {
            outputFolder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "backprop-spawned-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: outputFolder, withIntermediateDirectories: true)
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(
                &actions, 1, outputFolder.appendingPathComponent("stdout").path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            posix_spawn_file_actions_addopen(
                &actions, 2, outputFolder.appendingPathComponent("stderr").path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            // `env -C` changes the folder and execs the rest, so the pid is the program's
            // (Glibc's Swift module lacks posix_spawn_file_actions_addchdir_np).
            let argv = ["env", "-C", directory.path] + prefix + [ExecutableUnderTest.path] + arguments
            let environment = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }
            let pointers = argv.map { strdup($0) } + [nil]
            let environmentPointers = environment.map { strdup($0) } + [nil]
            defer { (pointers + environmentPointers).forEach { free($0) } }
            var child: pid_t = 0
            let result = ShellSignals.withAttributes { attributes in
                posix_spawnp(&child, argv[0], &actions, &attributes, pointers, environmentPointers)
            }
            guard result == 0 else {
                throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "posix_spawn: \(result)"])
            }
            pid = child
        }

        deinit { try? FileManager.default.removeItem(at: outputFolder) }

        /// The targets of the child's open file descriptors (`/proc/PID/fd`): an anonymous
        /// `O_TMPFILE` file shows as `FOLDER/#INODE (deleted)`.
        var openFiles: [String] {
            let folder = "/proc/\(pid)/fd"
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            return names.compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: "\(folder)/\($0)") }
        }

        /// Waits until `condition` holds, polling every 20 ms, at most `timeout`; false if it never did.
        func waitUntil(timeout: Duration = .seconds(60), _ condition: () -> Bool) -> Bool {
            let deadline = ContinuousClock.now + timeout
            while ContinuousClock.now < deadline {
                if condition() { return true }
                Thread.sleep(forTimeInterval: 0.02)
            }
            return false
        }

        /// Sends `signal`.
        func send(_ signal: Int32) {
            kill(pid, signal)
        }

        /// The child's `VmHWM` in kB now, or 0 when it cannot be read (it has ended).
        private var highWaterKilobytes: Int {
            guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
                let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
            else { return 0 }
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
        }

        /// Waits for the child to end, reading its memory's high-water mark as it runs.
        func wait() -> Ending {
            var status: Int32 = 0
            var peak = 0
            while true {
                peak = max(peak, highWaterKilobytes)
                let ended = waitpid(pid, &status, WNOHANG)
                if ended == pid || (ended < 0 && errno != EINTR) { break }
                Thread.sleep(forTimeInterval: 0.01)
            }
            let exited = status & 0x7f == 0
            let read = { (name: String) in
                (try? String(contentsOf: self.outputFolder.appendingPathComponent(name), encoding: .utf8)) ?? ""
            }
            return Ending(
                exitCode: exited ? (status >> 8) & 0xff : nil, signal: exited ? nil : status & 0x7f,
                peakKilobytes: peak, stdout: read("stdout"), stderr: read("stderr"))
        }
    }
}
