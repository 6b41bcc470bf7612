import StyrDomain

/// Overrides compiled for lookup by a code's value and length, without building strings.
struct LedgerCodeOverrides: Hashable, Sendable {
    struct Group: Hashable, Sendable {
        var length: Int
        var divisor: Int
        var table: [Int: Int]
    }

    /// Most specific (longest fixed prefix) first.
    private(set) var groups: [Group] = []

    var isEmpty: Bool { groups.isEmpty }

    init(_ overrides: [String: Int]) {
        var byShape: [Int: Group] = [:]
        var order: [(key: Int, prefixLength: Int)] = []
        for (key, target) in overrides {
            guard let pattern = LedgerCodePattern(key) else { continue }
            let shape = pattern.length * 100 + pattern.prefixLength
            if byShape[shape] == nil {
                byShape[shape] = Group(length: pattern.length, divisor: LedgerBytes.powerOfTen(pattern.length - pattern.prefixLength), table: [:])
                order.append((shape, pattern.prefixLength))
            }
            byShape[shape]?.table[pattern.prefix] = target
        }
        groups = order.sorted { ($0.prefixLength, $0.key) > ($1.prefixLength, $1.key) }.compactMap { byShape[$0.key] }
    }

    /// The override for a code of `length` digits with the value `value`.
    func lookup(_ value: Int, length: Int) -> Int? {
        for group in groups where group.length == length {
            if let target = group.table[value / group.divisor] { return target }
        }
        return nil
    }
}
