/// Lets one task at a time hold an SQLite connection. An actor alone is not enough: a body
/// that awaits inside the actor lets other calls interleave, which would mix transactions.
/// It is not re-entrant: a body must not call `withConnection` or `transaction` again (pass on
/// the `SQLDatabase` it was given instead).
actor AsyncSerialLock {
    private var isLocked = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func lock() async {
        if !isLocked {
            isLocked = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func unlock() {
        if waiters.isEmpty {
            isLocked = false
        } else {
            waiters.removeFirst().resume()
        }
    }
}
