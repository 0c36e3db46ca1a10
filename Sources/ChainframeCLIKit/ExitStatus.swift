/// The exit statuses Chainframe promises.
package enum ExitStatus {
    package static let success: Int32 = 0
    /// A run-time failure (I/O) or a failed check.
    package static let failure: Int32 = 1
    /// Invalid input or usage.
    package static let invalidInput: Int32 = 2
}

/// A run-time failure: reported as `chainframe: error: …`, exit status 1.
package struct RunFailure: Error {
    package var message: String

    package init(message: String) { self.message = message }
}
