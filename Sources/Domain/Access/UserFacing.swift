/// An error whose message a clerk can read: Chinese, no SQL, no bound values.
public protocol UserFacingError: Error {
  var userMessage: String { get }
}

extension Refusal: UserFacingError {
  public var userMessage: String { description }
}

extension IdentifierProblem: UserFacingError {
  public var userMessage: String { message }
}
