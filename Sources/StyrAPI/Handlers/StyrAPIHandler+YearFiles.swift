import Foundation
import OpenAPIRuntime
import StyrDomain
import StyrServices

/// The year file through the API: the same use cases as `styr export year` and `styr import year`
/// (`YearFileService`). The document is the file's own JSON (docs/year-file.md), passed through
/// the contract's free-form object unchanged; refusals name the JSON path.
extension StyrAPIHandler {
    func exportYearFile(_ input: Operations.ExportYearFile.Input) async throws -> Operations.ExportYearFile.Output {
        let (code, year) = (input.path.code, input.path.year)
        try validate(year: year)
        let file = try await service { try await services.yearFiles.export(code: code, year: year, by: APICaller.current) }
        let document = try JSONDecoder().decode(Components.Schemas.YearFile.self, from: try file.encoded())
        return .ok(.init(body: .json(document)))
    }

    func importYearFile(_ input: Operations.ImportYearFile.Input) async throws -> Operations.ImportYearFile.Output {
        guard case .json(let document) = input.body else { throw APIProblem.invalid("Forventet JSON.") }
        let replace = input.query.replace ?? false
        let file: YearFile
        do {
            file = try YearFile.decode(try JSONEncoder().encode(document))
        } catch let errors as InputErrors {
            throw APIProblem.invalid("Årsfila kan ikke leses; ingenting er endret. " + errors.summary)
        }
        do {
            let summary = try await services.yearFiles.importFile(
                file, as: input.query.organisationCode, replace: replace, by: APICaller.current)
            return .created(.init(body: .json(.init(
                organisationCode: summary.organisationCode, year: summary.year, createdOrganisations: summary.createdOrganisations,
                written: summary.written, skipped: summary.skipped))))
        } catch ServiceError.invalid(let errors) {
            var detail = "Årsfila ble ikke lest inn; ingenting er endret. " + errors.summary
            if !replace, errors["year"] != nil, BudgetYears.contains(file.year) { detail += " Bruk replace=true for å bytte dem ut." }
            throw APIProblem.invalid(detail)
        } catch let error as ServiceError {
            throw APIProblem(error)
        }
    }
}
