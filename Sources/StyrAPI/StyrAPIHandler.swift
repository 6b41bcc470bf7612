import Foundation
import OpenAPIRuntime
import StyrDomain
import StyrServices

/// The JSON API: each operation of `openapi.yaml` (one file per resource in `Handlers/`) reads
/// its input, calls the same use case as the pages (`Services`), and writes the answer; a refusal
/// is mapped once to problem details (`Support/ServiceErrorProblem.swift`).
struct StyrAPIHandler: APIProtocol {
    /// The use cases; every operation translates JSON to one of them and back.
    let services: Services

    init(services: Services) { self.services = services }

    /// Refuses a year outside what Styr keeps (the document says 1900–2200) as 422 naming `year`,
    /// as the contract has it (the pages answer 400).
    func validate(year: Int) throws {
        guard BudgetYears.contains(year) else { throw APIProblem.invalid("year: \(BudgetYears.outOfRangeMessage(year))") }
    }

    // MARK: Shared by several resources

    /// A fixed-point quantity as a plain decimal string with a dot ("81.7", "-3.3").
    static func decimal(_ value: Quantity) -> String {
        let magnitude = value.milli.magnitude
        var fraction = String(magnitude % 1000)
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return (value.milli < 0 ? "-" : "") + String(magnitude / 1000) + (fraction.isEmpty ? "" : "." + fraction)
    }
}
