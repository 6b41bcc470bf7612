import Foundation
import Testing

/// Text snapshots: rendered output is compared with the committed file in the `Snapshots`
/// folder beside the calling test file, so a misspelt template key (which renders empty) or a
/// stray "nil" shows up as a difference. Run with `STYR_RECORD_SNAPSHOTS=1` to write them anew.
public enum Snapshot {
    public static func assert(
        _ actual: String, named name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let directory = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["STYR_RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("No snapshot \(name); record it with STYR_RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        let expectedLine = first < expectedLines.count ? String(expectedLines[first]) : "<end>"
        let actualLine = first < actualLines.count ? String(actualLines[first]) : "<end>"
        Issue.record("Snapshot \(name) differs at line \(first + 1):\n- \(expectedLine)\n+ \(actualLine)", sourceLocation: sourceLocation)
    }
}
