import Synchronization
@testable import StyrWeb
import Testing

/// Giving freed memory back (issue 14: idle RSS): harmless to call, and the idle watcher ends
/// when the server stops.
@Suite("Freed memory given back when idle")
struct FreedMemoryTests {
    @Test("releasing is harmless; the watcher follows the activity and ends when cancelled")
    func watcher() async throws {
        FreedMemory.release()
        let counter = Mutex<Int64>(0)
        let reads = Mutex(0)
        let watcher = IdleMemoryRelease(
            activity: {
                reads.withLock { $0 += 1 }
                return counter.withLock { $0 += 1; return $0 }
            }, period: .milliseconds(5))
        let task = Task { try await watcher.run() }
        // Waits for three reads of the activity, not a fixed time: a loaded machine (the whole
        // suite on two cores) may run the watcher late, but it must run.
        let deadline = ContinuousClock.now + .seconds(30)
        while reads.withLock({ $0 }) < 3, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        #expect(reads.withLock { $0 } >= 3)
        task.cancel()
        try await task.value
    }
}
