extension QMPError {
    /// The error a client sees for `error`, thrown by a command handler: a
    /// `QMPError` unchanged, anything else a `GenericError` with the
    /// error's description.
    public init(handlerError error: any Error) {
        if let error = error as? QMPError {
            self = error
        } else {
            self = .generic(String(describing: error))
        }
    }
}
