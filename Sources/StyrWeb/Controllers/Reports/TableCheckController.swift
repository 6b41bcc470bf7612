import Foundation
import Hummingbird
import StyrDomain
import StyrReports
import StyrServices

/// «Kontroll av tabeller»: a controller uploads one or more published tables, picks a table
/// definition (or lets Styr pick the one that fits) and sees the findings — the same check as
/// `styr check` (`TableCheckService`). Nothing is stored.
struct TableCheckController: Sendable {
    let checks: TableCheckService
    let pages: Pages
    let access: Authorizer

    static let maximumBytes: Int64 = 20_000_000

    func addRoutes(to router: Router<StyrRequestContext>) {
        router.get("/organisasjoner/:code/kontroll-av-tabeller") { _, context in
            let code = try context.parameters.require("code")
            return try await page(code, values: [:], files: [], result: nil, errors: [], context)
        }
        router.post("/organisasjoner/:code/kontroll-av-tabeller") { request, context in
            let code = try context.parameters.require("code")
            _ = try await checks.prepare(in: code, by: context.session?.user)
            let upload: MultipartUpload
            do {
                upload = try await MultipartUpload.read(request, fileField: "tabeller", maximumFileBytes: Self.maximumBytes)
            } catch let failure as MultipartUpload.Failure {
                return try await page(code, values: [:], files: [], result: nil, errors: [failure.description], context)
            }
            defer { for file in upload.files { try? FileManager.default.removeItem(atPath: file.path) } }
            try access.requireCSRF(upload.fields, context)
            let files = upload.files.filter { !$0.name.isEmpty && $0.bytes > 0 }.compactMap { file in
                FileManager.default.contents(atPath: file.path).map { TableCheckRun.File(name: file.name, data: $0) }
            }
            guard !files.isEmpty else {
                return try await page(code, values: upload.fields, files: [], result: nil, errors: ["Velg minst én tabell (CSV) å kontrollere."], context)
            }
            let tolerance = upload.fields.text("toleranse").replacingOccurrences(of: ",", with: ".")
            guard tolerance.isEmpty || Double(tolerance).map({ $0 >= 0 }) == true else {
                return try await page(code, values: upload.fields, files: files.map(\.name), result: nil,
                                      errors: ["Toleransen «\(tolerance)» er ikke et tall ≥ 0."], context)
            }
            do {
                let report = try await checks.check(
                    files, definition: upload.fields.text("definisjon"), tolerance: Double(tolerance), in: code, by: context.session?.user)
                return try await page(code, values: upload.fields, files: files.map(\.name), result: report, errors: [], context)
            } catch ServiceError.invalid(let errors) {
                return try await page(code, values: upload.fields, files: files.map(\.name), result: nil, errors: errors.entries.map(\.message), context)
            }
        }
    }

    func page(_ code: String, values: [String: String], files: [String], result: TableCheckReport?, errors: [String],
              _ context: StyrRequestContext) async throws -> Response {
        let scope = try await checks.prepare(in: code, by: context.session?.user)
        let model = TableCheckView(scope, definitions: checks.definitions, values: values, files: files, report: result, errors: errors,
                                   csrfToken: context.session?.csrfToken ?? "")
        return pages.html("Kontroll av tabeller", template: "table-check", model: model, context: context,
                          status: errors.isEmpty ? .ok : .unprocessableContent,
                          trail: [NavigationLink(url: scope.base, label: scope.organisation.name)]).response
    }
}
