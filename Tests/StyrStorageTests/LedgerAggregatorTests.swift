import Foundation
@testable import StyrDomain
@testable import StyrLedgerFormats
import Testing
@testable import StyrStorage

@Suite("Aggregation in bounded memory")
struct LedgerAggregatorTests {
    /// Random lines over few enough codes that groups repeat, so that a group is split across runs.
    static func lines(count: Int, seed: UInt64) -> [LedgerLine] {
        var generator = LedgerRandom(seed: seed)
        return (0..<count).map { _ in
            LedgerLine(
                responsibility: "A\(generator.next() % 7)", chapter: Int(generator.next() % 3) * 100 + 999_999_000,
                kind: generator.next() % 2 == 0 ? .operating : .investment, art: Int(generator.next() % 4) * 250 + 10,
                function: Int(generator.next() % 3) + 897, project: generator.next() % 3 == 0 ? "" : "P\(generator.next() % 5)",
                freeDimension: generator.next() % 4 == 0 ? "F" : "", year: 2025, month: Int(generator.next() % 13),
                amount: Money(ore: Int64(generator.next() % 2_000_001) - 1_000_000))
        }
    }

    struct Group: Hashable {
        var responsibility: String, chapter: Int, kind: AccountKind, art: Int, function: Int, project: String, free: String, month: Int
    }

    @Test("a reading given up leaves no run file behind")
    func discard() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("styr-aggregator-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var aggregator = LedgerAggregator(capacity: 10, directory: directory)
        for line in Self.lines(count: 500, seed: 7) { try aggregator.add(line) }
        #expect(try !FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
        aggregator.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test("spilled runs merge to the same groups and sums as a plain table", arguments: [1, 7, 100, 1_000_000])
    func spillsMatchInMemory(capacity: Int) throws {
        let lines = Self.lines(count: 5_000, seed: 42)
        var expected: [Group: Int64] = [:]
        for line in lines {
            let group = Group(responsibility: line.responsibility, chapter: line.chapter, kind: line.kind, art: line.art,
                              function: line.function, project: line.project, free: line.freeDimension, month: line.month)
            expected[group, default: 0] += line.amount.ore
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("styr-aggregator-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var aggregator = LedgerAggregator(capacity: capacity, directory: directory)
        for line in lines { try aggregator.add(line) }
        var found: [Group: Int64] = [:]
        var previous: Group?
        let result = try aggregator.finish { group in
            let key = Group(responsibility: group.responsibility, chapter: group.chapter, kind: group.kind, art: group.art,
                            function: group.function, project: group.project, free: group.freeDimension, month: group.month)
            #expect(found[key] == nil, "each group once")
            #expect(key != previous)
            #expect(group.year == 2025)
            found[key] = group.amount.ore
            previous = key
        }
        #expect(found == expected, "every group with its own sum")
        #expect(result.groups == Int64(expected.count))
        #expect(result.total == lines.reduce(0) { $0 + $1.amount.ore })
        #expect(capacity >= expected.count ? result.runs == 0 : result.runs >= lines.count / 2 / capacity)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty, "run files are removed")
    }
}
