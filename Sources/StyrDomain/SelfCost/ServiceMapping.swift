/// A rule that attributes ledger lines to a service, or to «ikke en tjeneste» (frame-financed core
/// tasks, management). A line matches when it matches every criterion the rule sets; a rule sets
/// at least one.
public struct ServiceMappingRule: Hashable, Sendable, Codable {
    /// The target of lines that are not a service.
    public static let notAService = "ikke-tjeneste"

    /// A service key, or `notAService`.
    public var target: String
    public var responsibility: String?
    public var function: Int?
    public var project: String?
    /// An art range, both ends included.
    public var artFrom: Int?
    public var artTo: Int?
    public var freeDimension: String?

    public init(target: String, responsibility: String? = nil, function: Int? = nil, project: String? = nil, artFrom: Int? = nil,
                artTo: Int? = nil, freeDimension: String? = nil) {
        self.target = target
        self.responsibility = responsibility
        self.function = function
        self.project = project
        self.artFrom = artFrom
        self.artTo = artTo
        self.freeDimension = freeDimension
    }

    public func matches(_ line: LedgerLine) -> Bool {
        if let responsibility, line.responsibility != responsibility { return false }
        if let function, line.function != function { return false }
        if let project, line.project != project { return false }
        if let artFrom, line.art < artFrom { return false }
        if let artTo, line.art > artTo { return false }
        if let freeDimension, line.freeDimension != freeDimension { return false }
        return true
    }

    /// `ansvar UKE, art 010–499`.
    public var criteriaText: String {
        var parts: [String] = []
        if let responsibility { parts.append("ansvar \(responsibility)") }
        if let function { parts.append("funksjon \(function)") }
        if let project { parts.append("prosjekt \(project)") }
        switch (artFrom, artTo) {
        case let (from?, to?): parts.append(from == to ? "art \(LedgerLine.artCode(from))" : "art \(LedgerLine.artCode(from))–\(LedgerLine.artCode(to))")
        case let (from?, nil): parts.append("art fra \(LedgerLine.artCode(from))")
        case let (nil, to?): parts.append("art til \(LedgerLine.artCode(to))")
        case (nil, nil): break
        }
        if let freeDimension { parts.append("fri dimensjon \(freeDimension)") }
        return parts.joined(separator: ", ")
    }
}

public enum ServiceMappingRules {
    /// A rule as entered: a known target, at least one criterion, arts 0–999 in order.
    public static func validate(_ rule: ServiceMappingRule, serviceKeys: Set<String>) throws {
        var errors = InputErrors()
        if rule.target != ServiceMappingRule.notAService, !serviceKeys.contains(rule.target) {
            errors.add("target", "Velg en tjeneste fra katalogen eller «ikke en tjeneste».")
        }
        if rule.criteriaText.isEmpty { errors.add("criteria", "Regelen må ha minst ett kriterium (ansvar, funksjon, prosjekt, art eller fri dimensjon).") }
        for (field, art) in [("artFrom", rule.artFrom), ("artTo", rule.artTo)] {
            if let art, !(0...999).contains(art) { errors.add(field, "En art er 000–999.") }
        }
        if let from = rule.artFrom, let to = rule.artTo, from > to { errors.add("artTo", "Artsintervallet slutter før det begynner.") }
        try errors.check()
    }

    /// Attributes the lines: each line to the one target its rules name. Lines no rule covers, and
    /// lines rules of two targets claim, are listed apart and attributed to nothing.
    public static func attribute(_ lines: [LedgerLineGroup], rules: [ServiceMappingRule]) -> ServiceAttribution {
        var attribution = ServiceAttribution()
        for group in lines {
            let targets = rules.filter { $0.matches(group.line) }.map(\.target)
            let distinct = targets.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            switch distinct.count {
            case 0: attribution.unmatched.append(group)
            case 1: attribution.byTarget[distinct[0], default: []].append(group)
            default: attribution.conflicts.append(ServiceAttribution.Conflict(group: group, targets: distinct))
            }
        }
        return attribution
    }
}

/// Ledger lines that share every dimension a rule can test (the line's amount is their sum, with
/// `count` lines): attribution treats them alike, so it works on totals rather than lines.
public struct LedgerLineGroup: Hashable, Sendable {
    public var line: LedgerLine
    public var count: Int64

    public init(line: LedgerLine, count: Int64) {
        self.line = line
        self.count = count
    }
}

/// Where the lines went.
public struct ServiceAttribution: Hashable, Sendable {
    public struct Conflict: Hashable, Sendable {
        public var group: LedgerLineGroup
        public var targets: [String]
    }

    public var byTarget: [String: [LedgerLineGroup]] = [:]
    public var unmatched: [LedgerLineGroup] = []
    public var conflicts: [Conflict] = []

    public var attributedLineCount: Int64 { byTarget.values.joined().map(\.count).reduce(0, +) }
    public var isComplete: Bool { unmatched.isEmpty && conflicts.isEmpty }

    /// The service's accounts (tjenesteregnskap) from its operating lines.
    public func accounts(of target: String) -> ServiceAccounts {
        ServiceAccounts(lines: (byTarget[target] ?? []).map(\.line))
    }
}

/// Income and expenses of one service in a year, split the way the self-cost calculation reads
/// them (operating lines only; investments are in the asset register):
/// A direct costs = arts 010–499 (of which internal purchases, art 290); financial arts 500–599
/// (interest, repayments, the accounts' own depreciation 590) are left out because C and D
/// replace them; G income from customers = internal sales (art 790) and sales 600–689; E other
/// income = the other arts 690–899; arts 900–999 (financing) are left out.
public struct ServiceAccounts: Hashable, Sendable {
    public var directCosts: Money = .zero
    public var internalPurchases: Money = .zero
    public var customerIncome: Money = .zero
    public var internalSales: Money = .zero
    public var otherIncome: Money = .zero
    public var leftOut: Money = .zero

    public init(lines: [LedgerLine]) {
        for line in lines where line.kind == .operating {
            switch line.art {
            case 0...499:
                directCosts = directCosts + line.amount
                if line.art == 290 { internalPurchases = internalPurchases + line.amount }
            case 790:
                customerIncome = customerIncome - line.amount
                internalSales = internalSales - line.amount
            case 600...689: customerIncome = customerIncome - line.amount
            case 690...899: otherIncome = otherIncome - line.amount
            default: leftOut = leftOut + line.amount
            }
        }
    }

    public var expenses: Money { directCosts }
    public var income: Money { customerIncome + otherIncome }
}
