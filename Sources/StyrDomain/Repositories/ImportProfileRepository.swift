/// Named import profiles: how an ERP system's columns and local accounts map to KOSTRA.
public protocol ImportProfileRepository: Sendable {
    func save(_ profile: ImportProfile) async throws
    func profile(named name: String) async throws -> ImportProfile?
    func profiles() async throws -> [ImportProfile]
    /// Stores a year's code list, replacing that year's list of the same kind (audited).
    func save(_ list: KostraYearCodeList) async throws
    /// The year's list of a kind, when one is loaded.
    func codeList(year: Int, kind: KostraListKind) async throws -> KostraYearCodeList?
    /// The years with a loaded list, and which kinds each has.
    func codeListYears() async throws -> [Int: Set<KostraListKind>]
}
