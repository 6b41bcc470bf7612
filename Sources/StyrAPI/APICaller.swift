public import StyrDomain

/// The authenticated caller of the current API request, set by the web layer's API middleware
/// (bearer token or session cookie) around the generated handlers.
public enum APICaller {
    @TaskLocal public static var current: UserAccount?
}
