import Foundation
import HummingbirdBcrypt
import StyrDomain

/// The benchmark's national data set (`styr bench generate-nation`, issue 14): per municipality a
/// municipality, one department (byrådsavdeling) and its agencies, each with ten years of goals,
/// indicators with targets and results, budget, a revision, an allocation letter, meetings,
/// signals, a notice and ledger totals; a department steerer per municipality and one admin.
/// Deterministic for a seed. This is a benchmark generator, not a use case: it writes through
/// `BulkTableWriter` (no rules, no per-row audit), into a database that serves nobody yet.
public struct NationGenerator: Sendable {
    public var municipalities: Int
    public var agencies: Int
    public var years: Int
    public var firstYear: Int
    public var seed: UInt64
    /// The password of every generated user.
    public var password: String

    public init(municipalities: Int, agencies: Int, years: Int, firstYear: Int, seed: UInt64, password: String) {
        self.municipalities = municipalities
        self.agencies = agencies
        self.years = years
        self.firstYear = firstYear
        self.seed = seed
        self.password = password
    }

    /// The admin's e-mail; the steerer of municipality `n` is `steererEmail(n)`.
    public static let adminEmail = "admin@nasjon.example"
    public static func steererEmail(_ municipality: Int) -> String { "styrer.\(municipalityCode(municipality).lowercased())@nasjon.example" }
    public static func municipalityCode(_ number: Int) -> String { "K" + padded(number, 4) }
    public static func departmentCode(_ number: Int) -> String { municipalityCode(number) + "-BY" }
    public static func agencyCode(_ number: Int, _ agency: Int) -> String { municipalityCode(number) + "-E" + padded(agency, 2) }

    static let agencyNames = [
        "Bymiljøetaten", "Helseetaten", "Utdanningsetaten", "Kulturetaten", "Eiendomsetaten", "Plan- og bygningsetaten",
        "Velferdsetaten", "Brann- og redningsetaten", "Vann- og avløpsetaten", "Renovasjonsetaten", "Sykehjemsetaten",
        "Barnevernetaten", "Gravferdsetaten", "Innkrevingsetaten", "Kemnerkontoret", "Næringsetaten", "Omsorgsbygg",
        "Undervisningsbygg", "Boligbygg", "Arbeidsinkluderingsetaten",
    ]

    /// Writes the whole set; returns the number of organisations written.
    public func generate(into writer: BulkTableWriter) async throws -> Int {
        var random = SplitMix64(seed: seed)
        let hash = Bcrypt.hash(password, cost: 10)
        let created = "\(firstYear)-01-01T00:00:00Z"
        let adminID = try await writer.nextID("users")
        try await writer.append("users", ["id", "email", "name", "password_hash", "created_at"],
                                [.int(adminID), .text(Self.adminEmail), .text("Nasjonal administrator (eksempel)"), .text(hash), .text(created)])
        var organisations = 0
        var agencyIndex = 0
        for number in 1...max(1, municipalities) {
            let municipalityID = try await organisation(Self.municipalityCode(number), "Eksempelkommune \(padded(number, 4))", .municipality, parent: nil, writer)
            let departmentCode = Self.departmentCode(number)
            let departmentID = try await organisation(departmentCode, "Byrådsavdeling for styring, eksempelkommune \(padded(number, 4))", .department,
                                                      parent: municipalityID, writer)
            organisations += 2
            try await role(adminID, .admin, municipalityID, writer)
            let steererID = try await writer.nextID("users")
            try await writer.append("users", ["id", "email", "name", "password_hash", "created_at"],
                                    [.int(steererID), .text(Self.steererEmail(number)), .text("Etatsstyrer \(Self.municipalityCode(number)) (eksempel)"),
                                     .text(hash), .text(created)])
            try await role(steererID, .departmentSteerer, departmentID, writer)
            for agency in 1...max(1, agencies) {
                agencyIndex += 1
                let code = Self.agencyCode(number, agency)
                let name = "\(Self.agencyNames[(agency - 1) % Self.agencyNames.count]) \(agency) (\(Self.municipalityCode(number)))"
                let agencyID = try await organisation(code, name, .agency, parent: departmentID, writer)
                organisations += 1
                try await AgencyData(
                    code: code, id: agencyID, departmentCode: departmentCode, chapter: 10_000 + agencyIndex, name: name,
                    years: firstYear..<(firstYear + years)
                ).write(into: writer, random: &random)
            }
        }
        return organisations
    }

    private func organisation(_ code: String, _ name: String, _ kind: OrganisationKind, parent: Int64?, _ writer: BulkTableWriter) async throws -> Int64 {
        let id = try await writer.nextID("organisations")
        try await writer.append("organisations", ["id", "code", "name", "kind", "parent_id"],
                                [.int(id), .text(code), .text(name), .text(kind.rawValue), parent.map(BulkValue.int) ?? .null])
        return id
    }

    private func role(_ user: Int64, _ role: Role, _ organisation: Int64, _ writer: BulkTableWriter) async throws {
        try await writer.append("role_assignments", ["user_id", "role", "organisation_id"], [.int(user), .text(role.rawValue), .int(organisation)])
    }
}

/// A small deterministic generator (SplitMix64): the same seed gives the same data set.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func padded(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
