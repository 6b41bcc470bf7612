/// The KOSTRA arts and funksjoner an import checks lines against: which arts are valid in
/// operating and in investment accounts, and which funksjoner exist. (The code lists ship with
/// StyrStorage; this is the pure lookup, one array index a check.)
public struct KostraCodes: Hashable, Sendable {
    // Inlinable checks: the parser (StyrLedgerFormats) makes two a line, from another module.
    @usableFromInline var operating: [Bool]
    @usableFromInline var investment: [Bool]
    @usableFromInline var functionTable: [Bool]

    public init(arts: [(art: Int, operating: Bool, investment: Bool)], functions: Set<Int>) {
        operating = Array(repeating: false, count: 1000)
        investment = Array(repeating: false, count: 1000)
        functionTable = Array(repeating: false, count: 1000)
        for entry in arts where (0...999).contains(entry.art) {
            if entry.operating { operating[entry.art] = true }
            if entry.investment { investment[entry.art] = true }
        }
        for function in functions where (0...999).contains(function) {
            functionTable[function] = true
        }
    }

    public init(operatingArts: Set<Int>, investmentArts: Set<Int>, functions: Set<Int>) {
        let arts = operatingArts.union(investmentArts).map { (art: $0, operating: operatingArts.contains($0), investment: investmentArts.contains($0)) }
        self.init(arts: arts, functions: functions)
    }

    @inlinable public func isValid(art: Int, kind: AccountKind) -> Bool {
        guard (0...999).contains(art) else { return false }
        switch kind {
        case .operating: return operating[art]
        case .investment: return investment[art]
        }
    }

    @inlinable public func isValid(function: Int) -> Bool {
        (0...999).contains(function) && functionTable[function]
    }

    /// The arts valid in accounts of a kind, ascending.
    public func arts(_ kind: AccountKind) -> [Int] {
        (0...999).filter { isValid(art: $0, kind: kind) }
    }

    /// Every valid funksjon, ascending.
    public var functions: [Int] {
        (0...999).filter { functionTable[$0] }
    }
}
