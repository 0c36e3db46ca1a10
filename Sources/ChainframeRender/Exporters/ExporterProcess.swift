import Chainframe
import Foundation

/// Runs an external exporter as a child process with bounded waiting and bounded output.
///
/// - The child leads a new process group; the whole group is ended (SIGTERM, then SIGKILL
///   a second later) when the timeout passes, and whatever is left of it when the child exits.
/// - Standard input is written from a thread that blocks SIGPIPE: a child that exits without
///   reading it is not an error of Chainframe's.
/// - Standard error is read with `poll` while waiting; at most `maxErrorBytes` are kept, and
///   reading stops shortly after the child exits, even if a background process still holds it.
enum ExporterProcess {
    /// The most bytes of an exporter's standard error kept for the message.
    static let maxErrorBytes = 16 * 1024

    enum Ending: Equatable {
        case exited(Int32)
        case signalled(Int32)
        case timedOut
    }

    struct Outcome {
        var ending: Ending
        /// Standard error: bounded, control characters and escape sequences removed.
        var errorText: String
    }

    struct Failure: Error {
        var reason: String
    }

    static func run(path: String, arguments: [String], input: [UInt8], timeout: Double) throws(Failure) -> Outcome {
        var inputPipe: [Int32] = [-1, -1], errorPipe: [Int32] = [-1, -1]
        guard pipe(&inputPipe) == 0 else { throw Failure(reason: String(cString: strerror(errno))) }
        guard pipe(&errorPipe) == 0 else {
            close(inputPipe[0]); close(inputPipe[1])
            throw Failure(reason: String(cString: strerror(errno)))
        }
        // Close-on-exec, so no other child inherits these ends (the spawn's dup2 clears it).
        for fd in inputPipe + errorPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        let child: pid_t
        do {
            child = try spawn(path: path, arguments: arguments, stdin: inputPipe[0], stderr: errorPipe[1])
        } catch {
            for fd in inputPipe + errorPipe { close(fd) }
            throw error
        }
        close(inputPipe[0])
        close(errorPipe[1])
        let inputEnd = inputPipe[1]
        let feeder = Thread { feed(input, to: inputEnd) }
        feeder.start()

        var kept: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 8192)
        let deadline = Date().addingTimeInterval(timeout)
        var ending: Ending?
        var status: Int32 = 0
        var readingOpen = true
        var exitedAt: Date?
        while true {
            if ending == nil {
                let reaped = waitpid(child, &status, WNOHANG)
                if reaped == child {
                    ending = Self.ending(status)
                    exitedAt = Date()
                } else if Date() >= deadline {
                    stopGroup(child)
                    _ = waitpid(child, &status, 0)
                    ending = .timedOut
                    exitedAt = Date()
                }
            }
            // After the child has gone, read what is already there for a moment, then stop.
            if let exitedAt, !readingOpen || Date().timeIntervalSince(exitedAt) > 0.2 { break }
            guard readingOpen else { usleep(20_000); continue }
            var descriptor = pollfd(fd: errorPipe[0], events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, 20)
            guard ready > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(errorPipe[0], $0.baseAddress, $0.count) }
            if count > 0 {
                if kept.count < maxErrorBytes { kept += buffer[0..<min(count, maxErrorBytes - kept.count)] }
            } else if count == 0 || errno != EINTR {
                readingOpen = false
            }
        }
        close(errorPipe[0])
        // A background child left behind by the exporter must not outlive it.
        kill(-child, SIGKILL)
        var text = TerminalText.sanitized(String(decoding: kept, as: UTF8.self), keepingNewlines: true)
        if kept.count >= maxErrorBytes { text += "\n… (standard error cut at \(maxErrorBytes / 1024) KiB)" }
        return Outcome(ending: ending ?? .timedOut, errorText: text)
    }

    /// Starts `path` in a new process group with default signal handling.
    private static func spawn(path: String, arguments: [String], stdin: Int32, stderr: Int32) throws(Failure) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t(), empty = sigset_t()
        sigemptyset(&defaults)
        for number in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&defaults, number) }
        sigemptyset(&empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var child: pid_t = 0
        let result = posix_spawn(&child, path, &actions, &attributes, argv, environ)
        guard result == 0 else { throw Failure(reason: String(cString: strerror(result))) }
        return child
    }

    /// Writes `bytes` to `descriptor` and closes it; a closed pipe (EPIPE) ends the write quietly.
    private static func feed(_ bytes: [UInt8], to descriptor: Int32) {
        var blocked = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &blocked, nil)
        var written = 0
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return
                }
                written += count
            }
        }
        close(descriptor)
        // The SIGPIPE a closed pipe raised is pending on this thread only; take it before leaving.
        var pending = sigset_t()
        sigpending(&pending)
        if sigismember(&pending, SIGPIPE) == 1 {
            var timeout = timespec(tv_sec: 0, tv_nsec: 0)
            _ = sigtimedwait(&blocked, nil, &timeout)
        }
    }

    /// SIGTERM to the child's process group, then SIGKILL if it is still there a second later.
    private static func stopGroup(_ child: pid_t) {
        kill(-child, SIGTERM)
        for _ in 0..<50 {
            var status: Int32 = 0
            if waitpid(child, &status, WNOHANG) == child {
                kill(-child, SIGKILL)
                return
            }
            usleep(20_000)
        }
        kill(-child, SIGKILL)
    }

    private static func ending(_ status: Int32) -> Ending {
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
    }
}
