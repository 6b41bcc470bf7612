import Foundation
import Testing

/// Text snapshots: a rendered page is compared with the committed file in `Snapshots/`, so a
/// misspelt template key (which renders empty) shows up as a difference. Run with
/// `STYR_RECORD_SNAPSHOTS=1` to write new snapshots into the source tree.
enum Snapshot {
    static func assert(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let sourceDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
        if ProcessInfo.processInfo.environment["STYR_RECORD_SNAPSHOTS"] == "1" {
            try actual.write(to: sourceDirectory.appendingPathComponent(name), atomically: true, encoding: .utf8)
            return
        }
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Snapshots"),
              let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("No snapshot \(name); record it with STYR_RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(expectedLines.count, actualLines.count)
            let expectedLine = first < expectedLines.count ? String(expectedLines[first]) : "<end>"
            let actualLine = first < actualLines.count ? String(actualLines[first]) : "<end>"
            Issue.record("Snapshot \(name) differs at line \(first + 1):\n- \(expectedLine)\n+ \(actualLine)", sourceLocation: sourceLocation)
        }
    }
}
