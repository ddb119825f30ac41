/// 拒绝 — a rule said no. A value with the clerk's message and the article it comes from, never a
/// crash; the store writes every refusal to the local audit log.
public struct Refusal: Error, Equatable, Sendable, CustomStringConvertible {
  public let message: String
  /// e.g. `第三十三条`, when the rule comes from the regulation.
  public let article: String?

  public init(_ message: String, article: String? = nil) {
    self.message = message
    self.article = article
  }

  public var description: String {
    if let article { return "\(message)(\(article))" }
    return message
  }
}
