import HTTPTypes
import Hummingbird

/// An HTML page as a response.
struct HTML: ResponseGenerator {
    var status: HTTPResponse.Status = .ok
    var html: String

    /// The page with its own status, for handlers that return other responses too.
    var response: Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    func response(from request: Request, context: some RequestContext) throws -> Response { response }
}
