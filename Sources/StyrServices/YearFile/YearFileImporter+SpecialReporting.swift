import StyrDomain

extension YearFileImporter {
    /// Chapters 4–6 of the file: chapters 4–5 through their rules (the file's replace the stored
    /// ones of the year), and the tracked items through theirs, each known again by source, title
    /// and date (updated when it differs, else skipped; items not in the file are kept, since an
    /// item belongs to several years' reports). Refusals are keyed by JSON path.
    mutating func writeSpecialReporting() async throws {
        guard let special = file.specialReporting else { return }
        if let report = special.report {
            let checked = try Self.rule(prefix: "specialReporting.report.") { try SpecialReportService.checked(report) }
            if try await store.specialReport(of: code, year: file.year) == checked {
                skipped += 1
            } else {
                try await store.save(checked)
                written += 1
            }
        }
        let stored = try await store.trackedItems(of: code)
        for (index, item) in special.trackedItems.enumerated() {
            var checked = try Self.rule(prefix: "specialReporting.trackedItems[\(index)].") { try TrackedItemService.checked(item) }
            let before = stored.first { YearFileSpecialReporting.sameItem($0, checked) }
            checked.id = before?.id
            if before == checked {
                skipped += 1
                continue
            }
            try await store.save(checked)
            written += 1
        }
    }

    private static func rule<T>(prefix: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let errors as InputErrors {
            var prefixed = InputErrors()
            for entry in errors.entries { prefixed.add(prefix + entry.field, entry.message) }
            throw ServiceError.invalid(prefixed)
        }
    }
}
