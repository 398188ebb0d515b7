import Glibc

/// stdin, stdout and stderr as the program was given them.
enum StandardDescriptors {
    /// Opens /dev/null, read-only, on each of descriptors 0, 1 and 2 that was closed
    /// (`--headless >&-`). A closed descriptor is the lowest free one, so the first file the
    /// program opened (a scenario, a CSV) would get it, and the trace or a message would then be
    /// written into that file. Held read-only, writes to it still fail as to a closed one, with
    /// EBADF, which the output reports ("cannot write the trace: bad file descriptor").
    static func holdClosedOnes() {
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 {
            // The lowest free descriptor is this one, the ones below it being open by now.
            _ = open("/dev/null", O_RDONLY)
        }
    }
}
