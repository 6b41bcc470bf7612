import StyrDemo
import StyrDomain
import StyrServices
import StyrStorage
import StyrTestSupport
import Testing

/// `LedgerImportService` and `LedgerQueryService`: access first, then what is asked, then one
/// import or read; an import's clash comes back for the edge to word.
@Suite("Ledger services")
struct LedgerServiceTests {
    static let file = "art;ansvar;tjeneste_nr;periode;beloep\n10101;A101;12000;1;1000,50\n11201;A102;20100;2;-99,99\n16200;A101;12000;3;-5000\n"

    static func chunks(_ text: String) -> LedgerChunks {
        LedgerChunks(AsyncStreamChunks(bytes: Array(text.utf8)))
    }

    /// Bytes as one chunk.
    struct AsyncStreamChunks: AsyncSequence, Sendable {
        typealias Element = [UInt8]
        let bytes: [UInt8]
        struct AsyncIterator: AsyncIteratorProtocol {
            var bytes: [UInt8]?
            mutating func next() async throws -> [UInt8]? {
                defer { bytes = nil }
                return bytes
            }
        }
        func makeAsyncIterator() -> AsyncIterator { AsyncIterator(bytes: bytes) }
    }

    @Test("what may be asked is checked once: the period, the lengths of names; names are trimmed")
    func settings() throws {
        let long = String(repeating: "x", count: LedgerImportService.maximumNameLength + 1)
        var request = LedgerImportService.Request(year: 2021, period: 13, sourceName: long, profileName: long)
        guard case .failure(let errors) = LedgerImportService.settings(request, organisationCode: "UKE", actor: "a@b") else {
            Issue.record("refused")
            return
        }
        #expect(errors.entries.map(\.field) == ["period", "sourceName", "profileName"])
        #expect(errors["period"]?.contains("ikke 13") == true)
        for period in [0, -1, 13] {
            request = LedgerImportService.Request(year: 2021, period: period, sourceName: "a.csv")
            #expect(throws: InputErrors.self) { try LedgerImportService.settings(request, organisationCode: "UKE", actor: "a@b").get() }
        }
        request = LedgerImportService.Request(year: 2021, period: 12, sourceName: "  hovedbok.csv ", profileName: "  ")
        let settings = try LedgerImportService.settings(request, organisationCode: "UKE", actor: "a@b").get()
        #expect(settings.period == 12 && settings.sourceName == "hovedbok.csv" && settings.profileName == nil && settings.actor == "a@b")
        #expect(try LedgerImportService.settings(.init(year: 2021, sourceName: "a"), organisationCode: "UKE", actor: "a").get().period == 0)
    }

    @Test("who may import, and a clash comes back as the outcome's, with nothing changed", arguments: TestDatabase.backends)
    func importAccess(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let request = LedgerImportService.Request(year: 2021, sourceName: "hovedbok.csv")
            await #expect(throws: ServiceError.unauthenticated) {
                _ = try await services.ledgerImport.importFile(request, into: "UKE", chunks: Self.chunks(Self.file), by: nil)
            }
            for email in [ServiceTestApp.auditor, ServiceTestApp.finSteerer] {
                await #expect(throws: ServiceError.forbidden(organisationCode: "UKE"), "\(email)") {
                    _ = try await services.ledgerImport.importFile(request, into: "UKE", chunks: Self.chunks(Self.file), by: users[email])
                }
            }
            let editor = try #require(users[ServiceTestApp.editor])
            // An unknown code is answered as a code that is not the user's (no probing).
            await #expect(throws: ServiceError.forbidden(organisationCode: "NOPE")) {
                _ = try await services.ledgerImport.importFile(request, into: "NOPE", chunks: Self.chunks(Self.file), by: editor)
            }
            await #expect(throws: ServiceError.badRequest(BudgetYears.outOfRangeMessage(1850))) {
                _ = try await services.ledgerImport.importFile(.init(year: 1850, sourceName: "a"), into: "UKE", chunks: Self.chunks(Self.file), by: editor)
            }
            do {
                _ = try await services.ledgerImport.importFile(.init(year: 2021, period: 13, sourceName: "a"), into: "UKE", chunks: Self.chunks(Self.file), by: editor)
                Issue.record("period 13 is refused")
            } catch ServiceError.invalid(let errors) {
                #expect(errors.entries.map(\.field) == ["period"])
            }
            let run = try await services.ledgerImport.importFile(request, into: "UKE", chunks: Self.chunks(Self.file), by: editor)
            let record = try #require(run.outcome.record)
            #expect(record.lines == 3 && record.importedBy == editor.email && record.sourceName == "hovedbok.csv")
            let again = try await services.ledgerImport.importFile(request, into: "UKE", chunks: Self.chunks(Self.file), by: editor)
            #expect(again.outcome.record == nil)
            #expect(again.outcome.clash?.isReplaceable == true)
            #expect(try await services.ledger.imports(in: "UKE", year: 2021, by: editor).map(\.id) == [record.id])
            var replacing = request
            replacing.replace = true
            #expect(try await services.ledgerImport.importFile(replacing, into: "UKE", chunks: Self.chunks(Self.file), by: editor).outcome.record != nil)
            #expect(try await services.ledger.imports(in: "UKE", year: 2021, by: editor).count == 1)
        }
    }

    @Test("totals and lines: a filter or a dimension that cannot be read is refused before anything is read", arguments: TestDatabase.backends)
    func queries(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let editor = try #require(users[ServiceTestApp.editor]), auditor = try #require(users[ServiceTestApp.auditor])
            _ = try await services.ledgerImport.importFile(.init(year: 2021, sourceName: "a.csv"), into: "UKE", chunks: Self.chunks(Self.file), by: editor)
            let totals = try await services.ledger.totals(in: "UKE", LedgerFilter(year: 2021), by: [.group], by: auditor)
            #expect(totals.map { "\($0.values[.group] ?? ""): \($0.amount.ore)" } == ["000-099: 100050", "100-299: -9999", "600-699: -500000"])
            await #expect(throws: ServiceError.forbidden(organisationCode: "UKE")) {
                _ = try await services.ledger.totals(in: "UKE", LedgerFilter(year: 2021), by: [.group], by: users[ServiceTestApp.blkSteerer])
            }
            for (dimension, value, message) in [
                (LedgerDimension.group, "1-2", "er ikke en artsgruppe"), (.kind, "drift", "er ikke en kontoklasse"), (.art, "abc", "gyldig verdi for art"),
                (.function, "x", "gyldig verdi for funksjon"), (.responsibility, String(repeating: "a", count: 101), "høyst 100 tegn"),
            ] {
                do {
                    _ = try await services.ledger.totals(in: "UKE", LedgerFilter(year: 2021, equals: [dimension: value]), by: [.group], by: auditor)
                    Issue.record("\(dimension)=\(value) is refused")
                } catch ServiceError.invalid(let errors) {
                    #expect(errors.entries.first?.field == "equals")
                    #expect(errors.entries.first?.message.contains(message) == true, "\(errors.entries)")
                }
            }
            await #expect(throws: ServiceError.invalid(.single("dimensions", "«group» er oppgitt to ganger."))) {
                _ = try await services.ledger.totals(in: "UKE", LedgerFilter(year: 2021), by: [.group, .group], by: auditor)
            }
            let lines = try await services.ledger.lines(in: "UKE", LedgerFilter(year: 2021, equals: [.group: "000-099"]), after: 0, limit: 10, by: auditor)
            #expect(lines.map(\.line.amount.ore) == [100_050])
            for (after, limit, field) in [(Int64(-1), 10, "afterID"), (0, 0, "limit"), (0, LedgerQueryService.maximumPageSize + 1, "limit")] {
                do {
                    _ = try await services.ledger.lines(in: "UKE", LedgerFilter(year: 2021), after: after, limit: limit, by: auditor)
                    Issue.record("after \(after), limit \(limit)")
                } catch ServiceError.invalid(let errors) {
                    #expect(errors.entries.map(\.field) == [field])
                }
            }
        }
    }

    @Test("import profiles: saved by an administrator only, a profile that cannot be used is refused, an unknown one is not found",
          arguments: TestDatabase.backends)
    func profiles(backend: TestDatabase) async throws {
        try await ServiceTestApp.run(backend) { services, users in
            let editor = try #require(users[ServiceTestApp.editor])
            let admin = UserAccount(email: "drift@styr", name: "Drift", assignments: [RoleAssignment(role: .admin, organisationCode: "")])
            var profile = ImportProfile.standard
            profile.name = "kommune"
            await #expect(throws: ServiceError.self) { try await services.ledgerImport.saveProfile(profile, by: editor) }
            await #expect(throws: ServiceError.unauthenticated) { try await services.ledgerImport.saveProfile(profile, by: nil) }
            var broken = profile
            broken.delimiter = "#"
            do {
                try await services.ledgerImport.saveProfile(broken, by: admin)
                Issue.record("refused")
            } catch ServiceError.invalid(let errors) {
                #expect(errors["profile"]?.contains("er ugyldig") == true)
            }
            try await services.ledgerImport.saveProfile(profile, by: admin)
            #expect(try await services.ledgerImport.profiles(by: editor).map(\.name) == ["kommune"])
            #expect(try await services.ledgerImport.profile(named: "kommune", by: editor).name == "kommune")
            await #expect(throws: ServiceError.notFound("Det finnes ingen importprofil «nope».")) {
                _ = try await services.ledgerImport.profile(named: "nope", by: editor)
            }
        }
    }
}
