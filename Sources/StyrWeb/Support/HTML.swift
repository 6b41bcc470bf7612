import HTTPTypes
import Hummingbird

/// An HTML page as a response (or, with `location`, a redirect).
struct HTML: ResponseGenerator {
    var status: HTTPResponse.Status = .ok
    var html: String
    var location: String?

    init(status: HTTPResponse.Status = .ok, html: String, location: String? = nil) {
        self.status = status
        self.html = html
        self.location = location
    }

    /// The page with its own status, for handlers that return other responses too.
    var response: Response {
        if let location { return Response(status: status, headers: [.location: location]) }
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    func response(from request: Request, context: some RequestContext) throws -> Response { response }
}
