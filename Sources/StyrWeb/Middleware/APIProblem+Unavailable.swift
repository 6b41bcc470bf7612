import StyrAPI

extension APIProblem {
    /// The database cannot be reached right now (`StorageAvailability.isUnavailable`): 503, try again.
    static let databaseUnavailable = APIProblem(
        status: 503, title: "Tjenesten er ikke tilgjengelig",
        detail: "Styr får ikke kontakt med databasen akkurat nå. Prøv igjen om litt.")
}
