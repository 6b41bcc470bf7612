import Hummingbird
import Logging
import StyrReports
import StyrStorage

/// What `styr serve` needs to start the web application.
public struct WebConfiguration: Sendable {
    public var host: String
    public var port: Int

    public init(host: String = "127.0.0.1", port: Int = 8080) {
        self.host = host
        self.port = port
    }
}

/// The composition root of the web application: everything is built here and passed in.
public func buildApplication(
    _ configuration: WebConfiguration, database: Database, logger: Logger = Logger(label: "styr.web")
) throws -> some ApplicationProtocol {
    let router = try buildRouter(database: database)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Styr"),
        logger: logger
    )
}

/// The routes, separate from the application so tests can drive them without a socket.
public func buildRouter(database: Database) throws -> Router<BasicRequestContext> {
    let router = Router()
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ErrorPageMiddleware())
    let pages = try PageController(database: database, renderer: HTMLRenderer(pageTemplates: PageTemplates.all))
    pages.addRoutes(to: router)
    router.get("/styles.css") { _, _ in
        Response(
            status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
            body: .init(byteBuffer: ByteBuffer(string: StyleSheet.css)))
    }
    router.get("/health") { _, _ in "ok" }
    return router
}
