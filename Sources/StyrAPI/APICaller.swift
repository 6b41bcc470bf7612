package import StyrDomain

/// The authenticated caller of the current API request, set by the web layer's API middleware
/// (bearer token or session cookie) around the generated handlers.
package enum APICaller {
    @TaskLocal package static var current: UserAccount?
}
