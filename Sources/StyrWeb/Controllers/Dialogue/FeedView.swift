/// The view model of `feed.mustache`: the user's calendar feed address, shown once when renewed.
struct FeedView: Sendable {
    var newURL: String?
    /// When the current address was made; nil when the user has none.
    var createdAt: String?
    var csrfToken: String
}
