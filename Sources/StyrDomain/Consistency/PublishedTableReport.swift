/// The outcome of checking one published table.
public struct PublishedTableReport: Sendable, Equatable {
    public var kind: PublishedTableKind
    /// The convention decided from the data; nil for project tables, which have no net row.
    public var signConvention: SignConvention?
    /// Whole kroner; differences of at most this much were not reported.
    public var tolerance: Int64
    /// In file order, then in the header's column order.
    public var findings: [PublishedTableFinding]

    public init(
        kind: PublishedTableKind, signConvention: SignConvention?, tolerance: Int64, findings: [PublishedTableFinding]
    ) {
        self.kind = kind
        self.signConvention = signConvention
        self.tolerance = tolerance
        self.findings = findings
    }

    public var isConsistent: Bool { findings.isEmpty }
}
