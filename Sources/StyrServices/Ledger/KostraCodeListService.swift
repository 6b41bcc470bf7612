import StyrDomain

/// The KOSTRA code lists per accounting year: an administrator loads a year's arts or funksjoner
/// (from SSB's KLASS export); every import of a file of that year is checked against them.
public struct KostraCodeListService: Sendable {
    let storage: any Storage

    public init(storage: any Storage) { self.storage = storage }

    /// Stores the codes valid in `year` (those whose validFrom–validTo reaches into it), replacing
    /// the year's earlier list of the kind. The lists are shared by every organisation of the
    /// database, so only an administrator loads them. A list without one code valid in the year is refused.
    @discardableResult
    public func importList(_ entries: [KostraCodeEntry], kind: KostraListKind, year: Int, by user: UserAccount?) async throws -> KostraYearCodeList {
        guard let user else { throw ServiceError.unauthenticated }
        guard user.assignments.contains(where: { $0.role == .admin }) else {
            throw ServiceError.forbidden(organisationCode: user.assignments.first?.organisationCode ?? "")
        }
        _ = try AccessCheck.year(year)
        let list = KostraYearCodeList(year: year, kind: kind, entries: entries)
        guard !list.codes.isEmpty else {
            throw ServiceError.invalid(.single("entries", "Listen har ingen \(kind.norwegianName) på tre siffer som gjelder i \(year) (se validFrom og validTo)."))
        }
        try await storage.write(as: user.email) { repositories in try await repositories.importProfiles.save(list) }
        return list
    }

    /// The years with loaded lists, and which kinds each has, for anyone logged in.
    public func years(by user: UserAccount?) async throws -> [Int: Set<KostraListKind>] {
        guard user != nil else { throw ServiceError.unauthenticated }
        return try await storage.read { repositories in try await repositories.importProfiles.codeListYears() }
    }
}
