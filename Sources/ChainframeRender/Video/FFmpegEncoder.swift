import Foundation

/// Debian's `ffmpeg` program, run as a child process that reads raw BGRA frames on its standard
/// input and writes one video file.
///
/// Raw pixels on a pipe, rather than PNG files or the libav* C API: no PNG is encoded or decoded
/// on the video path, the encoder runs in its own process (its threads beside our drawing
/// threads), and Chainframe links no codec library. `CHAINFRAME_FFMPEG` names another program to
/// run instead of the `ffmpeg` found on `PATH`.
final class FFmpegEncoder {
    /// The Debian package that provides the program.
    static let package = "ffmpeg"

    private let process: Process
    private let input: FileHandle
    private let errors: ErrorCollector
    private var closed = false

    /// The ffmpeg executable: `CHAINFRAME_FFMPEG` if set, else `ffmpeg` on `PATH`; throws the
    /// message that names the Debian package when there is none.
    static func locate(format: String, environment: [String: String]) throws -> URL {
        let advice = "\(format) needs the ffmpeg program; install Debian's '\(package)' package "
            + "(sudo apt-get install \(package), or scripts/install-deps)"
        if let chosen = environment["CHAINFRAME_FFMPEG"], !chosen.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: chosen) else {
                throw ExportError("\(advice): CHAINFRAME_FFMPEG='\(chosen)' is not an executable program")
            }
            return URL(fileURLWithPath: chosen)
        }
        for directory in (environment["PATH"] ?? "").split(separator: ":") where !directory.isEmpty {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("ffmpeg")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw ExportError("\(advice): no 'ffmpeg' on PATH")
    }

    /// Starts `executable` with `arguments` (which read raw video from `pipe:0`).
    init(executable: URL, arguments: [String]) throws {
        // A dying encoder must give us EPIPE, not kill the whole run with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let stdin = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderr
        errors = ErrorCollector(stderr.fileHandleForReading)
        do {
            try process.run()
        } catch {
            throw ExportError("cannot run \(executable.path): \(error.localizedDescription)")
        }
        input = stdin.fileHandleForWriting
        errors.start()
    }

    /// Writes one raw frame `count` times; throws if the encoder has stopped reading.
    func write(_ frame: [UInt8], count: Int = 1) throws {
        let fd = input.fileDescriptor
        try frame.withUnsafeBytes { bytes in
            for _ in 0..<count {
                var offset = 0
                while offset < bytes.count {
                    let n = Foundation.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        throw ExportError("ffmpeg stopped reading frames: \(failureText())")
                    }
                    offset += n
                }
            }
        }
    }

    /// Closes the input and waits; throws with ffmpeg's own message if it failed.
    func finish() throws {
        closeInput()
        process.waitUntilExit()
        errors.wait()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw ExportError("ffmpeg failed: \(failureText())")
        }
    }

    /// Stops the encoder after a failure elsewhere.
    func cancel() {
        closeInput()
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        errors.wait()
    }

    private func closeInput() {
        guard !closed else { return }
        closed = true
        try? input.close()
    }

    private func failureText() -> String {
        // Everything it said, once it has ended.
        closeInput()
        process.waitUntilExit()
        errors.wait()
        let text = errors.text.trimmingCharacters(in: .whitespacesAndNewlines)
        let status = process.terminationReason == .exit ? "exit status \(process.terminationStatus)"
            : "signal \(process.terminationStatus)"
        return text.isEmpty ? status : "\(status): " + text.split(separator: "\n").suffix(3).joined(separator: "; ")
    }

    /// Reads the encoder's standard error on a thread of its own, so a chatty encoder never
    /// blocks on a full pipe.
    final class ErrorCollector: @unchecked Sendable {
        private let handle: FileHandle
        private let done = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var data = Data()

        init(_ handle: FileHandle) { self.handle = handle }

        func start() {
            Thread.detachNewThread { [self] in
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    lock.withLock { if data.count < 65_536 { data.append(chunk) } }
                }
                done.signal()
            }
        }

        private var waited = false
        func wait() {
            guard !waited else { return }
            waited = true
            done.wait()
        }

        var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
    }
}
