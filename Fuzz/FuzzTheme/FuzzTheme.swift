import ChainframeRender
import Foundation

/// Fuzz target: bytes → theme file parsing (YAML, keys, colours, extends).
///
/// Any input must end in a theme or a `ThemeError`, never a crash. Built with
/// `scripts/fuzz theme`; in an ordinary build it replays files given as arguments.
func fuzzTheme(_ bytes: [UInt8]) {
    _ = try? ThemeFile.load(data: Data(bytes), file: "fuzz.yaml", catalog: ThemeCatalog(directories: []))
}

#if FUZZING
/// libFuzzer's driver (from `-sanitize=fuzzer`).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// SwiftPM links an executable's entry point as `<Target>_main`: hand control to libFuzzer.
@_cdecl("FuzzTheme_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in
        guard let data else { return 0 }
        fuzzTheme(Array(UnsafeBufferPointer(start: data, count: size)))
        return 0
    }
}
#else
/// Replays files through the fuzz target (for regression inputs).
@main
struct ReplayTheme {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
                exit(1)
            }
            fuzzTheme([UInt8](data))
        }
    }
}
#endif
