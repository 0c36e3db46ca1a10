/// Chainframe's version, recorded in PNG metadata and incremental-build stamps.
public enum ChainframeVersion {
    /// The version of this build, e.g. `0.1.0`.
    public static let current = "0.1.0"
}
