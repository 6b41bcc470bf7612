#if canImport(Glibc)
import Glibc
#endif
import ServiceLifecycle

/// Hands memory that was freed back to the system. Starting the server (migrations, the routes,
/// every template parsed, the demo) leaves about 5 MB freed but still resident in glibc's
/// arenas, and so does a burst of requests; glibc does not give it back by itself, and
/// `malloc_trim(0)` does (idle RSS 62 → 56 MB after start, measured with `Benchmarks/pages.sh`).
/// `malloc_trim` is not in Swift's Glibc module, so it is looked up by name; elsewhere this does
/// nothing.
enum FreedMemory {
    static func release() {
        #if canImport(Glibc)
        typealias Trim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(nil, "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
        #endif
    }
}

/// Releases freed memory (`FreedMemory`) once the server has gone quiet after being busy: it
/// looks every `period` at a counter that moves with every request (the database's units of
/// work) and trims once when it stood still for a whole period after moving. It never trims
/// while requests come, so glibc's arena locks are never taken under load.
struct IdleMemoryRelease: Service {
    let activity: @Sendable () -> Int64
    var period: Duration = .seconds(5)

    func run() async throws {
        await cancelWhenGracefulShutdown { [activity, period] in
            var last = activity()
            var busy = false
            while !Task.isCancelled {
                try? await Task.sleep(for: period)
                let now = activity()
                if now != last {
                    last = now
                    busy = true
                } else if busy {
                    busy = false
                    FreedMemory.release()
                }
            }
        }
    }
}
