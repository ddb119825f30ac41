import Foundation

extension Action {
  /// 查看拒绝记录 — who tried what and was refused (第二十四、四十三条: 谁使用、谁负责, and the
  /// security duty): supervisors and system admins read the log, nobody else.
  public static let readRefusalLog = Action(
    "audit.refusals", "查看拒绝记录", roles: [.supervisor, .admin])
}

/// 拒绝记录 — one refused attempt as the node logged it: when, who, on which node, what they
/// tried (the action's title), on what (a case number, a file, a peer), and the reason they read.
public struct RefusalRecord: Equatable, Sendable {
  /// Milliseconds since 1970.
  public var at: Int64
  public var actor: String
  /// The actor's name from the staff table, nil for a login that is not staff.
  public var actorName: String?
  public var node: String
  public var action: String
  public var subject: String?
  public var reason: String

  public init(
    at: Int64, actor: String, actorName: String?, node: String, action: String,
    subject: String?, reason: String
  ) {
    self.at = at
    self.actor = actor
    self.actorName = actorName
    self.node = node
    self.action = action
    self.subject = subject
    self.reason = reason
  }

  public var date: Date { Date(timeIntervalSince1970: Double(at) / 1000) }

  /// `李欣(lixin)`, or the login alone when it names nobody on the staff.
  public var who: String { actorName.map { "\($0)(\(actor))" } ?? actor }
}

/// What part of the refusal log to read: from a day on, one login's, newest first.
public struct RefusalQuery: Equatable, Sendable {
  public var from: CivilDate?
  public var actor: String?
  public var limit: Int
  public var offset: Int

  public init(from: CivilDate? = nil, actor: String? = nil, limit: Int = 200, offset: Int = 0) {
    self.from = from
    self.actor = actor
    self.limit = limit
    self.offset = offset
  }
}
