import ArgumentParser
import Hummingbird
import Logging
import StyrDemo
import StyrDomain
import StyrServices
import StyrStorage
import StyrWeb

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Starter webserveren (migrerer databasen først).")

    @OptionGroup var databaseOptions: DatabaseOptions

    @Option(help: "Adressen serveren lytter på.")
    var host: String = "127.0.0.1"

    @Option(help: "Porten serveren lytter på.")
    var port: Int = 8080

    @Flag(help: "Last demodata (UKE 2020) inn hvis databasen er tom, og lag én demobruker per rolle (passordene skrives ut).")
    var demo = false

    @Flag(inversion: .prefixedNo, help: "Sett Secure på informasjonskapsler (standard: på, unntatt på 127.0.0.1/localhost).")
    var secureCookies: Bool?

    @Option(help: "Varslingsfrist for alvorlige hendelser i minutter etter at de er oppdaget (standard 60).")
    var incidentNotificationMinutes = 60

    @Option(help: "Avvik mellom prognose og regulert budsjett som må forklares: beløp i kroner (standard 500000).")
    var forecastThresholdKroner: Int64 = 500_000

    @Option(help: "… og prosent av regulert budsjett (standard 5). Begge må overskrides.")
    var forecastThresholdPercent: Int64 = 5

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port må være mellom 1 og 65535.") }
        guard (1...10_080).contains(incidentNotificationMinutes) else {
            throw ValidationError("--incident-notification-minutes må være mellom 1 og 10080 (én uke).")
        }
        guard (0...1_000_000_000_000).contains(forecastThresholdKroner) else {
            throw ValidationError("--forecast-threshold-kroner må være mellom 0 og 1 000 000 000 000.")
        }
        guard (0...100).contains(forecastThresholdPercent) else { throw ValidationError("--forecast-threshold-percent må være mellom 0 og 100.") }
    }

    func run() async throws {
        let configuration = WebConfiguration(
            host: host, port: port, secureCookies: secureCookies,
            notificationLimit: NotificationLimit(minutes: incidentNotificationMinutes),
            forecastThreshold: ForecastThreshold(amount: .kroner(forecastThresholdKroner), percentBasisPoints: forecastThresholdPercent * 100))
        let demo = demo
        let url = try databaseOptions.url()
        try await databaseOptions.withMigratedDatabase { database in
            if demo {
                let loaded = try await DemoLoader.loadIfEmpty(database)
                say(loaded ? "Lastet demodata (UKE 2020)." : "Databasen har allerede data; demodata ble ikke lastet på nytt.")
                let credentials = try await DemoUsers.ensure(in: database, bcryptCost: configuration.bcryptCost)
                say("Demobrukere (passordene er nye for hver start og vises bare nå):")
                for (user, password) in credentials {
                    let role = user.assignments.map { "\($0.role.norwegianName) \($0.organisationCode)" }.joined(separator: ", ")
                    say("  \(user.email)  \(password)  (\(role))")
                }
            }
            var logger = Logger(label: "styr.web")
            logger.logLevel = .info
            // The first start: no user yet, so a one-time link lets the first administrator in.
            let services = Services(storage: SQLStorage(database, bcryptCost: configuration.bcryptCost))
            if let token = try await services.setup.startIfNoUsers() {
                logger.notice("""
                    Databasen har ingen brukere. Opprett den første administratoren her (lenken gjelder i 24 timer og kan brukes én gang): \
                    http://\(configuration.host):\(configuration.port)/oppsett/\(token) \
                    – eller bruk «styr organisation add» og «styr user add --role admin».
                    """)
            }
            let app = try buildApplication(configuration, database: database, logger: logger)
            say("Styr kjører på http://\(configuration.host):\(configuration.port)/ (database: \(url))")
            try await app.runService()
        }
    }
}
