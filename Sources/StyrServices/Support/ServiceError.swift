import StyrDomain

/// Why a use case refused. Each edge maps these once: the pages to an HTML page or a message beside
/// a form field (`StyrWeb/Middleware/ServiceErrorMiddleware.swift`), the API to an RFC 9457 problem
/// (`StyrAPI/Support/ServiceErrorProblem.swift`), the command line to a message and exit code.
/// Messages are Norwegian and name nothing of any edge (no form field, no flag, no JSON name).
public enum ServiceError: Error, Sendable, Equatable {
    /// Nobody is logged in.
    case unauthenticated
    /// The user's roles do not allow this on the organisation.
    case forbidden(organisationCode: String)
    case unknownOrganisation(code: String)
    /// Letters, meetings, signals and notices belong to agencies (and their sections).
    case notAnAgency(code: String, name: String)
    /// A record that is not there, in a sentence (`Fant ikke styringssignal 7 hos «UKE».`).
    case notFound(String)
    /// A value outside what Styr keeps (a year before 1900), in a sentence: a bad request.
    case badRequest(String)
    /// A rule refused the input: messages keyed by the domain field they concern.
    case invalid(InputErrors)
    /// An import clashes with an earlier one; the edge says how to replace it.
    case importClash(LedgerImportClash)

    /// The message for a person, in Norwegian.
    public var message: String {
        switch self {
        case .unauthenticated: "Du er ikke logget inn."
        case .forbidden(let code):
            "Rollene dine gir ikke tilgang til dette for «\(code)». Be en administrator om tilgang hvis du trenger det."
        case .unknownOrganisation(let code): "Det finnes ingen organisasjon med koden «\(code)»."
        case .notAnAgency(let code, let name):
            "\(name) («\(code)») er ikke en etat. Tildelingsbrev, møter, styringssignaler og meldinger hører til etatene; se styringsdialogen for etatene under \(name)."
        case .notFound(let sentence), .badRequest(let sentence): sentence
        case .invalid(let errors): errors.entries.map(\.message).joined(separator: " ")
        case .importClash(let clash): clash.description
        }
    }

    /// Runs a rule that throws `InputErrors`, as `.invalid`.
    public static func rule<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let errors as InputErrors {
            throw ServiceError.invalid(errors)
        }
    }
}
